"""The provincial coordinator on a phone: signs in to the admin, opens the course overview,
filters it to one regency, sees the figures change, and downloads them as CSV."""

import csv
import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from lms import demo

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def figures(text: str) -> dict[str, str]:
    return dict(list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))[1:])


def test_coordinator_filters_the_overview_by_regency_and_downloads_it(browsing, tmp_path):
    call_command("seed_demo", stdout=io.StringIO())
    page = browsing.page
    browsing.visit("/admin/login/")
    page.locator("#id_username").fill("koordinator@pintar-umkm.test")
    page.locator("#id_password").fill(demo.DEMO_PASSWORD)
    browsing.submit(page.get_by_role("button", name="Masuk"))

    browsing.visit("/admin/laporan/overview/")
    funnel = page.locator(".report-chart").first
    expect(funnel).to_contain_text("Terdaftar")
    expect(page.locator("#listing-results")).to_contain_text("Peserta terdaftar")
    with page.expect_download() as everyone:
        page.get_by_role("link", name="Unduh CSV").click()
    before = figures(everyone.value.path().read_text(encoding="utf-8"))
    assert before["Peserta terdaftar"] == "2"

    page.get_by_role("button", name="Tampilkan filter").click()
    page.get_by_role("button", name="Kabupaten/kota").click()
    with page.expect_response(lambda response: "/results/" in response.url):
        page.get_by_label("Kabupaten/kota", exact=True).select_option(label="Sleman")
    browsing.check()
    expect(page.locator("#listing-results")).to_contain_text("Belum ada data")

    with page.expect_download() as sleman:
        page.get_by_role("link", name="Unduh CSV").click()
    after = figures(sleman.value.path().read_text(encoding="utf-8"))
    assert after["Peserta terdaftar"] == "0"
    assert after["Usaha terdaftar"] == "0"
