"""The certificate PDF: what a bank officer reads and scans, on exactly one A4 landscape page."""

import datetime
import io
import itertools

import pytest
import zxingcpp
from django.core.cache import caches
from django.core.files.storage import InMemoryStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image as PillowImage
from pypdf import PdfReader
from wagtail.images.models import Image

from certificates import selectors, services
from certificates.models import Certificate, CertificateTemplate
from certificates.pdf import render_pdf

pytestmark = pytest.mark.django_db

A4_LANDSCAPE_PT = (841.89, 595.28)
ONE_WORD_NAME = "Sutarni"
LONG_NAME = (  # 150 characters, the longest a name may be
    "Raden Ayu Siti Nurhaliza Kusumawardhani Ṣāliḥ Ñúñez Raden Ayu Siti Nurhaliza "
    "Kusumawardhani Ṣāliḥ Ñúñez Gusti Ratu Ḍamayanti Prawirodirjo Çelik Ørsted"
)
UNBROKEN_NAME = "Kusumawardhani" * 10
_serials = itertools.count(1)


@pytest.fixture(autouse=True)
def forget_renditions():
    """Wagtail caches renditions by image id, and ids come round again after a rollback."""
    for cache in caches.all():
        cache.clear()


def issue(**fields) -> Certificate:
    """A certificate row as the issue service leaves it, on the default template."""
    values = {
        "template": CertificateTemplate.objects.get(name="Sertifikat standar"),
        "serial": f"PU-2026-{next(_serials):06d}",
        "holder_name": "Sumarni",
        "business_name": "Batik Sumarni",
        "course_title": "Pembukuan Sederhana untuk Usaha Mikro",
        "mentor_name": "Rina Wulandari",
        "completed_on": datetime.date(2026, 11, 27),
    }
    return Certificate.objects.create(**(values | fields))


def picture(name, size, colour, mode="RGB", kind="PNG") -> Image:
    buffer = io.BytesIO()
    PillowImage.new(mode, size, colour).save(buffer, kind)
    return Image.objects.create(title=name, file=SimpleUploadedFile(name, buffer.getvalue()))


def designed_template() -> CertificateTemplate:
    return CertificateTemplate.objects.create(
        name="Dinas Koperasi",
        title="Sertifikat Penyelesaian",
        body="telah menyelesaikan kelas {course} dengan pendampingan {mentor}.",
        background=picture("latar.jpg", (1400, 990), "#f3ede0", kind="JPEG"),
        logo=picture("logo.png", (400, 160), (28, 42, 68, 255), mode="RGBA"),
        signature=picture("ttd.png", (500, 180), (20, 30, 90, 128), mode="RGBA"),
        signer_name="Dra. Sri Rahayuningsih, M.Si.",
        signer_role="Kepala Bidang UMKM, Dinas Koperasi DIY",
    )


def page_of(content: bytes):
    reader = PdfReader(io.BytesIO(content))
    assert len(reader.pages) == 1
    return reader.pages[0]


def flat(text: str) -> str:
    return " ".join(text.split())


def text_lines(page) -> list[tuple[float, str]]:
    """(baseline height from the bottom of the page in points, text) of each run of text."""
    lines = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            lines.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text.strip()))

    page.extract_text(visitor_text=visit)
    return lines


def fonts_of(page) -> set[str]:
    fonts = page["/Resources"]["/Font"]
    return {str(fonts[key]["/BaseFont"]).split("+")[-1].replace("-", "") for key in fonts}


def test_pdf_names_holder_course_serial_date_and_verification_address():
    certificate = issue()

    page = page_of(render_pdf(certificate))

    text = flat(page.extract_text())
    assert "Sumarni" in text
    assert "Batik Sumarni" in text
    assert "Pembukuan Sederhana untuk Usaha Mikro" in text
    assert "Rina Wulandari" in text
    assert certificate.serial in text
    assert selectors.verification_url(certificate) in text
    assert "27 November 2026" in text


@pytest.mark.parametrize("code", ["abcfiflffi-_xyz012345678", "ffl-ffi_fifl0123456789"])
def test_the_printed_address_copies_out_exactly_whatever_the_code(code):
    """No ligature (fi, ffl) or line break may change the address a reader copies."""
    certificate = issue(code=code)

    text = page_of(render_pdf(certificate)).extract_text()

    assert selectors.verification_url(certificate) in text


def test_page_is_a4_landscape():
    page = page_of(render_pdf(issue()))

    assert float(page.mediabox.width) == pytest.approx(A4_LANDSCAPE_PT[0], abs=0.5)
    assert float(page.mediabox.height) == pytest.approx(A4_LANDSCAPE_PT[1], abs=0.5)


def test_qr_code_decodes_to_the_public_verification_address():
    certificate = issue()

    page = page_of(render_pdf(certificate))

    decoded = [
        barcode.text for image in page.images for barcode in zxingcpp.read_barcodes(image.image)
    ]
    assert decoded == [selectors.verification_url(certificate)]
    assert certificate.code in decoded[0]


def test_date_is_indonesian_whatever_the_active_language():
    certificate = issue(completed_on=datetime.date(2026, 8, 17))

    with translation.override("en"):
        text = flat(page_of(render_pdf(certificate)).extract_text())

    assert "17 Agustus 2026" in text
    assert "August" not in text


def assert_name_and_body_above_footer(certificate, page):
    """Text that overflowed its area would be clipped or land on the footer: it must lie wholly
    above the serial, the verification address and the date over the signature."""
    lines = text_lines(page)
    footer = [
        height
        for height, line in lines
        if certificate.serial in line
        or selectors.verification_url(certificate) in line
        or line.endswith("27 November 2026")  # the body's date ends with a full stop
    ]
    name_start = certificate.holder_name[:12]
    name_and_body = [
        height for height, line in lines if name_start in line or "Rina Wulandari" in line
    ]
    assert len(footer) == 3
    assert name_and_body
    assert min(name_and_body) > max(footer)
    assert max(name_and_body) < A4_LANDSCAPE_PT[1]


@pytest.mark.parametrize("name", [ONE_WORD_NAME, LONG_NAME])
def test_one_word_and_150_character_names_fit_one_page(name):
    certificate = issue(holder_name=name, business_name="Kerajinan Perak Kotagede " * 6)

    page = page_of(render_pdf(certificate))

    text = page.extract_text()
    assert name in flat(text)
    for word in name.split():
        assert word in text
    assert_name_and_body_above_footer(certificate, page)


def test_name_without_spaces_breaks_inside_the_word_and_fits():
    certificate = issue(holder_name=UNBROKEN_NAME)

    page = page_of(render_pdf(certificate))

    assert UNBROKEN_NAME in "".join(page.extract_text().split())
    assert_name_and_body_above_footer(certificate, page)


def test_long_names_with_diacritics_use_only_the_packaged_fonts():
    page = page_of(render_pdf(issue(holder_name=LONG_NAME)))

    fonts = fonts_of(page)
    assert fonts
    assert all(font.startswith(("SourceSerifPro", "SourceSansPro")) for font in fonts), fonts
    assert any(font.startswith("SourceSerifPro") for font in fonts)
    assert any(font.startswith("SourceSansPro") for font in fonts)


def test_template_with_background_logo_and_signature():
    certificate = issue(template=designed_template())

    page = page_of(render_pdf(certificate))

    text = flat(page.extract_text())
    assert "Sertifikat Penyelesaian".upper() in text.upper()
    assert "Dra. Sri Rahayuningsih, M.Si." in text
    assert "Kepala Bidang UMKM, Dinas Koperasi DIY" in text
    assert "telah menyelesaikan kelas Pembukuan Sederhana untuk Usaha Mikro" in text
    sizes = sorted(image.image.size for image in page.images)
    assert len(sizes) == 4  # background, logo, signature, QR code
    assert max(sizes)[0] >= 1400  # the background at print size, not a thumbnail
    decoded = [
        barcode.text for image in page.images for barcode in zxingcpp.read_barcodes(image.image)
    ]
    assert decoded == [selectors.verification_url(certificate)]


def test_lost_template_image_leaves_the_picture_out():
    template = designed_template()
    template.logo.file.storage.delete(template.logo.file.name)
    certificate = issue(template=template)

    page = page_of(render_pdf(certificate))

    assert len(page.images) == 3
    assert "Dra. Sri Rahayuningsih, M.Si." in page.extract_text()


def test_certificate_without_template_uses_the_default_design():
    certificate = issue(template=None)

    text = flat(page_of(render_pdf(certificate)).extract_text())

    assert "Sumarni" in text
    assert "Pembukuan Sederhana untuk Usaha Mikro" in text
    assert certificate.serial in text


def test_unknown_placeholder_is_printed_as_written():
    template = CertificateTemplate.objects.create(
        name="Salah ketik", body="lulus {course} bersama {mentr} pada {date}."
    )

    text = flat(page_of(render_pdf(issue(template=template))).extract_text())

    assert "lulus Pembukuan Sederhana untuk Usaha Mikro bersama {mentr} pada 27" in text


def test_course_title_is_printed_when_the_body_does_not_name_it():
    template = CertificateTemplate.objects.create(name="Singkat", body="Selamat, {name}!")

    text = flat(page_of(render_pdf(issue(template=template))).extract_text())

    assert "Selamat, Sumarni!" in text
    assert "Pembukuan Sederhana untuk Usaha Mikro" in text


def test_lost_stored_pdf_is_rendered_again():
    certificate = issue()
    services.certificate_render(certificate)
    storage = certificate.pdf.storage
    storage.delete(certificate.pdf.name)
    assert not storage.exists(certificate.pdf.name)

    with services.certificate_pdf_file(certificate) as file:
        content = file.read()

    assert content.startswith(b"%PDF")
    assert storage.exists(certificate.pdf.name)
    assert certificate.serial in page_of(content).extract_text()


def test_later_downloads_serve_the_stored_file(monkeypatch):
    certificate = issue()
    services.certificate_render(certificate)
    with certificate.pdf.open("rb") as file:
        stored = file.read()

    def render_again(certificate):
        raise AssertionError("rendered again")

    monkeypatch.setattr("certificates.pdf.render_pdf", render_again)
    with services.certificate_pdf_file(certificate) as file:
        assert file.read() == stored


def test_images_are_read_through_storage_without_a_local_path(settings):
    """Remote media (S3) has no local file: images are read through the storage API."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    certificate = issue(template=designed_template())
    assert isinstance(certificate.template.background.file.storage, InMemoryStorage)

    page = page_of(render_pdf(certificate))

    assert len(page.images) == 4
