"""The installable site: manifest, service worker, offline page and what "Save this week" keeps.

tests/browser/test_offline_reading.py checks that Chromium really reads offline with them.
"""

import io
import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from courses.services import enrolment_start
from offline import selectors, views
from tests.factories import build_course, lessons_of

pytestmark = pytest.mark.django_db

BUDGET = 12 * 1024  # service worker + manifest + registration script, uncompressed


def a_photo(title="Etalase"):
    buffer = io.BytesIO()
    PillowImage.effect_noise((900, 600), 40).convert("RGB").save(buffer, "JPEG", quality=80)
    return get_image_model().objects.create(
        title=title, file=SimpleUploadedFile(f"{title.lower()}.jpg", buffer.getvalue())
    )


def image_block(image):
    return {
        "type": "image",
        "value": {"image": {"image": image.pk, "decorative": False, "alt_text": "Foto"}},
    }


@pytest.fixture
def week_course():
    """One week of three lessons, the first with a photo; a second, empty-of-photos week."""
    course = build_course(weeks=2, lessons_per_week=3, slug="toko-daring")
    first = lessons_of(course)[0]
    first.body = [*first.body.raw_data, image_block(a_photo())]
    first.save_revision().publish()
    return course


def weeks_of(course):
    return [week.specific for week in course.get_children()]


def test_manifest_names_the_app_in_indonesian_with_icons_and_theme(client):
    response = client.get("/manifest.webmanifest")
    data = json.loads(response.content)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    assert data["name"] == "Pintar UMKM"
    assert len(data["short_name"]) <= 12
    assert data["lang"] == "id"
    assert data["start_url"] == reverse("courses:dashboard")
    assert data["scope"] == "/"
    assert data["display"] == "standalone"
    assert data["theme_color"] == views.THEME_COLOUR == "#0b5e55"
    assert data["background_color"] == "#ffffff"
    sizes = {(icon["sizes"], icon.get("purpose", "any")) for icon in data["icons"]}
    assert sizes == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    for icon in data["icons"]:
        path = finders.find(icon["src"].removeprefix("/static/"))
        with PillowImage.open(path) as png:
            assert f"{png.width}x{png.height}" == icon["sizes"]
            assert png.format == "PNG"


def test_every_page_links_the_manifest_and_the_offline_script(client):
    html = client.get(reverse("lms:sign_in")).content.decode()

    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert '<meta name="theme-color" content="#0b5e55">' in html
    assert re.search(r'<script src="/static/js/offline[^"]*\.js" defer></script>', html)


def test_service_worker_is_served_at_the_root_never_from_a_stale_copy(client):
    response = client.get("/sw.js")
    body = response.content.decode()

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert "no-cache" in response["Cache-Control"]
    assert response["ETag"]
    assert f'var STATIC = "pintar-static-{views._version()}";' in body
    assert '"offline":"/offline/"' in body
    assert "/static/css/main.css" in body
    assert 'event.tag === "pintar-outbox"' in body
    again = client.get("/sw.js", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_service_worker_imports_the_outbox_only_when_it_exists(client, monkeypatch):
    with_outbox = client.get("/sw.js").content.decode()
    assert 'importScripts("/static/js/outbox.js")' in with_outbox

    monkeypatch.setattr(views, "OUTBOX_SCRIPT", "js/no-such-outbox.js")
    without = client.get("/sw.js").content.decode()
    assert "importScripts" not in without


def test_service_worker_caches_only_the_course_tree(client, week_course):
    body = client.get("/sw.js").content.decode()
    settings = json.loads(re.search(r"var S = (\{.*\});", body).group(1))

    assert settings["tree"] == ["/kursus/", "/en/kursus/"]
    with translation.override("en"):
        assert views._course_tree_paths() == settings["tree"]
    assert settings["media"] == "/media/"
    assert not any(p.startswith(("/akun/", "/admin/")) for p in settings["tree"])


def test_worker_manifest_and_registration_script_together_stay_under_12_kb(client):
    worker = len(client.get("/sw.js").content)
    manifest = len(client.get("/manifest.webmanifest").content)
    with open(finders.find("js/offline.js"), "rb") as script:
        registration = len(script.read())
    total = worker + manifest + registration
    print(
        f"\nPWA bytes: sw.js {worker}, manifest {manifest}, offline.js {registration}: "
        f"{total} of {BUDGET}"
    )
    assert total <= BUDGET


def test_the_worker_is_sent_without_its_comments(client):
    body = client.get("/sw.js").content.decode()

    assert not re.search(r"^\s*//|\s// |/\*|\{#|\{%", body, re.MULTILINE)
    assert "var QUICK_MS = " in body


def test_signed_in_pages_carry_the_page_updated_notice_for_the_worker(client, owner):
    assert "data-page-updated" not in client.get(reverse("lms:sign_in")).content.decode()

    client.force_login(owner)
    html = client.get("/offline/").content.decode()

    assert html.count("<template data-page-updated>") == 1
    with translation.override("id"):
        assert gettext("This page has been updated.") in html
        assert f'<a href="">{gettext("Reload")}</a>' in html


def test_offline_page_is_indonesian_and_lists_what_the_phone_keeps(client, owner):
    client.force_login(owner)
    response = client.get("/offline/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    with translation.override("id"):
        assert gettext("Saved on this phone") in html
    assert "data-offline-list" in html
    assert f'data-learner="{owner.pk}"' in html


def test_week_files_list_the_lessons_and_their_images_with_sizes(client, owner, week_course):
    enrolment_start(learner=owner, course=week_course)
    client.force_login(owner)
    week = weeks_of(week_course)[0]

    response = client.get(reverse("offline:week", args=[week.pk]))
    data = response.json()

    assert response.status_code == 200
    assert [item["url"] for item in data["lessons"]] == [
        lesson.url for lesson in lessons_of(week_course)[:3]
    ]
    assert all(item["bytes"] > selectors.SHELL_BYTES for item in data["lessons"])
    [photo] = data["images"]
    assert sorted(c["width"] for c in photo) == [360, 720]
    Rendition = get_image_model().get_rendition_model()
    for candidate in photo:
        rendition = Rendition.objects.get(file=candidate["url"].removeprefix("/media/"))
        assert rendition.filter_spec.startswith("format-webp|width-")
        assert candidate["bytes"] == rendition.file.size > 0


def test_the_lesson_estimate_is_close_to_the_page_a_learner_gets(client, owner, week_course):
    enrolment_start(learner=owner, course=week_course)
    client.force_login(owner)
    week = weeks_of(week_course)[0]
    data = client.get(reverse("offline:week", args=[week.pk])).json()

    for item in data["lessons"]:
        real = len(client.get(item["url"]).content)
        print(f"\nlesson {item['url']}: estimate {item['bytes']} B, page {real} B")
        assert 0.5 * real <= item["bytes"] <= 1.5 * real


def test_week_files_in_english_name_the_english_lesson_pages(client, owner, week_course):
    enrolment_start(learner=owner, course=week_course)
    client.force_login(owner)
    week = weeks_of(week_course)[0]

    data = client.get("/en" + reverse("offline:week", args=[week.pk])).json()

    assert all(item["url"].startswith("/en/kursus/") for item in data["lessons"])


def test_week_files_are_only_for_learners_enrolled_in_the_course(
    client, owner, other_owner, week_course
):
    enrolment_start(learner=owner, course=week_course)
    week = weeks_of(week_course)[0]
    url = reverse("offline:week", args=[week.pk])

    client.force_login(other_owner)  # not enrolled
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to the sign-in page
    client.force_login(owner)
    assert client.get(reverse("offline:week", args=[999_999])).status_code == 404
    assert client.get("/offline/minggu/99999999999999999999.json").status_code == 404
    assert client.post(url).status_code == 405


def test_week_files_refuse_a_week_not_open_yet(client, owner):
    course = build_course(weeks=2, lessons_per_week=1, pacing="weekly", slug="mingguan")
    enrolment_start(learner=owner, course=course)
    client.force_login(owner)
    first, second = weeks_of(course)

    assert client.get(reverse("offline:week", args=[first.pk])).status_code == 200
    assert client.get(reverse("offline:week", args=[second.pk])).status_code == 404


def test_course_page_offers_save_this_week_to_enrolled_learners_only(client, owner, week_course):
    client.force_login(owner)
    assert "data-offline-week" not in client.get(week_course.url).content.decode()

    enrolment_start(learner=owner, course=week_course)
    html = client.get(week_course.url).content.decode()

    assert html.count("data-offline-week=") == 2
    with translation.override("id"):
        assert gettext("Save this week") in html
    assert html.count('id="offline-texts"') == 1
