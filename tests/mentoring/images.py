"""Pictures and files as phones send them, for the hand-in tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def photo_bytes(size=(400, 300), *, fmt="JPEG", orientation=None, gps=False, noise=False, **save):
    """A picture as bytes: a gradient (with noise, like a camera's sensor, when asked), with an
    EXIF orientation and a GPS position when asked."""
    width, height = size
    gradient = Image.linear_gradient("L").resize(size)
    image = Image.merge(
        "RGB", (gradient, gradient.transpose(Image.Transpose.FLIP_LEFT_RIGHT), gradient)
    )
    if noise:
        grain = Image.effect_noise(size, 24).convert("RGB")
        image = Image.blend(image, grain, 0.3)
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    if orientation:
        exif[ORIENTATION] = orientation
    if gps:
        exif.get_ifd(GPS_IFD).update(
            {1: "S", 2: (7.0, 47.0, 0.0), 3: "E", 4: (110.0, 22.0, 0.0)}  # Yogyakarta
        )
    out = io.BytesIO()
    if fmt in {"JPEG", "WEBP"}:
        save.setdefault("exif", exif.tobytes())
    image.save(out, fmt, **save)
    return out.getvalue()


def upload(data: bytes, name="foto.jpg", content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def photo_upload(name="foto.jpg", **kwargs) -> SimpleUploadedFile:
    return upload(photo_bytes(**kwargs), name=name)


PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def pdf_upload(name="laporan.pdf", data=PDF_BYTES) -> SimpleUploadedFile:
    return upload(data, name=name, content_type="application/pdf")
