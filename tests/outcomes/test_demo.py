"""The demo: Bakpia Sutarni's check-ins before and at the end of the marketing course."""

import pytest
from django.core.management import call_command

from lms import demo as lms_demo
from lms.models import User
from outcomes.models import CheckIn, CheckInPlan
from outcomes.selectors import checkin_rows_for

pytestmark = pytest.mark.django_db


def test_seed_demo_gives_sutarni_before_and_end_check_ins_showing_growth_once():
    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)

    owner = User.objects.get(phone=lms_demo.OWNER_PHONE)
    business = owner.membership.business
    checkins = {c.moment: c for c in CheckIn.objects.filter(business=business)}
    assert set(checkins) == {"before", "end"}
    assert checkins["end"].revenue_per_day > checkins["before"].revenue_per_day
    assert checkins["end"].online_share_percent > checkins["before"].online_share_percent
    assert CheckInPlan.objects.count() == 1
    rows = checkin_rows_for(business=business)
    assert [(row.moment, row.state) for row in rows] == [
        ("before", "done"),
        ("end", "done"),
        ("month_1", "later"),
        ("month_3", "later"),
    ]
