"""Sign-up asks for consent to the privacy notice (required), to research use (optional) and,
for a learner under 18 this year, for a parent's or guardian's name and statement."""

import pytest
from django.urls import reverse
from django.utils import timezone

from lms.models import Business, User
from privacy.forms import NOTICE_REQUIRED
from privacy.models import Consent, PrivacyNotice
from privacy.services import GUARDIAN_REQUIRED
from tests.lms.test_sign_up import new_business_data

pytestmark = pytest.mark.django_db

URL = reverse("lms:sign_up")


def this_year():
    return timezone.localdate().year


def test_sign_up_page_links_the_notice_and_asks_for_both_consents(client):
    page = client.get(URL).content.decode()
    assert f'href="{reverse("privacy:notice")}"' in page
    assert 'name="notice_consent"' in page
    assert 'name="research_consent"' in page
    assert 'name="guardian_name"' in page  # shown always: works without JavaScript


def test_sign_up_without_agreeing_to_the_notice_is_refused_and_makes_no_account(client):
    data = new_business_data()
    del data["notice_consent"]
    response = client.post(URL, data)
    assert response.status_code == 200
    assert str(NOTICE_REQUIRED) in response.content.decode()
    assert not User.objects.exists()
    assert not Business.objects.exists()
    assert not Consent.objects.exists()


def test_an_adult_signing_up_records_both_decisions_with_the_version_and_time(client):
    before = timezone.now()
    response = client.post(URL, new_business_data(research_consent="on"))
    assert response.status_code == 302
    user = User.objects.get()
    rows = {consent.kind: consent for consent in Consent.objects.filter(user=user)}
    assert set(rows) == {"notice", "research"}
    current = PrivacyNotice.objects.get(version=1)
    for consent in rows.values():
        assert consent.given is True
        assert consent.notice == current
        assert before <= consent.given_at <= timezone.now()
        assert consent.guardian_name == ""
    assert rows["notice"].given_at == rows["research"].given_at


def test_research_consent_left_unticked_is_recorded_as_not_given(client):
    client.post(URL, new_business_data())
    research = Consent.objects.get(kind="research")
    assert research.given is False
    assert Consent.objects.get(kind="notice").given is True


def test_a_minor_without_a_guardian_is_refused_and_no_account_is_made(client):
    response = client.post(URL, new_business_data(birth_year=str(this_year() - 16)))
    assert response.status_code == 200
    assert str(GUARDIAN_REQUIRED) in response.content.decode()
    assert not User.objects.exists()


def test_a_minor_whose_guardian_does_not_tick_the_statement_is_refused(client):
    response = client.post(
        URL, new_business_data(birth_year=str(this_year() - 17), guardian_name="Bu Sumarni")
    )
    assert response.status_code == 200
    assert str(GUARDIAN_REQUIRED) in response.content.decode()
    assert not User.objects.exists()


def test_a_minor_with_a_guardian_signs_up_and_the_guardian_is_on_both_rows(client):
    response = client.post(
        URL,
        new_business_data(
            birth_year=str(this_year() - 16),
            guardian_name="  Bu   Sumarni ",
            guardian_statement="on",
            research_consent="on",
        ),
    )
    assert response.status_code == 302
    notice = Consent.objects.get(kind="notice")
    research = Consent.objects.get(kind="research")
    assert (notice.guardian_name, notice.guardian_statement) == ("Bu Sumarni", True)
    assert (research.given, research.guardian_name) == (True, "Bu Sumarni")


def test_an_eighteen_year_old_needs_no_guardian(client):
    response = client.post(
        URL, new_business_data(birth_year=str(this_year() - 18), guardian_name="Ibu")
    )
    assert response.status_code == 302
    assert Consent.objects.get(kind="notice").guardian_name == ""  # not kept for an adult


def test_a_guardian_name_with_a_nul_is_refused_or_cleaned_never_a_500(client):
    response = client.post(
        URL,
        new_business_data(
            birth_year=str(this_year() - 16),
            guardian_name="Bu\x00 Sumarni",
            guardian_statement="on",
        ),
    )
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert "\x00" not in Consent.objects.get(kind="notice").guardian_name


def test_without_a_published_notice_sign_up_is_refused_and_nothing_is_kept(client):
    PrivacyNotice.objects.update(published_at=timezone.now() + timezone.timedelta(days=1))
    response = client.post(URL, new_business_data())
    assert response.status_code == 200
    assert not User.objects.exists()
    assert not Business.objects.exists()
