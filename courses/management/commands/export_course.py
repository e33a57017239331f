"""`manage.py export_course <slug or id> [-o file.zip]`: a course as a package ZIP."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from courses.models import CoursePage
from courses.packages.services import course_package_export


class Command(BaseCommand):
    help = "Export a course as a package (a ZIP of YAML, Markdown and media files)."

    def add_arguments(self, parser):
        parser.add_argument("course", help="the course's slug or page id")
        parser.add_argument("-o", "--output", help="the ZIP to write (default: <slug>.zip)")

    def handle(self, *args, course, output=None, **options):
        found = CoursePage.objects.filter(slug=course)
        if course.isdigit():
            found = found | CoursePage.objects.filter(pk=int(course))
        page = found.first()
        if page is None:
            raise CommandError(_("There is no course “%(course)s”.") % {"course": course})
        path = Path(output or f"{page.slug}.zip")
        path.write_bytes(course_package_export(course=page))
        self.stdout.write(_("Wrote %(path)s") % {"path": path})
