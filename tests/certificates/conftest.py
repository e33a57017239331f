import pytest
from django.urls import reverse

from courses import services as course_services
from courses.models import Cohort, WeekPage
from tests.answering import submit
from tests.factories import (
    RIGHT_ANSWERS,
    build_course,
    build_knowledge_check,
    build_quiz,
    build_survey,
    lessons_of,
)

SURVEY_ANSWERS = {"q-l1": "4", "q-l2": "5", "q-l3": "3", "q-o1": "Contoh konten."}


@pytest.fixture
def course(db):
    """Two weeks of one lesson each, a quiz in week 1, a questionnaire and a survey."""
    course = build_course(weeks=2, lessons_per_week=1)
    build_quiz(WeekPage.objects.child_of(course).first())
    build_knowledge_check(course)
    build_survey(course)
    return course


@pytest.fixture
def learner(owner, mentor, course, client):
    """The owner, enrolled through a class run by the mentor, signed in."""
    cohort = Cohort.objects.create(
        name="Kelas A", course=course, start_date="2026-11-01", mentor=mentor
    )
    course_services.enrolment_start(learner=owner, course=course, cohort=cohort)
    client.force_login(owner)
    return owner


class Steps:
    """The learner's steps through the course, as the site's forms post them."""

    def __init__(self, client, course):
        self.client, self.course = client, course

    def lessons(self):
        return [
            self.client.post(reverse("courses:lesson_done", args=[lesson.pk]))
            for lesson in lessons_of(self.course)
        ]

    def quiz(self):
        from quizzes.models import QuizPage

        quiz = QuizPage.objects.descendant_of(self.course).get()
        return self._answer(quiz, RIGHT_ANSWERS)

    def post_questionnaire(self):
        from quizzes.models import KnowledgeCheckPage

        return self._answer(KnowledgeCheckPage.objects.child_of(self.course).get(), RIGHT_ANSWERS)

    def survey(self):
        from quizzes.models import SurveyPage

        page = SurveyPage.objects.child_of(self.course).get()
        return self.client.post(reverse("quizzes:survey_submit", args=[page.pk]), SURVEY_ANSWERS)

    def _answer(self, page, answers):
        return submit(self.client, page, answers)


@pytest.fixture
def steps(client, course, learner):
    return Steps(client, course)


@pytest.fixture
def certificate(course, learner, steps):
    """The learner's certificate, issued by taking every step."""
    from certificates.models import Certificate

    steps.lessons()
    steps.quiz()
    steps.post_questionnaire()
    steps.survey()
    return Certificate.objects.get(learner=learner)
