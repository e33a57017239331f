"""The public notice, its versions, who may edit it in the admin, and the learner's consents on
their profile."""

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from privacy import rules, selectors, services
from privacy.models import Consent, PrivacyNotice

pytestmark = pytest.mark.django_db

PROFILE = reverse("lms:profile")
RESEARCH = reverse("privacy:research_consent")


@override_settings(PRIVACY_CONTACT="Dinas Koperasi dan UKM DIY, WhatsApp 0812-0000-1111")
def test_the_seeded_notice_says_what_why_who_how_long_rights_and_contact_in_indonesian(client):
    page = client.get(reverse("privacy:notice")).content.decode()
    for text in (
        "Data yang kami simpan",
        "tahun lahir",
        "Kemajuan belajar",
        "Untuk apa",
        "sertifikat",
        "Menilai program",
        "Mentor kelas Anda",
        "Koordinator program",
        f"{settings.RETENTION_INACTIVE_YEARS} tahun setelah Anda terakhir masuk",
        "UU No. 27 Tahun 2022",
        "Menghapus akun",
        "Menarik persetujuan",
        "Dinas Koperasi dan UKM DIY, WhatsApp 0812-0000-1111",
    ):
        assert text in page, text


def test_older_versions_stay_readable_by_number(client):
    PrivacyNotice.objects.create(version=2, summary="Baru.", body="<p>Isi versi dua.</p>")
    services.notice_version_forget()
    assert "Isi versi dua." in client.get(reverse("privacy:notice")).content.decode()
    old = client.get(reverse("privacy:notice_version", args=[1])).content.decode()
    assert "Data yang kami simpan" in old
    assert reverse("privacy:notice") in old  # a link to the current one
    assert client.get(reverse("privacy:notice_version", args=[9])).status_code == 404


def test_a_version_published_for_later_is_not_current_yet(client):
    PrivacyNotice.objects.create(
        version=2,
        summary="Nanti.",
        body="<p>Belum berlaku.</p>",
        published_at=timezone.now() + timezone.timedelta(days=2),
    )
    services.notice_version_forget()
    assert selectors.current_notice_version() == 1
    assert client.get(reverse("privacy:notice_version", args=[2])).status_code == 404


def test_a_coordinator_adds_a_version_in_the_admin_and_learners_are_asked_at_once(
    client, coordinator, owner
):
    services.sign_up_consents_record(user=owner, research=False)
    assert selectors.current_notice_version() == 1  # cached
    client.force_login(coordinator)
    response = client.post(
        reverse("wagtailsnippets_privacy_privacynotice:add"),
        {
            "version": "2",
            "published_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
            "summary": "Kami menambah foto produk.",
            "body": '{"blocks": [{"key": "a", "type": "unstyled", "text": "Versi 2", '
            '"depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert PrivacyNotice.objects.filter(version=2).exists()
    assert selectors.current_notice_version() == 2  # the cached number was dropped


def test_a_mentor_cannot_edit_the_notice(client, mentor):
    client.force_login(mentor)
    notice = PrivacyNotice.objects.get(version=1)
    for url in (
        reverse("wagtailsnippets_privacy_privacynotice:add"),
        reverse("wagtailsnippets_privacy_privacynotice:edit", args=[notice.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response["Location"] == reverse("wagtailadmin_home")
    response = client.post(
        reverse("wagtailsnippets_privacy_privacynotice:edit", args=[notice.pk]),
        {"version": "1", "summary": "x", "body": "x"},
    )
    notice.refresh_from_db()
    assert notice.summary != "x"


def test_the_profile_shows_the_consents_and_withdraws_research(client, owner):
    services.sign_up_consents_record(user=owner, research=True)
    client.force_login(owner)
    page = client.get(PROFILE).content.decode()
    assert 'action="/privasi/penelitian/"' in page
    assert 'name="given" value="0"' in page  # withdraw
    response = client.post(RESEARCH, {"given": "0"})
    assert response["Location"] == PROFILE
    latest = selectors.latest_consent(user=owner, kind="research")
    assert latest.given is False
    assert Consent.objects.filter(user=owner, kind="research").count() == 2  # history kept
    assert 'name="given" value="1"' in client.get(PROFILE).content.decode()


def test_a_learner_never_asked_gives_research_consent_from_the_profile(client, owner):
    client.force_login(owner)
    client.post(RESEARCH, {"given": "1"})
    latest = selectors.latest_consent(user=owner, kind="research")
    assert (latest.given, latest.notice.version) == (True, 1)


def test_a_minor_giving_research_consent_from_the_profile_needs_a_guardian(client, owner):
    owner.birth_year = timezone.localdate().year - 15
    owner.save(update_fields=["birth_year"])
    client.force_login(owner)
    response = client.post(RESEARCH, {"given": "1"}, follow=True)
    assert str(services.GUARDIAN_REQUIRED) in response.content.decode()
    assert not Consent.objects.filter(user=owner, kind="research").exists()
    client.post(RESEARCH, {"given": "1", "guardian_name": "Pak Wali", "guardian_statement": "on"})
    latest = selectors.latest_consent(user=owner, kind="research")
    assert (latest.given, latest.guardian_name) == (True, "Pak Wali")


@pytest.mark.parametrize("given", ["", "2", "\x00", "1" * 100_000])
def test_a_bad_research_form_changes_nothing(client, owner, given):
    client.force_login(owner)
    response = client.post(RESEARCH, {"given": given})
    assert response.status_code == 302
    assert not Consent.objects.filter(kind="research").exists()


def test_the_research_form_needs_a_signed_in_post(client, owner):
    assert client.post(RESEARCH, {"given": "1"}).status_code == 302
    assert not Consent.objects.filter(kind="research").exists()
    client.force_login(owner)
    assert client.get(RESEARCH).status_code == 405


@pytest.mark.parametrize(
    ("birth_year", "minor"),
    [(None, False), (2026 - 18, False), (2026 - 17, True), (2026 - 15, True), (1960, False)],
)
def test_under_18_is_the_age_reached_this_year(birth_year, minor):
    assert rules.is_minor(birth_year, 2026) is minor


def test_pseudonyms_depend_on_the_key_and_the_id_only():
    assert rules.pseudonym(7, key=b"k") == rules.pseudonym(7, key=b"k")
    assert rules.pseudonym(7, key=b"k") != rules.pseudonym(8, key=b"k")
    assert rules.pseudonym(7, key=b"k") != rules.pseudonym(7, key=b"other")
    # HMAC-SHA256("k", "7"), first 16 hex digits, computed with the standard library.
    import hashlib
    import hmac

    assert rules.pseudonym(7, key=b"k") == hmac.new(b"k", b"7", hashlib.sha256).hexdigest()[:16]
