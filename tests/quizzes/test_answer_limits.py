"""Answers have a length limit, refused with a message that names it; nothing longer is stored."""

import json
import uuid

import pytest
from django.urls import reverse
from django.utils.html import escape

from quizzes import grading, services
from quizzes.models import AnswerDraft, QuizAttempt, SurveyAnswer, SurveyResponse
from tests.answering import submit
from tests.factories import RIGHT_ANSWERS, build_course, build_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(db):
    return build_course(weeks=1, lessons_per_week=1)


def number_too_long():
    return escape(str(grading.NUMBER_TOO_LONG % {"limit": grading.NUMBER_MAX_LENGTH}))


def test_a_number_answer_of_ten_thousand_digits_is_refused_and_not_stored(client, learner, quiz):
    response = submit(client, quiz, {**RIGHT_ANSWERS, "q-q4": "9" * 10_000})
    assert response.status_code == 400
    assert number_too_long() in response.content.decode()
    assert not QuizAttempt.objects.exists()


def test_a_number_answer_at_the_limit_is_graded(client, learner, quiz):
    answer = "600.000," + "0" * (grading.NUMBER_MAX_LENGTH - len("600.000,"))
    assert len(answer) == grading.NUMBER_MAX_LENGTH
    assert submit(client, quiz, {**RIGHT_ANSWERS, "q-q4": answer}).status_code == 302
    assert QuizAttempt.objects.get().score_percent == 100


def test_the_number_field_stops_typing_at_the_limit(client, learner, quiz):
    page = client.get(quiz.url).content.decode()
    assert f'name="q-q4" maxlength="{grading.NUMBER_MAX_LENGTH}"' in page


def test_read_answers_names_the_number_question_that_is_too_long():
    question = grading.Question(id="n", kind=grading.NUMERIC, answer=grading.Decimal(1))
    with pytest.raises(grading.AnswerError) as caught:
        grading.read_answers([question], {"n": ["1" * (grading.NUMBER_MAX_LENGTH + 1)]})
    assert caught.value.errors == {
        "n": grading.NUMBER_TOO_LONG % {"limit": grading.NUMBER_MAX_LENGTH}
    }


def survey_answers(**overrides):
    return {"q-l1": "5", "q-l2": "4", "q-l3": "3", "q-o1": "Video tipsnya", "q-o2": "", **overrides}


def test_an_open_survey_answer_over_the_limit_is_refused_and_not_stored(client, learner, course):
    survey = build_survey(course)
    too_long = "a" * (services.OPEN_ANSWER_MAX_LENGTH + 1)
    response = client.post(
        reverse("quizzes:survey_submit", args=[survey.pk]), survey_answers(**{"q-o2": too_long})
    )
    assert response.status_code == 400
    message = services.OPEN_ANSWER_TOO_LONG % {"limit": services.OPEN_ANSWER_MAX_LENGTH}
    assert escape(str(message)) in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_an_open_survey_answer_at_the_limit_is_stored_whole(client, learner, course):
    survey = build_survey(course)
    answer = "a" * services.OPEN_ANSWER_MAX_LENGTH
    response = client.post(
        reverse("quizzes:survey_submit", args=[survey.pk]), survey_answers(**{"q-o2": answer})
    )
    assert response.status_code == 302
    assert SurveyAnswer.objects.get(item_id="o2").text == answer


def post_draft(client, quiz, answers):
    return client.post(
        reverse("quizzes:draft", args=[quiz.pk]),
        json.dumps({"token": str(uuid.uuid4()), "answers": answers}),
        content_type="application/json",
    )


@pytest.mark.parametrize(
    "answers",
    [
        {"q4": ["9" * (services.DRAFT_VALUE_MAX_LENGTH + 1)]},
        {"q4": [12]},
        {"q4": [["nested"]]},
        {"q1": ["c1"], "q4": ["9" * 10_000]},
    ],
)
def test_a_draft_with_a_value_no_form_sends_is_refused_whole(client, learner, quiz, answers):
    assert post_draft(client, quiz, answers).status_code == 400
    assert not AnswerDraft.objects.exists()


def test_a_draft_value_at_the_limit_is_kept(client, learner, quiz):
    value = "9" * services.DRAFT_VALUE_MAX_LENGTH
    assert post_draft(client, quiz, {"q4": [value]}).status_code == 204
    assert AnswerDraft.objects.get().answers == {"q4": [value]}
