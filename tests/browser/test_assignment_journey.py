"""A practical assignment on a phone: Sumarni hands in a photo and her shop's Instagram link,
her mentor asks for a revision, she reads the feedback, hands in again, the mentor accepts, and
her certificate is issued because that was the last thing the course asked for."""

import io

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from certificates.models import Certificate
from courses.models import Cohort, LessonCompletion, WeekPage
from courses.services import enrolment_start
from mentoring.models import State, Submission
from tests.factories import PASSWORD, build_assignment, build_course, lessons_of

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FEEDBACK = "Bagus! Tambahkan alamat toko di profil Instagram, lalu kirim lagi."


def camera_photo(path) -> str:
    """A phone-camera-sized JPEG (3000x2000)."""
    image = Image.linear_gradient("L").resize((3000, 2000)).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    path.write_bytes(buffer.getvalue())
    return str(path)


def sign_in_to_admin(browsing, email: str) -> None:
    page = browsing.page
    page.context.clear_cookies()
    browsing.visit("/admin/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    browsing.submit(page.get_by_role("button", name="Masuk"))


def review(browsing, learner_name: str, *, accept: bool) -> None:
    page = browsing.page
    browsing.visit("/admin/tugas/")
    browsing.follow(page.get_by_role("link", name=learner_name))
    if accept:
        for box in page.get_by_role("checkbox").all():
            box.check()
        browsing.submit(page.get_by_role("button", name="Terima"))
    else:
        page.get_by_label("Masukan untuk peserta").fill(FEEDBACK)
        browsing.submit(page.get_by_role("button", name="Minta revisi"))


def test_hand_in_revise_and_accept_issues_the_certificate(
    browsing, owner, mentor, tmp_path, settings
):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    course = build_course(weeks=1, lessons_per_week=1, slug="pemasaran")
    week = WeekPage.objects.child_of(course).get()
    assignment = build_assignment(
        week, accepts_photos=True, max_photos=2, title="Buka akun bisnis Instagram"
    )
    cohort = Cohort.objects.create(
        name="Kelas Rina", course=course, start_date=timezone.localdate(), mentor=mentor
    )
    enrolment_start(learner=owner, course=course, cohort=cohort)
    lesson = lessons_of(course)[0]
    LessonCompletion.objects.create(
        learner=owner, course=course, lesson=lesson, lesson_title=lesson.title
    )
    page = browsing.page

    # Sumarni hands in a photo from her camera and her shop's link.
    browsing.sign_in(owner.phone, PASSWORD)
    browsing.visit(assignment.url)
    page.get_by_label("Tautan").fill("https://www.instagram.com/batiksumarni")
    page.get_by_label("Foto").set_input_files(camera_photo(tmp_path / "toko.jpg"))
    browsing.submit(page.get_by_role("button", name="Kirim", exact=True))
    expect(page.get_by_text("Menunggu diperiksa").first).to_be_visible()
    submission = Submission.objects.get(assignment=assignment, learner=owner)
    photo = submission.versions.get().photos.get()
    assert max(photo.width, photo.height) == 1600
    assert not Certificate.objects.filter(learner=owner).exists()

    # Her mentor asks for a revision, with feedback.
    sign_in_to_admin(browsing, mentor.email)
    review(browsing, owner.full_name, accept=False)
    submission.refresh_from_db()
    assert submission.state == State.NEEDS_REVISION

    # She sees the message on "Kursus saya", reads it and hands in again.
    page.context.clear_cookies()
    browsing.sign_in(owner.phone, PASSWORD)
    browsing.visit("/belajar/")
    messages = page.get_by_role("region", name="Pesan dari mentor")
    expect(messages).to_contain_text("Buka akun bisnis Instagram")
    browsing.follow(messages.get_by_role("link", name="Buka akun bisnis Instagram"))
    expect(page.get_by_text(FEEDBACK)).to_be_visible()
    page.get_by_label("Tautan").fill("https://www.instagram.com/batiksumarni.jogja")
    browsing.submit(page.get_by_role("button", name="Kirim lagi"))
    expect(page.get_by_text("Menunggu diperiksa").first).to_be_visible()
    assert submission.versions.count() == 2

    # The mentor ticks the rubric and accepts: the certificate follows.
    sign_in_to_admin(browsing, mentor.email)
    review(browsing, owner.full_name, accept=True)
    submission.refresh_from_db()
    assert submission.state == State.ACCEPTED
    assert Certificate.objects.filter(learner=owner, course=course).count() == 1

    page.context.clear_cookies()
    browsing.sign_in(owner.phone, PASSWORD)
    browsing.visit(assignment.url)
    expect(page.get_by_text("Diterima").first).to_be_visible()
    browsing.visit("/sertifikat/")
    expect(page.get_by_role("region", name=course.title)).to_be_visible()
    page.screenshot(path=str(tmp_path / "accepted.png"))
