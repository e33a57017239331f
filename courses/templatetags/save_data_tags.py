"""Data saver: with ``Save-Data: on`` a lesson's images wait for a tap, their size shown."""

import math

from django import template

register = template.Library()


@register.filter
def saves_data(request) -> bool:
    """Whether the request asks to save data (the phone's data saver sends ``Save-Data: on``)."""
    meta = getattr(request, "META", None) or {}
    return meta.get("HTTP_SAVE_DATA", "").strip().lower() == "on"


@register.filter
def kilobytes(rendition) -> int | None:
    """A rendition's file size in whole KB (rounded up); None when its file cannot be read."""
    try:
        return max(1, math.ceil(rendition.file.size / 1024))
    except (AttributeError, OSError, ValueError):
        return None
