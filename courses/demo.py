"""Demo curricula, cohorts and some progress for `make run`; safe to repeat."""

from datetime import timedelta
from pathlib import Path

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images.models import Image

from lms import demo as lms_demo
from lms.models import HomePage, User

from . import services
from .demo_content import COURSES
from .models import Cohort, CourseIndexPage, CoursePage, LessonPage, Pacing, WeekPage

MEDIA = Path(__file__).resolve().parent / "demo_media"
COHORT_CODES = {"pemasaran-digital": "PASAR7", "pembiayaan-umkm": "DANA27"}


def _image(filename: str) -> Image:
    title = f"demo: {filename}"
    image = Image.objects.filter(title=title).first()
    if image is None:
        with (MEDIA / filename).open("rb") as handle:
            image = Image(title=title, file=ImageFile(handle, name=filename))
            image.save()
    return image


def _body(blocks) -> list[dict]:
    raw = []
    for block_type, value in blocks:
        if block_type == "video":
            value = {**value, "thumbnail": _image(value["thumbnail"]).pk, "file": None}
        raw.append({"type": block_type, "value": value})
    return raw


def _course(index: CourseIndexPage, spec: dict) -> CoursePage:
    course = CoursePage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if course is not None:
        return course
    course = index.add_child(
        instance=CoursePage(
            title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            cover_image=_image(spec["cover"]),
            objectives=[{"type": "objective", "value": text} for text in spec["objectives"]],
            hours_per_week=spec["hours_per_week"],
            pacing=spec["pacing"],
            mentor_name=spec["mentor_name"],
            mentor_phone=spec["mentor_phone"],
        )
    )
    for number, week_spec in enumerate(spec["weeks"], start=1):
        week = course.add_child(
            instance=WeekPage(
                title=week_spec["title"], slug=f"minggu-{number}", summary=week_spec["summary"]
            )
        )
        for lesson_spec in week_spec["lessons"]:
            week.add_child(
                instance=LessonPage(
                    title=lesson_spec["title"],
                    slug=lesson_spec["slug"],
                    minutes=lesson_spec["minutes"],
                    body=_body(lesson_spec["body"]),
                )
            )
    return course


@transaction.atomic
def seed() -> list[str]:
    """Build both courses, a cohort for each with the demo learners, and a little progress."""
    home = HomePage.objects.first()
    index = CourseIndexPage.objects.first() or home.add_child(
        instance=CourseIndexPage(title="Kursus", slug="kursus")
    )
    mentor = User.objects.get(email="mentor@pintar-umkm.test")
    owner = User.objects.get(phone=lms_demo.OWNER_PHONE)
    member = User.objects.get(email=lms_demo.MEMBER_EMAIL)
    lines = []
    for spec in COURSES:
        course = _course(index, spec)
        weekly = course.pacing == Pacing.WEEKLY
        cohort, _ = Cohort.objects.get_or_create(
            join_code=COHORT_CODES[spec["slug"]],
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
