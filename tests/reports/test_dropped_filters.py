"""A filter in a report's link that cannot be applied is named on the page, and the report
never shows the figures of another selection in its place (issue 14, item 5)."""

import io

import openpyxl
import pytest
from django.urls import reverse

from reports.filters import DROPPED_CHOICE, DROPPED_CLASS, DROPPED_COURSE
from tests.reports.links import url
from tests.spreadsheets import read_csv

pytestmark = pytest.mark.django_db

REPORTS = ["overview", "businesses", "knowledge", "survey", "questions"]


def dropped(response):
    return [(item.name, item.reason) for item in response.context["dropped_filters"]]


# Progress without a course: the report shows its default course (the only one here), so the
# progress filter applies to that course, exactly as if the link named it.


def test_progress_without_a_course_filters_the_course_the_report_shows(
    coordinator_client, province
):
    # Completed every lesson: a1 (business A) and e1 (business E); a2, b1 and d1 did not.
    header, *rows = read_csv(
        coordinator_client.get(url("businesses", status="completed", export="csv"))
    )
    assert sorted(row[0] for row in rows) == ["A", "E"]
    assert [row[6] for row in sorted(rows)] == ["1", "1"]  # one learner each: a1, e1


def test_overview_with_progress_and_no_course_counts_only_that_progress(
    coordinator_client, province
):
    response = coordinator_client.get(url("overview", status="not_started"))
    assert dropped(response) == []
    assert response.context["overview"].learners == 1  # d1 alone did no lesson
    figures = dict(
        read_csv(coordinator_client.get(url("overview", status="not_started", export="csv")))[1:]
    )
    assert figures["Peserta terdaftar"] == "1"


# Another mentor's class: nothing is shown, and the page says the class was not applied.


@pytest.mark.parametrize("name", REPORTS)
def test_mentor_link_with_another_mentors_class_shows_no_figures_and_names_it(
    client, province, name
):
    client.force_login(province.dewi)  # Dewi runs K2; K1 is Rina's
    response = client.get(url(name, course=province.course.pk, cohort=province.k1.pk))
    assert response.status_code == 200
    assert dropped(response) == [("cohort", DROPPED_CLASS)]
    page = response.content.decode()
    assert 'data-dropped-filter="cohort"' in page
    assert not response.context["object_list"]
    assert "charts" not in response.context
    assert "overview" not in response.context


@pytest.mark.parametrize("name", REPORTS)
def test_export_of_a_link_with_another_mentors_class_holds_no_rows(client, province, name):
    client.force_login(province.dewi)
    header, *rows = read_csv(
        client.get(url(name, course=province.course.pk, cohort=province.k1.pk, export="csv"))
    )
    assert header
    assert rows == []
    response = client.get(
        url(name, course=province.course.pk, cohort=province.k1.pk, export="xlsx")
    )
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.max_row == 1


def test_mentor_business_page_behind_a_link_with_another_mentors_class_is_not_found(
    client, province
):
    client.force_login(province.dewi)
    business = province.a1.membership.business  # a2, Dewi's learner, is a member of A
    base = reverse("reports:business", args=[business.pk])
    assert client.get(f"{base}?course={province.course.pk}").status_code == 200
    response = client.get(f"{base}?course={province.course.pk}&cohort={province.k1.pk}")
    assert response.status_code == 404


def test_mentor_with_their_own_class_still_sees_it(client, province):
    client.force_login(province.dewi)
    response = client.get(url("businesses", course=province.course.pk, cohort=province.k2.pk))
    assert dropped(response) == []
    assert [row.name for row in response.context["object_list"]] == ["A"]


def test_coordinator_may_filter_by_any_class(coordinator_client, province):
    response = coordinator_client.get(
        url("businesses", course=province.course.pk, cohort=province.k1.pk)
    )
    assert dropped(response) == []
    assert sorted(row.name for row in response.context["object_list"]) == ["A", "B"]


# Values no filter accepts.


def test_unknown_progress_value_shows_no_figures_and_names_the_filter(coordinator_client, province):
    response = coordinator_client.get(url("overview", course=province.course.pk, status="done"))
    assert dropped(response) == [("status", DROPPED_CHOICE)]
    assert not response.context["object_list"]
    assert 'data-dropped-filter="status"' in response.content.decode()


def test_unknown_course_shows_no_other_course_in_its_place(coordinator_client, province):
    response = coordinator_client.get(url("overview", course=999999))
    assert dropped(response) == [("course", DROPPED_COURSE)]
    assert response.context["course"] is None
    assert not response.context["object_list"]
    assert province.course.title not in response.content.decode().split("report-nav", 1)[1]
    _, *rows = read_csv(coordinator_client.get(url("overview", course=999999, export="csv")))
    assert rows == []


def test_each_dropped_filter_is_named_once(coordinator_client, province):
    response = coordinator_client.get(
        url("businesses", course=province.course.pk, regency="atlantis", sector="mining")
    )
    assert dropped(response) == [("regency", DROPPED_CHOICE), ("sector", DROPPED_CHOICE)]
    assert not response.context["object_list"]
