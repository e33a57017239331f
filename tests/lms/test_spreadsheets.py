"""Spreadsheet exports never hand a spreadsheet a formula (CSV injection, OWASP's rule): one
helper, applied to every export Wagtail makes, ours and its own reports alike."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from wagtail.log_actions import log
from wagtail.models import Page

from lms.spreadsheets import (
    FORMULA_PREFIXES,
    csv_cell,
    neutralise_cell,
    safe_filename,
    xlsx_cell,
)
from tests.factories import UserFactory
from tests.spreadsheets import PAYLOADS, read_csv, read_xlsx


@pytest.mark.parametrize("payload", PAYLOADS)
def test_text_starting_with_a_formula_character_gets_a_leading_quote(payload):
    assert neutralise_cell(payload) == "'" + payload


@given(st.text())
def test_no_neutralised_text_starts_with_a_formula_character(text):
    cell = neutralise_cell(text)
    assert not cell.startswith(FORMULA_PREFIXES)
    assert cell in (text, "'" + text)


@given(st.text().filter(lambda text: not text.startswith(FORMULA_PREFIXES)))
def test_other_text_is_left_as_it_is(text):
    assert neutralise_cell(text) == text


@given(st.text())
def test_neutralising_twice_changes_nothing_more(text):
    assert neutralise_cell(neutralise_cell(text)) == neutralise_cell(text)


@pytest.mark.parametrize(
    "value",
    [-3, -2.5, Decimal("-1.5"), 0, None, True, datetime.date(2026, 1, 1), datetime.time(10)],
)
def test_numbers_dates_and_empty_cells_stay_what_they_are(value):
    assert neutralise_cell(value) is value


def subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from subclasses(subclass)


def test_no_export_view_bypasses_the_neutralising_methods():
    """Every export is a Wagtail SpreadsheetExportMixin; none may write cells its own way."""
    from django.urls import get_resolver
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    assert get_resolver().url_patterns  # loads every viewset and report view
    views = list(subclasses(SpreadsheetExportMixin))
    assert {"BusinessReportView", "SurveyReportView", "CertificateIndexView"} <= {
        view.__name__ for view in views
    }
    for view in views:
        for method in (
            "preprocess_field_value",
            "generate_xlsx_row",
            "get_heading",
            "stream_csv",
            "write_csv_response",
        ):
            assert getattr(view, method) is getattr(SpreadsheetExportMixin, method), view


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_wagtails_own_site_history_export_is_neutralised_too(client, payload):
    """A page title (or, for a user, the learner's name) reaches Wagtail's Site history."""
    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    page = Page.objects.get(depth=2).specific
    page.title = page.draft_title = payload
    log(instance=page, action="wagtail.edit", user=admin)
    client.force_login(admin)
    url = reverse("wagtailadmin_reports:site_history")

    rows = read_csv(client.get(url, {"export": "csv"}))
    assert [row[1] for row in rows[1:]] == ["'" + payload]

    sheet = read_xlsx(client.get(url, {"export": "xlsx"}))
    cell = sheet.cell(row=2, column=2)
    # XML reads a carriage return back as a line feed; the text is otherwise unchanged.
    assert (cell.value, cell.data_type) == (payload.replace("\r", "\n"), "s")


@pytest.mark.django_db
def test_xlsx_text_that_looks_like_an_error_value_stays_text(client):
    """openpyxl would write "#N/A" as an error cell; it is what someone typed."""
    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    page = Page.objects.get(depth=2).specific
    page.title = page.draft_title = "#N/A"
    log(instance=page, action="wagtail.edit", user=admin)
    client.force_login(admin)
    sheet = read_xlsx(client.get(reverse("wagtailadmin_reports:site_history"), {"export": "xlsx"}))
    cell = sheet.cell(row=2, column=2)
    assert (cell.value, cell.data_type) == ("#N/A", "s")


# Indonesian CSV cells, Jakarta times, safe file names (lms.spreadsheets).


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (None, ""),
        (Decimal("-12.50"), "-12,50"),
        (87.5, "87,5"),
        (0.00001, "0,00001"),
        (Decimal("1E+2"), "100"),
        (7, 7),
        (datetime.date(2026, 11, 30), "2026-11-30"),
        (
            datetime.datetime(2026, 11, 30, 7, 5, 9, 123456, tzinfo=datetime.UTC),
            "2026-11-30 14:05:09",
        ),
        (datetime.datetime(2026, 11, 30, 14, 5, 9, 999999), "2026-11-30 14:05:09"),
        ("=1+1", "'=1+1"),
        ("Sleman", "Sleman"),
    ],
)
def test_csv_cells_are_written_for_an_indonesian_spreadsheet(value, cell):
    assert csv_cell(value) == cell


def test_xlsx_times_are_jakartas_wall_clock_to_the_second_and_the_rest_unchanged():
    sent = datetime.datetime(2026, 12, 31, 20, 0, 0, 5, tzinfo=datetime.UTC)
    assert xlsx_cell(sent) == datetime.datetime(2027, 1, 1, 3, 0, 0)
    for value in (None, 3, Decimal("2.5"), datetime.date(2026, 1, 1), "teks"):
        assert xlsx_cell(value) is value


def test_file_names_hold_safe_ascii_parts_joined_by_underscores():
    assert (
        safe_filename("peserta", "pemasaran-digital", "Kelas Ü_1", "", None, "2026-11-30")
        == "peserta_pemasaran-digital_kelas-u-1_2026-11-30"
    )


@given(st.lists(st.text(), max_size=5))
def test_a_file_name_is_always_safe_ascii(parts):
    name = safe_filename(*parts)
    assert re.fullmatch(r"[a-z0-9_-]+", name)
