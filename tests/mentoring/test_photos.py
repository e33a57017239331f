"""Photos and PDFs from a phone, made safe and small (mentoring/photos.py)."""

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from mentoring import photos
from tests.mentoring.images import (
    PDF_BYTES,
    pdf_upload,
    photo_bytes,
    photo_upload,
    upload,
)


def stored(content) -> Image.Image:
    content.seek(0)
    return Image.open(io.BytesIO(content.read()))


def refusal(error) -> str:
    return error.value.messages[0]


def test_a_12_megapixel_photo_with_a_location_is_stored_small_and_without_exif():
    original = photo_bytes((4000, 3000), gps=True, noise=True, quality=95)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # the phone's location
    content, width, height = photos.prepare_photo(upload(original))
    image = stored(content)
    assert (width, height) == image.size == (1600, 1200)
    assert content.size < 500 * 1024
    assert image.format == "JPEG"
    assert not image.getexif()
    assert "exif" not in image.info
    assert "icc_profile" not in image.info
    assert image.info.get("progressive") == 1
    assert content.name.endswith(".jpg")
    assert len(content.name) == 36  # a random name


def test_a_photo_of_pure_noise_still_fits_under_the_floor():
    """Even the worst case for JPEG fits: lower qualities, then smaller sizes, are tried."""
    noise = Image.effect_noise((1600, 1600), 128).convert("RGB")
    out = io.BytesIO()
    noise.save(out, "PNG")
    content, width, height = photos.prepare_photo(upload(out.getvalue(), name="noise.png"))
    assert content.size <= photos.STORED_MAX_BYTES
    assert width == height <= 1600


@pytest.mark.parametrize(
    ("orientation", "size"), [(1, (400, 300)), (6, (300, 400)), (8, (300, 400))]
)
def test_the_exif_orientation_is_applied_then_dropped(orientation, size):
    content, width, height = photos.prepare_photo(photo_upload(orientation=orientation))
    assert (width, height) == size
    assert not stored(content).getexif()


def test_a_small_photo_is_not_enlarged():
    _content, width, height = photos.prepare_photo(photo_upload(size=(640, 480)))
    assert (width, height) == (640, 480)


@pytest.mark.parametrize(
    ("fmt", "name", "options"),
    [
        ("PNG", "layar.png", {}),
        ("WEBP", "foto.webp", {}),
        ("PNG", "logo.png", {"transparent": True}),
    ],
)
def test_png_and_webp_photos_are_stored_as_jpeg(fmt, name, options):
    if options.get("transparent"):
        image = Image.new("RGBA", (300, 200), (255, 0, 0, 0))
        out = io.BytesIO()
        image.save(out, "PNG")
        data = out.getvalue()
    else:
        data = photo_bytes(fmt=fmt)
    content, _width, _height = photos.prepare_photo(upload(data, name=name))
    image = stored(content)
    assert image.format == "JPEG"
    assert image.mode == "RGB"
    if options.get("transparent"):
        assert image.getpixel((10, 10)) == (255, 255, 255)  # transparency laid on white


def test_a_heic_photo_is_accepted_when_the_codec_is_installed():
    if not photos.HEIF_FORMATS:
        pytest.skip("pillow-heif is not installed")
    import pillow_heif

    out = io.BytesIO()
    image = Image.linear_gradient("L").convert("RGB").resize((320, 240))
    pillow_heif.from_pillow(image).save(out, quality=50)
    content, width, height = photos.prepare_photo(upload(out.getvalue(), name="IMG_0001.HEIC"))
    assert (width, height) == (320, 240)
    assert stored(content).format == "JPEG"


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"this is not a picture", "foto.jpg"),
        (b"", "kosong.jpg"),
        (PDF_BYTES, "foto.jpg"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 100, "rusak.jpg"),  # a JPEG header and nothing more
        (photo_bytes()[:200], "terpotong.jpg"),  # cut off mid-way
        (b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "animasi.gif"),
    ],
)
def test_what_is_not_a_readable_photo_is_refused_by_name(data, name):
    with pytest.raises(ValidationError) as error:
        photos.prepare_photo(upload(data, name=name))
    assert refusal(error) == photos.NOT_AN_IMAGE % {"name": name}


def test_other_picture_formats_are_refused():
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "BMP")
    with pytest.raises(ValidationError) as error:
        photos.prepare_photo(upload(out.getvalue(), name="gambar.bmp"))
    assert error.value.code == "not_an_image"


def test_a_decompression_bomb_is_refused_without_decoding_it():
    out = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(out, "PNG")  # 100 megapixels in a few kilobytes
    assert len(out.getvalue()) < 100_000
    with pytest.raises(ValidationError) as error:
        photos.prepare_photo(upload(out.getvalue(), name="bom.png"))
    assert error.value.code == "not_an_image"


def test_a_file_above_the_limit_is_refused_before_it_is_opened(settings):
    settings.MENTORING_MAX_UPLOAD_MB = 1
    data = photo_bytes() + b"\x00" * (1024 * 1024)
    with pytest.raises(ValidationError) as error:
        photos.prepare_photo(upload(data, name="besar.jpg"))
    assert refusal(error) == photos.FILE_TOO_LARGE % {"name": "besar.jpg", "limit": 1}
    with pytest.raises(ValidationError) as error:
        photos.prepare_pdf(pdf_upload(data=PDF_BYTES + b"\x00" * (1024 * 1024)))
    assert error.value.code == "too_large"


def test_the_upload_limit_defaults_to_15_mb():
    assert photos.max_upload_mb() == 15


def test_a_name_with_nul_or_a_lone_surrogate_is_shown_cleaned():
    with pytest.raises(ValidationError) as error:
        photos.prepare_photo(upload(b"nope", name="a\x00b\ud800.jpg"))
    assert refusal(error) == photos.NOT_AN_IMAGE % {"name": "ab\ufffd.jpg"}


def test_a_pdf_is_kept_as_sent_under_a_random_name():
    content = photos.prepare_pdf(pdf_upload())
    content.seek(0)
    assert content.read() == PDF_BYTES
    assert content.name.endswith(".pdf")
    assert "laporan" not in content.name


@pytest.mark.parametrize(
    "data", [b"", b"%PDF", b"hello %PDF-1.4", photo_bytes(), b"<html>%PDF-1.4</html>"]
)
def test_what_does_not_start_like_a_pdf_is_refused(data):
    with pytest.raises(ValidationError) as error:
        photos.prepare_pdf(pdf_upload(name="laporan.pdf", data=data))
    assert refusal(error) == photos.NOT_A_PDF % {"name": "laporan.pdf"}
