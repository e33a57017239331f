"""Course completion records: written by the services that complete a course, once; quiz-only
weeks count when their quiz is passed; the backfill of learners who completed before."""

import importlib
import uuid
from datetime import timedelta

import pytest
from django.apps import apps
from django.db import connection
from django.utils import timezone

from certificates.models import Certificate
from certificates.services import certificate_issue_if_earned
from courses import services
from courses.models import CourseCompletion, Enrolment, LessonCompletion, LessonPage, WeekPage
from courses.selectors import course_progress_for
from quizzes import services as quiz_services
from reports import selectors as report_selectors
from tests.concurrency import run_together
from tests.factories import UserFactory, build_course, build_quiz, lessons_of

RIGHT = {"q1": ["c1"], "q2": ["c3", "c4"], "q3": ["true"], "q4": ["600.000"]}
WRONG = {"q1": ["c2"], "q2": ["c5"], "q3": ["false"], "q4": ["1"]}

backfill = importlib.import_module(
    "courses.migrations.0005_backfill_course_completions"
).backfill_course_completions


@pytest.fixture
def course(db):
    return build_course(weeks=2, lessons_per_week=2)


@pytest.fixture
def learner(course):
    learner = UserFactory()
    services.enrolment_start(learner=learner, course=course)
    return learner


def finish(learner, lessons):
    for lesson in lessons:
        services.lesson_mark_done(learner=learner, lesson=lesson)


def quiz_only_week(course):
    """A third week holding only a quiz."""
    week = course.add_child(instance=WeekPage(title="Minggu ke-3", slug="minggu-3"))
    return build_quiz(week, attempts_allowed=0)


def submit(learner, quiz, answers):
    return quiz_services.attempt_submit(
        learner=learner, page=quiz, raw_answers=answers, token=uuid.uuid4()
    )


def overview(course):
    scope = report_selectors.scope_for(course=course, enrolments=Enrolment.objects.all())
    return report_selectors.course_overview(scope)


def test_the_last_lesson_records_the_completion_with_what_was_required(course, learner):
    *first, last = lessons_of(course)
    finish(learner, first)
    assert not CourseCompletion.objects.exists()
    finish(learner, [last])
    record = CourseCompletion.objects.get(learner=learner, course=course)
    assert record.required == {
        "lesson_ids": [lesson.pk for lesson in lessons_of(course)],
        "quiz_ids": [],
    }
    assert record.completed_at >= LessonCompletion.objects.get(lesson=last).completed_at


def test_marking_the_last_lesson_done_twice_records_one_completion(course, learner):
    finish(learner, lessons_of(course))
    first = CourseCompletion.objects.get(learner=learner)
    finish(learner, lessons_of(course)[-1:])
    assert CourseCompletion.objects.filter(learner=learner).count() == 1
    assert CourseCompletion.objects.get(learner=learner).completed_at == first.completed_at


def test_a_quiz_only_week_counts_only_when_its_quiz_is_passed(course, learner):
    quiz = quiz_only_week(course)
    finish(learner, lessons_of(course))
    assert not CourseCompletion.objects.exists()
    progress = course_progress_for(learner=learner, course=course)
    assert not progress.complete
    assert progress.next_quiz_id == quiz.pk
    figures = overview(course)
    assert [count for _week, count in figures.funnel] == [1, 1, 0]  # started is not enough
    assert figures.completed == 0

    attempt = submit(learner, quiz, WRONG)
    assert not attempt.passed
    assert not CourseCompletion.objects.exists()
    assert [count for _week, count in overview(course).funnel] == [1, 1, 0]

    submit(learner, quiz, RIGHT)
    record = CourseCompletion.objects.get(learner=learner)
    assert record.required["quiz_ids"] == [quiz.pk]
    assert course_progress_for(learner=learner, course=course).complete
    figures = overview(course)
    assert [count for _week, count in figures.funnel] == [1, 1, 1]
    assert figures.completed == 1


def test_course_page_points_at_the_quiz_left_once_every_lesson_is_done(client, course, learner):
    quiz = quiz_only_week(course)
    finish(learner, lessons_of(course))
    client.force_login(learner)
    page = client.get(course.url).content.decode()
    assert f'<a class="button" href="{quiz.url}">' in page
    assert "completed-on" not in page


def test_a_quiz_passed_before_the_last_lesson_completes_with_the_lesson(course, learner):
    quiz = quiz_only_week(course)
    *first, last = lessons_of(course)
    finish(learner, first)
    submit(learner, quiz, RIGHT)
    assert not CourseCompletion.objects.exists()
    finish(learner, [last])
    assert CourseCompletion.objects.filter(learner=learner).count() == 1


def test_a_quiz_in_a_week_with_lessons_does_not_complete_anything(course, learner):
    week1 = WeekPage.objects.child_of(course).order_by("path").first()
    quiz = build_quiz(week1, attempts_allowed=0)
    submit(learner, quiz, RIGHT)
    assert not CourseCompletion.objects.exists()


def test_a_week_holding_nothing_is_not_required(course, learner):
    course.add_child(instance=WeekPage(title="Minggu kosong", slug="minggu-kosong"))
    finish(learner, lessons_of(course))
    assert CourseCompletion.objects.filter(learner=learner).exists()
    assert [week.number for week, _count in overview(course).funnel] == [1, 2]


# The backfill: learners who completed before the records existed.


def test_backfill_records_learners_who_did_every_lesson_at_their_last_lesson(course, learner):
    under_way = UserFactory()
    services.enrolment_start(learner=under_way, course=course)
    finish(learner, lessons_of(course))
    finish(under_way, lessons_of(course)[:1])
    CourseCompletion.objects.all().delete()
    last = timezone.now() - timedelta(days=3)
    LessonCompletion.objects.filter(learner=learner).update(completed_at=last - timedelta(days=1))
    LessonCompletion.objects.filter(learner=learner, lesson=lessons_of(course)[-1]).update(
        completed_at=last
    )

    backfill(apps, None)

    record = CourseCompletion.objects.get()
    assert (record.learner, record.completed_at) == (learner, last)
    assert record.required == {
        "lesson_ids": [lesson.pk for lesson in lessons_of(course)],
        "quiz_ids": [],
    }
    backfill(apps, None)  # again: nothing more, nothing changed
    assert CourseCompletion.objects.get().completed_at == last


def test_backfill_requires_quiz_only_weeks_passed(course, learner):
    quiz = quiz_only_week(course)
    passer = UserFactory()
    services.enrolment_start(learner=passer, course=course)
    finish(learner, lessons_of(course))
    finish(passer, lessons_of(course))
    submit(passer, quiz, RIGHT)
    CourseCompletion.objects.all().delete()

    backfill(apps, None)

    assert list(CourseCompletion.objects.values_list("learner", flat=True)) == [passer.pk]


def test_backfill_keeps_a_certificate_holder_completed_after_a_lesson_was_added(db):
    course = build_course(weeks=1, lessons_per_week=2)
    course.require_quizzes = course.require_post_questionnaire = course.require_survey = False
    course.save_revision().publish()
    holder = UserFactory()
    services.enrolment_start(learner=holder, course=course)
    finish(holder, lessons_of(course))
    certificate = certificate_issue_if_earned(learner=holder, course=course)
    issued = timezone.now() - timedelta(days=10)
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=issued)
    LessonCompletion.objects.filter(learner=holder).update(completed_at=issued + timedelta(hours=1))
    CourseCompletion.objects.all().delete()  # as before the records existed
    week = WeekPage.objects.child_of(course).first()
    added = week.add_child(
        instance=LessonPage(
            title="Baru", slug="baru", body=[{"type": "text", "value": "<p>Baru.</p>"}]
        )
    )

    backfill(apps, None)

    record = CourseCompletion.objects.get(learner=holder)
    assert record.completed_at == issued  # the certificate came before the last lesson's date
    assert added.pk not in record.required["lesson_ids"]
    progress = course_progress_for(learner=holder, course=course)
    assert progress.complete
    assert progress.new_lesson_ids == {added.pk}


# Races on a server database: two requests at once record one completion.

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs a server database with real concurrency"
)


@on_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_double_tap_on_the_last_lesson_records_one_completion():
    course = build_course(weeks=1, lessons_per_week=2, slug="balapan")
    learner = UserFactory()
    services.enrolment_start(learner=learner, course=course)
    *first, last = lessons_of(course)
    finish(learner, first)

    outcomes = run_together(lambda: services.lesson_mark_done(learner=learner, lesson=last))

    assert not [o for o in outcomes if isinstance(o, Exception)]
    assert CourseCompletion.objects.filter(learner=learner).count() == 1


@on_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_last_two_lessons_marked_at_once_record_one_completion():
    course = build_course(weeks=1, lessons_per_week=3, slug="balapan-dua")
    learner = UserFactory()
    services.enrolment_start(learner=learner, course=course)
    first, *remaining = lessons_of(course)
    finish(learner, [first])
    queue = iter(remaining)

    outcomes = run_together(lambda: services.lesson_mark_done(learner=learner, lesson=next(queue)))

    assert not [o for o in outcomes if isinstance(o, Exception)]
    assert CourseCompletion.objects.filter(learner=learner).count() == 1
