"""A course as a file: a mentor exports the financing course from the admin, fixes one lesson's
Markdown in the ZIP, uploads it, sees the preview name the changed lesson and confirms; Sumarni,
who had finished that lesson, reads the new text on her phone and still has it done."""

import io
import tempfile
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from courses.models import LessonCompletion, LessonPage
from courses.services import enrolment_start, lesson_mark_done
from tests.factories import PASSWORD, build_course

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DESK = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 640}
LESSON_FILE = "minggu-1/pelajaran-1.md"
NEW_TEXT = "Catat setiap cicilan pinjaman di buku kas pada hari yang sama."
SHOTS = Path(tempfile.gettempdir()) / "shots"  # the preview's screenshot, for a person to look at


def sign_in_to_admin(browsing, email: str) -> None:
    page = browsing.page
    page.context.clear_cookies()
    browsing.visit("/admin/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    browsing.submit(page.get_by_role("button", name="Masuk"))


def edit_lesson(data: bytes) -> bytes:
    """The package with one lesson's text rewritten, as a mentor would in a text editor."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == LESSON_FILE:
                assert b"Isi pelajaran." in content
                content = content.replace(b"Isi pelajaran.", NEW_TEXT.encode())
            target.writestr(info, content)
    return buffer.getvalue()


def test_mentor_updates_a_lesson_through_a_package_and_the_learner_keeps_progress(
    browsing, mentor, owner, tmp_path, settings
):
    settings.COURSE_PACKAGE_UPLOAD_DIR = str(tmp_path)
    course = build_course(weeks=1, lessons_per_week=2, slug="pembiayaan-umkm")
    lesson = LessonPage.objects.get(slug="pelajaran-1-1")
    enrolment_start(learner=owner, course=course)
    lesson_mark_done(learner=owner, lesson=lesson)
    page = browsing.page

    # The mentor, at a desk: export from the course's menu.
    page.set_viewport_size(DESK)
    sign_in_to_admin(browsing, mentor.email)
    browsing.visit(f"/admin/pages/{course.pk}/edit/")
    page.locator("#w-slim-header-buttons [data-w-dropdown-target='toggle']").click()
    with page.expect_download() as downloading:
        page.locator(f"a[href='/admin/kursus/{course.pk}/ekspor/']").click()
    download = downloading.value
    assert download.suggested_filename == "pembiayaan-umkm.zip"
    edited = tmp_path / "pembiayaan-umkm.zip"
    edited.write_bytes(edit_lesson(Path(download.path()).read_bytes()))

    # ... edits the lesson, uploads the package and reads the preview.
    browsing.visit("/admin/kursus/impor/")
    page.locator("input[name='package']").set_input_files(str(edited))
    browsing.submit(page.locator("main form button[type='submit']"))
    changed = page.locator("#package-change")
    expect(changed.locator("tr.package-change")).to_have_count(1)
    expect(changed).to_contain_text("Pelajaran 1.1")
    expect(changed).to_contain_text(LESSON_FILE)
    expect(page.locator("#package-create")).to_have_count(0)
    expect(page.locator("#package-remove")).to_have_count(0)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "pkg_preview.png"), full_page=True)
    diff = page.locator(f"#package-diff li[data-path='{LESSON_FILE}']")
    expect(diff.locator(".package-diff__line--added")).not_to_be_visible()
    diff.locator("summary").click()
    expect(diff.locator(".package-diff__line--removed")).to_contain_text("-Isi pelajaran.")
    expect(diff.locator(".package-diff__line--added")).to_have_text(f"+{NEW_TEXT}")
    page.screenshot(path=str(SHOTS / "pkg_diff.png"), full_page=True)

    # ... and confirms: back on the course in the admin.
    browsing.submit(page.locator("main form button[type='submit']:not([name='discard'])"))
    expect(page).to_have_url(browsing.url(f"/admin/pages/{course.pk}/edit/"))
    expect(page.locator(".messages .success")).to_contain_text("Kursus pembiayaan-umkm")

    # Sumarni, on her phone, reads the new text and still has the lesson done.
    page.set_viewport_size(PHONE)
    page.context.clear_cookies()
    browsing.sign_in(owner.phone, PASSWORD)
    browsing.visit(LessonPage.objects.get(pk=lesson.pk).url)
    expect(page.locator("main")).to_contain_text(NEW_TEXT)
    expect(page.locator(".done-note")).to_be_visible()
    expect(page.locator(".progress__label")).to_have_text("1 dari 2 pelajaran selesai (50%)")
    assert LessonCompletion.objects.filter(learner=owner, lesson_id=lesson.pk).count() == 1
