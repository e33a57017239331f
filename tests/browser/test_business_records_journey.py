"""The business's own records on a phone, in one journey: the owner records three sales and two
costs, reads the month's summary, writes the report's notes and downloads its PDF, then files a
credit application with two documents ticked (after the OJK warning for an unsupervised lender),
moves it a step and simulates its terms. A member of another business cannot open any of it."""

import io

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from cashbook.models import Entry
from credit.models import CreditApplication, Lender, Status
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SALES = [
    ("35rb", "offline", "", "Rp 35.000"),
    ("70.000", "offline", "", "Rp 70.000"),
    ("Rp 105.000", "online", "3", "Rp 105.000"),
]
COSTS = [("50rb", "stock"), ("25.000", "advertising")]


def keep_the_book(browsing, business, month):
    page = browsing.page
    browsing.visit("/belajar/")
    browsing.follow(page.locator("a[href='/buku-kas/']"))
    for amount, channel, units, recorded in SALES:
        browsing.follow(page.locator("a[href^='/buku-kas/jual/']"))
        page.locator("[name=amount]").fill(amount)
        if units:
            page.locator("[name=units]").fill(units)
        browsing.submit(page.locator(f"button[name=channel][value={channel}]"))
        expect(page.locator(".messages")).to_contain_text(recorded)
    for amount, category in COSTS:
        browsing.follow(page.locator("a[href^='/buku-kas/keluar/']"))
        page.locator("[name=amount]").fill(amount)
        browsing.submit(page.locator(f"button[name=category][value={category}]"))
    assert Entry.objects.filter(business=business).count() == 5
    expect(page.locator("main")).to_contain_text("Rp 135.000")  # the day's balance

    browsing.follow(page.locator(f"a[href='/buku-kas/bulan/{month}/']"))
    summary = page.locator("main")
    # revenue, costs, profit, online share, advertising
    for figure in ("Rp 210.000", "Rp 75.000", "Rp 135.000", "50,0%", "Rp 25.000"):
        expect(summary).to_contain_text(figure)

    browsing.follow(page.locator(f"a[href='/buku-kas/bulan/{month}/laporan/']"))
    page.locator("[name=notes]").fill("Pesanan online naik.")
    browsing.submit(page.locator("form button[type=submit]"))
    with page.expect_download() as download:
        page.locator(f"a[href='/buku-kas/bulan/{month}/laporan.pdf']").click()
    with open(download.value.path(), "rb") as file:
        reader = PdfReader(io.BytesIO(file.read()))
    text = "\n".join(pdf_page.extract_text() for pdf_page in reader.pages)
    for expected in (business.name, "3404000111", "Rp 210.000", "Rp 135.000", "Pesanan online"):
        assert expected in text, expected


def apply_for_credit(browsing) -> CreditApplication:
    page = browsing.page
    browsing.visit("/kredit/")
    browsing.follow(page.locator("a[href='/kredit/baru/']"))
    cooperative = Lender.objects.get(name="Koperasi simpan pinjam (KSP/KSPPS)")
    page.locator("[name=lender]").select_option(str(cooperative.pk))
    page.locator("[name=product]").fill("Pinjaman anggota")
    page.locator("[name=amount_requested]").fill("5 juta")
    page.locator("[name=documents][value=ktp]").check()
    page.locator("[name=documents][value=kk]").check()
    browsing.submit(page.locator("button[type=submit]").last)
    expect(page.locator("#lender-warning")).to_contain_text("157")  # OJK's contact centre
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

    browsing.follow(page.locator(f"a[href='/kredit/pengajuan/{application.pk}/simulasi/']"))
    # 5 juta at 6% a year over 12 months, effective: Rp 430.332 a month.
    expect(page.locator("[data-loan-result]")).to_contain_text("Rp 430.332")
    return application


def test_the_owner_keeps_the_book_and_applies_for_credit_and_nobody_else_sees_it(
    browsing, owner, other_owner
):
    business = owner.membership.business
    business.sibakul_number = "3404000111"
    business.save()
    month = timezone.localdate().strftime("%Y-%m")
    browsing.sign_in(owner.phone, PASSWORD)

    keep_the_book(browsing, business, month)
    application = apply_for_credit(browsing)

    browsing.sign_out()
    browsing.sign_in(other_owner.phone, PASSWORD)
    entry = Entry.objects.filter(business=business).first()
    for path in (
        f"/buku-kas/{business.pk}/",
        f"/buku-kas/{business.pk}/bulan/{month}/",
        f"/buku-kas/{business.pk}/bulan/{month}/laporan/",
        f"/buku-kas/{business.pk}/bulan/{month}/laporan.pdf",
        f"/buku-kas/catatan/{entry.pk}/ubah/",
        f"/buku-kas/{business.pk}/catatan/{entry.pk}/hapus/",
        f"/kredit/pengajuan/{application.pk}/",
        f"/kredit/pengajuan/{application.pk}/simulasi/",
        f"/kredit/{business.pk}/",
    ):
        response = browsing.page.goto(browsing.url(path))
        assert response.status == 404, path
        browsing.check()
