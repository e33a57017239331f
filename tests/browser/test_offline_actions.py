"""Acting without a signal: "Mark as done" and a quiz sent offline are kept on the phone (the
outbox, static/js/outbox.js) and sent when the connection returns, once; another learner on the
same phone never sends what the one before left there.

These run without the service worker (blocked below), so they test the page on its own: it
sends the outbox on "online" and on the next page that loads it. With the service worker,
Background Sync sends it too, and its requests are beyond the reach of these tests' routes.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils.translation import gettext
from playwright.sync_api import expect

from courses import services
from courses.models import LessonCompletion, WeekPage
from quizzes.models import QuizAttempt, QuizPage, SurveyPage, SurveyResponse
from tests.browser.test_quiz_journey import RIGHT, answer
from tests.factories import PASSWORD, build_course, build_quiz, build_survey, lessons_of
from tests.lms.test_save_data import image_block, photo

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "service_workers": "block"}


# Every learner ("learner" holds a learner's id) still waiting in the outbox, oldest first; read
# straight from IndexedDB so that reading drops nothing.
OUTBOX = """() => indexedDB.databases().then((known) => {
    if (!known.some((db) => db.name === "pintar-outbox")) return [];
    return new Promise((resolve, reject) => {
        const request = indexedDB.open("pintar-outbox");
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
            const db = request.result;
            if (!db.objectStoreNames.contains("entries")) { db.close(); return resolve([]); }
            const all = db.transaction("entries").objectStore("entries").getAll();
            all.onsuccess = () => {
                db.close();
                resolve(all.result.map((entry) => entry.learner));
            };
        };
    });
})"""


FORM_BODY = """() => new URLSearchParams(
    new FormData(document.querySelector("form[data-outbox]"))
).toString()"""


def outbox(page) -> list[str]:
    return page.evaluate(OUTBOX)


def queued_text():
    return gettext("No signal: kept on this phone. It will be sent when you are online.")


def status(page, words):
    """A status box whose text starts with ``words``."""
    return page.get_by_role("status").filter(has_text=re.compile(r"^\s*" + re.escape(words)))


@pytest.fixture
def course(owner, member):
    """One week of two lessons and a quiz, and the survey; both learners enrolled."""
    course = build_course(weeks=1, lessons_per_week=2, slug="keuangan")
    build_quiz(WeekPage.objects.child_of(course).get(), attempts_allowed=3, pass_mark=70)
    build_survey(course)
    for learner in (owner, member):
        services.enrolment_start(learner=learner, course=course)
    return course


def done_pattern(url):
    return re.compile(re.escape(url) + "$")


def offline_abort(route):
    route.abort("internetdisconnected")


def posts_to(page, url) -> list[str]:
    """Records each POST the page makes to ``url`` (a path) from now on."""
    sent: list[str] = []
    page.on(
        "request",
        lambda request: (
            sent.append(request.url)
            if request.method == "POST" and urlsplit(request.url).path == url
            else None
        ),
    )
    return sent


def mark_done_offline(browsing, lesson):
    page = browsing.page
    browsing.visit(lesson.url)
    page.context.set_offline(True)
    page.get_by_role("button", name="Tandai selesai dan lanjut").click()
    expect(status(page, queued_text())).to_be_visible()
    expect(page).to_have_url(browsing.url(lesson.url))  # the page stays; nothing was lost
    expect(page.get_by_role("button", name="Tandai selesai dan lanjut")).to_be_hidden()
    assert len(outbox(page)) == 1


def test_marked_done_offline_is_recorded_once_when_back_online(browsing, owner, course):
    first, second = lessons_of(course)
    page = browsing.page
    browsing.sign_in(owner.phone, PASSWORD)

    mark_done_offline(browsing, first)
    assert not LessonCompletion.objects.exists()

    # The signal returns: the page sends it and says so.
    page.context.set_offline(False)
    expect(status(page, f"{gettext('Sent:')} {first.title}")).to_be_visible()
    browsing.wait_until(lambda: LessonCompletion.objects.exists(), what="the completion")
    assert outbox(page) == []
    assert list(LessonCompletion.objects.values_list("learner", "lesson")) == [(owner.pk, first.pk)]

    # The lesson shows as done, and nothing is sent twice.
    browsing.visit(first.url)
    expect(page.get_by_text("Anda sudah menyelesaikan pelajaran ini.")).to_be_visible()
    browsing.visit(second.url)
    assert LessonCompletion.objects.count() == 1


def test_what_was_kept_is_sent_from_the_next_page_opened(browsing, owner, course):
    first, second = lessons_of(course)
    page = browsing.page
    done_url = reverse("courses:lesson_done", args=[first.pk])
    browsing.sign_in(owner.phone, PASSWORD)
    mark_done_offline(browsing, first)

    # The phone says it is online but nothing gets through: the entry stays.
    page.route(done_pattern(done_url), offline_abort)
    with page.expect_event("requestfailed"):
        page.context.set_offline(False)
    assert len(outbox(page)) == 1
    page.unroute(done_pattern(done_url))

    # Later the learner opens the next lesson: it sends what waited and says so.
    browsing.visit(second.url)
    expect(status(page, f"{gettext('Sent:')} {first.title}")).to_be_visible()
    browsing.wait_until(lambda: LessonCompletion.objects.exists(), what="the completion")
    assert outbox(page) == []
    assert LessonCompletion.objects.get().lesson_id == first.pk


def test_quiz_submitted_offline_records_one_attempt_and_shows_its_result(browsing, owner, course):
    quiz = QuizPage.objects.descendant_of(course).get()
    page = browsing.page
    browsing.sign_in(owner.phone, PASSWORD)
    browsing.visit(quiz.url)
    answer(page, RIGHT)

    body = page.evaluate(FORM_BODY)  # what the form sends, to send it once more below
    page.context.set_offline(True)
    page.get_by_role("button", name="Kirim jawaban", exact=True).click()
    expect(status(page, queued_text())).to_be_visible()
    expect(page).to_have_url(browsing.url(quiz.url))
    assert not QuizAttempt.objects.exists()

    page.context.set_offline(False)
    sent = status(page, f"{gettext('Sent:')} {quiz.title}").first
    expect(sent).to_be_visible()
    attempt = browsing.wait_until(lambda: QuizAttempt.objects.first(), what="the attempt")
    assert (attempt.learner_id, attempt.score_percent, attempt.passed) == (owner.pk, 100, True)

    # Sent a second time (a flush cut short, say), it records nothing more: the form's token.
    again = page.evaluate(
        """(body) => PintarOutbox.add({url: body.url, body: body.body, learner: body.learner})
            .then(() => PintarOutbox.flush(body.learner))
            .then((results) => results.map((result) => [result.sent, result.url]))""",
        {
            "url": browsing.url(reverse("quizzes:submit", args=[quiz.pk])),
            "body": body,
            "learner": str(owner.pk),
        },
    )
    assert again == [[True, browsing.url(reverse("quizzes:attempt", args=[attempt.pk]))]]
    assert QuizAttempt.objects.count() == 1

    # The confirmation links to the result.
    browsing.follow(sent.get_by_role("link", name=gettext("See the result")))
    expect(page).to_have_url(browsing.url(reverse("quizzes:attempt", args=[attempt.pk])))
    expect(page.locator(".score")).to_have_text("Nilai Anda: 100%")


def test_sent_to_an_ended_session_it_is_kept_and_nothing_recorded(browsing, owner, course):
    """The session expired while the phone was offline: sending lands on the sign-in page, so
    the entry is neither recorded nor given up. (A signed-out page then keeps it for the same
    learner's next sign-in: static/js/offline.js; see the tests below.)"""
    first, _second = lessons_of(course)
    page = browsing.page
    browsing.sign_in(owner.phone, PASSWORD)
    mark_done_offline(browsing, first)
    page.context.clear_cookies(name="sessionid")  # the session expired; the phone kept the rest
    with page.expect_response(lambda response: "/akun/masuk/" in response.url):
        page.context.set_offline(False)
    page.wait_for_timeout(300)
    assert outbox(page) == [str(owner.pk)]
    assert not LessonCompletion.objects.exists()


def expire_session_after_marking_done_offline(browsing, learner, lesson):
    """``learner`` marks ``lesson`` done offline; the server forgets the session (it expired);
    back online, the page's attempt to send lands on the sign-in page and the entry stays. The
    next page is signed out: the entry is still kept, under the learner's id."""
    page = browsing.page
    browsing.sign_in(learner.phone, PASSWORD)
    mark_done_offline(browsing, lesson)
    Session.objects.all().delete()
    with page.expect_response(lambda response: "/akun/masuk/" in response.url):
        page.context.set_offline(False)
    browsing.visit(lesson.url)
    expect(page).to_have_url(re.compile(r"/akun/masuk/\?next="))
    assert page.evaluate("() => document.body.dataset.learner") == ""
    page.wait_for_timeout(300)  # offline.js has run on the signed-out page
    assert outbox(page) == [str(learner.pk)]
    assert not LessonCompletion.objects.exists()


def sign_in_here(browsing, learner):
    """Sign in on the sign-in page the browser shows; it leads back to the page asked for."""
    page = browsing.page
    page.get_by_label("Nomor HP atau email", exact=True).fill(learner.phone)
    page.get_by_label("Kata sandi", exact=True).fill(PASSWORD)
    browsing.submit(page.get_by_role("button", name="Masuk"))


def test_after_the_session_expired_the_same_learner_signing_in_sends_what_was_kept(
    browsing, owner, course
):
    first, _second = lessons_of(course)
    page = browsing.page
    expire_session_after_marking_done_offline(browsing, owner, first)

    sign_in_here(browsing, owner)
    expect(page).to_have_url(browsing.url(first.url))
    expect(status(page, f"{gettext('Sent:')} {first.title}")).to_be_visible()
    browsing.wait_until(lambda: LessonCompletion.objects.exists(), what="the completion")
    assert outbox(page) == []
    page.wait_for_timeout(300)
    assert list(LessonCompletion.objects.values_list("learner", "lesson")) == [(owner.pk, first.pk)]


def scripts_loaded(page, name) -> list[str]:
    """Records each request the page makes for the static script ``name`` from now on."""
    loaded: list[str] = []
    page.on(
        "request",
        lambda request: (
            loaded.append(request.url) if urlsplit(request.url).path.endswith(name) else None
        ),
    )
    return loaded


def test_after_the_session_expired_what_was_kept_is_sent_from_the_profile(browsing, owner, course):
    """Signing in from the sign-in page itself lands on the profile, which has no form to queue:
    it loads the outbox only because this learner's queue holds something, sends it there and
    says so; the lesson is never opened."""
    first, _second = lessons_of(course)
    page = browsing.page
    done_url = reverse("courses:lesson_done", args=[first.pk])
    expire_session_after_marking_done_offline(browsing, owner, first)

    sent = posts_to(page, done_url)
    outbox_js = scripts_loaded(page, "/outbox.js")
    browsing.sign_in(owner.phone, PASSWORD)
    expect(page).to_have_url(browsing.url(reverse("lms:profile")))
    expect(status(page, f"{gettext('Sent:')} {first.title}")).to_be_visible()
    browsing.wait_until(lambda: LessonCompletion.objects.exists(), what="the completion")
    assert outbox(page) == []
    page.wait_for_timeout(300)
    assert list(LessonCompletion.objects.values_list("learner", "lesson")) == [(owner.pk, first.pk)]
    assert len(sent) == 1
    assert len(outbox_js) == 1
    assert page.evaluate("() => localStorage.getItem('pintar-outbox-waiting')") is None

    # The queue is empty now: the next page neither loads the outbox nor sends anything again.
    browsing.visit(reverse("courses:dashboard"))
    page.wait_for_timeout(300)
    assert len(outbox_js) == 1
    assert len(sent) == 1
    assert LessonCompletion.objects.count() == 1


def test_a_page_with_an_empty_queue_does_not_load_the_outbox(browsing, owner, course):
    page = browsing.page
    requested = scripts_loaded(page, ".js")
    browsing.sign_in(owner.phone, PASSWORD)
    for path in (reverse("lms:profile"), reverse("courses:dashboard"), course.url):
        browsing.visit(path)
        # The scripts wait unloaded in the page, for a queue that holds something.
        assert page.locator("template[data-outbox-scripts]").count() == 1
        assert page.locator("script[src*='outbox']").count() == 0
    page.wait_for_timeout(300)
    names = {urlsplit(url).path.rsplit("/", 1)[-1].split(".")[0] for url in requested}
    assert "offline" in names
    assert not names & {"outbox", "outbox-forms"}
    assert outbox(page) == []

    # A lesson page has the outbox's own scripts instead: they load there, queue or not.
    browsing.visit(lessons_of(course)[0].url)
    page.wait_for_function("() => window.PintarOutbox !== undefined")
    assert page.locator("template[data-outbox-scripts]").count() == 0


def test_after_the_session_expired_another_learner_never_sends_what_was_kept(
    browsing, owner, member, course
):
    first, _second = lessons_of(course)
    page = browsing.page
    done_url = reverse("courses:lesson_done", args=[first.pk])
    expire_session_after_marking_done_offline(browsing, member, first)

    sent = posts_to(page, done_url)
    sign_in_here(browsing, owner)
    expect(page).to_have_url(browsing.url(first.url))
    browsing.wait_until(lambda: outbox(page) == [], what="Joko's entry to be dropped")
    page.wait_for_timeout(300)
    assert sent == []
    assert not LessonCompletion.objects.exists()
    expect(page.get_by_role("button", name="Tandai selesai dan lanjut")).to_be_visible()


def test_signing_out_clears_the_queue_where_clear_site_data_is_not_understood(
    browsing, member, course
):
    """Without the Clear-Site-Data header (a browser that ignores it), the sign-out's own cookie
    tells offline.js on the next page to forget what was queued, as the header would."""
    first, _second = lessons_of(course)
    page = browsing.page
    done_url = reverse("courses:lesson_done", args=[first.pk])
    browsing.sign_in(member.phone, PASSWORD)
    mark_done_offline(browsing, first)
    page.route(done_pattern(done_url), offline_abort)
    with page.expect_event("requestfailed"):
        page.context.set_offline(False)

    stripped = []

    def without_clear_site_data(route):
        response = route.fetch(max_redirects=0)
        headers = {
            name: value
            for name, value in response.headers.items()
            if name.lower() != "clear-site-data"
        }
        stripped.append(response.headers.get("clear-site-data"))
        route.fulfill(response=response, headers=headers)

    page.route(re.compile(re.escape(reverse("lms:sign_out")) + "$"), without_clear_site_data)
    browsing.sign_out()
    assert stripped == ['"cache", "storage"']
    browsing.wait_until(lambda: outbox(page) == [], what="the queue to be cleared")
    assert not [c for c in page.context.cookies() if c["name"] == "pintar-signed-out"]
    assert not LessonCompletion.objects.exists()


def test_after_a_sign_out_the_next_learner_never_sends_what_was_kept(
    browsing, owner, member, course
):
    first, _second = lessons_of(course)
    page = browsing.page
    done_url = reverse("courses:lesson_done", args=[first.pk])
    browsing.sign_in(member.phone, PASSWORD)
    mark_done_offline(browsing, first)
    page.route(done_pattern(done_url), offline_abort)
    with page.expect_event("requestfailed"):
        page.context.set_offline(False)

    browsing.sign_out()
    assert outbox(page) == []  # signing out cleared it
    page.unroute(done_pattern(done_url))

    sent = posts_to(page, done_url)
    browsing.sign_in(owner.phone, PASSWORD)
    browsing.visit(first.url)
    page.wait_for_timeout(500)
    assert sent == []
    assert not LessonCompletion.objects.exists()


def test_a_learner_never_sends_what_another_left_without_signing_out(
    browsing, owner, member, course
):
    """Joko's session ended some other way (expired, cookies cleared): his kept action is still
    on the phone. Sumarni's pages drop it unsent; it is never recorded, as hers or as his."""
    first, _second = lessons_of(course)
    page = browsing.page
    done_url = reverse("courses:lesson_done", args=[first.pk])
    browsing.sign_in(member.phone, PASSWORD)
    mark_done_offline(browsing, first)
    page.context.clear_cookies()
    page.route(done_pattern(done_url), offline_abort)
    with page.expect_event("requestfailed"):
        page.context.set_offline(False)
    assert outbox(page) == [str(member.pk)]
    page.unroute(done_pattern(done_url))

    sent = posts_to(page, done_url)
    browsing.sign_in(owner.phone, PASSWORD)
    browsing.visit(first.url)
    browsing.wait_until(lambda: outbox(page) == [], what="Joko's entry to be dropped")
    page.wait_for_timeout(300)
    assert sent == []
    assert not LessonCompletion.objects.exists()


def test_online_the_form_posts_as_before(browsing, owner, course):
    """With a signal the page checks the connection (a HEAD of the health check) and posts the
    form as it would without JavaScript: the redirect leads to the next lesson."""
    first, second = lessons_of(course)
    page = browsing.page
    done_url = reverse("courses:lesson_done", args=[first.pk])
    watched = {done_url, reverse("healthz")}
    checks = []
    page.on(
        "request",
        lambda request: (
            checks.append((request.method, urlsplit(request.url).path))
            if urlsplit(request.url).path in watched
            else None
        ),
    )
    browsing.sign_in(owner.phone, PASSWORD)
    browsing.visit(first.url)
    browsing.submit(page.get_by_role("button", name="Tandai selesai dan lanjut"))
    expect(page).to_have_url(browsing.url(second.url))
    assert checks == [("HEAD", reverse("healthz")), ("POST", done_url)]
    assert LessonCompletion.objects.get().lesson_id == first.pk
    assert outbox(page) == []


def test_survey_answered_offline_is_sent_with_the_thanks_the_server_gives(browsing, owner, course):
    survey = SurveyPage.objects.child_of(course).get()
    page = browsing.page
    browsing.sign_in(owner.phone, PASSWORD)
    browsing.visit(survey.url)
    for number in (1, 2, 3):
        page.get_by_role("group", name=f"{number}. Pernyataan {number}.").get_by_label(
            "4 · Setuju"
        ).check()
    page.get_by_role("group", name="4. Apa yang paling membantu?").get_by_label(
        "Jawaban Anda"
    ).fill("Cara menghitung bunga pinjaman.")

    page.context.set_offline(True)
    page.get_by_role("button", name="Kirim jawaban saya").click()
    expect(status(page, queued_text())).to_be_visible()
    page.context.set_offline(False)
    sent = status(page, f"{gettext('Sent:')} {survey.title}")
    expect(sent).to_contain_text("Terima kasih! Jawaban Anda membantu")
    response = browsing.wait_until(lambda: SurveyResponse.objects.first(), what="the answers")
    assert response.learner_id == owner.pk
    assert response.answers["o1"]["value"] == "Cara menghitung bunga pinjaman."
    assert SurveyResponse.objects.count() == 1


def test_with_the_data_saver_an_image_loads_only_when_tapped(browsing, owner):
    course = build_course(
        weeks=1, lessons_per_week=1, slug="foto", body=[image_block(photo(), "Buku kas warung")]
    )
    services.enrolment_start(learner=owner, course=course)
    [lesson] = lessons_of(course)
    page = browsing.page
    browsing.sign_in(owner.phone, PASSWORD)
    page.set_extra_http_headers({"Save-Data": "on"})
    images = []
    page.on(
        "request", lambda request: images.append(request.url) if "/media/" in request.url else None
    )

    browsing.visit(lesson.url)
    button = page.get_by_role("link", name=re.compile(r"\(\d+ KB\)$"))
    expect(button).to_be_visible()
    expect(page.get_by_role("img", name="Buku kas warung")).to_have_count(0)
    assert images == []

    button.click()
    image = page.get_by_role("img", name="Buku kas warung")
    expect(image).to_be_visible()
    expect(page).to_have_url(browsing.url(lesson.url))
    page.wait_for_function("() => document.querySelector('.figure img').complete")
    assert len(images) == 1
    assert images[0].endswith(".webp")
    browsing.check()


def test_the_outbox_script_runs_where_there_is_no_page(browsing, owner, course):
    """The service worker imports outbox.js: it must load in a worker, without a document."""
    browsing.sign_in(owner.phone, PASSWORD)
    browsing.visit(lessons_of(course)[0].url)
    script = browsing.page.evaluate(
        "() => document.querySelector('script[src*=\\'outbox.js\\']').src"
    )
    loaded = browsing.page.evaluate(
        """(src) => new Promise((resolve) => {
            const worker = new Worker(src);
            worker.onerror = (event) => resolve(String(event.message));
            setTimeout(() => { worker.terminate(); resolve("loaded"); }, 1000);
        })""",
        script,
    )
    assert loaded == "loaded"
