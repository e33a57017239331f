"""A credit application on a phone: the owner files one with two documents ticked, sees the
OJK warning for a lender that is not supervised, moves it a step, and simulates its terms;
a member of another business cannot open it."""

import pytest
from playwright.sync_api import expect

from credit.models import CreditApplication, Lender, Status
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_owner_files_an_application_and_another_business_cannot_open_it(
    browsing, owner, other_owner
):
    browsing.sign_in(owner.phone, PASSWORD)
    browsing.visit("/kredit/")
    page = browsing.page
    browsing.follow(page.locator("a[href='/kredit/baru/']"))

    cooperative = Lender.objects.get(name="Koperasi simpan pinjam (KSP/KSPPS)")
    page.locator("[name=lender]").select_option(str(cooperative.pk))
    page.locator("[name=product]").fill("Pinjaman anggota")
    page.locator("[name=amount_requested]").fill("5 juta")
    page.locator("[name=documents][value=ktp]").check()
    page.locator("[name=documents][value=kk]").check()
    browsing.submit(page.locator("button[type=submit]").last)
    expect(page.locator("#lender-warning")).to_contain_text("157")
    assert not CreditApplication.objects.exists()

    bank = Lender.objects.get(name="Bank BPD DIY")
    page.locator("[name=lender]").select_option(str(bank.pk))
    page.locator("[name=product]").fill("KUR Mikro")
    page.locator("[name=rate_percent_per_year]").fill("6")
    page.locator("[name=tenor_months]").fill("12")
    browsing.submit(page.locator("button[type=submit]").last)
    application = CreditApplication.objects.get()
    assert (application.lender, application.amount_requested) == (bank, 5_000_000)
    assert application.documents == ["ktp", "kk"]
    expect(page.locator("[name=documents][value=ktp]")).to_be_checked()
    expect(page.locator("[name=documents][value=collateral]")).not_to_be_checked()

    browsing.submit(page.locator("button[name=step][value=submitted]"))
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED

    simulate = f"/kredit/pengajuan/{application.pk}/simulasi/"
    browsing.follow(page.locator(f"a[href='{simulate}']"))
    # 5 juta at 6% a year over 12 months, effective: Rp 430.332 a month.
    expect(page.locator("[data-loan-result]")).to_contain_text("Rp 430.332")

    browsing.sign_out()
    browsing.sign_in(other_owner.phone, PASSWORD)
    for path in (
        f"/kredit/pengajuan/{application.pk}/",
        simulate,
        f"/kredit/{application.business_id}/",
    ):
        response = page.goto(browsing.url(path))
        assert response.status == 404
        browsing.check()
