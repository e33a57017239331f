"""An account with no decision on the privacy notice (made by staff, by a registry import
before it was claimed, or before the notice existed) is asked to agree before using site
pages, like anyone who agreed to an older version; the admin and the data-rights pages stay
open. Accounts made for people who agreed elsewhere (demo, synthetic, load test) record it."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from lms import demo as lms_demo
from lms import roles
from lms.models import User
from privacy import selectors, services
from privacy.models import Consent, PrivacyNotice
from privacy.services import SESSION_KEY
from tests.factories import PASSWORD, UserFactory
from tests.signing_in import sign_in

pytestmark = pytest.mark.django_db

PROFILE = reverse("lms:profile")
AGREE = reverse("privacy:agree")
LEGACY_SESSION_KEY = "privacy_notice_version"  # what sessions held before the rule changed


@pytest.fixture
def made_by_staff(learners_group):
    """A learner account a coordinator made in the admin: no consent row."""
    return UserFactory(full_name="Sri Rahayu", groups=[learners_group], agreed_to_notice=False)


@pytest.fixture
def staff_coordinator():
    """A coordinator made in the admin, who never agreed to the notice."""
    return UserFactory(
        full_name="Bambang",
        email="bambang@example.org",
        is_staff=True,
        groups=[Group.objects.get(name=roles.COORDINATORS)],
        agreed_to_notice=False,
    )


def _redirect_to_agree(path: str) -> str:
    return f"{AGREE}?next={path.replace('/', '%2F')}"


def test_a_staff_made_learner_signs_in_reads_the_notice_agrees_and_lands_on_next(
    client, made_by_staff
):
    assert not Consent.objects.filter(user=made_by_staff).exists()
    assert sign_in(client, made_by_staff.phone, PASSWORD).status_code == 302
    assert client.session[SESSION_KEY] == selectors.NEVER_AGREED

    response = client.get(PROFILE)
    assert response.status_code == 302
    assert response["Location"] == _redirect_to_agree(PROFILE)

    page = client.get(response["Location"]).content.decode()
    with translation.override("id"):
        assert f"<h1>{gettext('Privacy notice')}</h1>" in page
        assert gettext("The privacy notice has changed") not in page
    assert "Hak Anda" in page  # the whole notice, not a summary of what changed
    assert 'name="agree"' in page

    response = client.post(AGREE, {"agree": "on", "next": PROFILE})
    assert response.status_code == 302
    assert response["Location"] == PROFILE
    assert client.get(PROFILE).status_code == 200
    current = selectors.current_notice()
    notice = Consent.objects.get(user=made_by_staff, kind=Consent.Kind.NOTICE)
    assert (notice.notice, notice.given) == (current, True)
    research = Consent.objects.get(user=made_by_staff, kind=Consent.Kind.RESEARCH)
    assert research.given is False  # asked once, declined by leaving the box unticked


def test_refusing_to_tick_keeps_the_account_held_back_and_records_nothing(client, made_by_staff):
    client.force_login(made_by_staff)
    response = client.post(AGREE, {"next": PROFILE})
    assert response.status_code == 200
    assert not Consent.objects.filter(user=made_by_staff).exists()
    assert client.get(PROFILE).status_code == 302


def test_a_session_started_before_the_rule_changed_is_redirected_too(client, made_by_staff):
    """Such a session noted the current version for an account never asked."""
    client.force_login(made_by_staff)
    session = client.session
    del session[SESSION_KEY]
    session[LEGACY_SESSION_KEY] = selectors.current_notice_version()
    session.save()

    response = client.get(PROFILE)
    assert response.status_code == 302
    assert response["Location"] == _redirect_to_agree(PROFILE)
    assert client.session[SESSION_KEY] == selectors.NEVER_AGREED


def test_a_withdrawn_agreement_counts_as_none(made_by_staff):
    notice = selectors.current_notice()
    Consent.objects.create(user=made_by_staff, notice=notice, kind="notice", given=False)
    assert selectors.agreed_notice_version(user=made_by_staff) == selectors.NEVER_AGREED


def test_staff_reach_the_admin_without_agreeing_but_are_asked_on_site_pages(
    client, staff_coordinator
):
    client.force_login(staff_coordinator)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert client.get(reverse("onboarding_import")).status_code == 200
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == _redirect_to_agree("/")


@pytest.mark.parametrize(
    "name",
    ["lms:data_mine", "lms:account_delete", "privacy:notice", "lms:password_change", "healthz"],
)
def test_the_data_rights_and_privacy_pages_stay_open(client, made_by_staff, name):
    client.force_login(made_by_staff)
    assert client.get(reverse(name)).status_code == 200


def test_downloading_ones_data_and_signing_out_stay_open(client, made_by_staff):
    client.force_login(made_by_staff)
    response = client.post(reverse("lms:data_download"), {"password": PASSWORD})
    assert response.status_code in (200, 302)
    assert response.get("Location", "").split("?")[0] != AGREE
    assert client.post(reverse("lms:sign_out")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_without_a_published_notice_nobody_is_held_back(client, made_by_staff):
    PrivacyNotice.objects.filter(consents__isnull=True).delete()
    services.notice_version_forget()
    assert selectors.current_notice() is None
    client.force_login(made_by_staff)
    assert client.get(PROFILE).status_code == 200


def test_test_accounts_agree_by_default_and_can_be_made_unasked(learners_group):
    agreed = UserFactory(groups=[learners_group])
    assert selectors.agreed_notice_version(user=agreed) == selectors.current_notice_version()
    unasked = UserFactory(groups=[learners_group], agreed_to_notice=False)
    assert selectors.agreed_notice_version(user=unasked) == selectors.NEVER_AGREED


def test_bulk_agreement_records_once_per_person_and_skips_who_already_agreed(made_by_staff):
    other = UserFactory(agreed_to_notice=False)
    already = UserFactory()
    at = timezone.now()
    ids = [made_by_staff.pk, other.pk, already.pk, other.pk]
    assert services.notice_agreed_in_bulk(user_ids=ids, at=at) == 2
    assert services.notice_agreed_in_bulk(user_ids=ids) == 0
    rows = Consent.objects.filter(user__in=[made_by_staff, other])
    assert sorted(rows.values_list("user_id", "kind", "given", "given_at")) == sorted(
        [(made_by_staff.pk, "notice", True, at), (other.pk, "notice", True, at)]
    )
    assert Consent.objects.filter(user=already).count() == 1


def test_bulk_agreement_records_nothing_without_a_notice(made_by_staff):
    PrivacyNotice.objects.filter(consents__isnull=True).delete()
    assert services.notice_agreed_in_bulk(user_ids=[made_by_staff.pk]) == 0
    assert not Consent.objects.exists()


def test_every_demo_account_has_agreed_to_the_current_notice():
    lms_demo.seed()
    lms_demo.seed()  # a second run adds nothing
    current = selectors.current_notice_version()
    demo_users = User.objects.filter(email__endswith="@pintar-umkm.test") | User.objects.filter(
        phone=lms_demo.OWNER_PHONE
    )
    assert demo_users.count() == 5
    for user in demo_users:
        assert selectors.agreed_notice_version(user=user) == current, user.email
    assert Consent.objects.filter(kind="notice", user__in=demo_users).count() == 5
