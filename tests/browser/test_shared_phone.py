"""One phone, several learners: what one leaves on it never reaches the next.

A learner's unsent answers and checklist ticks are kept on the phone under keys that name the
learner, and signing out clears everything the site stored there (``Clear-Site-Data``).
"""

import re

import pytest
from playwright.sync_api import expect

from courses import services
from quizzes import services as quiz_services
from quizzes.models import KnowledgeCheckPage
from tests.browser.test_quiz_journey import (
    KUR,
    OJK,
    PINJOL,
    RIGHT,
    answer,
    expect_answered,
    expect_unanswered,
)
from tests.factories import PASSWORD, build_course, build_knowledge_check, lessons_of

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CHECKLIST = {
    "type": "checklist",
    "id": "tutup-toko",
    "value": {"title": "Sebelum tutup toko", "items": ["Hitung kas", "Catat pengeluaran"]},
}

STORED = """() => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
})"""


def stored(page) -> dict:
    """The keys this site keeps in the browser's local and session storage."""
    return page.evaluate(STORED)


@pytest.fixture
def course_pages(owner, member):
    """The lesson with the checklist and the questionnaire of a course both learners are in."""
    course = build_course(weeks=1, lessons_per_week=1, body=[CHECKLIST])
    build_knowledge_check(course)
    for learner in (owner, member):
        services.enrolment_start(learner=learner, course=course)
        # Each chose to go to the lesson first; the questionnaire stays open to them.
        quiz_services.before_skip(learner=learner, course=course)
    [lesson] = lessons_of(course)
    return lesson, KnowledgeCheckPage.objects.child_of(course).get()


def tick_and_answer_without_submitting(browsing, learner, course_pages, answers):
    """``learner`` signs in, ticks the first checklist item and answers the questionnaire."""
    lesson, questionnaire = course_pages
    browsing.sign_in(learner.phone, PASSWORD)
    browsing.visit(lesson.url)
    browsing.page.get_by_label("Hitung kas").check()
    browsing.visit(questionnaire.url)
    answer(browsing.page, answers)


def test_the_next_learner_on_a_shared_phone_sees_nothing_of_the_one_before(
    browsing, owner, member, course_pages
):
    lesson, questionnaire = course_pages
    page = browsing.page

    # Joko ticks a checklist item and answers half the questionnaire before the course, without
    # submitting; both are kept on the phone.
    half = {OJK: RIGHT[OJK], PINJOL: RIGHT[PINJOL]}
    tick_and_answer_without_submitting(browsing, member, course_pages, half)
    browsing.visit(questionnaire.url)  # Joko's own reload: his answers are still there
    expect_answered(page, half)
    assert stored(page)["local"], "the phone keeps Joko's draft and ticks"

    # He signs out: the site leaves nothing in this browser.
    browsing.sign_out()
    assert stored(page) == {"local": [], "session": []}
    # Nor does the back button bring his profile back.
    page.go_back()
    browsing.check()
    expect(page.get_by_role("heading", name=member.full_name)).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/akun/masuk/"))

    # Sumarni signs in on the same phone: no answers chosen for her, nothing ticked.
    browsing.sign_in(owner.phone, PASSWORD)
    browsing.visit(questionnaire.url)
    expect_unanswered(page, [OJK, PINJOL, KUR])
    browsing.visit(lesson.url)
    expect(page.get_by_label("Hitung kas")).not_to_be_checked()
    expect(page.get_by_label("Catat pengeluaran")).not_to_be_checked()


def test_a_learner_never_reads_what_another_left_on_the_phone_without_signing_out(
    browsing, owner, member, course_pages
):
    """The session ended some other way (it expired, or the cookies were cleared): the keys that
    name Joko are still on the phone, and Sumarni's pages neither read them nor keep them."""
    lesson, questionnaire = course_pages
    page = browsing.page

    tick_and_answer_without_submitting(browsing, member, course_pages, {OJK: RIGHT[OJK]})
    page.wait_for_function("() => localStorage.length >= 2")
    page.context.clear_cookies()  # Joko's session is gone; his keys stay

    browsing.sign_in(owner.phone, PASSWORD)
    browsing.visit(questionnaire.url)
    expect_unanswered(page, [OJK, PINJOL, KUR])
    browsing.visit(lesson.url)
    expect(page.get_by_label("Hitung kas")).not_to_be_checked()
    assert not [key for key in stored(page)["local"] if f":{member.pk}:" in key]
