"""A lesson's checklist on a phone: the ticks survive a reload and belong to who ticked them."""

import pytest
from playwright.sync_api import expect

from courses import services
from tests.factories import PASSWORD, build_course, lessons_of

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CHECKLIST = {
    "type": "checklist",
    "id": "tutup-toko",
    "value": {
        "title": "Sebelum tutup toko",
        "items": ["Hitung kas", "Catat pengeluaran", "Kunci laci"],
    },
}


def test_ticks_survive_a_reload_and_stay_with_the_learner_who_ticked(browsing, owner, member):
    course = build_course(weeks=1, lessons_per_week=1, body=[CHECKLIST])
    for learner in (owner, member):
        services.enrolment_start(learner=learner, course=course)
    lesson = lessons_of(course)[0]
    page = browsing.page
    browsing.sign_in(member.phone, PASSWORD)
    browsing.visit(lesson.url)
    page.get_by_label("Hitung kas").check()
    page.get_by_label("Kunci laci").check()

    browsing.visit(lesson.url)  # a reload, or the page opened again tomorrow
    expect(page.get_by_label("Hitung kas")).to_be_checked()
    expect(page.get_by_label("Catat pengeluaran")).not_to_be_checked()
    expect(page.get_by_label("Kunci laci")).to_be_checked()
    page.get_by_label("Hitung kas").uncheck()
    browsing.visit(lesson.url)
    expect(page.get_by_label("Hitung kas")).not_to_be_checked()
    expect(page.get_by_label("Kunci laci")).to_be_checked()

    # The business owner, on the same phone, starts from an empty list of their own.
    browsing.sign_out()
    browsing.sign_in(owner.phone, PASSWORD)
    browsing.visit(lesson.url)
    expect(page.get_by_label("Kunci laci")).not_to_be_checked()
