import datetime

import pytest
from django.utils import timezone

from cashbook import demo, selectors
from cashbook.models import Entry, MonthNotes
from lms import demo as lms_demo
from lms.models import User

pytestmark = pytest.mark.django_db


def _month_before(month: datetime.date) -> datetime.date:
    return (month - datetime.timedelta(days=1)).replace(day=1)


def test_sutarni_gets_two_months_of_cash_book_once():
    lms_demo.seed()
    demo.seed()
    owner = User.objects.get(phone=lms_demo.OWNER_PHONE)
    business = owner.membership.business
    count = Entry.objects.filter(business=business).count()
    demo.seed()
    assert Entry.objects.filter(business=business).count() == count
    today = timezone.localdate()
    last_month = _month_before(today.replace(day=1))
    summary = selectors.month_summary(business=business, month=last_month)
    assert summary.sales > 40
    assert 0 < summary.online_revenue < summary.revenue
    assert summary.advertising > 0
    assert summary.profit > 0
    costs = {key: amount for key, _label, amount in summary.costs}
    assert costs["stock"] > 0
    assert costs["wages"] > 0
    assert Entry.objects.filter(business=business, day__gt=today).count() == 0
    assert selectors.period_figures(business=business, start=last_month, end=today) is not None
    assert MonthNotes.objects.get(business=business, month=last_month).notes


def test_the_book_covers_two_full_months_before_this_one_and_this_month_to_today():
    lms_demo.seed()
    demo.seed()
    business = User.objects.get(phone=lms_demo.OWNER_PHONE).membership.business
    today = timezone.localdate()
    this_month = today.replace(day=1)
    first = _month_before(_month_before(this_month))
    days = set(Entry.objects.filter(business=business).values_list("day", flat=True))
    assert min(days) == first
    assert max(days) == today
    every_day = {first + datetime.timedelta(days=n) for n in range((today - first).days + 1)}
    assert days == every_day  # a sale written every day, the shop is open daily
    for month in (first, _month_before(this_month)):
        summary = selectors.month_summary(business=business, month=month)
        assert summary.sales > 60  # two to seven sales a day
        assert summary.profit > 0
        costs = {key: amount for key, _label, amount in summary.costs}
        assert costs["wages"] >= 4 * 600_000  # the helper's weekly wages
        assert costs["rent"] == 500_000
        assert costs["loan"] == 1_150_000
        assert MonthNotes.objects.get(business=business, month=month).notes
    assert not MonthNotes.objects.filter(business=business, month=this_month).exists()
