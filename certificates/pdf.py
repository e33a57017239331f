"""The certificate PDF: one A4 landscape page rendered by WeasyPrint from a mentor's template.

Fonts come from the installed Source Serif Pro and Source Sans Pro packages, never from the
machine, so the PDF looks the same everywhere. Images are read from Django's storage through
the URL fetcher (local disk or S3 alike); the renderer never touches the network.
"""

import functools
import io
import logging
import threading

import font_source_sans_pro
import font_source_serif_pro
import segno
from django.template.loader import render_to_string
from django.utils import formats, translation
from fontTools import subset
from fontTools.ttLib import TTFont
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from . import selectors
from .models import BODY_MAX_LENGTH, Certificate, CertificateTemplate, fill_placeholders

logger = logging.getLogger(__name__)

LANGUAGE = "id"
TEMPLATE = "certificates/certificate_pdf.html"

# Print-sized renditions (2480 px across A4 landscape is about 210 dpi): a photographic
# background as JPEG, which WeasyPrint embeds as it is; logo and signature keep transparency.
IMAGES = [
    ("background", "fill-2480x1754-c100|format-jpeg|jpegquality-82", "image/jpeg"),
    ("logo", "max-900x360|format-png", "image/png"),
    ("signature", "max-900x300|format-png", "image/png"),
]

# (family, weight, file) for each face the template uses; nothing else gets embedded.
FACES = [
    ("Source Serif Pro", 400, font_source_serif_pro.font_files_ttf["SourceSerifPro"]),
    ("Source Serif Pro", 600, font_source_serif_pro.font_files_ttf["SourceSerifProSemibold"]),
    ("Source Sans Pro", 400, font_source_sans_pro.font_files_ttf["SourceSansPro"]),
    ("Source Sans Pro", 600, font_source_sans_pro.font_files_ttf["SourceSansProSemibold"]),
]
# What a certificate may need to print: Latin with every diacritic (Indonesian, Javanese
# transliteration, Vietnamese, European names), punctuation, currency and arrows.
PRINT_RANGES = [
    (0x0020, 0x007E),
    (0x00A0, 0x024F),
    (0x0300, 0x036F),
    (0x1E00, 0x1EFF),
    (0x2000, 0x206F),
    (0x20A0, 0x20CF),
    (0x2100, 0x215F),
    (0x2190, 0x2199),
    (0x2212, 0x2212),
]

# Longer texts get a smaller type size (the template's classes `name--large` and so on), so
# that a 150-character name still fits in three lines. (longest length, size) pairs.
NAME_SIZES = [(40, "large"), (80, "medium"), (None, "small")]
TITLE_SIZES = [(40, "large"), (None, "small")]
BUSINESS_SIZES = [(80, "large"), (None, "small")]
BODY_SIZES = [(220, "large"), (400, "medium"), (None, "small")]

_fonts = threading.local()


@functools.cache
def print_font(path: str) -> bytes:
    """The face cut down once per process to `PRINT_RANGES`, keeping kerning and ligatures.

    Each PDF embeds these small faces whole. Letting WeasyPrint subset the full faces on every
    render costs about half a second per face when it falls back to fontTools (no
    libharfbuzz-subset on the machine); this way every render is fast and every machine
    produces the same PDF.
    """
    options = subset.Options(
        layout_features=["kern", "liga", "ccmp", "locl", "mark", "mkmk"],
        hinting=False,
        notdef_outline=True,
        glyph_names=False,
        ignore_missing_unicodes=True,
        drop_tables=[*subset.Options().drop_tables, "BASE", "DSIG"],
    )
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[c for low, high in PRINT_RANGES for c in range(low, high + 1)])
    font = TTFont(path)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def _font_setup() -> tuple[CSS, FontConfiguration]:
    """The @font-face stylesheet and its font configuration, built once per thread (a font
    configuration is not shared between threads)."""
    if not hasattr(_fonts, "setup"):
        font_config = FontConfiguration()
        faces = {
            f"font:{index}": (print_font(path), "font/ttf")
            for index, (*_, path) in enumerate(FACES)
        }
        rules = "".join(
            f"@font-face {{ font-family: '{family}'; font-weight: {weight}; "
            f"font-style: normal; src: url('font:{index}') format('truetype'); }}"
            for index, (family, weight, _) in enumerate(FACES)
        )
        stylesheet = CSS(string=rules, font_config=font_config, url_fetcher=_AssetFetcher(faces))
        _fonts.setup = (stylesheet, font_config)
    return _fonts.setup


class _AssetFetcher(URLFetcher):
    """Serves the given bytes by URL (`asset:qr`, `font:0`), and nothing else: no file, no
    network."""

    def __init__(self, assets: dict[str, tuple[bytes, str]]):
        super().__init__()
        self._assets = assets

    def fetch(self, url, headers=None):
        try:
            body, content_type = self._assets[url]
        except KeyError:
            raise ValueError(f"not an asset of this certificate: {url}") from None
        return URLFetcherResponse(url, body, {"Content-Type": content_type})


def _rendition_bytes(image, spec: str) -> bytes | None:
    """The rendition's bytes read through its storage; None (and a warning) when the original
    is gone, so a lost image costs the certificate a picture, not its PDF."""
    try:
        rendition = image.get_rendition(spec)
        with rendition.file.storage.open(rendition.file.name, "rb") as file:
            content = file.read()
    except Exception:
        logger.warning("certificate image unavailable", extra={"image": image.pk}, exc_info=True)
        return None
    return content


def _qr_png(url: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=8, border=4)
    return buffer.getvalue()


def body_text(template: CertificateTemplate, values: dict[str, str]) -> str:
    """The template's body with its placeholders filled. A body longer than the limit (one
    that never went through validation) is cut at the limit."""
    return fill_placeholders(str(template.body)[:BODY_MAX_LENGTH], values)


def size_for(text: str, sizes: list[tuple[int | None, str]]) -> str:
    return next(size for limit, size in sizes if limit is None or len(text) <= limit)


def render_pdf(certificate: Certificate) -> bytes:
    """The certificate as PDF bytes, in Indonesian whatever the active language. The fonts go
    in whole (see `print_font`); the first render in a process prepares them (a few seconds)."""
    template = certificate.template or CertificateTemplate()
    url = selectors.verification_url(certificate)
    with translation.override(LANGUAGE):
        completed_on = formats.date_format(certificate.completed_on, "j F Y")
        values = {
            "name": certificate.holder_name,
            "business": certificate.business_name,
            "course": certificate.course_title,
            "date": completed_on,
            "mentor": certificate.mentor_name,
            "serial": certificate.serial,
        }
        assets = {"asset:qr": (_qr_png(url), "image/png")}
        for field, spec, content_type in IMAGES:
            if getattr(template, f"{field}_id"):
                content = _rendition_bytes(getattr(template, field), spec)
                if content:
                    assets[f"asset:{field}"] = (content, content_type)
        title = str(template.title)
        body = body_text(template, values)
        html = render_to_string(
            TEMPLATE,
            {
                "certificate": certificate,
                "template": template,
                "title": title,
                "body": body,
                "sizes": {
                    "name": size_for(certificate.holder_name, NAME_SIZES),
                    "title": size_for(title, TITLE_SIZES),
                    "business": size_for(certificate.business_name, BUSINESS_SIZES),
                    "body": size_for(body, BODY_SIZES),
                },
                "course_in_body": certificate.course_title in body,
                "completed_on": completed_on,
                "verification_url": url,
                "has_background": "asset:background" in assets,
                "has_logo": "asset:logo" in assets,
                "has_signature": "asset:signature" in assets,
            },
        )
        stylesheet, font_config = _font_setup()
        return HTML(string=html, url_fetcher=_AssetFetcher(assets)).write_pdf(
            stylesheets=[stylesheet], font_config=font_config, full_fonts=True
        )


def packaged_fonts() -> tuple[CSS, FontConfiguration]:
    """The packaged faces' @font-face stylesheet and font configuration (one per thread), for
    any PDF the site renders (the evaluation report too), so every PDF looks the same."""
    return _font_setup()


def offline_fetcher(assets: dict[str, tuple[bytes, str]] | None = None) -> URLFetcher:
    """A URL fetcher that serves ``assets`` and nothing else: no file, no network."""
    return _AssetFetcher(assets or {})
