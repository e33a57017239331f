"""Deep pages of the paginated reports: every page holds the rows, with the figures, that the
whole table holds at its place, however it is sorted; and a page computes the figures of its
own rows only (reports.paging), not those of every row it skips."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reports.views import BusinessReportView, KnowledgeReportView, SurveyReportView
from tests.factories import UserFactory
from tests.reports.links import url

pytestmark = pytest.mark.django_db

FIGURES = (
    "pk",
    "name",
    "learners",
    "members",
    "cohort_name",
    "lessons_done",
    "progress",
    "weeks_completed",
    "quiz_best",
    "quiz_first",
    "pre_mean",
    "post_mean",
    "certificate_count",
)


def figures(rows):
    return [tuple(getattr(row, name) for name in FIGURES) for row in rows]


def whole_table(query):
    """The business table's rows for ``query``, unpaginated, as the view orders them for a
    viewer who sees every class."""
    request = RequestFactory().get(url("businesses", **query))
    request.user = UserFactory(is_superuser=True)
    view = BusinessReportView()
    view.setup(request)
    return list(view.get_queryset())


def every_page(client, name, **query):
    """The rows of each page of report ``name``, in order, and the page count."""
    first = client.get(url(name, **query))
    pages = first.context["paginator"].num_pages
    rows = list(first.context["object_list"])
    for number in range(2, pages + 1):
        response = client.get(url(name, p=number, **query))
        assert response.status_code == 200
        assert response.context["page_obj"].number == number
        rows += list(response.context["object_list"])
    return rows, pages


def test_every_page_of_the_business_table_shows_the_rows_and_figures_of_the_whole_table(
    coordinator_client, province, monkeypatch
):
    """Each sort key once, every other one most first; two rows a page. The whole table is the
    view's own rows, unpaginated (as its export streams them)."""
    monkeypatch.setattr(BusinessReportView, "paginate_by", 2)
    keys = [column.sort_key for column in BusinessReportView.columns if column.sort_key]
    assert {"name", "progress", "quiz_best", "certificate_count"} <= set(keys)
    for index, key in enumerate(keys):
        ordering = f"-{key}" if index % 2 else key
        query = {"course": province.course.pk, "ordering": ordering}
        paged, pages = every_page(coordinator_client, "businesses", **query)
        assert pages == 2, ordering  # A B D E
        assert figures(paged) == figures(whole_table(query)), ordering


def test_a_deep_page_renders_its_rows_with_their_figures(coordinator_client, province, monkeypatch):
    """By progress, most first, two a page: A and E (100 %), then B (1 of 4 lessons: 25 %) and
    D (nothing done). Page 2 shows B and D, and B's figures as the whole table gives them."""
    monkeypatch.setattr(BusinessReportView, "paginate_by", 2)
    response = coordinator_client.get(
        url("businesses", course=province.course.pk, ordering="-progress", p=2)
    )
    assert [row.name for row in response.context["object_list"]] == ["B", "D"]
    table = response.context["table"]
    b = next(row.instance for row in table.rows if row.instance.name == "B")
    shown = ("learners", "progress_display", "weeks_completed", "pre_display")
    assert [table.columns[name].get_value(b) for name in shown] == [1, 25.0, 0, 75.0]
    page = response.content.decode()
    links = {
        name: reverse("reports:business", args=[getattr(province, owner).membership.business.pk])
        for name, owner in (("A", "a1"), ("B", "b1"), ("D", "d1"), ("E", "e1"))
    }
    assert page.index(links["B"]) < page.index(links["D"])
    assert links["A"] not in page
    assert links["E"] not in page


def test_a_deep_page_computes_figures_for_its_own_rows_only(
    coordinator_client, province, monkeypatch
):
    """The figures (here the certificates counted per row) are read for the page's row, never
    in a query that skips rows with OFFSET, where they would be computed for each row skipped."""
    monkeypatch.setattr(BusinessReportView, "paginate_by", 1)
    coordinator_client.get(url("businesses", course=province.course.pk))
    with CaptureQueriesContext(connection) as captured:
        response = coordinator_client.get(url("businesses", course=province.course.pk, p=3))
    assert [row.name for row in response.context["object_list"]] == ["D"]
    figure_queries = [q["sql"] for q in captured if "certificates_certificate" in q["sql"]]
    assert figure_queries
    assert not [sql for sql in figure_queries if "OFFSET" in sql.upper()]


@pytest.mark.parametrize(
    ("view", "name", "field"),
    [(KnowledgeReportView, "knowledge", "gain"), (SurveyReportView, "survey", "text")],
)
def test_every_page_of_the_other_tables_holds_the_rows_of_the_whole_table(
    coordinator_client, province, monkeypatch, view, name, field
):
    whole = coordinator_client.get(url(name, course=province.course.pk))
    expected = [(row.pk, getattr(row, field)) for row in whole.context["object_list"]]
    monkeypatch.setattr(view, "paginate_by", 1)
    paged, pages = every_page(coordinator_client, name, course=province.course.pk)
    assert pages == len(expected) >= 1
    assert [(row.pk, getattr(row, field)) for row in paged] == expected


def test_a_mentor_pages_through_their_own_classes_businesses_only(client, province, monkeypatch):
    """Rina's classes (K1) hold a1 and b1: two pages of one business, A then B, nobody else's."""
    monkeypatch.setattr(BusinessReportView, "paginate_by", 1)
    client.force_login(province.rina)
    rows, pages = every_page(client, "businesses", course=province.course.pk)
    assert pages == 2
    assert [(row.name, row.learners) for row in rows] == [("A", 1), ("B", 1)]
