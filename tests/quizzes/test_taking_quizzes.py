import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from courses import services as course_services
from courses.models import Cohort, WeekPage
from quizzes import services
from quizzes.models import AnswerDraft, AttemptAnswer, QuizAttempt
from tests.answering import submit
from tests.factories import (
    RIGHT_ANSWERS,
    WRONG_ANSWERS,
    build_course,
    build_quiz,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(db):
    return build_course(weeks=2, lessons_per_week=1)


def test_quiz_page_shows_every_question_on_one_page(client, learner, quiz):
    page = client.get(quiz.url).content.decode()
    for prompt in [
        "Apa itu OJK?",
        "Ciri pinjol ilegal?",
        "KUR disubsidi pemerintah.",
        "Bunga flat 6%",
    ]:
        assert prompt in page
    assert 'name="token"' in page


def test_right_answers_pass_and_the_result_shows_feedback(client, learner, quiz):
    response = submit(client, quiz, RIGHT_ANSWERS)
    attempt = QuizAttempt.objects.get()
    assert response["Location"] == reverse("quizzes:attempt", args=[attempt.pk])
    assert (attempt.score_percent, attempt.passed, attempt.number) == (100, True, 1)
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == 4
    page = client.get(response["Location"]).content.decode()
    assert "Nilai Anda: 100%" in page
    assert "Penjelasan q1." in page


def test_same_token_twice_records_one_attempt(client, learner, quiz):
    token = uuid.uuid4()
    first = submit(client, quiz, RIGHT_ANSWERS, token)
    second = submit(client, quiz, RIGHT_ANSWERS, token)
    assert first["Location"] == second["Location"]
    assert QuizAttempt.objects.count() == 1


def test_attempts_run_out(client, learner, quiz):
    submit(client, quiz, WRONG_ANSWERS)
    submit(client, quiz, WRONG_ANSWERS)
    response = submit(client, quiz, RIGHT_ANSWERS)
    assert response.status_code == 400
    assert "Anda sudah memakai semua kesempatan" in response.content.decode()
    assert QuizAttempt.objects.count() == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"q-q1": "c3"}, "bukan salah satu pilihan"),  # a choice of another question
        ({"q-q1": ["c1", "c2"]}, "Pilih satu jawaban"),
        ({"q-q4": ""}, "Jawab pertanyaan ini"),
        ({"q-q4": "enam ratus ribu"}, "Isi angka"),
        ({"q-zz": "c1"}, "Jawaban tidak cocok dengan kuis ini"),
    ],
    ids=["other-question-choice", "two-on-single", "missing", "not-a-number", "unknown-question"],
)
def test_bad_or_tampered_answers_record_nothing(client, learner, quiz, change, message):
    response = submit(client, quiz, {**RIGHT_ANSWERS, **change})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not QuizAttempt.objects.exists()


def test_answers_are_kept_on_the_form_after_an_error(client, learner, quiz):
    response = submit(client, quiz, {**RIGHT_ANSWERS, "q-q4": "enam"})
    page = response.content.decode()
    assert 'value="c1" checked' in page
    assert 'value="enam"' in page


def test_choice_from_another_quiz_is_refused(client, learner, course, quiz):
    other = build_quiz(
        WeekPage.objects.child_of(course).last(),
        questions=[
            {
                "type": "true_false",
                "id": "x1",
                "value": {"prompt": "?", "answer": "true", "explanation": ""},
            }
        ],
    )
    response = submit(client, quiz, {**RIGHT_ANSWERS, "q-q3": "x1"})
    assert response.status_code == 400
    assert not QuizAttempt.objects.filter(page=other).exists()
    assert not QuizAttempt.objects.exists()


def test_learner_not_enrolled_cannot_submit(client, owner, quiz):
    client.force_login(owner)
    response = submit(client, quiz, RIGHT_ANSWERS)
    assert response.status_code == 403
    assert "Mulai kursus sebelum menjawab" in response.content.decode()
    assert not QuizAttempt.objects.exists()


def test_quiz_in_a_week_not_yet_open_is_closed(client, owner, mentor):
    course = build_course(weeks=2, lessons_per_week=1, pacing="weekly", slug="mingguan")
    cohort = Cohort.objects.create(
        name="K", course=course, start_date=timezone.localdate(), mentor=mentor
    )
    course_services.enrolment_start(learner=owner, course=course, cohort=cohort)
    quiz = build_quiz(WeekPage.objects.child_of(course).last())
    client.force_login(owner)
    assert submit(client, quiz, RIGHT_ANSWERS).status_code == 403
    assert client.get(quiz.url)["Location"].startswith(course.url)


def test_a_learner_never_sees_another_learners_attempt(client, learner, quiz, member):
    submit(client, quiz, RIGHT_ANSWERS)
    attempt = QuizAttempt.objects.get()
    course_services.enrolment_start(learner=member, course=quiz.get_parent().get_parent().specific)
    client.force_login(member)
    assert client.get(reverse("quizzes:attempt", args=[attempt.pk])).status_code == 404


def test_answers_stay_hidden_until_passed_when_the_quiz_says_so(client, learner, course):
    quiz = build_quiz(
        WeekPage.objects.child_of(course).last(), feedback_timing="once_passed", attempts_allowed=0
    )
    submit(client, quiz, WRONG_ANSWERS)
    failed = QuizAttempt.objects.get()
    page = client.get(reverse("quizzes:attempt", args=[failed.pk])).content.decode()
    assert "Penjelasan q1." not in page
    assert "jawaban benar" not in page
    assert "Jawaban yang benar ditampilkan setelah Anda lulus" in page
    submit(client, quiz, RIGHT_ANSWERS)
    page = client.get(reverse("quizzes:attempt", args=[failed.pk])).content.decode()
    assert "Penjelasan q1." in page


def test_editing_a_quiz_later_keeps_recorded_attempts(client, learner, quiz):
    submit(client, quiz, RIGHT_ANSWERS)
    quiz.questions = [
        {
            "type": "true_false",
            "id": "q9",
            "value": {"prompt": "Baru", "answer": "false", "explanation": ""},
        }
    ]
    quiz.save_revision().publish()
    attempt = QuizAttempt.objects.get()
    page = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
    assert "Apa itu OJK?" in page
    assert attempt.score_percent == 100


def test_draft_is_kept_on_the_server_and_cleared_on_submit(client, learner, quiz):
    token = str(uuid.uuid4())
    response = client.post(
        reverse("quizzes:draft", args=[quiz.pk]),
        data={"answers": {"q1": ["c1"], "unknown": ["x"]}, "token": token},
        content_type="application/json",
    )
    assert response.status_code == 204
    assert AnswerDraft.objects.get().answers == {"q1": ["c1"]}
    assert 'value="c1" checked' in client.get(quiz.url).content.decode()
    submit(client, quiz, RIGHT_ANSWERS, token)
    assert not AnswerDraft.objects.exists()
    late = client.post(
        reverse("quizzes:draft", args=[quiz.pk]),
        data={"answers": {"q1": ["c2"]}, "token": token},
        content_type="application/json",
    )
    assert late.status_code == 204
    assert not AnswerDraft.objects.exists()  # a save sent before the submit landed is dropped


def test_shuffled_quiz_keeps_its_order_for_one_learner_attempt(client, learner, course):
    quiz = build_quiz(WeekPage.objects.child_of(course).last(), shuffle=True)
    first = client.get(quiz.url).content.decode()
    second = client.get(quiz.url).content.decode()
    prompts = ["Apa itu OJK?", "Ciri pinjol", "KUR disubsidi", "Bunga flat"]
    assert [first.index(p) for p in prompts] == [second.index(p) for p in prompts]


def test_course_page_shows_the_week_quiz_and_its_status(client, learner, course, quiz):
    submit(client, quiz, RIGHT_ANSWERS)
    page = client.get(course.url).content.decode()
    assert quiz.title in page
    assert "✓ lulus" in page


def test_quiz_page_with_20_questions_renders_and_submits_within_query_bounds(
    client, learner, course, django_assert_max_num_queries
):
    from tests.factories import choice_question

    questions = [
        choice_question(f"q{i}", f"Soal {i}", [(f"a{i}", "Benar", True), (f"b{i}", "Salah", False)])
        for i in range(20)
    ]
    quiz = build_quiz(WeekPage.objects.child_of(course).last(), questions=questions)
    client.get(quiz.url)
    with django_assert_max_num_queries(15):
        assert client.get(quiz.url).status_code == 200
    answers = {f"q-q{i}": f"a{i}" for i in range(20)}
    with django_assert_max_num_queries(25):
        response = submit(client, quiz, answers)
    assert response.status_code == 302


def test_service_refuses_directly_too(owner, quiz):
    with pytest.raises(services.PermissionDenied):
        services.attempt_submit(learner=owner, page=quiz, raw_answers={}, token=uuid.uuid4())
