"""Double taps and retries at the same instant: the database keeps one of each."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from lms import services
from lms.models import Business, Membership, User
from tests.concurrency import run_together
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs a server database with real concurrency"
    ),
]


def test_same_phone_signing_up_twice_at_once_makes_one_account():
    outcomes = run_together(
        lambda: services.learner_sign_up(
            full_name="Sumarni",
            phone="+6281234567890",
            password="rahasia-usaha-123",
            business={"name": "Bakpia", "sector": "culinary", "regency": "sleman"},
        )
    )
    assert User.objects.filter(phone="+6281234567890").count() == 1, outcomes
    assert Business.objects.count() == 1
    refusals = [o for o in outcomes if isinstance(o, ValidationError)]
    assert len(refusals) == 1
    assert refusals[0].message_dict == {"phone": [str(services.PHONE_TAKEN)]}


def test_registering_a_business_twice_at_once_makes_one():
    owner = UserFactory()
    outcomes = run_together(
        lambda: services.business_register(
            owner=owner, name="Bakpia", sector="culinary", regency="sleman"
        )
    )
    assert Membership.objects.filter(user=owner).count() == 1
    assert Business.objects.count() == 1
    refusals = [o for o in outcomes if isinstance(o, ValidationError)]
    assert [r.messages for r in refusals] == [[str(services.ALREADY_MEMBER)]]
