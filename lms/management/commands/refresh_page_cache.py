"""Retire every cached page route, course outline, privacy lookup and rendered lesson body
(lms/pagetree.py).

Saving, publishing, moving and deleting pages in Wagtail do this by themselves. Run it after
changing pages behind Wagtail's back (restoring a database backup, editing pages with SQL or a
queryset ``update()``) and on every release, whose templates may render lessons differently.
"""

from django.core.management.base import BaseCommand

from lms import pagetree


class Command(BaseCommand):
    help = (
        "Forget the cached page tree (after a database restore or a change made outside Wagtail)."
    )

    def handle(self, *args, **options):
        pagetree.tree_changed()
        self.stdout.write("Cached page tree retired: pages are read from the database again.")
