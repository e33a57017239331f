"""A certificate template's body: bare placeholders only, a capped length, and a render that
never applies a format spec, an attribute or an index however the body got into the database."""

import datetime
import time

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from certificates import models
from certificates.models import BODY_MAX_LENGTH, Certificate, CertificateTemplate
from certificates.pdf import body_text, render_pdf
from tests.factories import certificate_template_form

pytestmark = pytest.mark.django_db

TEMPLATE_ADD = reverse("wagtailsnippets_certificates_certificatetemplate:add")
KNOWN = "{name}, {business}, {course}, {date}, {mentor}, {serial}"
VALUES = {
    "name": "Sumarni",
    "business": "Batik Sumarni",
    "course": "Pembukuan",
    "date": "27 November 2026",
    "mentor": "Rina",
    "serial": "PU-2026-000001",
}
# Each is a placeholder with more than a bare name: a format spec (70 s to print a million
# padding characters), an attribute, an index, a conversion, a position, a nested field.
NOT_BARE = [
    "{name:x>1000000}",
    "{name.__class__}",
    "{name[0]}",
    "{name!r}",
    "{0}",
    "{}",
    "{foo}",
    "{ name }",
]


def refused(client, body):
    before = CertificateTemplate.objects.count()
    response = client.post(TEMPLATE_ADD, certificate_template_form(body=body))
    assert response.status_code == 200
    assert CertificateTemplate.objects.count() == before
    return response.context["form"].errors["body"]


@pytest.mark.parametrize("placeholder", NOT_BARE)
def test_admin_refuses_anything_but_a_bare_known_placeholder(client, mentor, placeholder):
    client.force_login(mentor)
    errors = refused(client, f"lulus {{course}} {placeholder} pada {{date}}.")
    assert errors == [str(models.UNKNOWN_PLACEHOLDER) % {"names": placeholder, "known": KNOWN}]


@pytest.mark.parametrize("body", ["{name:{date}}", "lulus {course", "lulus } {course}", "{{name}"])
def test_admin_refuses_unmatched_or_nested_brackets(client, mentor, body):
    client.force_login(mentor)
    assert refused(client, body) == [str(models.BRACKETS_UNMATCHED)]


def test_admin_refuses_a_body_over_the_limit(client, mentor):
    client.force_login(mentor)
    errors = refused(client, "a" * (BODY_MAX_LENGTH + 1))
    assert len(errors) == 1
    assert str(BODY_MAX_LENGTH) in errors[0]


def test_every_placeholder_and_escaped_brackets_are_accepted(client, mentor):
    client.force_login(mentor)
    body = "{name} {business} {course} {date} {mentor} {serial} {{tanpa isi}}"
    assert client.post(TEMPLATE_ADD, certificate_template_form(body=body)).status_code == 302
    template = CertificateTemplate.objects.get(name="Sertifikat Sleman")
    assert body_text(template, VALUES) == (
        "Sumarni Batik Sumarni Pembukuan 27 November 2026 Rina PU-2026-000001 {tanpa isi}"
    )


def test_model_validation_caps_the_length_too():
    """An import or a script that calls full_clean() meets the same limit as the admin form."""
    template = CertificateTemplate(name="Panjang", body="a" * (BODY_MAX_LENGTH + 1))
    with pytest.raises(ValidationError) as refusal:
        template.full_clean()
    assert "body" in refusal.value.message_dict


@pytest.mark.parametrize("placeholder", NOT_BARE)
def test_a_stored_bad_placeholder_is_printed_as_written(placeholder):
    """Written straight to the database (no validation), it is still never expanded."""
    template = CertificateTemplate.objects.create(
        name="Lama", body=f"lulus {placeholder}, {{name}}"
    )
    assert body_text(template, VALUES) == f"lulus {placeholder}, Sumarni"


def test_a_stored_body_over_the_limit_is_cut_at_the_limit():
    template = CertificateTemplate.objects.create(name="Lama", body="{name} " + "a" * 100_000)
    text = body_text(template, VALUES)
    assert text.startswith("Sumarni a")
    assert len(text) <= BODY_MAX_LENGTH + len("Sumarni")


def test_a_stored_format_spec_renders_its_pdf_quickly(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    fields = {"holder_name": "Sumarni", "course_title": "Pembukuan"}
    completed_on = datetime.date(2026, 11, 27)
    # The first render in a process prepares the fonts (seconds); that is not what is measured.
    render_pdf(Certificate(serial="PU-2026-000000", completed_on=completed_on, **fields))
    template = CertificateTemplate.objects.create(name="Lama", body="{name:x>1000000}")
    certificate = Certificate.objects.create(
        template=template,
        serial="PU-2026-000001",
        completed_on=completed_on,
        **fields,
    )
    started = time.monotonic()
    render_pdf(certificate)
    assert time.monotonic() - started < 10  # 70 s when the spec was applied
