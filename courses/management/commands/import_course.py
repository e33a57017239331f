"""`manage.py import_course <file.zip or folder> [--index <id>] [--dry-run] [--diff]`."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.models import CourseIndexPage
from courses.packages import archive as archives
from courses.packages.diff import diff_text, files_diff
from courses.packages.errors import PackageError
from courses.packages.services import (
    course_package_files,
    course_package_import,
    course_package_preview,
)


class Command(BaseCommand):
    help = (
        "Import a course package: a new course as a draft, or the course with the same id "
        "updated in place. --dry-run prints what would change and writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("package", help="a package ZIP or folder")
        parser.add_argument("--index", type=int, help="the course list's page id")
        parser.add_argument("--dry-run", action="store_true", help="print the plan only")
        parser.add_argument(
            "--diff",
            action="store_true",
            help="also print, file by file, how the package differs from the course here",
        )

    def write_diff(self, plan, package) -> None:
        if plan.course is None:
            return  # a new course: every file is new
        for diff in files_diff(course_package_files(course=plan.course), package.files):
            if not diff.lines:
                self.stdout.write(f"{diff.path}: {diff.note}")
                continue
            self.stdout.write(f"--- {'/dev/null' if diff.status == 'added' else diff.path}")
            self.stdout.write(f"+++ {'/dev/null' if diff.status == 'removed' else diff.path}")
            for line in diff_text(diff):
                self.stdout.write(line)
            if diff.cut:
                self.stdout.write(
                    ngettext(
                        "(%(count)d more line of differences is not shown.)",
                        "(%(count)d more lines of differences are not shown.)",
                        diff.cut,
                    )
                    % {"count": diff.cut}
                )

    def handle(self, *args, package, index=None, dry_run=False, diff=False, **options):
        parent = None
        if index is not None:
            parent = CourseIndexPage.objects.filter(pk=index).first()
            if parent is None:
                raise CommandError(_("There is no course list with id %(id)s.") % {"id": index})
        try:
            if diff:
                package = archives.read(package)
            plan = course_package_preview(archive=package, index=parent)
            for line in plan.lines():
                self.stdout.write(line)
            if diff:
                self.write_diff(plan, package)
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
