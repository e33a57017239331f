"""Two members saving the same check-in at the same instant: the database keeps one."""

import pytest
from django.db import connection

from outcomes.models import CheckIn, CheckInPlan
from outcomes.services import checkin_save
from tests.concurrency import run_together

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs a server database with real concurrency"
    ),
]


def test_simultaneous_first_submits_record_one_check_in(two_classes, owner):
    CheckInPlan.objects.create(course=two_classes.course)

    outcomes = run_together(
        lambda: checkin_save(
            business=owner.membership.business,
            course=two_classes.course,
            moment="before",
            person=owner,
            figures={"revenue_per_day": 750_000},
        )
    )

    assert CheckIn.objects.count() == 1, outcomes
    assert all(isinstance(outcome, CheckIn) for outcome in outcomes), outcomes
    assert CheckIn.objects.get().revenue_per_day == 750_000
