import datetime
import io

import pytest
from pypdf import PdfReader

from cashbook import pdf, services
from tests.factories import build_cash_entry

pytestmark = pytest.mark.django_db

OCTOBER = datetime.date(2026, 10, 1)


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def business(owner):
    business = owner.membership.business
    business.name = "Bakpia Sumarni"
    business.sibakul_number = "3404123456"
    business.save()
    build_cash_entry(business, day=OCTOBER, amount=1_250_000, units=50, channel="online")
    build_cash_entry(business, day=OCTOBER, amount=750_000, units=30)
    build_cash_entry(business, day=OCTOBER, kind="cost", category="stock", amount=600_000)
    build_cash_entry(business, day=OCTOBER, kind="cost", category="advertising", amount=150_000)
    services.month_notes_save(
        membership=owner.membership, month=OCTOBER, notes="Pesanan naik menjelang Natal."
    )
    return business


def test_the_report_pdf_names_the_business_month_and_totals(business):
    text = pdf_text(pdf.render_report_pdf(business=business, month=OCTOBER))
    for expected in (
        "Bakpia Sumarni",
        "3404123456",
        "Oktober 2026",
        "Rp 2.000.000",  # income
        "Rp 1.250.000",  # online
        "Rp 750.000",  # costs, and offline sales
        "Rp 1.250.000",  # profit
        "Rp 600.000",
        "Rp 150.000",
        "Pesanan naik menjelang Natal.",
    ):
        assert expected in text, expected


def test_the_report_pdf_downloaded_through_the_page(client, owner, business):
    from django.urls import reverse

    client.force_login(owner)
    response = client.get(reverse("cashbook:report_pdf", kwargs={"month": OCTOBER}))
    text = pdf_text(response.content)
    assert "Bakpia Sumarni" in text
    assert "Rp 2.000.000" in text


def test_the_report_of_a_business_without_a_sibakul_number_still_renders(owner):
    content = pdf.render_report_pdf(business=owner.membership.business, month=OCTOBER)
    text = pdf_text(content)
    assert "Batik Sumarni" in text
    assert "Rp 0" in text
