"""Holding, downloading, sharing and checking a certificate; revoking and reissuing it."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from certificates import selectors, services
from certificates.models import Certificate

pytestmark = pytest.mark.django_db


def test_the_holder_downloads_the_pdf(client, certificate):
    response = client.get(reverse("certificates:download", args=[certificate.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="{certificate.serial}.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize("who", ["other_owner", "member", "coordinator"])
def test_anyone_else_gets_a_plain_404_for_the_download(client, certificate, who, request):
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("certificates:download", args=[certificate.pk]))
    missing = client.get(reverse("certificates:download", args=[certificate.pk + 1000]))
    assert response.status_code == missing.status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(certificate):
    from django.test import Client

    response = Client().get(reverse("certificates:download", args=[certificate.pk]))
    assert response.status_code == 302
    assert reverse("lms:sign_in") in response["Location"]


def test_my_certificates_lists_mine_only(client, certificate, other_owner):
    page = client.get(reverse("certificates:mine")).content.decode()
    assert certificate.serial in page
    assert selectors.verification_url(certificate) in page
    assert "https://wa.me/?text=" in page
    client.force_login(other_owner)
    assert certificate.serial not in client.get(reverse("certificates:mine")).content.decode()


def test_the_verification_page_shows_what_the_certificate_says_and_no_more(certificate, learner):
    from django.test import Client

    page = Client().get(reverse("certificates:verify", args=[certificate.code]))
    text = page.content.decode()
    assert page.status_code == 200
    for shown in ["Sumarni", "Batik Sumarni", certificate.course_title, certificate.serial]:
        assert shown in text
    assert "verdict--valid" in text
    for hidden in filter(None, [learner.email, learner.phone, "Rina"]):
        assert hidden not in text


def test_the_printed_address_is_absolute_and_indonesian(certificate):
    url = selectors.verification_url(certificate)
    assert url == f"http://testserver/sertifikat/{certificate.code}/"


def test_english_alias_shows_the_same_certificate_in_english(certificate):
    from django.test import Client

    page = Client().get(f"/en/certificate/{certificate.code}/").content.decode()
    assert 'lang="en"' in page
    assert "This certificate is valid." in page
    assert certificate.serial in page


def test_an_unknown_code_is_a_plain_404(db):
    from django.test import Client

    assert Client().get(reverse("certificates:verify", args=["x" * 22])).status_code == 404


@override_settings(CERTIFICATE_VERIFY_RATE="3/m")
def test_verification_is_rate_limited_per_address(certificate):
    from django.core.cache import cache
    from django.test import Client

    cache.clear()
    visitor = Client(REMOTE_ADDR="203.0.113.9")
    codes = [certificate.code, "a" * 22, "b" * 22]
    assert [visitor.get(f"/sertifikat/{code}/").status_code for code in codes] == [200, 404, 404]
    assert visitor.get(f"/sertifikat/{certificate.code}/").status_code == 429
    assert (
        Client(REMOTE_ADDR="203.0.113.10").get(f"/sertifikat/{certificate.code}/").status_code
        == 200
    )


def test_a_revoked_certificate_shows_as_revoked(client, certificate, coordinator):
    services.certificate_revoke(certificate=certificate, by=coordinator, reason="Data usaha palsu.")
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoked_by == coordinator
    text = client.get(reverse("certificates:verify", args=[certificate.code])).content.decode()
    assert "verdict--revoked" in text
    assert "Data usaha palsu." not in text  # The reason is for the holder, not the public.
    assert timezone.localdate().strftime("%Y") in text
    mine = client.get(reverse("certificates:mine")).content.decode()
    assert "Data usaha palsu." in mine
    assert reverse("certificates:download", args=[certificate.pk]) not in mine


def test_revoking_needs_a_reason_and_the_permission(certificate, coordinator, mentor):
    with pytest.raises(ValidationError) as refused:
        services.certificate_revoke(certificate=certificate, by=coordinator, reason="  ")
    assert refused.value.message_dict == {"reason": [str(services.REASON_REQUIRED)]}
    with pytest.raises(PermissionDenied):
        services.certificate_revoke(certificate=certificate, by=mentor, reason="Salah.")
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID


def test_reissuing_gives_a_new_serial_and_marks_the_old_replaced(
    client, certificate, coordinator, learner
):
    learner.full_name = "Sumarni Rahayu"
    learner.save()
    new = services.certificate_reissue(certificate=certificate, by=coordinator)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REPLACED
    assert new.replaces == certificate
    assert new.serial != certificate.serial
    assert new.holder_name == "Sumarni Rahayu"
    assert new.completed_on == certificate.completed_on
    assert new.status == Certificate.Status.VALID
    old_page = client.get(reverse("certificates:verify", args=[certificate.code])).content.decode()
    assert "verdict--replaced" in old_page
    assert reverse("certificates:verify", args=[new.code]) in old_page
    assert [c.pk for c in selectors.certificates_of(learner=learner)] == [new.pk]
    with pytest.raises(ValidationError):
        services.certificate_reissue(certificate=certificate, by=coordinator)


def test_a_revoked_certificate_is_not_issued_again_by_further_progress(
    certificate, coordinator, steps, learner, course
):
    services.certificate_revoke(certificate=certificate, by=coordinator, reason="Ditinjau ulang.")
    steps.quiz()
    assert services.certificate_issue_if_earned(learner=learner, course=course) is None
    assert Certificate.objects.count() == 1
