"""Skipping the questionnaire before the course: an explicit choice, recorded once, by the
enrolled learner for themselves, that never touches an answer already given."""

import pytest
from django.test import Client
from django.urls import reverse

from courses import services as course_services
from quizzes import services
from quizzes.models import Phase, QuestionnaireSkip, QuizAttempt
from tests.answering import submit
from tests.factories import (
    RIGHT_ANSWERS,
    WRONG_ANSWERS,
    build_course,
    build_knowledge_check,
    lessons_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(db):
    return build_course(weeks=1, lessons_per_week=2)


@pytest.fixture
def knowledge(course):
    return build_knowledge_check(course)


def skip_url(course):
    return reverse("quizzes:before_skip", args=[course.pk])


def test_a_skip_is_recorded_once_however_often_it_is_sent(client, learner, course, knowledge):
    lesson = lessons_of(course)[0]
    for _ in range(2):
        response = client.post(skip_url(course), {"next": lesson.pk})
        assert response["Location"] == lesson.url
    skip = QuestionnaireSkip.objects.get()
    assert (skip.learner, skip.course_id) == (learner, course.pk)
    assert services.before_skip(learner=learner, course=course) == skip


def test_an_anonymous_visitor_is_sent_to_sign_in_and_nothing_is_recorded(client, course, knowledge):
    response = client.post(skip_url(course), {"next": lessons_of(course)[0].pk})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("lms:sign_in"))
    assert not QuestionnaireSkip.objects.exists()


def test_a_learner_not_enrolled_is_refused_and_nothing_is_recorded(
    client, owner, course, knowledge
):
    client.force_login(owner)
    response = client.post(skip_url(course), {"next": lessons_of(course)[0].pk})
    assert response.status_code == 403
    assert "Mulai kursus sebelum" in response.content.decode()
    assert not QuestionnaireSkip.objects.exists()


def test_a_learner_skips_for_themselves_only(client, learner, member, course, knowledge):
    """The form names no learner: whatever is sent, the skip is the signed-in learner's."""
    course_services.enrolment_start(learner=member, course=course)
    client.post(skip_url(course), {"next": lessons_of(course)[0].pk, "learner": member.pk})
    assert list(QuestionnaireSkip.objects.values_list("learner", flat=True)) == [learner.pk]


def test_skipping_needs_a_post_with_the_form_token(learner, course, knowledge):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(learner)
    assert browser.get(skip_url(course)).status_code == 405
    assert browser.post(skip_url(course), {"next": lessons_of(course)[0].pk}).status_code == 403
    assert not QuestionnaireSkip.objects.exists()


def test_skipping_after_answering_changes_nothing(client, learner, course, knowledge):
    submit(client, knowledge, WRONG_ANSWERS)
    before = list(QuizAttempt.objects.values())
    response = client.post(skip_url(course), {"next": lessons_of(course)[0].pk})
    assert response["Location"] == lessons_of(course)[0].url
    assert not QuestionnaireSkip.objects.exists()
    assert list(QuizAttempt.objects.values()) == before


def test_skipping_after_a_lesson_is_done_records_nothing(client, learner, course, knowledge):
    course_services.lesson_mark_done(learner=learner, lesson=lessons_of(course)[0])
    client.post(skip_url(course), {"next": lessons_of(course)[1].pk})
    assert not QuestionnaireSkip.objects.exists()


def test_a_course_without_a_questionnaire_records_no_skip(client, learner, course):
    response = client.post(skip_url(course), {"next": lessons_of(course)[0].pk})
    assert response["Location"] == lessons_of(course)[0].url
    assert not QuestionnaireSkip.objects.exists()


def test_answering_after_a_skip_counts_as_answered_before(client, learner, course, knowledge):
    client.post(skip_url(course), {"next": lessons_of(course)[0].pk})
    submit(client, knowledge, RIGHT_ANSWERS)
    attempt = QuizAttempt.objects.get()
    assert (attempt.phase, attempt.score_percent) == (Phase.PRE, 100)
    assert QuestionnaireSkip.objects.count() == 1  # the record of the choice stays


@pytest.mark.parametrize("next_value", ["", "abc", "-1", "99999999", "１"])
def test_a_missing_or_unknown_next_lesson_returns_to_the_course(
    client, learner, course, knowledge, next_value
):
    response = client.post(skip_url(course), {"next": next_value})
    assert response["Location"] == course.url
    assert QuestionnaireSkip.objects.count() == 1


def test_a_lesson_of_another_course_is_not_where_a_skip_leads(client, learner, course, knowledge):
    other = build_course(weeks=1, lessons_per_week=1, slug="lain")
    response = client.post(skip_url(course), {"next": lessons_of(other)[0].pk})
    assert response["Location"] == course.url


def test_an_unknown_course_is_not_found(client, learner, course):
    response = client.post(reverse("quizzes:before_skip", args=[999999]), {"next": ""})
    assert response.status_code == 404
    assert not QuestionnaireSkip.objects.exists()
