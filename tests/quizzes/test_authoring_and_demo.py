import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.models import CoursePage, WeekPage
from quizzes.models import KnowledgeCheckPage, QuizAttempt, QuizPage, SurveyPage
from reports.demo import demo_class_learners
from tests.factories import build_course

pytestmark = pytest.mark.django_db


def choices(*items):
    data = {"count": str(len(items))}
    for index, (text, correct) in enumerate(items):
        data[str(index)] = {
            "value": {"text": text, "correct": "on" if correct else "", "feedback": ""},
            "deleted": "",
            "order": str(index),
        }
    return data


def quiz_form(questions, **fields):
    data = {
        "title": "Kuis minggu 1",
        "slug": "kuis",
        "intro": rich_text("<p>Ayo.</p>"),
        "pass_mark": "70",
        "attempts_allowed": "3",
        "feedback_timing": "after_each",
        "questions": streamfield(questions),
        "action-publish": "publish",
    }
    data.update(fields)
    return nested_form_data(data)


QUESTIONS = [
    (
        "single_choice",
        {
            "prompt": "Apa itu OJK?",
            "explanation": "",
            "choices": choices(("Pengawas", True), ("Bank", False)),
        },
    ),
    (
        "multiple_choice",
        {
            "prompt": "Ciri pinjol ilegal?",
            "explanation": "",
            "partial_credit": "on",
            "choices": choices(("Minta kontak", True), ("Terdaftar", False)),
        },
    ),
    ("true_false", {"prompt": "KUR disubsidi.", "answer": "true", "explanation": ""}),
    (
        "numeric",
        {
            "prompt": "Bunga flat?",
            "answer": "600000",
            "tolerance": "0",
            "unit": "Rp",
            "explanation": "",
        },
    ),
]


@pytest.fixture
def week(db):
    return WeekPage.objects.child_of(build_course(weeks=1, lessons_per_week=1)).get()


def test_mentor_adds_a_week_quiz_with_every_question_type(client, mentor, week):
    client.force_login(mentor)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["quizzes", "quizpage", week.pk]),
        quiz_form(QUESTIONS),
    )
    assert response.status_code == 302
    quiz = QuizPage.objects.get()
    assert [block.block_type for block in quiz.questions] == [
        "single_choice",
        "multiple_choice",
        "true_false",
        "numeric",
    ]
    assert all(block.id for block in quiz.questions)


def test_a_single_choice_question_needs_exactly_one_right_answer(client, mentor, week):
    client.force_login(mentor)
    bad = [
        (
            "single_choice",
            {"prompt": "?", "explanation": "", "choices": choices(("A", True), ("B", True))},
        )
    ]
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["quizzes", "quizpage", week.pk]), quiz_form(bad)
    )
    assert response.status_code == 200
    assert not QuizPage.objects.exists()


def test_a_week_has_at_most_one_quiz(client, mentor, week):
    client.force_login(mentor)
    url = reverse("wagtailadmin_pages:add", args=["quizzes", "quizpage", week.pk])
    client.post(url, quiz_form(QUESTIONS))
    assert not QuizPage.can_create_at(week)


def test_demo_has_a_quiz_a_questionnaire_and_a_survey_per_course(db):
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    for course in CoursePage.objects.all():
        weeks = WeekPage.objects.child_of(course)
        for week in weeks:
            quiz = QuizPage.objects.child_of(week).get()
            assert len(quiz.questions) >= 5
            assert len({block.block_type for block in quiz.questions}) >= 3
        knowledge = KnowledgeCheckPage.objects.child_of(course).get()
        assert len(knowledge.questions) >= 8
        survey = SurveyPage.objects.child_of(course).get()
        kinds = [block.block_type for block in survey.items]
        assert kinds.count("likert") >= 5
        assert kinds.count("open_text") >= 2
    financing = CoursePage.objects.get(slug="pembiayaan-umkm")
    assert any(
        block.block_type == "numeric"
        for quiz in QuizPage.objects.descendant_of(financing)
        for block in quiz.questions
    )
    # Agus failed then passed week 1 and Sutarni took the financing questionnaire (3); for the
    # certificates demo, Agus passed weeks 2-4 and the questionnaire after (4) and Sutarni every
    # marketing quiz and that questionnaire (5).
    assert QuizAttempt.objects.exclude(learner__in=demo_class_learners()).count() == 12
