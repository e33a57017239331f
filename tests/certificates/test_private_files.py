"""Certificate PDFs and evaluation reports live in the private storage, which nothing serves
under MEDIA_URL: only the views that check who asks hand them out."""

from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.urls import reverse

from lms.files import move_files


def test_a_certificate_pdf_is_stored_out_of_the_public_media_and_reaches_its_holder(
    certificate, client, settings
):
    response = client.get(reverse("certificates:download", args=[certificate.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    certificate.refresh_from_db()
    name = certificate.pdf.name
    assert name.startswith("certificates/")
    assert (Path(settings.PRIVATE_MEDIA_ROOT) / name).is_file()
    assert not (Path(settings.MEDIA_ROOT) / name).exists()


def test_moving_stored_files_to_the_private_storage_moves_each_once(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private"},
        },
    }
    public = storages["default"]
    public.save("certificates/AB12.pdf", ContentFile(b"%PDF-1.7 Sumarni"))

    names = ["certificates/AB12.pdf", "certificates/gone.pdf", ""]
    assert move_files(names, source="default", target="private") == 1
    assert move_files(names, source="default", target="private") == 0

    assert not (tmp_path / "media/certificates/AB12.pdf").exists()
    assert (tmp_path / "private/certificates/AB12.pdf").read_bytes() == b"%PDF-1.7 Sumarni"
    assert move_files(names, source="private", target="default") == 1
    assert (tmp_path / "media/certificates/AB12.pdf").read_bytes() == b"%PDF-1.7 Sumarni"
