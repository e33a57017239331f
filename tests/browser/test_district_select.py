"""The kapanewon/kemantren select on a phone offers only the chosen regency's districts.
Without JavaScript it offers them all, and the server refuses another regency's
(tests/lms/test_districts.py)."""

import pytest
from playwright.sync_api import expect

from lms.districts import DISTRICTS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SIGN_UP = "/akun/daftar/"


def district_values(select):
    return select.locator("option").evaluate_all("(options) => options.map((o) => o.value)")


def test_district_select_narrows_to_the_chosen_regency(browsing):
    page = browsing.page
    browsing.visit(SIGN_UP)
    regency = page.get_by_label("Kabupaten/kota", exact=True)
    district = page.get_by_label("Kapanewon/kemantren", exact=True)
    assert len(district_values(district)) == 1 + 78  # nothing chosen yet: every district

    regency.select_option("bantul")
    assert district_values(district) == ["", *DISTRICTS["bantul"]]
    district.select_option("Jetis")

    regency.select_option("kota_yogyakarta")  # Jetis is a kemantren of the city too: kept
    assert district_values(district) == ["", *DISTRICTS["kota_yogyakarta"]]
    expect(district).to_have_value("Jetis")

    regency.select_option("sleman")  # no Jetis in Sleman: nothing chosen
    expect(district).to_have_value("")
    box = district.bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= 360
