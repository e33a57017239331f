"""The loan simulator on a phone: it works as a form, and recalculates as the learner types."""

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD, build_loan_simulator_course, lessons_of

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_figures_update_as_the_learner_types_and_presets_work_without_script(browsing, member):
    course = build_loan_simulator_course(learner=member)
    lesson = lessons_of(course)[0]
    browsing.sign_in(member.phone, PASSWORD)
    browsing.visit(lesson.url)
    page = browsing.page
    result = page.locator("[data-loan-result]")
    expect(result).to_contain_text("Rp 860.664")  # the worked example: 10 juta, 6%, 12 months

    page.get_by_label("Jumlah pinjaman (Rp)").fill("1,2 juta")
    page.get_by_label("Suku bunga per tahun (%)").fill("0")
    expect(result).to_contain_text("Rp 100.000")  # 1.200.000 over 12 months, no interest
    assert page.url.endswith(lesson.url)  # nothing was submitted: the page recalculated in place

    page.get_by_label("Jangka waktu (bulan)").fill("999")
    expect(page.get_by_text("bilangan bulat dari 1 sampai 360")).to_be_visible()
    browsing.check()

    page.get_by_label("Jangka waktu (bulan)").fill("12")
    expect(result).to_contain_text("Rp 100.000")
    browsing.submit(page.get_by_role("button", name="Flat 1% sebulan"))
    # 1.200.000 at 1% flat a month: 100.000 principal and 12.000 interest each month.
    expect(page.locator("[data-loan-result]")).to_contain_text("Rp 112.000")
