"""Business and class join codes can't be guessed by trying: wrong codes are counted per account
(JOIN_CODE_RATE) and per address (JOIN_CODE_ADDRESS_RATE, higher: a class shares one); past
either limit every code, right or wrong, is refused with status 429 until the window passes, and
nothing is written."""

import time

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from courses.models import Cohort, Enrolment
from lms import throttling
from lms.models import Membership, User
from lms.services import ALREADY_MEMBER, JOIN_CODE_UNKNOWN
from tests.factories import UserFactory, build_course

pytestmark = pytest.mark.django_db

BUSINESS_JOIN = reverse("lms:business_join")
CLASS_JOIN = reverse("courses:cohort_join")
SIGN_UP = reverse("lms:sign_up")
CLASS_WIFI = "10.20.0.1"
THROTTLED_TEXT = escape(str(throttling.JOIN_CODE_THROTTLED).partition("%(minutes)s")[0])


def join_business(client, code, ip=CLASS_WIFI):
    return client.post(BUSINESS_JOIN, {"join-join_code": code}, REMOTE_ADDR=ip)


def join_class(client, code, ip=CLASS_WIFI):
    return client.post(CLASS_JOIN, {"join_code": code}, REMOTE_ADDR=ip)


def refused_as_throttled(response):
    return response.status_code == 429 and THROTTLED_TEXT in response.content.decode()


def wrong_codes(n):
    return [f"ZZZ{i:03d}" for i in range(n)]


@pytest.fixture
def cohort(db):
    return Cohort.objects.create(
        name="Kelas Sleman",
        course=build_course(weeks=1, lessons_per_week=1),
        start_date=timezone.localdate(),
        mentor=UserFactory(email="mentor@example.org"),
    )


@pytest.fixture
def newcomer(client, learners_group):
    """A signed-in learner without a business."""
    user = UserFactory(full_name="Dewi", groups=[learners_group])
    client.force_login(user)
    return user


def test_the_defaults_are_ten_wrong_codes_an_hour_per_account_and_a_hundred_per_address(
    settings,
):
    assert settings.JOIN_CODE_RATE == "10/h"
    assert settings.JOIN_CODE_ADDRESS_RATE == "100/h"


def test_ten_wrong_business_codes_then_even_the_right_one_is_refused(client, newcomer, owner):
    for code in wrong_codes(10):
        assert join_business(client, code).status_code == 200
    refused = join_business(client, owner.membership.business.join_code)
    assert refused_as_throttled(refused)
    assert not Membership.objects.filter(user=newcomer).exists()


def test_a_throttled_answer_is_the_same_for_right_and_wrong_codes(client, newcomer, owner):
    for code in wrong_codes(10):
        join_business(client, code)
    right = join_business(client, owner.membership.business.join_code)
    wrong = join_business(client, "QQQ999")
    for response in (right, wrong):
        assert refused_as_throttled(response)
        assert escape(str(JOIN_CODE_UNKNOWN)) not in response.content.decode()


def test_the_throttle_is_per_account(client, newcomer, owner, learners_group):
    for n, code in enumerate(wrong_codes(10)):
        join_business(client, code, ip=f"10.20.1.{n}")
    assert refused_as_throttled(join_business(client, "ZZZ999", ip="10.20.9.9"))  # Any address.
    other = UserFactory(groups=[learners_group])
    client.force_login(other)
    assert join_business(client, owner.membership.business.join_code).status_code == 302


@override_settings(JOIN_CODE_ADDRESS_RATE="15/h")
def test_the_throttle_is_per_address_across_accounts(client, owner, learners_group):
    first, second = UserFactory.create_batch(2, groups=[learners_group])
    client.force_login(first)
    for code in wrong_codes(10):
        join_business(client, code)
    client.force_login(second)
    for code in wrong_codes(5):
        assert join_business(client, code).status_code == 200
    code = owner.membership.business.join_code
    assert refused_as_throttled(join_business(client, code))
    assert join_business(client, code, ip="10.20.0.2").status_code == 302  # Another address.
    assert Membership.objects.get(user=second).business == owner.membership.business


def test_only_wrong_codes_count(client, member, other_owner):
    client.force_login(member)
    code = other_owner.membership.business.join_code
    for _ in range(12):  # A right code, refused for another reason, is not a guess.
        response = join_business(client, code)
        assert response.status_code == 200
        assert escape(str(ALREADY_MEMBER)) in response.content.decode()
    for _ in range(12):
        assert join_business(client, "").status_code == 200  # Nor is an empty form.


@override_settings(JOIN_CODE_ADDRESS_RATE="3/h")
def test_a_class_joining_with_its_right_code_never_uses_up_the_address(
    client, cohort, learners_group
):
    for learner in UserFactory.create_batch(6, groups=[learners_group]):
        client.force_login(learner)
        assert join_class(client, cohort.join_code).status_code == 302
    assert Enrolment.objects.filter(cohort=cohort).count() == 6
    assert not refused_as_throttled(join_class(client, "ZZZ999"))  # The address is not spent.


@override_settings(JOIN_CODE_ADDRESS_RATE="3/h")
def test_sign_up_with_a_wrong_business_code_counts_per_address(client, owner):
    def sign_up(code, phone, ip=CLASS_WIFI):
        return client.post(
            SIGN_UP,
            {
                "full_name": "Sumarni",
                "phone": phone,
                "password1": "rahasia-usaha-123",
                "password2": "rahasia-usaha-123",
                "business_choice": "join",
                "join-join_code": code,
                "notice_consent": "on",
            },
            REMOTE_ADDR=ip,
        )

    for code in wrong_codes(3):
        assert sign_up(code, "0812 3456 7890").status_code == 200
    refused = sign_up(owner.membership.business.join_code, "0812 3456 7890")
    assert refused_as_throttled(refused)
    assert 'value="Sumarni"' in refused.content.decode()  # What was typed stays.
    assert not User.objects.filter(phone="+6281234567890").exists()
    assert sign_up(owner.membership.business.join_code, "0812 3456 7890", ip="10.20.0.2")[
        "Location"
    ] == reverse("lms:profile")


def test_ten_wrong_class_codes_then_even_the_right_one_is_refused(client, owner, cohort):
    client.force_login(owner)
    for code in wrong_codes(10):
        assert join_class(client, code).status_code == 200
    assert refused_as_throttled(join_class(client, cohort.join_code))
    assert not Enrolment.objects.filter(learner=owner).exists()


def test_business_and_class_codes_share_the_count(client, newcomer, cohort):
    for code in wrong_codes(5):
        join_business(client, code)
        join_class(client, code)
    assert refused_as_throttled(join_class(client, cohort.join_code))


def test_the_right_class_code_is_accepted_once_the_window_passes(
    client, owner, cohort, monkeypatch
):
    client.force_login(owner)
    for code in wrong_codes(10):
        join_class(client, code)
    assert refused_as_throttled(join_class(client, cohort.join_code))
    later = time.time() + 3601
    monkeypatch.setattr(time, "time", lambda: later)
    response = join_class(client, cohort.join_code)
    assert response.status_code == 302
    assert Enrolment.objects.get(learner=owner).cohort == cohort


def test_the_throttled_message_says_how_long_to_wait(client, owner, cohort):
    client.force_login(owner)
    for code in wrong_codes(10):
        join_class(client, code)
    page = join_class(client, cohort.join_code).content.decode()
    minutes = [
        n
        for n in range(1, 61)
        if escape(str(throttling.JOIN_CODE_THROTTLED) % {"minutes": n}) in page
    ]
    assert len(minutes) == 1
