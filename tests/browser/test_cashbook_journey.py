"""The cash book on a phone: the owner records three sales and two costs, reads the month's
summary, writes the report's notes and downloads its PDF; a member of another business
cannot open any of it."""

import io

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from cashbook.models import Entry
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_owner_keeps_the_book_and_another_business_cannot_open_it(browsing, owner, other_owner):
    business = owner.membership.business
    business.sibakul_number = "3404000111"
    business.save()
    page = browsing.page
    browsing.sign_in(owner.phone, PASSWORD)
    browsing.visit("/belajar/")
    browsing.follow(page.locator("a[href='/buku-kas/']"))

    sales = [
        ("35rb", "offline", "", "Rp 35.000"),
        ("70.000", "offline", "", "Rp 70.000"),
        ("Rp 105.000", "online", "3", "Rp 105.000"),
    ]
    for amount, channel, units, recorded in sales:
        browsing.follow(page.locator("a[href^='/buku-kas/jual/']"))
        page.locator("[name=amount]").fill(amount)
        if units:
            page.locator("[name=units]").fill(units)
        browsing.submit(page.locator(f"button[name=channel][value={channel}]"))
        expect(page.locator(".messages")).to_contain_text(recorded)
    for amount, category in (("50rb", "stock"), ("25.000", "advertising")):
        browsing.follow(page.locator("a[href^='/buku-kas/keluar/']"))
        page.locator("[name=amount]").fill(amount)
        browsing.submit(page.locator(f"button[name=category][value={category}]"))
    assert Entry.objects.filter(business=business).count() == 5
    expect(page.locator("main")).to_contain_text("Rp 135.000")  # the day's balance

    month = timezone.localdate().strftime("%Y-%m")
    browsing.follow(page.locator(f"a[href='/buku-kas/bulan/{month}/']"))
    summary = page.locator("main")
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
    ):
        response = page.goto(browsing.url(path))
        assert response.status == 404, path
        browsing.check()
