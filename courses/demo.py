"""Demo curricula, cohorts and some progress for `make run`; safe to repeat.

The two demo courses are course packages in ``courses/demo_packages/`` (YAML, Markdown and
images; see docs/course-packages.md), imported live with the same service mentors use. Their
page, question and block ids come from the packages, so every seeded site has the same ids.
"""

from datetime import timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from lms import demo as lms_demo
from lms.models import HomePage, User

from . import services
from .models import Cohort, CourseIndexPage, CoursePage, LessonPage, Pacing
from .packages import archive
from .packages import format as fmt
from .packages.errors import Problems
from .packages.services import course_package_import

PACKAGES = Path(__file__).resolve().parent / "demo_packages"
COHORT_CODES = {"pemasaran-digital": "PASAR7", "pembiayaan-umkm": "DANA27"}


def package_folders() -> list[Path]:
    """The shipped demo packages, one folder per course."""
    return sorted(path for path in PACKAGES.iterdir() if (path / fmt.COURSE_FILE).is_file())


def _package_id(package: archive.Package) -> str:
    problems = Problems()
    text = fmt.decode(package.files[fmt.COURSE_FILE], file=fmt.COURSE_FILE, problems=problems)
    data = fmt.load_yaml(text or "", file=fmt.COURSE_FILE, problems=problems) or {}
    problems.raise_if_any()
    return str(data.get("id", ""))


def _course(index: CourseIndexPage, folder: Path) -> CoursePage:
    package = archive.read_folder(folder)
    course = CoursePage.objects.filter(
        translation_key=_package_id(package), locale=Locale.get_default()
    ).first()  # not its English alias, which shares the id
    if course is not None:
        return course
    course = course_package_import(archive=package, index=index, publish=True)
    return CoursePage.objects.get(pk=course.pk)


@transaction.atomic
def seed() -> list[str]:
    """Import both courses, a cohort for each with the demo learners, and a little progress."""
    home = HomePage.objects.first()
    index = CourseIndexPage.objects.first() or home.add_child(
        instance=CourseIndexPage(title="Kursus", slug="kursus")
    )
    mentor = User.objects.get(email="mentor@pintar-umkm.test")
    owner = User.objects.get(phone=lms_demo.OWNER_PHONE)
    member = User.objects.get(email=lms_demo.MEMBER_EMAIL)
    lines = []
    for folder in package_folders():
        course = _course(index, folder)
        weekly = course.pacing == Pacing.WEEKLY
        cohort, _ = Cohort.objects.get_or_create(
            join_code=COHORT_CODES[course.slug],
            defaults={
                "name": f"{course.title} · Desember 2026",
                "course": course,
                # A weekly course started ten days ago: weeks 1 and 2 are open, 3 and 4 not yet.
                "start_date": timezone.localdate() - timedelta(days=10 if weekly else 0),
                "mentor": mentor,
                "whatsapp_group_url": "https://chat.whatsapp.com/DemoPintarUMKM",
            },
        )
        lines.append(f"{course.title}: class code {cohort.join_code}")
    marketing = CoursePage.objects.get(slug="pemasaran-digital")
    cohort = Cohort.objects.get(join_code=COHORT_CODES["pemasaran-digital"])
    for learner in (owner, member):
        services.enrolment_start(learner=learner, course=marketing, cohort=cohort)
    lessons = list(LessonPage.objects.live().descendant_of(marketing).order_by("path")[:3])
    for lesson in lessons[:2]:
        services.lesson_mark_done(learner=member, lesson=lesson)
    services.lesson_mark_done(learner=owner, lesson=lessons[0])
    return lines
