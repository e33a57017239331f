"""The claim-code throttle counts wrong codes per address in the cache. With Redis down it
fails open, as production asks (``RATELIMIT_FAIL_OPEN``): owners in a village hall still claim,
wrong codes are refused one by one and not counted, the outage is logged once as a warning,
and nothing answers 500."""

import logging

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from lms import cache as lms_cache
from lms import claims
from lms.claim_views import CODE_THROTTLED
from lms.models import User
from tests.factories import BusinessFactory, MembershipFactory
from tests.lms.test_production import UNREACHABLE_REDIS
from tests.lms.test_redis_down import production_cache

pytestmark = pytest.mark.django_db

CODE_PAGE = reverse("lms:claim_code")
HALL = "10.7.0.1"  # the address every phone in the village hall shares
PASSWORD = "batik-tulis-2026"
WRONG = "ZZZZZZZZ"


@pytest.fixture(autouse=True)
def _fresh_breakers():
    lms_cache._breakers.clear()
    yield
    lms_cache._breakers.clear()


@pytest.fixture
def owners(learners_group, coordinator):
    """Two imported owners (no password yet), each with a live claim link."""
    issued = []
    for n, name in enumerate(["Sri Wahyuni", "Tono"]):
        user = User.objects.create_user(phone=f"+62811111111{n}", full_name=name, password=None)
        user.groups.add(learners_group)
        MembershipFactory(user=user, business=BusinessFactory(), is_owner=True)
        [one] = claims.claim_links_issue(users=[user], issued_by=coordinator)
        issued.append(one)
    return issued


def _post(client, data):
    return client.post(CODE_PAGE, data, REMOTE_ADDR=HALL)


def _claim_data(name):
    return {
        "full_name": name,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "notice_consent": "on",
    }


def _text(message) -> str:
    with translation.override("id"):
        return escape(str(message))


def _redis_down(**settings):
    return override_settings(
        CACHES=production_cache(UNREACHABLE_REDIS),
        RATELIMIT_FAIL_OPEN=True,  # as in production
        **settings,
    )


def test_with_the_cache_up_wrong_codes_from_one_address_are_throttled(owners):
    """The control: the same rate with a working cache refuses the hall after two wrong
    codes, the right one too."""
    client = Client()
    with override_settings(CLAIM_CODE_ADDRESS_RATE="2/h"):
        assert [_post(client, {"code": WRONG}).status_code for _ in range(2)] == [200, 200]
        blocked = _post(client, {"code": owners[0].link.code})
    assert blocked.status_code == 429
    before_minutes = _text(CODE_THROTTLED % {"minutes": "|"}).split("|")[0]
    assert before_minutes in blocked.content.decode()
    assert 'name="full_name"' not in blocked.content.decode()


def test_with_redis_down_the_throttle_fails_open_with_one_warning_and_owners_claim(owners, caplog):
    client = Client()
    with (
        _redis_down(CLAIM_CODE_ADDRESS_RATE="2/h"),
        caplog.at_level(logging.WARNING, logger="lms.cache"),
    ):
        wrong = [_post(client, {"code": WRONG}) for _ in range(5)]
        form = _post(client, {"code": owners[0].link.code})
        claimed = _post(client, {"code": owners[0].link.code, **_claim_data("Sri Wahyuni")})
        other_phone = Client()
        second = other_phone.post(
            CODE_PAGE,
            {"code": owners[1].link.code, **_claim_data("Tono")},
            REMOTE_ADDR=HALL,
        )

    assert [response.status_code for response in wrong] == [200] * 5  # not counted: no 429
    for response in wrong:
        assert _text(claims.LINK_UNKNOWN) in response.content.decode()
    assert form.status_code == 200
    assert 'name="full_name"' in form.content.decode()
    assert (claimed.status_code, second.status_code) == (302, 302)
    for issued in owners:
        issued.link.user.refresh_from_db()
        assert issued.link.user.has_usable_password()
    assert [r.levelname for r in caplog.records if r.msg == lms_cache.UNAVAILABLE_WARNING] == [
        "WARNING"
    ]


def test_with_redis_down_a_wrong_code_changes_nothing(owners):
    with _redis_down():
        response = _post(Client(), {"code": WRONG, **_claim_data("Orang Lain")})
    assert response.status_code == 200
    for issued in owners:
        user = User.objects.get(pk=issued.link.user_id)
        assert not user.has_usable_password()
        assert user.full_name in {"Sri Wahyuni", "Tono"}
