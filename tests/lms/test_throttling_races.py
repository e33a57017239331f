"""Guesses sent together: each wrong password or join code is counted before it is checked, so a
burst of parallel guesses gets no more checked than the limit allows."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.conf import settings
from django.db import connection
from django.db.models import Sum
from django.test import Client, override_settings
from django.urls import reverse

from lms.throttling import account_key
from tests.concurrency import run_together
from tests.factories import PASSWORD, UserFactory
from tests.signing_in import sign_in

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs a server database with real concurrency"
    ),
]

# A real password hash: each check takes long enough for every attempt of a burst to overlap.
SLOW_HASHER = override_settings(
    PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
)
BURST = 12


def failures_recorded(user):
    total = AccessAttempt.objects.filter(username=account_key(user)).aggregate(
        total=Sum("failures_since_start")
    )["total"]
    return total or 0


def locked_at(user):
    """What the right password gets next: refused only if the failures reached the limit
    (attempts refused during the burst are not counted)."""
    return 429 if failures_recorded(user) >= settings.AXES_FAILURE_LIMIT else 302


@SLOW_HASHER
def test_a_burst_of_wrong_passwords_checks_no_more_than_the_account_limit():
    learner = UserFactory()
    guesses = iter(range(BURST))
    outcomes = run_together(
        lambda: sign_in(Client(), learner.phone, f"tebakan-{next(guesses)}", ip="10.9.0.1"),
        times=BURST,
    )
    statuses = [outcome.status_code for outcome in outcomes]
    assert failures_recorded(learner) <= settings.AXES_FAILURE_LIMIT, statuses
    assert AccessFailureLog.objects.count() <= settings.AXES_FAILURE_LIMIT
    assert statuses.count(200) <= settings.AXES_FAILURE_LIMIT - 1  # "No match": a check.
    assert statuses.count(429) >= BURST - settings.AXES_FAILURE_LIMIT + 1
    assert sign_in(Client(), learner.phone, PASSWORD, ip="10.9.0.2").status_code == locked_at(
        learner
    )


@SLOW_HASHER
def test_a_burst_from_many_addresses_at_the_limit_gets_no_check_at_all():
    learner = UserFactory()
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(Client(), learner.phone, "tebakan", ip=f"10.9.1.{n}")
    addresses = iter(f"2001:db8:9:{n:x}::1" for n in range(BURST))  # Twelve connections.
    outcomes = run_together(
        lambda: sign_in(Client(), learner.phone, "tebakan-lagi", ip=next(addresses)),
        times=BURST,
    )
    assert failures_recorded(learner) <= settings.AXES_FAILURE_LIMIT
    assert [outcome.status_code for outcome in outcomes].count(429) >= BURST - 1
    assert sign_in(Client(), learner.phone, PASSWORD, ip="10.9.2.1").status_code == locked_at(
        learner
    )


@SLOW_HASHER
def test_a_class_signing_in_together_from_one_address_all_get_in():
    learners = UserFactory.create_batch(8)
    queue = iter(learners)
    outcomes = run_together(
        lambda: sign_in(Client(), next(queue).phone, PASSWORD, ip="10.9.3.1"), times=8
    )
    assert [outcome.status_code for outcome in outcomes] == [302] * 8
    assert not AccessAttempt.objects.filter(failures_since_start__gt=0).exists()


def test_a_burst_of_join_codes_checks_no_more_than_the_account_rate(learners_group):
    learner = UserFactory(groups=[learners_group])
    clients = []
    for _ in range(BURST + 3):
        client = Client()
        client.force_login(learner)
        clients.append(client)
    queue = iter(enumerate(clients))

    def guess():
        n, client = next(queue)
        return client.post(
            reverse("lms:business_join"), {"join-join_code": f"ZZZ{n:03d}"}, REMOTE_ADDR="10.9.4.1"
        )

    statuses = [outcome.status_code for outcome in run_together(guess, times=len(clients))]
    assert statuses.count(200) <= 10, statuses  # JOIN_CODE_RATE: each 200 checked a code.
    assert statuses.count(200) + statuses.count(429) == len(clients)
