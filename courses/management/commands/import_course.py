"""`manage.py import_course <file.zip or folder> [--index <id>] [--dry-run]`."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from courses.models import CourseIndexPage
from courses.packages.errors import PackageError
from courses.packages.services import course_package_import, course_package_preview


class Command(BaseCommand):
    help = (
        "Import a course package: a new course as a draft, or the course with the same id "
        "updated in place. --dry-run prints what would change and writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("package", help="a package ZIP or folder")
        parser.add_argument("--index", type=int, help="the course list's page id")
        parser.add_argument("--dry-run", action="store_true", help="print the plan only")

    def handle(self, *args, package, index=None, dry_run=False, **options):
        parent = None
        if index is not None:
            parent = CourseIndexPage.objects.filter(pk=index).first()
            if parent is None:
                raise CommandError(_("There is no course list with id %(id)s.") % {"id": index})
        try:
            plan = course_package_preview(archive=package, index=parent)
            for line in plan.lines():
                self.stdout.write(line)
            if dry_run:
                return
            course = course_package_import(archive=package, index=parent)
        except PackageError as error:
            for problem in error.problems:
                self.stderr.write(problem)
            raise CommandError(
                _("The package was not imported: %(count)d problem(s).")
                % {"count": len(error.problems)},
                returncode=1,
            ) from error
        except FileNotFoundError as error:
            raise CommandError(str(error), returncode=1) from error
        self.stdout.write(
            _("Imported “%(title)s” (page %(id)s).") % {"title": course.title, "id": course.pk}
        )
