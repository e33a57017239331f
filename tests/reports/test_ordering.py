from types import SimpleNamespace

import pytest

from lms.models import User
from reports import outcome_views, views
from reports.ordering import PkTieBreakMixin, pk_tie_break, with_pk


@pytest.mark.django_db
def test_pk_tie_break_appends_the_primary_key_to_an_ordering():
    ordered = pk_tie_break(User.objects.order_by("-date_joined"))
    assert ordered.query.order_by == ("-date_joined", "pk")


@pytest.mark.django_db
def test_pk_tie_break_leaves_an_unordered_queryset_unordered():
    assert pk_tie_break(User.objects.order_by()).query.order_by == ()


def test_with_pk_breaks_ties_on_the_primary_key():
    rows = [SimpleNamespace(pk=3, name="b"), SimpleNamespace(pk=1, name="B")]
    assert [row.pk for row in sorted(rows, key=with_pk(lambda row: row.name.casefold()))] == [1, 3]


def test_report_views_share_the_tie_break():
    assert issubclass(views.BusinessReportView, PkTieBreakMixin)
    assert issubclass(views.LearnerReportView, PkTieBreakMixin)
    assert "order_queryset" not in vars(views.BusinessReportView)
    assert "order_queryset" not in vars(views.LearnerReportView)


def test_outcome_report_label_is_the_report_tab_label():
    assert outcome_views.OutcomeReportView.page_title is dict(views.REPORTS)["outcomes"]
