"""What "Save this week" keeps on the phone: the week's lessons and the images they show."""

import re
from dataclasses import dataclass, field
from html import unescape

from django.conf import settings
from django.core.files.storage import default_storage

from courses.models import LessonPage, WeekPage
from courses.selectors import page_access_for

# A lesson page's HTML around its body (header, navigation, progress, footer), in bytes: the
# estimate of a saved lesson is this plus its rendered body. Measured on a lesson page (see
# tests/lms/test_pwa.py, which checks the estimate against a real page).
SHELL_BYTES = 14_000

_PICTURE = re.compile(r"<picture\b.*?</picture>", re.S)
_SOURCE_SRCSET = re.compile(r"<source\b[^>]*\bsrcset=\"([^\"]+)\"")
_IMG_SRC = re.compile(r"<img\b[^>]*\bsrc=\"([^\"]+)\"")
_POSTER = re.compile(r"\bposter=\"([^\"]+)\"")


@dataclass
class WeekFiles:
    """Lessons as (url, estimated bytes); images as lists of candidates (url, width, bytes),
    one list per picture: the phone keeps the candidate its screen would show."""

    lessons: list[tuple[str, int]] = field(default_factory=list)
    images: list[list[tuple[str, int, int]]] = field(default_factory=list)


def _media_bytes(url: str) -> int:
    if not url.startswith(settings.MEDIA_URL):
        return 0
    try:
        return default_storage.size(url[len(settings.MEDIA_URL) :])
    except (OSError, NotImplementedError, ValueError):
        return 0


def _candidates(srcset: str) -> list[tuple[str, int, int]]:
    found = []
    for part in unescape(srcset).split(","):
        bits = part.split()
        if bits:
            width = int(bits[1][:-1]) if len(bits) > 1 and bits[1][:-1].isdigit() else 0
            found.append((bits[0], width, _media_bytes(bits[0])))
    return found


def images_in(html: str) -> list[list[tuple[str, int, int]]]:
    """The images a lesson's HTML shows (never a video): for a <picture>, the candidates of its
    first source (the format a phone's browser picks); else the <img> or a video's poster."""
    groups = []
    for picture in _PICTURE.findall(html):
        source = _SOURCE_SRCSET.search(picture)
        img = _IMG_SRC.search(picture)
        if source:
            groups.append(_candidates(source.group(1)))
        elif img:
            groups.append(_candidates(img.group(1)))
    rest = _PICTURE.sub("", html)
    groups.extend(_candidates(src) for src in _IMG_SRC.findall(rest) + _POSTER.findall(rest))
    return [group for group in groups if group and group[0][0].startswith(settings.MEDIA_URL)]


def week_files_for(*, week_id: int, user) -> WeekFiles | None:
    """The files to save for a week the learner is enrolled in and may open; None otherwise
    (another course, a locked week, a week without lessons, staff previewing)."""
    week = WeekPage.objects.live().filter(pk=week_id).first()
    if week is None:
        return None
    lessons = list(LessonPage.objects.live().child_of(week).order_by("path"))
    if not lessons:
        return None
    access = page_access_for(page=lessons[0], user=user, with_progress=False)
    if access.refusal or access.preview or access.enrolment is None:
        return None
    files = WeekFiles()
    for lesson in lessons:
        body = str(lesson.body)
        files.lessons.append((lesson.url, SHELL_BYTES + len(body.encode())))
        files.images.extend(images_in(body))
    return files
