"""Reading without a signal, at 360x640: a lesson once opened, a whole saved week, the offline
page; and on a shared phone, the next learner never sees the saved pages of the one before.

Media files are served here by the test URLconf below (the live server serves static files only).
"""

import io
import re

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import re_path
from django.utils import translation
from django.utils.translation import gettext
from django.views.static import serve
from PIL import Image as PillowImage
from playwright.sync_api import expect
from wagtail.images import get_image_model

from courses.services import enrolment_start
from lms.urls import urlpatterns as site_urls
from tests.factories import PASSWORD, build_course, lessons_of

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urls,
]


def t(text, **values):
    """``text`` as the Indonesian page shows it, with ``values`` filled in."""
    with translation.override("id"):
        shown = gettext(text)
    for name, value in values.items():
        shown = shown.replace("{" + name + "}", value)
    return shown


SAVE = "Save this week"
HEADING = "Saved on this phone"
SAVED = "Saved: you can read this week without a signal."
WEEK_BUDGET = 300 * 1024  # a saved three-lesson week without video

CONTROLLED = "() => navigator.serviceWorker.controller !== null"
ACTIVE = "() => navigator.serviceWorker.getRegistration().then((r) => Boolean(r && r.active))"
SAVED_URLS = """(learner) => caches.open("pintar-pages-" + learner).then(
    (cache) => cache.keys()).then((keys) => keys.map((request) => request.url))"""
SAVED_BYTES = """(learner) => caches.open("pintar-pages-" + learner).then(async (cache) => {
    let total = 0;
    for (const request of await cache.keys()) {
        total += (await (await cache.match(request)).blob()).size;
    }
    return total;
})"""
LOAD_MS = "() => performance.getEntriesByType('navigation')[0].loadEventEnd"
CACHE_NAMES = "() => caches.keys()"
# An action queued offline, as the outbox keeps it (IndexedDB "pintar-outbox"): a store of our own
# with one record stands for it, whatever the outbox's own layout.
QUEUE_PROBE = """() => new Promise((resolve, reject) => {
    const open = indexedDB.open("pintar-outbox", 1000);
    open.onupgradeneeded = () => open.result.createObjectStore("probe").put("Sumarni", "who");
    open.onsuccess = () => { open.result.close(); resolve(true); };
    open.onerror = () => reject(open.error);
})"""
PROBE_LEFT = """() => indexedDB.databases().then((all) => {
    if (!all.some((db) => db.name === "pintar-outbox")) return false;
    return new Promise((resolve) => {
        const open = indexedDB.open("pintar-outbox");
        open.onsuccess = () => {
            const left = open.result.objectStoreNames.contains("probe");
            open.result.close();
            resolve(left);
        };
        open.onerror = () => resolve(false);
    });
})"""
IMAGE_SHOWN = """() => { const img = document.querySelector(".figure img");
    img.scrollIntoView(); return img.complete && img.naturalWidth > 0; }"""


@pytest.fixture(autouse=True)
def media_served(settings):
    settings.ROOT_URLCONF = __name__


def a_photo():
    buffer = io.BytesIO()
    PillowImage.effect_noise((900, 600), 30).convert("RGB").save(buffer, "JPEG", quality=75)
    return get_image_model().objects.create(
        title="Etalase", file=SimpleUploadedFile("etalase.jpg", buffer.getvalue())
    )


@pytest.fixture
def week(owner, member):
    """A course of one week of three lessons (the first with a photo), both learners in it."""
    course = build_course(weeks=1, lessons_per_week=3, slug="jualan-daring")
    first = lessons_of(course)[0]
    photo = {"image": {"image": a_photo().pk, "decorative": False, "alt_text": "Etalase toko"}}
    first.body = [*first.body.raw_data, {"type": "image", "value": photo}]
    first.save_revision().publish()
    for learner in (owner, member):
        enrolment_start(learner=learner, course=course)
    return course


def offline(browsing, on=True):
    browsing.page.context.set_offline(on)


def wait_until_saved(browsing, learner, url):
    browsing.page.wait_for_function(
        "([learner, url]) => caches.open('pintar-pages-' + learner).then("
        "(cache) => cache.match(url)).then(Boolean)",
        arg=[str(learner.pk), browsing.url(url)],
    )


def open_with_worker(browsing, url):
    """Open a page, and again once the service worker is active (the first visit installs it;
    a page whose navigation began before it activated may stay uncontrolled), so that the
    worker sees the page."""
    browsing.visit(url)
    browsing.page.wait_for_function(ACTIVE, timeout=30_000)  # installing may be slow
    browsing.visit(url)
    browsing.page.wait_for_function(CONTROLLED)


def test_lessons_read_offline_once_opened_or_saved_with_their_week(browsing, owner, week, tmp_path):
    page = browsing.page
    refused = []  # what Chromium refuses under the Content-Security-Policy
    page.on("console", lambda m: "Content Security Policy" in m.text and refused.append(m.text))
    first, second, third = lessons_of(week)
    browsing.sign_in(owner.phone, PASSWORD)

    # A lesson once opened reads offline after a reload, with its photo.
    open_with_worker(browsing, first.url)
    wait_until_saved(browsing, owner, first.url)
    page.wait_for_function(IMAGE_SHOWN)
    offline(browsing)
    page.reload()
    browsing.check()
    expect(page.get_by_role("heading", level=1)).to_have_text(first.title)
    page.wait_for_function(IMAGE_SHOWN)
    loaded = page.evaluate(LOAD_MS)
    print(f"\nsaved lesson reloaded offline: load event after {loaded:.0f} ms")
    offline(browsing, False)

    # "Save this week" tells the size first, then saves every lesson of the week.
    browsing.visit(week.url)
    save = page.get_by_role("button", name=t(SAVE))
    expect(save).to_be_visible()
    page.screenshot(path=str(tmp_path / "week-save.png"), full_page=True)
    save.click()
    status = page.locator(".save-week [role=status]")
    size = r"\d+ KB"
    confirm = t("Saving this week uses about {size} of your data. Save it?", size=size)
    expect(status).to_have_text(re.compile(confirm.replace("?", r"\?")))
    yes = t("Yes, save ({size})", size=size).replace("(", r"\(").replace(")", r"\)")
    page.get_by_role("button", name=re.compile(f"^{yes}$")).click()
    expect(status).to_contain_text(t(SAVED))
    page.screenshot(path=str(tmp_path / "week-saved.png"), full_page=True)
    saved = page.evaluate(SAVED_URLS, str(owner.pk))
    assert {browsing.url(lesson.url) for lesson in (first, second, third)} <= set(saved)
    week_bytes = page.evaluate(SAVED_BYTES, str(owner.pk))
    print(f"\nsaved week: {len(saved)} entries, {week_bytes} bytes (floor {WEEK_BUDGET})")
    assert week_bytes <= WEEK_BUDGET

    # Offline, another lesson of the week opens, never opened before.
    offline(browsing)
    browsing.visit(third.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(third.title)

    # A page not saved shows the offline page, which lists what is saved.
    browsing.visit("/sertifikat/")
    expect(page.get_by_role("heading", level=1)).to_have_text(t(HEADING))
    expect(page.locator("[data-not-saved]")).to_be_visible()
    listed = page.locator(".saved-pages a")
    expect(listed).to_have_count(4)  # the course page and its three lessons
    expect(listed.filter(has_text=third.title)).to_have_count(1)
    page.screenshot(path=str(tmp_path / "offline-page.png"), full_page=True)
    offline(browsing, False)
    assert refused == []


@pytest.mark.parametrize("leaves", ["signs out", "session ends"])
def test_the_next_learner_sees_none_of_the_pages_saved_before(
    browsing, owner, member, week, leaves
):
    page = browsing.page
    first, second, _third = lessons_of(week)
    browsing.sign_in(owner.phone, PASSWORD)
    open_with_worker(browsing, week.url)
    page.get_by_role("button", name=t(SAVE)).click()
    page.get_by_role(
        "button", name=re.compile("^" + re.escape(t("Yes, save ({size})").split("{size}")[0]))
    ).click()
    expect(page.locator(".save-week [role=status]")).to_contain_text(t(SAVED))
    assert page.evaluate(QUEUE_PROBE)

    if leaves == "signs out":
        browsing.sign_out()
    else:  # the session ended without signing out: the next sign-in page is signed out
        page.context.clear_cookies()
        browsing.visit("/")
    page.wait_for_function(
        "() => caches.keys().then((names) => !names.some((n) => n.startsWith('pintar-pages-')))"
    )

    browsing.sign_in(member.phone, PASSWORD)
    open_with_worker(browsing, first.url)
    wait_until_saved(browsing, member, first.url)
    names = page.evaluate(CACHE_NAMES)
    assert f"pintar-pages-{owner.pk}" not in names
    assert f"pintar-pages-{member.pk}" in names
    assert not page.evaluate(PROBE_LEFT), "the owner's queued actions were left for Joko"

    # Offline, the lesson the owner saved but Joko never opened is not shown to him.
    offline(browsing)
    browsing.visit(second.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(t(HEADING))
    listed = page.locator(".saved-pages a")
    expect(listed).to_have_count(1)
    expect(listed).to_have_text(first.title)
    offline(browsing, False)
