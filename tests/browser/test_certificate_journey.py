"""A certificate on a phone: Sutarni, one step short in the demo marketing course, answers the
satisfaction survey, sees her certificate appear, downloads it, and checks it the way a bank
officer would, through the address in its QR code."""

import io

import pytest
import zxingcpp
from django.core.management import call_command
from PIL import Image
from playwright.sync_api import expect
from pypdf import PdfReader

from certificates.models import Certificate
from courses.models import CoursePage
from lms import demo

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def qr_url(pdf: bytes) -> str:
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    for image in page.images:
        for barcode in zxingcpp.read_barcodes(Image.open(io.BytesIO(image.data))):
            return barcode.text
    raise AssertionError("no QR code in the certificate")


def test_finishing_the_last_step_gives_a_certificate_anyone_can_check(
    browsing, live_server, settings, tmp_path
):
    settings.WAGTAILADMIN_BASE_URL = live_server.url  # The address printed on certificates.
    call_command("seed_demo", stdout=io.StringIO())
    page = browsing.page
    marketing = CoursePage.objects.get(slug="pemasaran-digital")

    browsing.sign_in("0812 0000 1001", demo.DEMO_PASSWORD)
    browsing.visit(marketing.url)
    certificate_card = page.get_by_role("region", name="Sertifikat")
    expect(certificate_card).to_contain_text("Isi survei kepuasan")
    expect(certificate_card.locator(".requirement--met")).to_have_count(4)

    browsing.follow(page.get_by_role("link", name="Survei Kepuasan", exact=False).first)
    for group in page.get_by_role("group").all():
        if group.get_by_label("5 · Sangat setuju").count():
            group.get_by_label("5 · Sangat setuju").check()
        else:
            group.get_by_role("textbox").fill("Materinya mudah dipraktikkan di toko.")
    browsing.submit(page.get_by_role("button", name="Kirim jawaban saya"))

    expect(page).to_have_url(browsing.url("/sertifikat/"))
    expect(page.locator(".messages")).to_contain_text("Selamat!")
    certificate = Certificate.objects.get(learner__phone=demo.OWNER_PHONE)
    card = page.get_by_role("region", name=marketing.title)
    expect(card).to_contain_text(certificate.serial)
    expect(card).to_contain_text("Sutarni")

    with page.expect_download() as download:
        card.get_by_role("link", name="Unduh PDF").click()
    saved = tmp_path / "sertifikat.pdf"
    download.value.save_as(saved)
    pdf = saved.read_bytes()
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Sutarni" in text
    assert certificate.serial in text

    url = qr_url(pdf)
    assert url == f"{live_server.url}/sertifikat/{certificate.code}/"
    browsing.sign_out()
    page.goto(url)
    browsing.check()
    expect(page.get_by_text("Sertifikat ini sah.")).to_be_visible()
    expect(page.locator(".facts")).to_contain_text("Bakpia Sutarni")
    expect(page.locator(".facts")).to_contain_text(certificate.serial)
