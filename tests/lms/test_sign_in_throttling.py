"""Who a run of wrong passwords locks out: the account (5 failures, from anywhere, however its
number is typed), the account at one address (5), and an address alone only at a much higher
count (50 in 15 minutes), so a class on one Wi-Fi or phones behind a carrier's shared address
don't lock each other out. A success clears only the signed-in account's own failures."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils.html import escape
from hypothesis import given
from hypothesis import strategies as st

from lms.forms import SignInForm
from lms.throttling import failure_limit_for, scaled_failures
from tests.factories import PASSWORD, UserFactory
from tests.signing_in import CLASS_WIFI, sign_in

pytestmark = pytest.mark.django_db

SIGN_OUT = reverse("lms:sign_out")
ADMIN_SIGN_IN = reverse("wagtailadmin_login")
LOCKED_OUT = "lms/locked_out.html"
DO_NOT_MATCH = escape(str(SignInForm.error_messages["invalid_login"]))


def sign_in_and_out(client, user, ip=CLASS_WIFI):
    response = sign_in(client, user.phone, PASSWORD, ip=ip)
    if response.status_code == 302:
        client.post(SIGN_OUT, REMOTE_ADDR=ip)
    return response.status_code


def locked(response):
    return response.status_code == 429 and LOCKED_OUT in [t.name for t in response.templates]


@pytest.mark.parametrize(
    ("parameter", "limit"),
    [("username", 5), (["username", "ip_address"], 5), ("ip_address", 50), (["ip_address"], 5)],
)
def test_only_the_address_alone_gets_the_address_limit(parameter, limit):
    assert failure_limit_for(parameter, account_limit=5, address_limit=50) == limit


@given(
    limit=st.integers(1, 20),
    pairs=st.lists(st.tuples(st.integers(0, 500), st.integers(1, 200)), min_size=1, max_size=4),
)
def test_scaled_failures_reach_the_limit_exactly_when_some_count_reaches_its_own(limit, pairs):
    counts, limits = zip(*pairs, strict=True)
    reached = any(count >= own for count, own in pairs)
    assert (scaled_failures(counts, limits, limit) >= limit) == reached


def test_the_limits_are_five_per_account_and_fifty_per_address_for_fifteen_minutes():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.SIGN_IN_ADDRESS_FAILURE_LIMIT == 50
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60


def test_five_learners_mistyping_once_on_one_wifi_all_sign_in(client):
    learners = UserFactory.create_batch(5)
    for learner in learners:
        assert sign_in(client, learner.phone, "salah-ketik").status_code == 200
    assert [sign_in_and_out(client, learner) for learner in learners] == [302] * 5


def test_a_class_of_thirty_each_mistyping_once_then_signing_in_is_never_locked(client):
    learners = UserFactory.create_batch(30)
    for learner in learners:
        assert sign_in(client, learner.phone, "salah-ketik").status_code == 200
        assert sign_in_and_out(client, learner) == 302


@override_settings(SIGN_IN_ADDRESS_FAILURE_LIMIT=20)
def test_guessing_four_passwords_on_each_of_six_accounts_is_stopped_by_the_address_limit(client):
    attacker = UserFactory()
    victims = UserFactory.create_batch(6)
    statuses = []
    for victim in victims:
        statuses += [sign_in(client, victim.phone, f"tebakan-{n}").status_code for n in range(4)]
        statuses.append(sign_in_and_out(client, attacker))  # A good sign-in between each.
    guesses = [status for n, status in enumerate(statuses) if n % 5 != 4]
    assert guesses[:19] == [200] * 19
    assert guesses[19:] == [429] * 5  # The 20th failure locks the address.
    assert sign_in_and_out(client, victims[-1]) == 429  # Even the right password, from there.
    assert sign_in_and_out(client, attacker) == 429
    # Elsewhere, fine: attempts refused during a lock don't count against the accounts named.
    assert sign_in_and_out(client, victims[-1], ip="10.5.0.2") == 302


def test_fifty_failures_on_fifty_accounts_from_one_address_lock_the_address(client):
    learner = UserFactory()
    statuses = [sign_in(client, f"0812 7000 {n:04d}", "tebakan").status_code for n in range(50)]
    assert statuses == [200] * 49 + [429]
    response = sign_in(client, learner.phone, PASSWORD)
    assert locked(response)
    assert "15" in response.content.decode()
    assert sign_in_and_out(client, learner, ip="10.5.0.2") == 302


def test_one_account_locks_after_five_failures_from_five_addresses(client):
    learner, neighbour = UserFactory.create_batch(2)
    statuses = [
        sign_in(client, learner.phone, "tebakan", ip=f"10.6.0.{n}").status_code for n in range(1, 6)
    ]
    assert statuses == [200, 200, 200, 200, 429]
    assert locked(sign_in(client, learner.phone, PASSWORD, ip="10.6.0.99"))
    assert sign_in_and_out(client, neighbour, ip="10.6.0.1") == 302  # Those addresses aren't.


def test_five_failures_on_one_account_from_one_address_lock_that_account_not_the_address(client):
    learner, classmate = UserFactory.create_batch(2)
    statuses = [sign_in(client, learner.phone, "tebakan").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    assert AccessAttempt.objects.get().failures_since_start == 5  # One account at one address.
    assert locked(sign_in(client, learner.phone, PASSWORD))
    assert sign_in_and_out(client, classmate) == 302


def test_a_success_does_not_clear_other_accounts_failures(client):
    learner, other = UserFactory.create_batch(2)
    for _ in range(4):
        sign_in(client, learner.phone, "tebakan")
    assert sign_in_and_out(client, other) == 302
    assert locked(sign_in(client, learner.phone, "tebakan"))  # The fifth: the count stood.


@override_settings(SIGN_IN_ADDRESS_FAILURE_LIMIT=10)
def test_a_success_does_not_clear_the_addresss_failures(client):
    own = UserFactory()
    for n in range(9):
        sign_in(client, f"0812 7100 {n:04d}", "tebakan")
    assert sign_in_and_out(client, own) == 302
    assert locked(sign_in(client, "0812 7100 9999", "tebakan"))  # The tenth from there.
    assert AccessAttempt.objects.filter(ip_address=CLASS_WIFI).count() == 10


def test_failures_typed_as_the_number_and_as_the_email_count_against_one_account(client):
    learner, classmate = UserFactory.create_batch(2)
    learner.email = "sari@example.org"
    learner.save()
    typed = [learner.phone, "SARI@example.org", f"0{learner.phone[3:]}", "sari@example.org"]
    statuses = [
        sign_in(client, name, "tebakan", ip=f"10.5.0.{n}").status_code
        for n, name in enumerate([*typed, learner.phone])
    ]
    assert statuses == [200, 200, 200, 200, 429]
    assert locked(sign_in(client, "sari@example.org", PASSWORD, ip="10.5.0.99"))
    assert sign_in_and_out(client, classmate, ip="10.5.0.1") == 302
    # The records name the account by id, not by the number or email typed.
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {
        f"account:{learner.pk}"
    }


def test_a_success_clears_the_accounts_own_failures_under_its_number_and_its_email(client):
    learner = UserFactory(email="sari@example.org")
    for n in range(2):
        sign_in(client, f"0{learner.phone[3:]}", "tebakan", ip=f"10.7.0.{n}")
        sign_in(client, "SARI@example.org", "tebakan", ip=f"10.7.0.{n}")
    assert sign_in_and_out(client, learner, ip="10.7.0.9") == 302
    assert not AccessAttempt.objects.exists()


def test_the_admin_sign_in_locks_an_account_after_five_failures(client, mentor):
    for n in range(5):
        sign_in(client, mentor.email, "tebakan", ip=f"10.8.0.{n}", url=ADMIN_SIGN_IN)
    assert locked(sign_in(client, mentor.email.upper(), PASSWORD, ip="10.8.0.9", url=ADMIN_SIGN_IN))


@override_settings(SIGN_IN_ADDRESS_FAILURE_LIMIT=8)
def test_the_admin_sign_in_shares_the_address_limit(client, mentor):
    for n in range(4):
        sign_in(client, f"staf{n}@example.org", "tebakan", url=ADMIN_SIGN_IN)
        sign_in(client, f"0812 7200 {n:04d}", "tebakan")
    assert locked(sign_in(client, mentor.email, PASSWORD, url=ADMIN_SIGN_IN))
    response = sign_in(client, mentor.email, PASSWORD, ip="10.8.0.2", url=ADMIN_SIGN_IN)
    assert response.status_code == 302


@pytest.mark.parametrize("length", [255, 256, 1000, 100_000])
def test_a_very_long_username_is_a_counted_failure_not_an_error(client, length):
    response = sign_in(client, "8" * length, "tebakan")
    assert response.status_code == 200
    assert DO_NOT_MATCH in response.content.decode()
    attempt = AccessAttempt.objects.get()
    assert attempt.failures_since_start == 1
    assert attempt.username == "8" * min(length, 255)


def test_five_very_long_usernames_lock_that_name(client):
    statuses = [
        sign_in(client, "x" * 300, "tebakan", ip=f"10.9.0.{n}").status_code for n in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]


@pytest.mark.parametrize(
    "typed", ["a\x00b", "\u200f0812\u200e", "0812²³", "٠٨١٢٣٤٥٦٧٨٩٠", " " * 300]
)
def test_odd_usernames_get_the_form_again_not_an_error(client, typed):
    response = sign_in(client, typed, "tebakan")
    assert response.status_code == 200
    assert AccessAttempt.objects.count() <= 1


def test_the_admin_sign_in_refuses_a_very_long_username_before_any_password_is_checked(client):
    response = sign_in(client, "x" * 100_000, "tebakan", url=ADMIN_SIGN_IN)
    assert response.status_code == 200  # Wagtail's form: at most 254 characters; no guess made.
    assert not AccessAttempt.objects.exists()
