"""Admin → Reports → Business progress: the page, its "compare with" choice, its per-business
table and exports, and who sees which businesses (figures: tests/reports/test_outcomes.py)."""

import io
import uuid

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry

from courses import services as course_services
from lms import audit, roles
from lms.models import Business
from lms.spreadsheets import BYTE_ORDER_MARK
from outcomes.models import CheckIn
from reports import outcomes
from reports.filters import DROPPED_CLASS
from tests.factories import BusinessFactory, MembershipFactory, UserFactory
from tests.reports.links import url
from tests.reports.test_outcomes import checkin, record_outcomes
from tests.spreadsheets import PAYLOADS, number, read_csv

pytestmark = pytest.mark.django_db


@pytest.fixture
def recorded(province):
    return record_outcomes(province)


def t(text):
    """``text`` as the admin shows it (Indonesian)."""
    with translation.override("id"):
        return gettext(text)


def get(client, **query):
    return client.get(url("outcomes", **query))


def csv_rows(client, **query):
    header, *rows = read_csv(get(client, export="csv", **query))
    return header, rows


def test_the_coordinator_sees_the_summary_tables_and_charts(coordinator_client, recorded):
    response = get(coordinator_client, course=recorded.course.pk)
    assert response.status_code == 200
    summary = response.context["summary"]
    assert (summary.businesses, summary.pairs) == (4, 3)
    assert [row.name for row in response.context["object_list"]] == ["A", "B", "D", "E"]
    page = response.content.decode()
    assert 'data-figure="pairs">3<' in page
    assert 'data-breakdown="regency"' in page
    assert 'data-breakdown="sector"' in page
    assert page.count('class="report-chart__svg"') == 4
    assert "report-chart__table" in page  # the figures behind each chart
    assert set(response.context["charts"]) == {"shares", "regency", "sector", "products"}
    regency = response.context["charts"]["regency"]
    assert regency.table.rows[0].cells[0].value == 100_000  # all businesses, median before


def test_the_page_says_what_after_means_and_compare_picks_the_moment(coordinator_client, recorded):
    with translation.override("id"):
        latest_means, end_means = outcomes.after_label(""), outcomes.after_label("end")
    latest = get(coordinator_client, course=recorded.course.pk)
    assert latest_means in latest.context["compare_note"]
    assert latest_means in latest.content.decode()
    end = get(coordinator_client, course=recorded.course.pk, compare="end")
    assert end.context["summary"].pairs == 2
    assert end.context["summary"].compare == "end"
    assert end_means in end.context["compare_note"]
    header, rows = csv_rows(coordinator_client, course=recorded.course.pk, compare="end")
    e = next(row for row in rows if row[1] == "E")
    assert e[header.index(t("Revenue per day after (Rp)"))] == ""  # E filled no end check-in


def test_an_unknown_compare_value_is_a_dropped_filter_with_no_figures(coordinator_client, recorded):
    response = get(coordinator_client, course=recorded.course.pk, compare="year_5")
    assert [item.name for item in response.context["dropped_filters"]] == ["compare"]
    assert "summary" not in response.context
    assert not response.context["object_list"]


def test_csv_has_one_row_per_business_with_its_figures_and_empty_cells(
    coordinator_client, recorded
):
    Business.objects.filter(pk=recorded.a1.membership.business_id).update(sibakul_number="SB-1")
    response = get(coordinator_client, course=recorded.course.pk, export="csv")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).decode("utf-8").startswith(BYTE_ORDER_MARK)
    header, rows = csv_rows(coordinator_client, course=recorded.course.pk)
    assert header[:7] == [
        t("Business ID"),
        t("Business"),
        t("SiBakul number"),
        t("Regency or city"),
        t("District (kapanewon/kemantren)"),
        t("Sector"),
        t("“After” check-in"),
    ]
    a = dict(zip(header, next(row for row in rows if row[1] == "A"), strict=True))
    assert a[t("Business ID")] == str(recorded.a1.membership.business_id)
    assert a[t("SiBakul number")] == "SB-1"
    assert a[t("Regency or city")] == "Sleman"
    assert a[t("“After” check-in")] == t("One month after completing")
    assert number(a[t("Revenue per day before (Rp)")]) == 100_000
    assert number(a[t("Revenue per day after (Rp)")]) == 200_000
    assert number(a[t("Online sales after (%)")]) == 30
    assert (a[t("Keeps books before")], a[t("Keeps books after")]) == (t("No"), t("Yes"))
    assert a[t("Monthly report after")] == t("Yes")
    assert a[t("Credit application")] == t("Approved")
    d = dict(zip(header, next(row for row in rows if row[1] == "D"), strict=True))
    assert d[t("Revenue per day after (Rp)")] == ""  # never "None"
    assert d[t("“After” check-in")] == ""
    assert d[t("Credit application")] == ""
    assert "None" not in {cell for row in rows for cell in row}


def test_xlsx_holds_the_same_rows_with_numbers_as_numbers(coordinator_client, recorded):
    response = get(coordinator_client, course=recorded.course.pk, export="xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][1] == t("Business")
    assert sorted(row[1] for row in rows[1:]) == ["A", "B", "D", "E"]
    e = next(row for row in rows[1:] if row[1] == "E")
    assert e[rows[0].index(t("Revenue per day after (Rp)"))] == 360_000
    assert e[rows[0].index(t("Products per day before"))] == 30


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_business_name_that_would_start_a_formula_is_neutralised(
    coordinator_client, recorded, payload
):
    Business.objects.filter(pk=recorded.b1.membership.business_id).update(name=payload)
    header, rows = csv_rows(coordinator_client, course=recorded.course.pk)
    names = [row[1] for row in rows]
    assert "'" + payload in names
    assert payload not in names
    response = get(coordinator_client, course=recorded.course.pk, export="xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [row[1] for row in sheet.iter_rows(min_row=2)]
    assert all(cell.data_type == "s" for cell in cells)


def test_each_export_is_in_the_audit_log(coordinator_client, recorded):
    get(coordinator_client, course=recorded.course.pk, export="csv")
    entry = ModelLogEntry.objects.get(action=audit.EXPORT_PERSONAL_DATA)
    assert entry.data["report"] == "reports.outcomes"


def test_a_mentor_sees_only_the_businesses_of_their_classes(client, recorded):
    client.force_login(recorded.rina)  # K1: a1 (A) and b1 (B)
    response = get(client, course=recorded.course.pk)
    assert [row.name for row in response.context["object_list"]] == ["A", "B"]
    assert response.context["summary"].businesses == 2
    assert response.context["summary"].credit.submitted == 2  # A approved, B refused
    client.force_login(recorded.dewi)  # K2: a2 (A)
    for export in ("csv", "xlsx"):
        response = get(client, course=recorded.course.pk, export=export)
        assert response.status_code == 200
    header, rows = csv_rows(client, course=recorded.course.pk)
    assert [row[1] for row in rows] == ["A"]
    sheet = openpyxl.load_workbook(
        io.BytesIO(
            b"".join(get(client, course=recorded.course.pk, export="xlsx").streaming_content)
        )
    ).active
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["A"]


def test_a_mentor_link_with_another_mentors_class_shows_no_figures_and_no_rows(client, recorded):
    client.force_login(recorded.dewi)
    response = get(client, course=recorded.course.pk, cohort=recorded.k1.pk)
    assert response.status_code == 200
    assert [(d.name, d.reason) for d in response.context["dropped_filters"]] == [
        ("cohort", str(DROPPED_CLASS))
    ]
    assert "summary" not in response.context
    assert "charts" not in response.context
    header, rows = csv_rows(client, course=recorded.course.pk, cohort=recorded.k1.pk)
    assert header
    assert rows == []


@pytest.mark.parametrize("who", ["learner", "anonymous"])
def test_nobody_else_reaches_the_page_or_its_exports(client, recorded, who):
    if who == "learner":
        client.force_login(recorded.a1)
    for query in ({}, {"export": "csv"}, {"export": "xlsx"}):
        response = client.get(url("outcomes", course=recorded.course.pk, **query))
        assert response.status_code == 302
        assert "/admin/" in response["Location"]
    assert client.get(reverse("reports:outcomes_results")).status_code == 302


def test_the_menu_and_the_tabs_name_the_report(coordinator_client, recorded):
    response = get(coordinator_client, course=recorded.course.pk)
    tabs = [report["name"] for report in response.context["reports"]]
    assert tabs.count("outcomes") == 1
    admin = coordinator_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("reports:outcomes") in admin


def test_sorting_by_revenue_puts_the_unknown_last(coordinator_client, recorded):
    response = get(coordinator_client, course=recorded.course.pk, ordering="-revenue_after")
    assert [row.name for row in response.context["object_list"]] == ["E", "A", "B", "D"]


def _more_businesses(course, count):
    """``count`` businesses with an enrolled owner, a before and an end check-in each."""
    for position in range(count):
        owner = UserFactory()
        business = BusinessFactory(name=f"Usaha tambahan {position}")
        MembershipFactory(user=owner, business=business, is_owner=True)
        course_services.enrolment_start(learner=owner, course=course)
        checkin(business, course, "before", (1000 * position, 1, 0, 0, False, False))
        checkin(business, course, "end", (2000 * position, 2, 10, 0, True, False), ["tiktok"])


def _queries(client, **query):
    with CaptureQueriesContext(connection) as captured:
        response = get(client, **query)
    assert response.status_code == 200
    return len(captured)


def test_the_page_and_export_take_as_many_queries_for_30_businesses_as_for_5(
    coordinator_client, province
):
    course = province.course
    _more_businesses(course, 1)  # with the province's four: five
    get(coordinator_client, course=course.pk)  # warm the page-tree caches
    page_5 = _queries(coordinator_client, course=course.pk)
    export_5 = _queries(coordinator_client, course=course.pk, export="csv")
    _more_businesses(course, 25)
    assert CheckIn.objects.filter(course=course).values("business").distinct().count() == 26
    page_30 = _queries(coordinator_client, course=course.pk)
    export_30 = _queries(coordinator_client, course=course.pk, export="csv")
    assert page_30 <= page_5
    assert export_30 <= export_5


def test_the_page_stays_within_its_query_budget(
    coordinator_client, recorded, django_assert_max_num_queries
):
    get(coordinator_client, course=recorded.course.pk)
    with django_assert_max_num_queries(25):
        get(coordinator_client, course=recorded.course.pk)


def test_a_mentor_without_classes_sees_no_business(client, recorded):
    mentor = UserFactory(groups=[Group.objects.get(name=roles.MENTORS)])
    client.force_login(mentor)
    response = get(client, course=recorded.course.pk)
    assert response.status_code == 200
    assert response.context["summary"].businesses == 0
    assert list(response.context["object_list"]) == []


def test_odd_text_in_the_query_never_breaks_the_page(coordinator_client, recorded):
    for value in ("'; DROP TABLE x;--", "ü" * 300, "\x00", str(uuid.uuid4())):
        response = get(coordinator_client, course=recorded.course.pk, compare=value)
        assert response.status_code == 200
