"""Which address a limit counts: IPv4 as it is, IPv6 by its /64 network (one connection is given a
whole /64 and could otherwise take a new address for every guess). A header that holds no address
falls back to the connection's own, never an error page."""

import ipaddress

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory, override_settings
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from lms.throttling import UNKNOWN_ADDRESS, address_group, address_key, client_ip
from tests.factories import PASSWORD, UserFactory
from tests.signing_in import sign_in

SIGN_UP = reverse("lms:sign_up")
HOME_A = "2001:db8:10:20:1111:2222:3333:4444"
HOME_A_OTHER = "2001:db8:10:20:ffff:0:0:9"  # The same /64: the same connection.
NEIGHBOUR = "2001:db8:10:21::5"  # The next /64: another connection.


def request_from(remote_addr, **meta):
    return RequestFactory().post("/", REMOTE_ADDR=remote_addr, **meta)


def test_an_ipv6_address_counts_as_its_slash_64():
    assert address_group(HOME_A) == "2001:db8:10:20::"
    assert address_group(HOME_A_OTHER) == address_group(HOME_A)
    assert address_group(NEIGHBOUR) == "2001:db8:10:21::"


def test_an_ipv4_address_counts_as_it_is():
    assert address_group("10.5.0.1") == "10.5.0.1"
    assert address_group("10.5.0.2") == "10.5.0.2"
    assert address_group("::ffff:10.5.0.1") == "10.5.0.1"  # IPv4 written as IPv6.


@given(st.ip_addresses(v=6).filter(lambda address: not address.ipv4_mapped))
def test_every_address_of_a_slash_64_has_one_key(address):
    first = int(address) >> 64 << 64
    last = first | (2**64 - 1)
    keys = {address_group(str(ipaddress.IPv6Address(n))) for n in (first, int(address), last)}
    assert len(keys) == 1


def test_the_displayed_address_stays_exact():
    assert client_ip(request_from(HOME_A)) == HOME_A
    assert address_key(request_from(HOME_A)) == "2001:db8:10:20::"


@pytest.mark.parametrize(
    "header", ["not-an-address", "<script>", "10.0.0.1, bogus", "", "::1::2", "10.0.0.999"]
)
@override_settings(CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR")
def test_a_header_that_is_no_address_falls_back_to_the_connections(header):
    request = request_from("203.0.113.7", HTTP_X_FORWARDED_FOR=header)
    assert client_ip(request) == "203.0.113.7"
    assert address_key(request) == "203.0.113.7"


@override_settings(CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR")
def test_the_right_most_valid_entry_of_the_header_is_used():
    request = request_from("127.0.0.1", HTTP_X_FORWARDED_FOR=f"10.0.0.1, {HOME_A}")
    assert client_ip(request) == HOME_A


def test_no_address_at_all_is_one_shared_key():
    assert address_key(request_from("")) == UNKNOWN_ADDRESS


@pytest.mark.django_db
@override_settings(SIGN_IN_ADDRESS_FAILURE_LIMIT=5)
def test_addresses_in_one_slash_64_share_the_sign_in_address_limit(client):
    learner = UserFactory()
    prefix = "2001:db8:10:20"
    statuses = [
        sign_in(client, f"0812 7300 {n:04d}", "tebakan", ip=f"{prefix}::{n + 1:x}").status_code
        for n in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]
    assert sign_in(client, learner.phone, PASSWORD, ip=f"{prefix}:abcd::1").status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {f"{prefix}::"}
    assert sign_in(client, learner.phone, PASSWORD, ip=NEIGHBOUR).status_code == 302


@pytest.mark.django_db
@override_settings(SIGN_IN_ADDRESS_FAILURE_LIMIT=5)
def test_ipv4_neighbours_keep_their_own_counts(client):
    learner = UserFactory()
    for n in range(5):
        sign_in(client, f"0812 7400 {n:04d}", "tebakan", ip="10.7.0.1")
    assert sign_in(client, learner.phone, PASSWORD, ip="10.7.0.1").status_code == 429
    assert sign_in(client, learner.phone, PASSWORD, ip="10.7.0.2").status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"10.7.0.1"}


@pytest.mark.django_db
@override_settings(SIGN_UP_RATE="2/h")
def test_addresses_in_one_slash_64_share_the_sign_up_rate(client):
    assert client.post(SIGN_UP, {}, REMOTE_ADDR=HOME_A).status_code == 200
    assert client.post(SIGN_UP, {}, REMOTE_ADDR=HOME_A_OTHER).status_code == 200
    assert client.post(SIGN_UP, {}, REMOTE_ADDR="2001:db8:10:20::77").status_code == 429
    assert client.post(SIGN_UP, {}, REMOTE_ADDR=NEIGHBOUR).status_code == 200
    assert client.post(SIGN_UP, {}, REMOTE_ADDR="10.9.0.1").status_code == 200


@pytest.mark.django_db
@override_settings(CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR")
def test_a_garbage_forwarded_for_header_is_no_error(client):
    garbage = {"HTTP_X_FORWARDED_FOR": "'; DROP TABLE--, ::zz"}
    learner = UserFactory()
    response = sign_in(client, learner.phone, "tebakan", ip="10.8.0.1", **garbage)
    assert response.status_code == 200
    assert AccessAttempt.objects.get().ip_address == "10.8.0.1"
    assert client.post(SIGN_UP, {}, REMOTE_ADDR="10.8.0.1", **garbage).status_code == 200
    assert sign_in(client, learner.phone, PASSWORD, ip="10.8.0.1", **garbage).status_code == 302
