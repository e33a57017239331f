"""`manage.py export_course <slug or id> [-o file.zip]`: a course as a package ZIP."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Locale

from courses.models import CoursePage
from courses.packages.services import course_package_export


def _find(course: str) -> CoursePage | None:
    """The course with this page id, else with this slug: the one in the site's default
    locale first (its English translation or alias has the same slug)."""
    if course.isdigit() and (page := CoursePage.objects.filter(pk=int(course)).first()):
        return page
    found = CoursePage.objects.filter(slug=course).order_by("pk")
    return found.filter(locale=Locale.get_default()).first() or found.first()


class Command(BaseCommand):
    help = "Export a course as a package (a ZIP of YAML, Markdown and media files)."

    def add_arguments(self, parser):
        parser.add_argument("course", help="the course's slug or page id")
        parser.add_argument("-o", "--output", help="the ZIP to write (default: <slug>.zip)")

    def handle(self, *args, course, output=None, **options):
        page = _find(course)
        if page is None:
            raise CommandError(_("There is no course “%(course)s”.") % {"course": course})
        path = Path(output or f"{page.slug}.zip")
        path.write_bytes(course_package_export(course=page))
        self.stdout.write(_("Wrote %(path)s") % {"path": path})
