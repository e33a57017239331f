"""A render that dies half-way leaves no half-written certificate, and is done again."""

import io
from pathlib import Path

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command

from certificates import services
from certificates.models import Certificate

pytestmark = pytest.mark.django_db


class DiesMidWrite(FileSystemStorage):
    """Writes the first bytes of a file, then the process 'dies' (as a killed worker does)."""

    def _save(self, name, content):
        path = Path(self.path(name))
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(content.read(1000))
        raise SystemExit("worker killed")


def test_a_render_killed_mid_write_leaves_the_certificate_without_a_pdf(
    certificate, settings, monkeypatch
):
    storage = DiesMidWrite(location=settings.PRIVATE_MEDIA_ROOT)
    monkeypatch.setattr(Certificate._meta.get_field("pdf"), "storage", storage)
    with pytest.raises(SystemExit):
        services.certificate_render(certificate)
    certificate.refresh_from_db()
    assert certificate.pdf.name == ""


def test_missing_pdfs_are_queued_again_and_rendered_whole(certificate, settings, monkeypatch):
    storage = DiesMidWrite(location=settings.PRIVATE_MEDIA_ROOT)
    field = Certificate._meta.get_field("pdf")
    with monkeypatch.context() as patched:
        patched.setattr(field, "storage", storage)
        with pytest.raises(SystemExit):
            services.certificate_render(certificate)

    out = io.StringIO()
    call_command("render_missing_certificates", stdout=out)

    assert out.getvalue().startswith("1 ")
    certificate.refresh_from_db()
    with certificate.pdf.open("rb") as pdf:
        content = pdf.read()
    assert content.startswith(b"%PDF")
    assert content.rstrip().endswith(b"%%EOF")
    call_command("render_missing_certificates", stdout=out)
    assert "0 certificate" in out.getvalue().splitlines()[-1]
