"""The provincial coordinator on a phone makes the evaluation report of the demo class's course
for one regency, waits for it, and downloads both files (issue 14, item 12)."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook
from playwright.sync_api import expect
from pypdf import PdfReader

from courses.models import CoursePage
from lms import demo
from reports import demo as reports_demo
from reports.models import EvaluationReport

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def indonesian(text):
    with translation.override("id"):
        return gettext(text)


def test_coordinator_makes_the_evaluation_report_for_one_regency(browsing):
    call_command("seed_demo", stdout=io.StringIO())
    course = CoursePage.objects.get(slug=reports_demo.COURSE_SLUG)
    page = browsing.page
    browsing.visit("/admin/login/")
    page.locator("#id_username").fill("koordinator@pintar-umkm.test")
    page.locator("#id_password").fill(demo.DEMO_PASSWORD)
    browsing.submit(page.get_by_role("button", name="Masuk"))

    browsing.visit(f"/admin/laporan/evaluation/?course={course.pk}")
    page.get_by_role("button", name="Tampilkan filter").click()
    page.get_by_role("button", name="Kabupaten/kota").click()
    with page.expect_response(lambda response: "/results/" in response.url):
        page.get_by_label("Kabupaten/kota", exact=True).select_option(label="Sleman")
    browsing.check()

    # The test settings' immediate task backend renders the report inside this request (the
    # worker does it in the background in production): allow for a slow first PDF.
    page.set_default_timeout(120_000)
    browsing.submit(page.get_by_role("button", name=indonesian("Make the evaluation report")))
    page.set_default_timeout(10_000)
    report = browsing.wait_until(
        lambda: EvaluationReport.objects.filter(status=EvaluationReport.Status.READY).first(),
        what="the evaluation report to be ready",
        timeout_ms=60_000,
    )
    assert report.filter_query == {"regency": "sleman"}
    browsing.visit("/admin/laporan/evaluation/")
    row = page.locator(f'[data-evaluation-report="{report.pk}"]')
    expect(row).to_contain_text("Sleman")
    expect(row).to_contain_text(indonesian("Ready"))

    with page.expect_download() as pdf:
        row.get_by_role("link", name="PDF").click()
    assert pdf.value.suggested_filename.startswith(f"evaluasi_{course.slug}_sleman_")
    text = "\n".join(p.extract_text() for p in PdfReader(pdf.value.path()).pages)
    assert course.title in text
    assert "Sleman" in text

    with page.expect_download() as xlsx:
        row.get_by_role("link", name="XLSX").click()
    assert xlsx.value.suggested_filename.endswith(".xlsx")
    workbook = load_workbook(io.BytesIO(xlsx.value.path().read_bytes()))
    summary = {
        row[0]: row[1] for row in workbook[indonesian("Summary")].iter_rows(values_only=True)
    }
    enrolled = summary["Peserta terdaftar"]
    assert isinstance(enrolled, int)
    assert enrolled > 0  # the demo class has learners in Sleman
