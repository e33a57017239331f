"""The knowledge questionnaire before and after the course, and the satisfaction survey."""

import pytest
from django.urls import reverse

from courses import services as course_services
from quizzes.models import Phase, QuizAttempt, SurveyAnswer, SurveyResponse
from tests.answering import submit
from tests.factories import (
    RIGHT_ANSWERS,
    WRONG_ANSWERS,
    build_course,
    build_knowledge_check,
    build_survey,
    lessons_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(db):
    return build_course(weeks=1, lessons_per_week=2)


def finish_lessons(learner, course):
    for lesson in lessons_of(course):
        course_services.lesson_mark_done(learner=learner, lesson=lesson)


def test_course_page_offers_the_questionnaire_before_the_first_lesson(client, learner, course):
    knowledge = build_knowledge_check(course)
    page = client.get(course.url).content.decode()
    assert f'class="button button--wide" href="{knowledge.url}"' in page
    assert 'id="before-heading"' in page  # the first step, above the lessons


def test_pre_then_post_pair_up_and_show_the_gain(client, learner, course):
    knowledge = build_knowledge_check(course)
    submit(client, knowledge, WRONG_ANSWERS)
    assert QuizAttempt.objects.get().phase == Phase.PRE
    assert "Kembali lagi setelah pelajaran terakhir" in client.get(knowledge.url).content.decode()
    assert submit(client, knowledge, RIGHT_ANSWERS).status_code == 400  # post is not open yet

    finish_lessons(learner, course)
    submit(client, knowledge, RIGHT_ANSWERS)
    post = QuizAttempt.objects.get(phase=Phase.POST)
    assert post.passed is None
    assert post.pass_mark_percent is None
    page = client.get(knowledge.url).content.decode()
    assert "+100 poin" in page
    assert submit(client, knowledge, RIGHT_ANSWERS).status_code == 400
    assert QuizAttempt.objects.count() == 2


def test_pre_is_no_longer_offered_once_learning_has_begun(client, learner, course):
    knowledge = build_knowledge_check(course)
    course_services.lesson_mark_done(learner=learner, lesson=lessons_of(course)[0])
    response = submit(client, knowledge, RIGHT_ANSWERS)
    assert response.status_code == 400
    assert not QuizAttempt.objects.exists()


def survey_answers(survey, **overrides):
    data = {"q-l1": "5", "q-l2": "4", "q-l3": "3", "q-o1": "Video tipsnya", "q-o2": ""}
    data.update(overrides)
    return data


def test_survey_is_answered_once(client, learner, course):
    survey = build_survey(course)
    url = reverse("quizzes:survey_submit", args=[survey.pk])
    response = client.post(url, survey_answers(survey))
    assert response["Location"] == survey.url
    response = SurveyResponse.objects.get()
    assert response.answers["l1"]["value"] == 5
    assert SurveyAnswer.objects.filter(response=response, likert__isnull=False).count() == 3
    client.post(url, survey_answers(survey, **{"q-l1": "1"}))
    assert SurveyResponse.objects.count() == 1
    assert SurveyResponse.objects.get().answers["l1"]["value"] == 5
    assert "Anda sudah mengisi survei ini" in client.get(survey.url).content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"q-l1": "7"}, "Pilih angka 1 sampai 5"),
        ({"q-l2": ""}, "Pilih angka 1 sampai 5"),
        ({"q-o1": " "}, "Jawab pertanyaan ini"),
    ],
)
def test_survey_refuses_bad_answers_and_keeps_the_rest(client, learner, course, overrides, message):
    survey = build_survey(course)
    response = client.post(
        reverse("quizzes:survey_submit", args=[survey.pk]), survey_answers(survey, **overrides)
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert 'value="3" checked' in page  # l3 as the learner chose it
    assert not SurveyResponse.objects.exists()


def test_survey_needs_enrolment(client, owner, course):
    survey = build_survey(course)
    client.force_login(owner)
    response = client.post(
        reverse("quizzes:survey_submit", args=[survey.pk]), survey_answers(survey)
    )
    assert response.status_code == 403
    assert not SurveyResponse.objects.exists()
