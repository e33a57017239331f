"""Submissions at the same instant: the attempt limit and the submit token hold."""

import uuid

import pytest
from django.db import connection

from courses import services as course_services
from courses.models import WeekPage
from quizzes import services
from quizzes.models import QuizAttempt
from tests.concurrency import run_together
from tests.factories import RIGHT_ANSWERS, UserFactory, build_course, build_quiz

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs a server database with real concurrency"
    ),
]

RAW = {
    key.removeprefix("q-"): v if isinstance(v, list) else [v] for key, v in RIGHT_ANSWERS.items()
}


@pytest.fixture
def quiz_and_learner(db):
    course = build_course(weeks=1, lessons_per_week=1)
    quiz = build_quiz(WeekPage.objects.child_of(course).get(), attempts_allowed=1)
    learner = UserFactory()
    course_services.enrolment_start(learner=learner, course=course)
    return quiz, learner


def test_concurrent_submissions_stay_within_the_attempt_limit(quiz_and_learner):
    quiz, learner = quiz_and_learner
    outcomes = run_together(
        lambda: services.attempt_submit(
            learner=learner, page=quiz, raw_answers=RAW, token=uuid.uuid4()
        ),
        times=3,
    )
    assert QuizAttempt.objects.filter(learner=learner).count() == 1
    refused = [o for o in outcomes if isinstance(o, services.ValidationError)]
    assert len(refused) == 2
    assert all(o.messages == [str(services.ATTEMPTS_USED_UP)] for o in refused)


def test_concurrent_double_tap_with_one_token_records_one_attempt(quiz_and_learner):
    quiz, learner = quiz_and_learner
    token = uuid.uuid4()
    outcomes = run_together(
        lambda: services.attempt_submit(learner=learner, page=quiz, raw_answers=RAW, token=token)
    )
    assert QuizAttempt.objects.filter(learner=learner).count() == 1
    assert {o.pk for o in outcomes} == {QuizAttempt.objects.get().pk}
