"""A new notice version sends a signed-in learner, once, to agree to it before other pages;
the check costs the database nothing after the first time in a session."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from privacy import services
from privacy.middleware import NoticeConsentMiddleware
from privacy.models import Consent, PrivacyNotice
from privacy.services import SESSION_KEY
from tests.factories import PASSWORD
from tests.signing_in import sign_in

pytestmark = pytest.mark.django_db

PROFILE = reverse("lms:profile")
AGREE = reverse("privacy:agree")
SUMMARY = "Kami sekarang juga menyimpan foto produk yang Anda unggah."


@pytest.fixture
def agreed(owner):
    """The owner, who agreed to version 1 and declined research."""
    services.sign_up_consents_record(user=owner, research=False)
    return owner


def publish_version_2():
    notice = PrivacyNotice.objects.create(version=2, summary=SUMMARY, body="<p>Versi 2.</p>")
    services.notice_version_forget()  # as the admin does after saving a version
    return notice


def test_a_learner_who_agreed_to_the_current_version_goes_straight_to_their_page(client, agreed):
    client.force_login(agreed)
    assert client.get(PROFILE).status_code == 200


def test_after_a_new_version_the_next_sign_in_leads_to_the_agreement_then_back(client, agreed):
    publish_version_2()
    response = sign_in(client, agreed.phone, PASSWORD)
    assert response.status_code == 302
    response = client.get(PROFILE)
    assert response.status_code == 302
    assert response["Location"] == f"{AGREE}?next=%2Fakun%2Fprofil%2F"

    page = client.get(response["Location"]).content.decode()
    assert SUMMARY in page
    assert 'name="agree"' in page
    assert 'value="/akun/profil/"' in page  # the page to continue to

    response = client.post(AGREE, {"agree": "on", "next": PROFILE})
    assert response.status_code == 302
    assert response["Location"] == PROFILE
    assert client.get(PROFILE).status_code == 200  # once: not asked again
    latest = Consent.objects.filter(user=agreed, kind="notice").latest("given_at", "pk")
    assert (latest.notice.version, latest.given) == (2, True)
    # Research stayed declined: no new research row.
    assert Consent.objects.filter(user=agreed, kind="research").count() == 1


def test_a_version_published_during_a_session_is_asked_at_the_next_page(client, agreed):
    client.force_login(agreed)
    assert client.get(PROFILE).status_code == 200
    publish_version_2()
    assert client.get(PROFILE).status_code == 302


def test_agreeing_without_ticking_is_refused_and_records_nothing(client, agreed):
    publish_version_2()
    client.force_login(agreed)
    response = client.post(AGREE, {"next": PROFILE})
    assert response.status_code == 200
    assert not Consent.objects.filter(notice__version=2).exists()
    assert client.get(PROFILE).status_code == 302


def test_the_agreement_page_can_change_the_research_choice(client, agreed):
    publish_version_2()
    client.force_login(agreed)
    client.post(AGREE, {"agree": "on", "research_consent": "on", "next": PROFILE})
    research = Consent.objects.filter(user=agreed, kind="research").latest("given_at", "pk")
    assert (research.given, research.notice.version) == (True, 2)


def test_next_to_another_site_is_ignored(client, agreed):
    publish_version_2()
    client.force_login(agreed)
    response = client.post(AGREE, {"agree": "on", "next": "https://evil.example/"})
    assert response["Location"] == PROFILE


def test_sign_out_the_notice_and_static_files_stay_open_while_not_agreed(client, agreed):
    publish_version_2()
    client.force_login(agreed)
    assert client.get(reverse("privacy:notice")).status_code == 200
    assert client.get(reverse("privacy:notice_version", args=[1])).status_code == 200
    assert client.get("/healthz").status_code == 200
    assert client.post(reverse("lms:sign_out")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_staff_reach_the_admin_without_agreeing(client, coordinator):
    services.sign_up_consents_record(user=coordinator, research=False)
    publish_version_2()
    client.force_login(coordinator)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_a_session_from_before_the_check_is_checked_once_and_then_remembered(client, agreed):
    client.force_login(agreed)
    session = client.session
    del session[SESSION_KEY]
    session.save()
    assert client.get(PROFILE).status_code == 200
    assert client.session[SESSION_KEY] == 1


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_check_adds_no_query_to_a_learner_page(client, agreed):
    client.force_login(agreed)
    client.get(PROFILE)  # the first check, and the cached current version
    with_check = _queries(client, PROFILE)
    path = f"{NoticeConsentMiddleware.__module__}.{NoticeConsentMiddleware.__name__}"
    without = [name for name in settings.MIDDLEWARE if name != path]
    with override_settings(MIDDLEWARE=without):
        without_check = _queries(client, PROFILE)
    assert with_check == without_check


def test_without_the_cache_the_current_version_is_read_from_the_database(client, agreed):
    from django.core.cache import cache

    publish_version_2()
    client.force_login(agreed)
    cache.clear()  # Redis restarted: the next request reads the version again
    assert client.get(PROFILE).status_code == 302


def test_seeing_and_deleting_ones_data_needs_no_agreement_first(client, agreed):
    publish_version_2()
    client.force_login(agreed)
    assert client.get(reverse("lms:data_mine")).status_code == 200
    assert client.get(reverse("lms:account_delete")).status_code == 200


def test_a_minor_agreeing_to_a_new_version_names_their_guardian(client, owner):
    from django.utils import timezone

    owner.birth_year = timezone.localdate().year - 16
    owner.save(update_fields=["birth_year"])
    services.sign_up_consents_record(
        user=owner, research=False, guardian_name="Bu Sri", guardian_statement=True
    )
    publish_version_2()
    client.force_login(owner)
    page = client.get(AGREE).content.decode()
    assert 'name="guardian_name"' in page
    refused = client.post(AGREE, {"agree": "on", "next": PROFILE})
    assert refused.status_code == 200
    assert str(services.GUARDIAN_REQUIRED) in refused.content.decode()
    client.post(
        AGREE,
        {"agree": "on", "guardian_name": "Bu Sri", "guardian_statement": "on", "next": PROFILE},
    )
    latest = Consent.objects.filter(user=owner, kind="notice").latest("given_at", "pk")
    assert (latest.notice.version, latest.guardian_name) == (2, "Bu Sri")


def test_an_adult_is_not_shown_the_guardian_fields_on_the_agreement(client, agreed):
    publish_version_2()
    client.force_login(agreed)
    assert 'name="guardian_name"' not in client.get(AGREE).content.decode()


def test_every_page_links_the_privacy_notice(client):
    assert f'href="{reverse("privacy:notice")}"' in client.get("/").content.decode()
