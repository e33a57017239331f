"""The demo curricula: complete, repeatable, and light enough for slow mobile data."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from courses.models import Cohort, CoursePage, LessonCompletion, LessonPage, WeekPage
from lms.models import User
from reports.demo import DEMO_CLASS, demo_class_learners

pytestmark = pytest.mark.django_db

PAGE_BUDGET_BYTES = 40 * 1024
STATIC = Path(settings.BASE_DIR) / "static"


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=io.StringIO())


def test_seed_demo_builds_two_four_week_courses_and_can_run_again(demo):
    counts = (CoursePage.objects.count(), WeekPage.objects.count(), LessonPage.objects.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert (
        CoursePage.objects.count(),
        WeekPage.objects.count(),
        LessonPage.objects.count(),
    ) == counts
    assert counts[0] == 2
    assert counts[1] == 8
    for week in WeekPage.objects.all():
        lessons = LessonPage.objects.child_of(week)
        assert lessons.count() >= 2
        videos = sum(
            1 for lesson in lessons for block in lesson.body if block.block_type == "video"
        )
        assert videos == 1, week.title
    simulators = [
        lesson
        for lesson in LessonPage.objects.descendant_of(
            CoursePage.objects.get(slug="pembiayaan-umkm")
        )
        if any(block.block_type == "loan_simulator" for block in lesson.body)
    ]
    assert len(simulators) == 1
    # Besides the evaluation demo class (reports.demo, tested in tests/reports/test_demo.py):
    assert Cohort.objects.exclude(name=DEMO_CLASS).count() == 2
    # Both demo learners have done every marketing lesson (certificates.demo): 2 × 12.
    assert LessonCompletion.objects.exclude(learner__in=demo_class_learners()).count() == 24


def test_every_demo_lesson_fits_the_page_budget(client, demo):
    client.force_login(User.objects.get(email="mentor@pintar-umkm.test"))
    assets = (STATIC / "css" / "main.css").stat().st_size + (
        STATIC / "js" / "lesson.js"
    ).stat().st_size
    heaviest = 0
    for lesson in LessonPage.objects.live():
        response = client.get(lesson.url)
        assert response.status_code == 200
        heaviest = max(heaviest, len(response.content))
    assert heaviest + assets <= PAGE_BUDGET_BYTES, (heaviest, assets)
