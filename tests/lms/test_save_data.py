"""Data saver: with ``Save-Data: on`` a lesson's images wait for a tap, their size in KB shown.

The page then varies on the header (``Vary: Save-Data``), its cached body is kept apart from the
ordinary one, and it costs no more queries than without the header.
"""

import io
import math
import re

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from courses.services import enrolment_start
from tests.factories import build_course, lessons_of

pytestmark = pytest.mark.django_db

SAVE_DATA = {"HTTP_SAVE_DATA": "on"}


def photo():
    """A noisy photo, so its renditions have sizes worth showing."""
    buffer = io.BytesIO()
    PillowImage.effect_noise((1200, 800), 60).convert("RGB").save(buffer, "JPEG", quality=90)
    return get_image_model().objects.create(
        title="Buku kas", file=SimpleUploadedFile("buku-kas.jpg", buffer.getvalue())
    )


def image_block(image, alt):
    return {
        "type": "image",
        "value": {
            "image": {"image": image.pk, "decorative": False, "alt_text": alt},
            "caption": "Catat setiap hari.",
        },
    }


@pytest.fixture
def lesson(owner, client):
    course = build_course(
        weeks=1,
        lessons_per_week=1,
        body=[
            {"type": "text", "value": "<p>Isi pelajaran.</p>"},
            image_block(photo(), "Buku kas warung"),
            image_block(photo(), "Nota belanja"),
        ],
    )
    enrolment_start(learner=owner, course=course)
    client.force_login(owner)
    return lessons_of(course)[0]


def small_renditions(html):
    """The (url, KB shown) of each image waiting for a tap."""
    label = re.escape(gettext("Show the image (%(size)s KB)")).replace("%\\(size\\)s", r"(\d+)")
    return re.findall(
        rf'<a class="image-wait[^"]*" href="([^"]+)" data-image-wait>{label}</a>', html
    )


def test_with_save_data_each_image_waits_behind_a_button_showing_its_size(client, lesson):
    response = client.get(lesson.url, **SAVE_DATA)
    html = response.content.decode()

    assert response.status_code == 200
    waiting = small_renditions(html)
    assert len(waiting) == 2
    Rendition = get_image_model().get_rendition_model()
    for url, shown_kb in waiting:
        rendition = Rendition.objects.get(file=url.removeprefix("/media/"))
        assert rendition.filter_spec == "format-webp|width-360"
        assert int(shown_kb) == math.ceil(rendition.file.size / 1024)
        assert int(shown_kb) > 1
    # Nothing on the page loads an image before the tap: the pictures sit in <template>s.
    outside_templates = re.sub(r"<template data-image>.*?</template>", "", html, flags=re.S)
    assert "<img" not in outside_templates
    assert html.count("<template data-image>") == 2
    assert 'alt="Buku kas warung"' in html
    assert 'alt="Nota belanja"' in html
    assert "Catat setiap hari." in html  # the caption stays


def test_without_save_data_images_load_as_before(client, lesson):
    html = client.get(lesson.url).content.decode()
    assert "data-image-wait" not in html
    assert html.count("<picture>") == 2
    assert 'loading="lazy"' in html


@pytest.mark.parametrize("header", [{}, SAVE_DATA, {"HTTP_SAVE_DATA": "off"}])
def test_the_lesson_page_varies_on_save_data(client, lesson, header):
    response = client.get(lesson.url, **header)
    assert "Save-Data" in response["Vary"]


def test_the_cached_lesson_body_is_kept_apart_for_each(client, lesson):
    """Warm the cache with one, then ask for the other: each gets its own body."""
    client.get(lesson.url, **SAVE_DATA)
    assert "data-image-wait" not in client.get(lesson.url).content.decode()
    assert "data-image-wait" in client.get(lesson.url, **SAVE_DATA).content.decode()
    assert "data-image-wait" in client.get(lesson.url, HTTP_SAVE_DATA=" ON ").content.decode()


@pytest.mark.parametrize("warm", [False, True], ids=["lesson body not cached", "cached"])
def test_save_data_costs_no_more_queries(client, lesson, warm):
    client.get(lesson.url)  # the renditions are made once, for both
    counts = {}
    for name, header in (("plain", {}), ("save-data", SAVE_DATA)):
        if warm:
            client.get(lesson.url, **header)
        else:
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(lesson.url, **header).status_code == 200
        counts[name] = len(queries)
    assert counts["save-data"] == counts["plain"]


def test_an_unreadable_rendition_file_shows_the_button_without_a_size(client, lesson):
    client.get(lesson.url, **SAVE_DATA)  # make the renditions
    for rendition in get_image_model().get_rendition_model().objects.all():
        rendition.file.storage.delete(rendition.file.name)
    cache.clear()
    response = client.get(lesson.url, **SAVE_DATA)
    assert response.status_code == 200
    assert response.content.decode().count(f">{gettext('Show the image')}</a>") == 2
