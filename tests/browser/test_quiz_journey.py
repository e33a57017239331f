"""Questions on a phone: a learner answers the questionnaire before the course, fails the week
quiz and passes it on a second try through a dropped connection, answers the questionnaire
again after the last lesson to see what he gained, and fills in the satisfaction survey."""

import json
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from courses.models import WeekPage
from quizzes.models import (
    AnswerDraft,
    KnowledgeCheckPage,
    Phase,
    QuizAttempt,
    QuizPage,
    SurveyPage,
    SurveyResponse,
)
from tests.factories import (
    PASSWORD,
    RIGHT_ANSWERS,
    WRONG_ANSWERS,
    build_course,
    build_knowledge_check,
    build_quiz,
    build_survey,
    lessons_of,
)

# The live server sees only committed data, and signing in needs the roles that data migrations
# create; serialized_rollback restores them for every test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# The standard questions of tests.factories, as a learner reads them; RIGHT and WRONG are
# RIGHT_ANSWERS and WRONG_ANSWERS as a learner gives them.
OJK = "Apa itu OJK?"
PINJOL = "Ciri pinjol ilegal?"
KUR = "KUR disubsidi pemerintah."
INTEREST = "Bunga flat 6% setahun atas Rp 10.000.000?"

# Choice questions take the labels to tick; the number question takes what is typed.
RIGHT = {
    OJK: ["Pengawas lembaga keuangan"],
    PINJOL: ["Minta akses kontak", "Bunga sangat tinggi"],
    KUR: ["Benar"],
    INTEREST: "600.000",
}
WRONG = {OJK: ["Bank"], PINJOL: ["Terdaftar OJK"], KUR: ["Salah"], INTEREST: "1"}
MOSTLY_WRONG = {**WRONG, OJK: RIGHT[OJK]}
MOSTLY_WRONG_ANSWERS = {**WRONG_ANSWERS, "q-q1": RIGHT_ANSWERS["q-q1"]}


def question(page, prompt):
    """A question's fieldset, named by its legend ("2. Ciri pinjol ilegal?")."""
    return page.get_by_role("group", name=re.compile(rf"^\d+\. {re.escape(prompt)}$"))


def answer(page, answers: dict) -> None:
    for prompt, given in answers.items():
        group = question(page, prompt)
        if isinstance(given, str):
            group.get_by_role("textbox", name="Jawaban Anda").fill(given)
        else:
            for label in given:
                group.get_by_label(label, exact=True).check()


def expect_answered(page, answers: dict) -> None:
    """Each question shows exactly the given answer: those labels ticked and no other."""
    for prompt, given in answers.items():
        group = question(page, prompt)
        if isinstance(given, str):
            expect(group.get_by_role("textbox", name="Jawaban Anda")).to_have_value(given)
        else:
            for label in given:
                expect(group.get_by_label(label, exact=True)).to_be_checked()
            expect(group.locator("input:checked")).to_have_count(len(given))


def expect_unanswered(page, prompts) -> None:
    for prompt in prompts:
        group = question(page, prompt)
        expect(group.locator("input:checked")).to_have_count(0)
        for box in group.get_by_role("textbox").all():
            expect(box).to_have_value("")


def local_draft(page, quiz) -> dict | None:
    """The answers quiz.js keeps in this browser for the quiz, under the signed-in learner."""
    return json.loads(
        page.evaluate(
            "id => localStorage.getItem(window.pintarStorage.key('quiz-draft', id)) || 'null'",
            quiz.pk,
        )
    )


def as_draft(form_answers: dict) -> dict:
    """Form answers ({"q-q1": "c1"}) as a draft keeps them ({"q1": ["c1"]})."""
    return {
        name.removeprefix("q-"): given if isinstance(given, list) else [given]
        for name, given in form_answers.items()
    }


def server_draft(learner, page) -> dict | None:
    """The draft saved on the server, without the questions left blank."""
    draft = AnswerDraft.objects.filter(learner=learner, page=page).first()
    if draft is None:
        return None
    return {qid: given for qid, given in draft.answers.items() if given not in ([], [""])}


def wait_for_server_draft(browsing, learner, page, form_answers: dict) -> None:
    browsing.wait_until(
        lambda: server_draft(learner, page) == as_draft(form_answers),
        what=f"the server draft of {page.title} to hold {form_answers}",
    )


def whole_percent(value: Decimal) -> str:
    """A percent as the site prints it (floatformat:0)."""
    return str(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@pytest.fixture
def course():
    """One week with one lesson and its quiz, the questionnaire and the survey."""
    course = build_course(weeks=1, lessons_per_week=1, slug="keuangan")
    build_quiz(WeekPage.objects.child_of(course).get(), attempts_allowed=3, pass_mark=70)
    build_knowledge_check(course)
    build_survey(course)
    return course


def test_learner_answers_before_and_after_passes_the_quiz_offline_and_fills_in_the_survey(
    browsing, member, course
):
    page = browsing.page
    quiz = QuizPage.objects.descendant_of(course).get()
    knowledge = KnowledgeCheckPage.objects.child_of(course).get()
    [lesson] = lessons_of(course)

    # Joko signs in and starts the course; the questionnaire is his first step, the lesson second.
    browsing.sign_in(member.phone, PASSWORD)
    browsing.visit(course.url)
    browsing.submit(page.get_by_role("button", name="Mulai kursus"))
    expect(page).to_have_url(browsing.url(f"{course.url}#before-heading"))
    first_step = page.locator(f'.card--first a.button[href="{knowledge.url}"]')
    expect(first_step).to_be_visible()

    # He taps the lesson all the same: it offers the questionnaire first, beside a skip.
    browsing.follow(page.get_by_role("link", name="Mulai: Pelajaran 1.1"))
    expect(page).to_have_url(browsing.url(lesson.url))
    expect(page.locator(".lesson-end")).to_have_count(0)
    skip = page.locator(f'form[action="{reverse("quizzes:before_skip", args=[course.pk])}"]')
    expect(skip.get_by_role("button")).to_be_visible()

    # He answers it knowing little: only the first question right. (Before submitting answers
    # just given, the test lets their draft reach the server; see the week quiz below for why.)
    browsing.follow(page.locator(f'.before-offer a.button[href="{knowledge.url}"]'))
    expect(page.get_by_role("heading", level=1)).to_have_text("Tes pengetahuan")
    answer(page, MOSTLY_WRONG)
    wait_for_server_draft(browsing, member, knowledge, MOSTLY_WRONG_ANSWERS)
    browsing.submit(page.get_by_role("button", name="Kirim jawaban", exact=True))
    pre = QuizAttempt.objects.get(learner=member, page=knowledge, phase=Phase.PRE)
    expect(page).to_have_url(browsing.url(f"/kuis/hasil/{pre.pk}/"))
    assert pre.score_percent == 25
    expect(page.locator(".score")).to_have_text("Nilai Anda: 25%")

    # He opens the week quiz from the course page and answers it wrongly: not passed.
    browsing.follow(page.get_by_role("link", name="Kembali ke kursus"))
    expect(page.locator(".card--first")).to_have_count(0)
    browsing.follow(page.locator(".week-quiz").get_by_role("link", name=quiz.title))
    expect(page).to_have_url(browsing.url(quiz.url))
    expect(page.locator(".meta")).to_have_text("Nilai lulus: 70% · sisa 3 kesempatan")
    answer(page, WRONG)
    # The answers reach the server as a draft once quiz.js has waited 800 ms for more typing; the
    # attempt must then clear it. (Submitting inside those 800 ms races the attempt when its
    # response is slow: the late draft outlives it and fills in the next attempt.)
    wait_for_server_draft(browsing, member, quiz, WRONG_ANSWERS)
    browsing.submit(page.get_by_role("button", name="Kirim jawaban", exact=True))
    expect(page.locator(".score")).to_have_text("Nilai Anda: 0%")
    expect(page.get_by_text("Belum lulus: nilai lulusnya 70%")).to_be_visible()
    assert server_draft(member, quiz) is None
    assert local_draft(page, quiz) is None

    # Back at the quiz, the form is empty: nothing of the failed attempt is carried over.
    browsing.follow(page.get_by_role("link", name="Kembali ke kuis"))
    expect(page).to_have_url(browsing.url(quiz.url))
    expect(page.locator(".meta")).to_have_text("Nilai lulus: 70% · sisa 2 kesempatan")
    expect(page.locator(".attempts")).to_have_text("Percobaan 1: 0%")
    expect_unanswered(page, RIGHT)

    # He answers the first two questions while online; they are saved on the server too.
    online_draft = {"q1": ["c1"], "q2": ["c3", "c4"]}
    answer(page, {OJK: RIGHT[OJK], PINJOL: RIGHT[PINJOL]})
    browsing.wait_until(
        lambda: server_draft(member, quiz) == online_draft,
        what="the answers given online to reach the server draft",
    )

    # The connection drops. He answers the rest: the phone keeps them, and saving them on the
    # server fails.
    page.context.set_offline(True)
    draft_url = browsing.url(reverse("quizzes:draft", args=[quiz.pk]))
    with page.expect_event("requestfailed", lambda request: request.url == draft_url):
        answer(page, {KUR: RIGHT[KUR], INTEREST: RIGHT[INTEREST]})
    assert local_draft(page, quiz) == as_draft(RIGHT_ANSWERS)
    assert server_draft(member, quiz) == online_draft

    # He reloads while offline: the phone shows the copy of the quiz page it kept (the service
    # worker), with every answer given, from the phone's draft.
    page.reload()
    expect(page.locator("form[data-quiz-form]")).to_have_count(1)
    expect_answered(page, RIGHT)

    # Back online, he reloads: every answer is there, those given before the connection dropped
    # and those given during the offline spell.
    page.context.set_offline(False)
    page.reload()
    browsing.check()
    expect(page).to_have_url(browsing.url(quiz.url))
    expect_answered(page, RIGHT)

    # He submits: passed, with one attempt recorded per submission and the drafts cleared.
    browsing.submit(page.get_by_role("button", name="Kirim jawaban", exact=True))
    expect(page.locator(".score")).to_have_text("Nilai Anda: 100%")
    expect(page.get_by_text("Lulus. Hebat!")).to_be_visible()
    attempts = QuizAttempt.objects.filter(learner=member, page=quiz).order_by("number")
    assert [(a.number, a.score_percent, a.passed) for a in attempts] == [
        (1, 0, False),
        (2, 100, True),
    ]
    assert server_draft(member, quiz) is None
    assert local_draft(page, quiz) is None

    # The course page marks the quiz passed.
    browsing.follow(page.get_by_role("link", name="Kembali ke kursus"))
    expect(page.locator(".week-quiz")).to_contain_text("✓ lulus")

    # He does the lesson; the course page then offers the questionnaire again.
    browsing.follow(page.get_by_role("link", name="Mulai: Pelajaran 1.1"))
    expect(page).to_have_url(browsing.url(lesson.url))
    browsing.submit(page.get_by_role("button", name="Tandai selesai", exact=True))
    expect(page.get_by_text("Anda sudah menyelesaikan pelajaran ini.")).to_be_visible()
    browsing.visit(course.url)
    expect(page.get_by_text("Anda sudah menyelesaikan semua pelajaran. Hebat!")).to_be_visible()

    # After the course he knows every answer, and sees how much he gained.
    browsing.follow(page.get_by_role("link", name="Jawab lagi pertanyaannya dan lihat kemajuan"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Tes pengetahuan")
    expect_unanswered(page, RIGHT)
    answer(page, RIGHT)
    wait_for_server_draft(browsing, member, knowledge, RIGHT_ANSWERS)
    browsing.submit(page.get_by_role("button", name="Kirim jawaban", exact=True))
    expect(page.locator(".score")).to_have_text("Nilai Anda: 100%")
    browsing.follow(page.get_by_role("link", name="Kembali ke kuis"))
    pre, post = (
        QuizAttempt.objects.get(learner=member, page=knowledge, phase=phase)
        for phase in (Phase.PRE, Phase.POST)
    )
    gain = post.score_percent - pre.score_percent
    assert gain == 75
    progress = page.get_by_role("region", name="Kemajuan Anda")
    expect(progress.locator("dd")).to_have_text(
        [
            f"{whole_percent(pre.score_percent)}%",
            f"{whole_percent(post.score_percent)}%",
            f"+{whole_percent(gain)} poin",
        ]
    )
    expect(progress.locator("dt")).to_have_text(["Sebelum kursus", "Sesudah kursus", "Kenaikan"])
    expect(page.get_by_role("button", name="Kirim jawaban", exact=True)).to_have_count(0)

    # Last, the satisfaction survey from the course page.
    browsing.follow(page.get_by_role("navigation", name="Jejak halaman").get_by_role("link"))
    expect(page).to_have_url(browsing.url(course.url))
    browsing.follow(page.get_by_role("link", name="Survei kepuasan", exact=True))
    for number, choice in ((1, "5 · Sangat setuju"), (2, "4 · Setuju"), (3, "3 · Ragu-ragu")):
        page.get_by_role("group", name=f"{number}. Pernyataan {number}.").get_by_label(
            choice
        ).check()
    page.get_by_role("group", name="4. Apa yang paling membantu?").get_by_label(
        "Jawaban Anda"
    ).fill("Cara menghitung bunga pinjaman.")
    browsing.submit(page.get_by_role("button", name="Kirim jawaban saya"))
    expect(page.locator(".messages")).to_contain_text("Terima kasih!")
    # The survey was the last step to a certificate: it is issued and shown straight away.
    expect(page).to_have_url(browsing.url("/sertifikat/"))
    expect(page.locator(".messages")).to_contain_text("Selamat!")
    browsing.visit(SurveyPage.objects.get().url)
    expect(page.get_by_text("Anda sudah mengisi survei ini")).to_be_visible()
    expect(page.get_by_role("button", name="Kirim jawaban saya")).to_have_count(0)
    [response] = SurveyResponse.objects.filter(learner=member, course=course)
    assert {key: item["value"] for key, item in response.answers.items()} == {
        "l1": 5,
        "l2": 4,
        "l3": 3,
        "o1": "Cara menghitung bunga pinjaman.",
        "o2": "",
    }
