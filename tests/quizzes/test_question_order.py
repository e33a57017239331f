"""An attempt's questions are shown in the quiz's order, whatever order the database keeps a JSON
object's keys in (PostgreSQL's jsonb puts shorter keys first, then sorts them bytewise)."""

import pytest
from django.urls import reverse

from quizzes import selectors
from quizzes.models import QuizAttempt
from tests.answering import submit
from tests.factories import build_course, build_quiz, choice_question

pytestmark = pytest.mark.django_db

# Quiz order on purpose unlike jsonb's (a, q2, q10, question-long) and unlike plain sorting.
ORDER = ["q10", "question-long", "q2", "a"]
PROMPTS = {qid: f"Pertanyaan nomor {n} ({qid})" for n, qid in enumerate(ORDER, start=1)}


@pytest.fixture
def course(db):
    return build_course(weeks=1, lessons_per_week=1)


@pytest.fixture
def quiz(course):
    questions = [
        choice_question(
            qid, PROMPTS[qid], [(f"{qid}-yes", "Ya", True), (f"{qid}-no", "Tidak", False)]
        )
        for qid in ORDER
    ]
    return build_quiz(course.get_children().first().specific, questions=questions)


def _positions(html: str, texts) -> list[int]:
    return [html.index(text) for text in texts]


def test_result_page_lists_questions_in_the_quiz_order(client, learner, quiz):
    submit(client, quiz, {f"q-{qid}": f"{qid}-yes" for qid in ORDER})
    attempt = QuizAttempt.objects.get()
    html = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
    found = _positions(html, [PROMPTS[qid] for qid in ORDER])
    assert found == sorted(found)


def test_an_attempt_stores_each_question_position(client, learner, quiz):
    submit(client, quiz, {f"q-{qid}": f"{qid}-yes" for qid in ORDER})
    answers = QuizAttempt.objects.get().answers
    assert {qid: answers[qid]["position"] for qid in ORDER} == {
        "q10": 1,
        "question-long": 2,
        "q2": 3,
        "a": 4,
    }


def test_an_attempt_stored_without_positions_follows_the_quiz_order(client, learner, quiz):
    submit(client, quiz, {f"q-{qid}": f"{qid}-yes" for qid in ORDER})
    attempt = QuizAttempt.objects.get()
    # As attempts were stored before positions existed, keys in jsonb's order.
    attempt.answers = {
        qid: {k: v for k, v in attempt.answers[qid].items() if k != "position"}
        for qid in ["a", "q2", "q10", "question-long"]
    }
    attempt.save(update_fields=["answers"])
    html = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
    found = _positions(html, [PROMPTS[qid] for qid in ORDER])
    assert found == sorted(found)


def test_snapshot_in_order_sorts_by_position_then_by_the_quiz_then_keeps_the_rest():
    answers = {
        "gone": {"prompt": "removed from the quiz since"},
        "b": {"prompt": "b"},
        "z": {"prompt": "z", "position": 2},
        "y": {"prompt": "y", "position": 1},
    }
    assert [e["prompt"] for e in selectors.snapshot_in_order(answers, ["b"])] == [
        "y",
        "z",
        "b",
        "removed from the quiz since",
    ]
    assert [e["prompt"] for e in selectors.snapshot_in_order({}, ["b"])] == []
