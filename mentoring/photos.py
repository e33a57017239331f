"""Photos and PDFs as learners send them from a phone, made safe and small to keep.

A photo is opened with Pillow, refused when it is not a JPEG, PNG, WebP or HEIC picture, when
the upload is larger than ``MENTORING_MAX_UPLOAD_MB`` or when it decodes to more pixels than
``MAX_PIXELS`` (a decompression bomb). It is turned upright from its EXIF orientation, scaled to
at most ``LONG_SIDE`` pixels on its long side and saved as a progressive sRGB JPEG with no EXIF,
location or other metadata. A PDF is kept as sent once its first bytes say it is one.
"""

import contextlib
import io
import uuid
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from lms.text import clean_text

try:  # HEIC, as iPhones shoot, when pillow-heif is installed
    from pillow_heif import register_heif_opener
except ImportError:  # pragma: no cover - an optional codec
    HEIF_FORMATS = set()
else:
    register_heif_opener()
    HEIF_FORMATS = {"HEIF"}

LONG_SIDE = 1600
MAX_PIXELS = 50_000_000  # as WAGTAILIMAGES_MAX_IMAGE_PIXELS: larger is a decompression bomb
JPEG_QUALITIES = (80, 72, 64, 56)  # tried in turn until the photo fits STORED_MAX_BYTES
STORED_MAX_BYTES = 500 * 1024
OPEN_FORMATS = ["JPEG", "PNG", "WEBP", *sorted(HEIF_FORMATS)]  # the decoders Pillow may try
PHOTO_FORMATS = {*OPEN_FORMATS, "MPO"}  # MPO: phones' multi-picture JPEG, read by JPEG's
PDF_MAGIC = b"%PDF-"
NAME_SHOWN_MAX = 80

NOT_AN_IMAGE = _(
    "“%(name)s” is not a photo this site can read. Send a JPEG, PNG, WebP or HEIC photo."
)
FILE_TOO_LARGE = _("“%(name)s” is larger than %(limit)d MB. Send a smaller file.")
NOT_A_PDF = _("“%(name)s” is not a PDF. Send a PDF file.")


def max_upload_mb() -> int:
    """The largest photo or PDF accepted, in megabytes (setting ``MENTORING_MAX_UPLOAD_MB``)."""
    return settings.MENTORING_MAX_UPLOAD_MB


def shown_name(uploaded) -> str:
    """The file's name as the learner's phone sent it, safe to put in a message."""
    return clean_text(str(getattr(uploaded, "name", "") or ""))[:NAME_SHOWN_MAX] or "?"


def _refuse_if_too_large(uploaded) -> None:
    limit = max_upload_mb()
    if uploaded.size is None or uploaded.size > limit * 1024 * 1024:
        raise ValidationError(
            FILE_TOO_LARGE, code="too_large", params={"name": shown_name(uploaded), "limit": limit}
        )


def _open(uploaded) -> Image.Image:
    """The decoded picture, or a ValidationError(NOT_AN_IMAGE)."""
    refused = ValidationError(
        NOT_AN_IMAGE, code="not_an_image", params={"name": shown_name(uploaded)}
    )
    uploaded.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(uploaded, formats=OPEN_FORMATS)
            if image.format not in PHOTO_FORMATS:
                raise refused
            if image.width * image.height > MAX_PIXELS:
                raise refused
            if image.format in {"JPEG", "MPO"}:
                image.draft("RGB", (LONG_SIDE, LONG_SIDE))  # decode at a smaller scale: faster
            image.load()
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        OSError,
        SyntaxError,
        ValueError,
        EOFError,
    ):
        raise refused from None
    return image


def _to_srgb(image: Image.Image) -> Image.Image:
    """RGB in sRGB: a picture with an embedded colour profile converted from it, transparency
    laid on white."""
    profile = image.info.get("icc_profile")
    if image.mode in {"RGBA", "LA", "PA"} or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        image = Image.new("RGB", rgba.size, (255, 255, 255))
        image.paste(rgba, mask=rgba.getchannel("A"))
    elif image.mode != "RGB":
        image = image.convert("RGB")
    if profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            image = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"))
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # an unreadable profile: the pixels as they are
    return image


def prepare_photo(uploaded) -> tuple[ContentFile, int, int]:
    """The photo ``uploaded`` (a Django UploadedFile) as it is stored: an upright JPEG of at
    most ``LONG_SIDE`` px without metadata, with its width and height. Raises ValidationError
    (FILE_TOO_LARGE, NOT_AN_IMAGE) for what cannot be kept."""
    _refuse_if_too_large(uploaded)
    image = _open(uploaded)
    # A broken orientation tag: keep the picture as it was decoded.
    with contextlib.suppress(OSError, SyntaxError, ValueError, TypeError, KeyError):
        image = ImageOps.exif_transpose(image)
    image = _to_srgb(image)
    image.thumbnail((LONG_SIDE, LONG_SIDE), Image.Resampling.LANCZOS, reducing_gap=3.0)
    image.info = {}  # nothing of the original's metadata (EXIF, XMP, profile) is written
    data = _jpeg(image)
    return ContentFile(data, name=f"{uuid.uuid4().hex}.jpg"), image.width, image.height


def _jpeg(image: Image.Image) -> bytes:
    """The picture as a JPEG of at most STORED_MAX_BYTES: lower qualities in turn, then (for
    what no camera takes, such as pure noise) smaller sizes too. Shrinks ``image`` in place."""
    while True:
        for quality in JPEG_QUALITIES:
            out = io.BytesIO()
            image.save(out, "JPEG", quality=quality, progressive=True, optimize=True)
            if out.tell() <= STORED_MAX_BYTES:
                return out.getvalue()
        image.thumbnail((image.width * 3 // 4, image.height * 3 // 4), Image.Resampling.LANCZOS)


def prepare_pdf(uploaded) -> ContentFile:
    """The PDF ``uploaded`` as sent, under a name nobody can guess. Raises ValidationError
    (FILE_TOO_LARGE, NOT_A_PDF) for what cannot be kept."""
    _refuse_if_too_large(uploaded)
    uploaded.seek(0)
    head = uploaded.read(len(PDF_MAGIC))
    if head != PDF_MAGIC:
        raise ValidationError(NOT_A_PDF, code="not_a_pdf", params={"name": shown_name(uploaded)})
    uploaded.seek(0)
    return ContentFile(uploaded.read(), name=f"{uuid.uuid4().hex}.pdf")
