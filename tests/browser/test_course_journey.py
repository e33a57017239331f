"""Taking a course on a phone: a staff member joins a class by its code, watches the tip video
only when they tap it, marks lessons done through a dropped connection and a double tap, and the
business owner sees how far they got."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PillowImage
from playwright.sync_api import expect
from wagtail.images.models import Image

from courses.models import Cohort, LessonCompletion
from tests.factories import PASSWORD, build_course, lessons_of

# The live server sees only committed data, and signing in needs the roles that data migrations
# create; serialized_rollback restores them for every test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PROFILE = "/akun/profil/"
DASHBOARD = "/belajar/"
COHORT_JOIN = "/belajar/kelas/gabung/"

VIDEO_HOST = "www.youtube-nocookie.com"
VIDEO_EMBED = "https://www.youtube-nocookie.com/embed/abcdefghijk"


def thumbnail():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (640, 360), "#0b5e55").save(buffer, "PNG")
    return Image.objects.create(
        title="Tips foto", file=SimpleUploadedFile("tips-foto.png", buffer.getvalue())
    )


def lesson_body_with_video():
    return [
        {"type": "text", "value": "<p>Foto produk yang terang membuat pembeli percaya.</p>"},
        {
            "type": "video",
            "value": {
                "title": "Tips foto",
                "url": "https://www.youtube.com/watch?v=abcdefghijk",
                "file": None,
                "thumbnail": thumbnail().pk,
                "duration_seconds": 150,
                "transcript": "<p>Pakai cahaya dari jendela, bukan lampu kilat.</p>",
            },
        },
    ]


@pytest.fixture
def course():
    """Four weeks of two lessons; the first lesson has a tip video, the others text only."""
    course = build_course(weeks=4, lessons_per_week=2, slug="pemasaran")
    first = lessons_of(course)[0]
    first.body = lesson_body_with_video()
    first.save_revision().publish()
    return course


@pytest.fixture
def cohort(course, mentor):
    return Cohort.objects.create(
        name="Kelas Pemasaran Juli",
        course=course,
        start_date=timezone.localdate(),
        mentor=mentor,
    )


def completions_of(user):
    return LessonCompletion.objects.filter(learner=user)


def test_member_takes_the_course_and_the_owner_sees_their_progress(
    browsing, owner, member, course, cohort
):
    page = browsing.page
    lessons = lessons_of(course)
    assert len(lessons) == 8

    # Joko signs in, joins the class with its code and lands on the course page.
    browsing.sign_in(member.phone, PASSWORD)
    browsing.visit(COHORT_JOIN)
    page.get_by_label("Kode kelas", exact=True).fill(cohort.join_code.lower())
    browsing.submit(page.get_by_role("button", name="Gabung ke kelas"))
    expect(page).to_have_url(browsing.url(course.url))
    expect(page.locator(".messages")).to_contain_text(
        "Anda sudah bergabung ke Kelas Pemasaran Juli"
    )
    expect(page.locator(".progress__label")).to_have_text("0 dari 8 pelajaran selesai (0%)")
    expect(page.get_by_role("link", name="Mulai: Pelajaran 1.1")).to_be_visible()

    # He opens week 1's first lesson from the week list.
    week_1 = page.locator(".week").filter(has=page.get_by_role("heading", name="Minggu 1:"))
    browsing.follow(week_1.get_by_role("link", name="Pelajaran 1.1"))
    expect(page).to_have_url(browsing.url(lessons[0].url))
    expect(page.get_by_role("heading", level=1)).to_have_text("Pelajaran 1.1")

    # The video is only a thumbnail served by the site: no player, and (as browsing has checked
    # on every page so far) no request to YouTube or anywhere else off the site.
    facade = page.get_by_role("link", name="Putar video “Tips foto”")
    expect(facade).to_have_attribute("data-embed", re.compile(f"^{re.escape(VIDEO_EMBED)}"))
    thumb = facade.locator("img")
    expect(thumb).to_have_attribute("src", re.compile(r"^/media/images/"))
    thumb.scroll_into_view_if_needed()
    assert thumb.evaluate("img => img.decode().then(() => img.naturalWidth)") == 640
    expect(page.locator("iframe")).to_have_count(0)

    # Tapping it is the one deliberate request off the site; it is aborted, so the test never
    # reaches YouTube, but the player's frame is in place with the privacy-enhanced address.
    with browsing.leaving_for(VIDEO_HOST) as video_requests:
        with page.expect_request(lambda request: VIDEO_HOST in request.url):
            facade.tap()
        player = page.locator("iframe.video__frame")
        expect(player).to_have_count(1)
        expect(player).to_have_attribute("src", re.compile(f"^{re.escape(VIDEO_EMBED)}"))
        expect(player).to_have_attribute("title", "Tips foto")
        browsing.check()  # axe with the player in place; every other host is still refused
    assert video_requests
    assert all(url.startswith(VIDEO_EMBED) for url in video_requests), video_requests

    # He marks two lessons done; each press opens the next lesson.
    browsing.submit(page.get_by_role("button", name="Tandai selesai dan lanjut"))
    expect(page).to_have_url(browsing.url(lessons[1].url))
    browsing.submit(page.get_by_role("button", name="Tandai selesai dan lanjut"))
    expect(page).to_have_url(browsing.url(lessons[2].url))
    expect(page.get_by_role("heading", level=1)).to_have_text("Pelajaran 2.1")

    # The connection drops: the course page opens from the copy the phone kept at his last
    # visit, before these two lessons (the service worker).
    page.context.set_offline(True)
    page.goto(browsing.url(course.url))
    expect(page.get_by_role("heading", level=1)).to_have_text(course.title)
    expect(page.locator(".progress__label")).not_to_have_text("2 dari 8 pelajaran selesai (25%)")

    # Back online, he reloads: the course page shows both lessons done and continues with week 2.
    page.context.set_offline(False)
    page.reload()
    browsing.check()
    expect(page).to_have_url(browsing.url(course.url))
    expect(page.locator(".progress__label")).to_have_text("2 dari 8 pelajaran selesai (25%)")
    expect(page.locator(".card progress")).to_have_attribute("value", "25")
    resume = page.get_by_role("link", name="Lanjutkan: Pelajaran 2.1")
    expect(resume).to_have_attribute("href", lessons[2].url)
    assert sorted(completions_of(member).values_list("lesson_id", flat=True)) == [
        lessons[0].pk,
        lessons[1].pk,
    ]

    # On the third lesson he taps the button, and the same form arrives a second time (a double
    # tap or a retry on a flaky connection): the lesson is recorded once.
    browsing.follow(resume)
    expect(page).to_have_url(browsing.url(lessons[2].url))
    form = page.locator(".lesson-end form")
    action = browsing.url(form.get_attribute("action"))
    fields = {
        name: form.locator(f"input[name={name}]").get_attribute("value")
        for name in ("csrfmiddlewaretoken", "next")
    }
    browsing.submit(form.get_by_role("button", name="Tandai selesai dan lanjut"))
    expect(page).to_have_url(browsing.url(lessons[3].url))
    again = page.request.post(action, form=fields, max_redirects=0)
    assert again.status == 302
    assert again.headers["location"] == lessons[3].url
    assert completions_of(member).filter(lesson=lessons[2]).count() == 1
    assert completions_of(member).count() == 3

    # He signs out; Sumarni, the owner, sees his progress in her business's section.
    browsing.sign_out()
    browsing.sign_in(owner.phone, PASSWORD)
    browsing.visit(DASHBOARD)
    expect(page.get_by_role("heading", name="Kemajuan Batik Sumarni")).to_be_visible()
    members = page.locator(".member-progress .member")
    expect(members).to_have_count(1)
    expect(members.first).to_have_text(re.compile(r"^Joko\s+3/8 \(37%\)$"))
