"""A saved page on a slow connection, at 360x640: the saved copy answers at once, an updated
page is offered as soon as the network brings it, and a learner never sees a copy older than
their own last action (templates/pwa/sw.js, patience()).

The page and the service worker are both slowed to issue 17's slow 3G through Chrome's network
emulation, as bench/first_paint.py does, so the network's answer comes after the worker's short
wait.
"""

import pytest
from playwright.sync_api import expect

from bench.first_paint import emulate_in_workers, service_worker_sessions, slow_3g
from courses.services import enrolment_start
from tests.browser.test_offline_reading import SAVED_URLS, open_with_worker, t, wait_until_saved
from tests.factories import PASSWORD, build_course, lessons_of

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

UPDATED = "This page has been updated."
# When the learner's saved copy of a page was asked for (the worker's "kept" header), 0 if none.
KEPT_AT = """(url) => caches.open("pintar-pages-" + document.body.dataset.learner).then(
    (cache) => cache.match(url)).then(
    (hit) => hit ? Number(hit.headers.get("X-Pintar-Kept")) : 0)"""


@pytest.fixture
def course(owner):
    course = build_course(weeks=1, lessons_per_week=2, slug="jualan-lambat")
    enrolment_start(learner=owner, course=course)
    return course


@pytest.fixture
def slow_network(browsing):
    """Slows the page and the service workers running at the first call to slow 3G (or takes
    them offline); the worker sessions are let go at the end."""
    page = browsing.page
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    held = []

    def slow(offline=False):
        if not held:
            held.append(service_worker_sessions(page.context.browser))
            assert held[0][1], "no service worker to slow down"
        cdp.send("Network.emulateNetworkConditions", slow_3g(offline))
        emulate_in_workers(held[0], "Network.emulateNetworkConditions", slow_3g(offline))
        page.context.set_offline(offline)

    yield slow
    page.context.set_offline(False)
    for workers in held:
        workers[0].detach()
    cdp.detach()


def notice(page):
    return page.get_by_role("status").filter(has_text=t(UPDATED))


def test_a_saved_lesson_answers_at_once_and_offers_its_update_when_the_network_brings_it(
    browsing, owner, course, slow_network, tmp_path
):
    page = browsing.page
    lesson = lessons_of(course)[0]
    browsing.sign_in(owner.phone, PASSWORD)
    open_with_worker(browsing, lesson.url)
    wait_until_saved(browsing, owner, lesson.url)
    expect(page.get_by_text("Isi pelajaran.")).to_be_visible()

    lesson.body = [{"type": "text", "value": "<p>Isi pelajaran yang baru.</p>"}]
    lesson.save_revision().publish()
    slow_network()
    kept = page.evaluate(KEPT_AT, browsing.url(lesson.url))

    browsing.visit(lesson.url)
    expect(page.get_by_text("Isi pelajaran.", exact=True)).to_be_visible()  # the saved copy
    expect(notice(page)).to_be_visible(timeout=15_000)
    assert page.evaluate(KEPT_AT, browsing.url(lesson.url)) > kept  # the update is saved
    browsing.check()
    page.screenshot(path=str(tmp_path / "page-updated.png"))

    browsing.follow(notice(page).get_by_role("link", name=t("Reload")))
    expect(page.get_by_text("Isi pelajaran yang baru.")).to_be_visible()
    # The network's copy of it comes later, the same but for its form tokens: no notice.
    reloaded = page.evaluate(KEPT_AT, browsing.url(lesson.url))
    page.wait_for_function(
        "([kept, url]) => (" + KEPT_AT + ")(url).then((now) => now > kept)",
        arg=[reloaded, browsing.url(lesson.url)],
        timeout=15_000,
    )
    page.wait_for_timeout(500)
    expect(notice(page)).to_have_count(0)


def test_after_marking_done_on_a_slow_network_the_saved_course_page_shows_it_done(
    browsing, owner, course, slow_network
):
    page = browsing.page
    first, second = lessons_of(course)
    browsing.sign_in(owner.phone, PASSWORD)
    open_with_worker(browsing, course.url)
    wait_until_saved(browsing, owner, course.url)
    assert page.locator(".lesson-item--done").count() == 0
    browsing.visit(first.url)
    slow_network()

    browsing.submit(page.get_by_role("button", name="Tandai selesai dan lanjut"))
    expect(page).to_have_url(browsing.url(second.url))
    browsing.visit(course.url)

    # As it loaded, never the copy saved before the action.
    assert page.locator(".lesson-item--done").count() == 1
    assert first.title in page.locator(".lesson-item--done").inner_text()
    expect(notice(page)).to_have_count(0)

    # The action is noted in the learner's cache, where the offline page's list never shows it.
    assert browsing.url("/sw.js?wrote") in page.evaluate(SAVED_URLS, str(owner.pk))
    slow_network(offline=True)
    browsing.visit("/sertifikat/")
    expect(page.locator(".saved-pages a")).to_have_count(3)  # the course page and its lessons
