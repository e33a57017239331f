import datetime

import pytest
from django.utils import timezone

from cashbook import demo, selectors
from cashbook.models import Entry, MonthNotes
from lms import demo as lms_demo
from lms.models import User

pytestmark = pytest.mark.django_db


def test_sutarni_gets_two_months_of_cash_book_once():
    lms_demo.seed()
    demo.seed()
    owner = User.objects.get(phone=lms_demo.OWNER_PHONE)
    business = owner.membership.business
    count = Entry.objects.filter(business=business).count()
    demo.seed()
    assert Entry.objects.filter(business=business).count() == count
    today = timezone.localdate()
    last_month = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
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
