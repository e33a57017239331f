"""The first part of the stylesheet, inlined in every page's <head> so a first visit paints
without waiting for a second round trip (issue 17: a lesson's first paint on slow 3G).

static/css/main.css stays the one stylesheet. Everything above its ``MARKER`` line (custom
properties, the header, layout, type, forms, buttons, course and lesson pages) is critical: it
is read once per process, stripped of comments and spare whitespace, and written into a
``<style>`` element by ``{% critical_css %}``. base.html then loads the whole main.css without
blocking (preloaded in <head>, linked at the end of <body>), which the browser keeps for the
next pages. The Content-Security-Policy allows exactly this text by its hash, added to learner
pages' ``style-src`` by lms.middleware.ContentSecurityPolicyMiddleware: no inline style
anywhere else is allowed.
"""

import base64
import hashlib
import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

STYLESHEET = "css/main.css"
MARKER = "/* critical: end */"


def _minify(css: str) -> str:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    css = re.sub(r"\s+", " ", css)
    css = re.sub(r"\s*([{};])\s*", r"\1", css)
    # ": " only ever separates a property from its value (a selector's colon has no space after).
    css = re.sub(r",\s+", ",", css).replace(": ", ":")
    return css.replace(";}", "}").strip()


@lru_cache(maxsize=1)
def _read() -> tuple[str, str]:
    path = finders.find(STYLESHEET)
    text = Path(path).read_text(encoding="utf-8")
    head, found, _rest = text.partition(MARKER)
    if not found:
        raise ValueError(f"{STYLESHEET} has no line {MARKER!r} ending its critical part.")
    css = _minify(head)
    digest = hashlib.sha256(css.encode()).digest()
    return css, f"'sha256-{base64.b64encode(digest).decode()}'"


def _current() -> tuple[str, str]:
    if settings.DEBUG:  # `make run`: an edited stylesheet shows on the next page
        _read.cache_clear()
    return _read()


def critical_css() -> str:
    """The critical CSS as inlined, read once per process (on every call while DEBUG)."""
    return _current()[0]


def csp_source() -> str:
    """The ``style-src`` source that allows exactly the inlined critical CSS."""
    return _current()[1]
