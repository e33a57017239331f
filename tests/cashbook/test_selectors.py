import datetime
from decimal import Decimal

import pytest
from django.http import Http404
from django.utils import timezone

from cashbook import selectors
from tests.factories import build_cash_entry

pytestmark = pytest.mark.django_db

OCT = datetime.date(2026, 10, 1)


@pytest.fixture
def october(owner, member):
    """A hand-made October: three sales (one online), three costs, a deleted sale, and entries
    on 30 September and 1 November that the month leaves out."""
    business = owner.membership.business
    day = OCT.replace
    build_cash_entry(business, author=owner, day=day(day=1), amount=100_000, units=10)
    build_cash_entry(
        business, author=member, day=day(day=2), amount=60_000, units=4, channel="online"
    )
    build_cash_entry(business, author=owner, day=day(day=31), amount=40_000, units=2)
    build_cash_entry(business, author=owner, day=day(day=3), kind="cost", amount=50_000)
    build_cash_entry(
        business, author=owner, day=day(day=4), kind="cost", category="advertising", amount=20_000
    )
    build_cash_entry(
        business, author=owner, day=day(day=5), kind="cost", category="wages", amount=30_000
    )
    build_cash_entry(
        business, author=owner, day=day(day=6), amount=999_000, deleted_at=timezone.now()
    )
    build_cash_entry(business, author=owner, day=datetime.date(2026, 9, 30), amount=7_000)
    build_cash_entry(business, author=owner, day=datetime.date(2026, 11, 1), amount=8_000)
    return business


def test_month_summary_by_hand(october):
    summary = selectors.month_summary(business=october, month=datetime.date(2026, 10, 15))
    assert summary.month == OCT
    assert summary.revenue == 200_000
    assert summary.online_revenue == 60_000
    assert summary.offline_revenue == 140_000
    assert summary.online_share == Decimal("30.0")
    assert summary.total_costs == 100_000
    assert summary.profit == 100_000
    assert summary.advertising == 20_000
    assert (summary.sales, summary.units, summary.entries) == (3, 16, 6)
    costs = {key: amount for key, _label, amount in summary.costs}
    assert costs == {
        "stock": 50_000,
        "advertising": 20_000,
        "wages": 30_000,
        "rent": 0,
        "transport": 0,
        "loan": 0,
        "other": 0,
    }


def test_an_empty_month_has_zeros_and_no_online_share(owner):
    summary = selectors.month_summary(business=owner.membership.business, month=OCT)
    assert (summary.revenue, summary.total_costs, summary.profit, summary.sales) == (0, 0, 0, 0)
    assert summary.online_share is None


def test_a_loss_is_a_negative_profit(owner):
    business = owner.membership.business
    build_cash_entry(business, day=OCT, amount=10_000)
    build_cash_entry(business, day=OCT, kind="cost", category="rent", amount=25_000)
    assert selectors.month_summary(business=business, month=OCT).profit == -15_000


def test_month_summary_is_one_query(october, django_assert_num_queries):
    with django_assert_num_queries(1):
        selectors.month_summary(business=october, month=OCT)


def test_period_figures_by_hand(october):
    # 1 to 10 October: sales 100.000 + 60.000 (16 - 2 units: 14), ads 20.000.
    figures = selectors.period_figures(business=october, start=OCT, end=datetime.date(2026, 10, 10))
    assert figures.days == 10
    assert figures.revenue_per_day == 16_000
    assert figures.units_per_day == Decimal("1.4")
    assert figures.online_share == Decimal("37.5")
    assert figures.advertising == 20_000


def test_period_figures_round_half_up(owner):
    business = owner.membership.business
    build_cash_entry(business, day=OCT, amount=10_001, units=1, channel="online")
    build_cash_entry(business, day=OCT, amount=20_000, units=1)
    figures = selectors.period_figures(business=business, start=OCT, end=datetime.date(2026, 10, 6))
    # 30.001 / 6 = 5.000,17; 2 / 6 = 0,33; 10.001 / 30.001 = 33,335...%
    assert figures.revenue_per_day == 5_000
    assert figures.units_per_day == Decimal("0.3")
    assert figures.online_share == Decimal("33.3")
    assert figures.advertising == 0


def test_period_with_only_costs_has_no_online_share(owner):
    business = owner.membership.business
    build_cash_entry(business, day=OCT, kind="cost", category="advertising", amount=9_000)
    figures = selectors.period_figures(business=business, start=OCT, end=OCT)
    assert (figures.revenue_per_day, figures.online_share, figures.advertising) == (0, None, 9_000)


def test_period_figures_none_without_entries(october):
    assert (
        selectors.period_figures(
            business=october, start=datetime.date(2026, 8, 1), end=datetime.date(2026, 8, 31)
        )
        is None
    )
    # Only a deleted entry in the period.
    assert (
        selectors.period_figures(business=october, start=OCT.replace(day=6), end=OCT.replace(day=6))
        is None
    )
    assert selectors.period_figures(business=october, start=OCT, end=OCT) is not None
    assert selectors.period_figures(business=october, start=OCT.replace(day=2), end=OCT) is None


def test_day_entries_leave_out_deleted_and_other_days(october):
    entries = selectors.day_entries(business=october, day=OCT.replace(day=6))
    assert entries == []
    entries = selectors.day_entries(business=october, day=OCT)
    assert [entry.amount for entry in entries] == [100_000]
    totals = selectors.totals_of(selectors.day_entries(business=october, day=OCT.replace(day=3)))
    assert (totals.money_in, totals.money_out, totals.balance) == (0, 50_000, -50_000)


def test_a_member_opens_their_own_book(member):
    book = selectors.book_for(user=member)
    assert book.business == member.membership.business
    assert book.can_add
    assert not book.is_owner
    assert book.url_kwargs == {}


def test_no_business_no_book(mentor):
    assert selectors.book_for(user=mentor) is None


def test_staff_in_scope_read_and_others_get_404(
    two_classes, mentor, other_mentor, coordinator, owner, other_owner
):
    business = owner.membership.business
    for reader in (mentor, coordinator):
        book = selectors.book_for(user=reader, business_id=business.pk)
        assert book.business == business
        assert not book.can_add
        assert book.membership is None
    for outsider in (other_mentor, other_owner):
        with pytest.raises(Http404):
            selectors.book_for(user=outsider, business_id=business.pk)


def test_only_author_or_owner_may_change(owner, member):
    business = owner.membership.business
    by_owner = build_cash_entry(business, author=owner)
    by_member = build_cash_entry(business, author=member)
    owners, members = selectors.book_for(user=owner), selectors.book_for(user=member)
    assert owners.can_change(by_owner)
    assert owners.can_change(by_member)
    assert members.can_change(by_member)
    assert not members.can_change(by_owner)
