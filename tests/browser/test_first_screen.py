"""The first screen of a 360x640 phone (issue 17 items 8 and 9): the course page's next step above
the cover, a one-line signed-in header, a progress bar readable at arm's length, a video's play
button clear of the thumbnail's own title, and "Keluarkan" that asks first. Each page is
screenshotted into /tmp/shots/ to be looked at."""

from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.images import ImageFile
from playwright.sync_api import expect
from wagtail.images.models import Image

from courses.models import LessonPage
from lms.models import Membership
from mentoring.selectors import unread_key
from tests.factories import PASSWORD, build_course, lessons_of

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DEMO_MEDIA = (
    Path(__file__).resolve().parents[2]
    / "courses"
    / "demo_packages"
    / "pemasaran-digital"
    / "media"
)
SHOTS = Path("/tmp/shots")  # noqa: S108 - screenshots for a person to look at
SCREEN_HEIGHT = 640
TAP = 44  # px, the smallest tap target
# Where the demo thumbnail "Kenapa jualan online?" carries its own text, as fractions of the
# image: "VIDEO TIPS" and the two-line title, in its left two thirds.
THUMBNAIL_TEXT = (0.06, 0.10, 0.66, 0.88)  # left, top, right, bottom


def demo_image(filename: str) -> Image:
    with (DEMO_MEDIA / filename).open("rb") as handle:
        return Image.objects.create(title=filename, file=ImageFile(handle, name=filename))


def watch_policy(page) -> list[str]:
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return refused


def shot(page, name: str, **options) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name), **options)


@pytest.fixture
def course():
    """A course as a mentor makes one: a cover photo and a summary of a few lines; the first
    lesson has a video whose thumbnail carries its own title."""
    course = build_course(weeks=2, lessons_per_week=2, slug="jualan-online")
    course.title = "Pemasaran Digital untuk UMKM"
    course.cover_image = demo_image("cover-pemasaran-digital.jpg")
    course.summary = (
        "Belajar memasarkan produk lewat WhatsApp Business, Instagram dan marketplace: foto "
        "produk yang menarik, tulisan yang menjual, dan cara melayani pembeli dari jauh."
    )
    course.save_revision().publish()
    first = lessons_of(course)[0]
    first.body = [
        {"type": "text", "value": "<p>Pembeli sekarang mencari di ponsel.</p>"},
        {
            "type": "video",
            "value": {
                "title": "Kenapa jualan online?",
                "url": "https://www.youtube.com/watch?v=abcdefghijk",
                "file": None,
                "thumbnail": demo_image("video-alasan-jualan-online.jpg").pk,
                "duration_seconds": 180,
                "transcript": "<p>Pembeli mencari produk di ponsel.</p>",
            },
        },
    ]
    first.save_revision().publish()
    return course


def box(locator) -> dict:
    locator.scroll_into_view_if_needed()
    return locator.evaluate(
        "node => { const r = node.getBoundingClientRect();"
        " return {x: r.x, y: r.y + window.scrollY, width: r.width, height: r.height}; }"
    )


def overlaps(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def test_the_course_page_puts_the_next_step_above_the_cover(browsing, owner, course):
    page = browsing.page
    refused = watch_policy(page)
    browsing.sign_in(owner.phone, PASSWORD)

    # Not enrolled yet: starting is on the first screen.
    browsing.visit(course.url)
    start = page.get_by_role("button", name="Mulai kursus")
    assert page.evaluate("window.scrollY") == 0
    top = start.bounding_box()
    assert top["y"] + top["height"] <= SCREEN_HEIGHT
    browsing.submit(start)

    # Enrolled: "Mulai: <first lesson>" and the progress bar, above the cover and the summary.
    page.evaluate("window.scrollTo(0, 0)")
    begin = page.get_by_role("link", name="Mulai: Pelajaran 1.1")
    action = begin.bounding_box()
    assert action["y"] >= 0
    assert action["y"] + action["height"] <= SCREEN_HEIGHT
    assert action["height"] >= TAP
    cover = page.locator("img.cover")
    assert action["y"] + action["height"] <= cover.bounding_box()["y"]
    assert action["y"] < page.locator(".lead").bounding_box()["y"]

    # The progress bar is thick enough to read at arm's length, its percent written beside it.
    bar = page.locator(".progress progress")
    assert bar.bounding_box()["height"] >= 12
    expect(page.locator(".progress__label")).to_have_text("0 dari 4 pelajaran selesai (0%)")
    expect(page.locator(".progress__label")).to_be_visible()
    shot(page, "course-page.png")
    assert refused == []  # the inlined critical CSS is allowed by its hash


def test_the_signed_in_header_is_one_line_at_360_px(browsing, owner, course):
    page = browsing.page
    browsing.sign_in(owner.phone, PASSWORD)
    cache.set(unread_key(owner.pk), 12)  # the widest header: a two-digit unread badge
    browsing.visit(course.url)

    header = page.locator(".site-header")
    expect(header.locator(".count-badge")).to_have_text("12")
    links = header.get_by_role("link")
    expect(links).to_have_count(4)  # brand, Kursus saya, Sertifikat, Profil
    shot(page, "header.png", clip={"x": 0, "y": 0, "width": 360, "height": 120})
    boxes = [links.nth(n).bounding_box() for n in range(4)]
    height = header.bounding_box()["height"]
    assert height < 2 * TAP, f"header is {height} px tall: more than one line"
    for link_box in boxes:
        assert link_box["height"] >= TAP
        assert link_box["width"] >= TAP
        assert abs(link_box["y"] - boxes[0]["y"]) <= 2  # one row
        assert link_box["x"] + link_box["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    font = page.get_by_role("link", name="Kursus saya").evaluate(
        "node => parseFloat(getComputedStyle(node).fontSize)"
    )
    assert font >= 15  # still readable
    expect(page.get_by_role("link", name="Pintar UMKM")).to_be_visible()  # named by its mark
    # The language switch waits in the footer, with the language's name written out.
    expect(page.locator(".site-footer").get_by_role("link", name="English")).to_have_attribute(
        "hreflang", "en"
    )

    # Signed out there is room for the brand's name.
    page.context.clear_cookies()
    browsing.visit(course.url)
    expect(page.locator(".brand__name")).to_be_visible()
    assert page.locator(".site-header").bounding_box()["height"] < 2 * TAP


def test_the_play_button_leaves_the_thumbnail_s_title_alone(browsing, owner, course):
    page = browsing.page
    refused = watch_policy(page)
    browsing.sign_in(owner.phone, PASSWORD)
    browsing.visit(course.url)
    browsing.submit(page.get_by_role("button", name="Mulai kursus"))
    lesson = LessonPage.objects.get(pk=lessons_of(course)[0].pk)
    browsing.visit(lesson.url)

    facade = page.get_by_role("link", name="Putar video “Kenapa jualan online?”")
    thumb = facade.locator("img")
    thumb.scroll_into_view_if_needed()
    assert thumb.evaluate("img => img.decode().then(() => img.naturalWidth)") == 640
    image, play = box(thumb), box(facade.locator(".video__play"))
    left, top, right, bottom = THUMBNAIL_TEXT
    text = {
        "x": image["x"] + left * image["width"],
        "y": image["y"] + top * image["height"],
        "width": (right - left) * image["width"],
        "height": (bottom - top) * image["height"],
    }
    assert not overlaps(play, text)
    assert not overlaps(play, image)  # under the picture, not on it
    assert play["height"] >= TAP
    facade.scroll_into_view_if_needed()
    shot(page, "lesson-video.png")
    assert refused == []


def test_removing_a_member_asks_first_and_sits_away_from_sign_out(browsing, owner, member):
    page = browsing.page
    browsing.sign_in(owner.phone, PASSWORD)

    joko = page.locator(".member").filter(has_text="Joko")
    remove = joko.locator("summary")
    expect(remove).to_have_accessible_name("Keluarkan Joko")
    confirm = joko.locator("form button[type=submit]")
    expect(confirm).to_be_hidden()

    # "Keluar" (sign out) is nowhere near: above the business card, not under its members.
    sign_out = page.get_by_role("button", name="Keluar", exact=True)
    gap = box(remove)["y"] - (box(sign_out)["y"] + box(sign_out)["height"])
    assert gap > 3 * TAP
    expect(page.locator(".card").filter(has=sign_out)).to_have_count(0)

    # The first tap only asks; nothing is removed.
    remove.click()
    expect(confirm).to_be_visible()
    expect(joko.locator(".member-remove__ask")).to_contain_text("Joko")
    browsing.check()
    assert Membership.objects.filter(user=member).exists()
    confirm.scroll_into_view_if_needed()
    shot(page, "members-confirm.png")

    # Changing one's mind closes the question.
    joko.locator("summary").click()
    expect(confirm).to_be_hidden()
    assert Membership.objects.filter(user=member).exists()

    # The second tap, on the question's own button, removes.
    joko.locator("summary").click()
    browsing.submit(confirm)
    expect(page.locator(".member").filter(has_text="Joko")).to_have_count(0)
    assert not Membership.objects.filter(user=member).exists()
