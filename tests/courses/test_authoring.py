"""Mentors author courses in the Wagtail admin; learners see what they wrote."""

import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PillowImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses import services
from courses.models import Cohort, LessonPage, WeekPage
from lms import roles
from tests.factories import UserFactory, build_course

pytestmark = pytest.mark.django_db


def picture(name="foto.png"):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (640, 360), "#0b5e55").save(buffer, "PNG")
    return Image.objects.create(title=name, file=SimpleUploadedFile(name, buffer.getvalue()))


def list_block(items):
    data = {"count": str(len(items))}
    for index, item in enumerate(items):
        data[str(index)] = {"value": item, "deleted": "", "order": str(index)}
    return data


@pytest.fixture
def week(db):
    course = build_course(weeks=1, lessons_per_week=1)
    return WeekPage.objects.child_of(course).get()


def test_mentor_adds_a_lesson_with_every_block_and_a_learner_reads_it(client, mentor, owner, week):
    photo, thumbnail = picture("foto.png"), picture("thumb.png")
    template = Document.objects.create(
        title="Templat buku kas", file=SimpleUploadedFile("buku-kas.xlsx", b"PK\x03\x04 demo")
    )
    body = streamfield(
        [
            ("text", rich_text("<p>Catat setiap uang masuk dan keluar.</p>")),
            ("tip", {"title": "Tips hemat", "text": rich_text("<p>Pisahkan uang usaha.</p>")}),
            (
                "image",
                {
                    "image": {"image": photo.pk, "decorative": "", "alt_text": "Buku kas"},
                    "caption": "Contoh buku kas",
                },
            ),
            (
                "video",
                {
                    "title": "Cara mencatat",
                    "url": "https://www.youtube.com/watch?v=abcdefghijk",
                    "file": "",
                    "thumbnail": thumbnail.pk,
                    "duration_seconds": "200",
                    "transcript": rich_text("<p>Halo, hari ini kita mencatat kas.</p>"),
                },
            ),
            ("document", {"document": template.pk, "description": "Excel, bisa dibuka di ponsel"}),
            (
                "checklist",
                {"title": "Sebelum tutup toko", "items": list_block(["Hitung kas", "Catat"])},
            ),
            (
                "loan_simulator",
                {
                    "title": "Simulasi KUR",
                    "intro": rich_text("<p>Coba hitung.</p>"),
                    "default_principal": "10000000",
                    "default_tenor_months": "12",
                    "presets": list_block(
                        [{"name": "KUR Mikro", "annual_rate": "6", "method": "annuity"}]
                    ),
                },
            ),
        ]
    )
    client.force_login(mentor)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", week.pk]),
        nested_form_data(
            {
                "title": "Buku kas harian",
                "slug": "buku-kas",
                "minutes": "20",
                "body": body,
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    lesson = LessonPage.objects.get(slug="buku-kas")
    assert lesson.live
    assert [block.block_type for block in lesson.body] == [
        "text",
        "tip",
        "image",
        "video",
        "document",
        "checklist",
        "loan_simulator",
    ]

    services.enrolment_start(learner=owner, course=week.get_parent().specific)
    client.force_login(owner)
    page = client.get(lesson.url).content.decode()
    for text in [
        "Catat setiap uang masuk",
        "Tips hemat",
        'alt="Buku kas"',
        "Cara mencatat",
        "3:20 menit",
        "Halo, hari ini kita mencatat kas.",
        "Templat buku kas",
        "Sebelum tutup toko",
        "Hitung kas",
        "Simulasi KUR",
        "Rp 860.664",
    ]:
        assert text in page, text
    assert "<iframe" not in page
    assert re.findall(r'src="(https?:)?//', page) == []  # nothing loads from a video host yet


def test_video_block_refuses_a_link_to_another_host(client, mentor, week):
    thumbnail = picture()
    body = streamfield(
        [
            (
                "video",
                {
                    "title": "X",
                    "url": "https://example.com/video.mp4",
                    "file": "",
                    "thumbnail": thumbnail.pk,
                    "duration_seconds": "60",
                    "transcript": rich_text("<p>t</p>"),
                },
            ),
        ]
    )
    client.force_login(mentor)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", week.pk]),
        nested_form_data(
            {
                "title": "Video",
                "slug": "video",
                "minutes": "5",
                "body": body,
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 200
    assert not LessonPage.objects.filter(slug="video").exists()


def test_mentor_sees_and_edits_only_their_own_cohorts(client, mentor):
    course = build_course(weeks=1, lessons_per_week=1)
    other_mentor = UserFactory(
        email="lain@example.org", groups=[Group.objects.get(name=roles.MENTORS)]
    )
    mine = Cohort.objects.create(
        name="Kelas Rina", course=course, start_date=timezone.localdate(), mentor=mentor
    )
    theirs = Cohort.objects.create(
        name="Kelas Lain", course=course, start_date=timezone.localdate(), mentor=other_mentor
    )
    client.force_login(mentor)
    listing = client.get(reverse("wagtailsnippets_courses_cohort:list")).content.decode()
    assert "Kelas Rina" in listing
    assert "Kelas Lain" not in listing
    assert (
        client.get(reverse("wagtailsnippets_courses_cohort:edit", args=[mine.pk])).status_code
        == 200
    )
    assert (
        client.get(reverse("wagtailsnippets_courses_cohort:edit", args=[theirs.pk])).status_code
        == 404
    )


def test_coordinator_sees_every_cohort(client, coordinator, mentor):
    course = build_course(weeks=1, lessons_per_week=1)
    Cohort.objects.create(
        name="Kelas Rina", course=course, start_date=timezone.localdate(), mentor=mentor
    )
    client.force_login(coordinator)
    assert (
        "Kelas Rina" in client.get(reverse("wagtailsnippets_courses_cohort:list")).content.decode()
    )


def test_copying_a_course_copies_its_weeks_and_lessons_but_no_progress(mentor, owner):
    course = build_course(weeks=2, lessons_per_week=2, slug="angkatan-1")
    services.enrolment_start(learner=owner, course=course)
    copy = course.copy(
        recursive=True, update_attrs={"slug": "angkatan-2", "title": "Angkatan 2"}, user=mentor
    )
    assert LessonPage.objects.descendant_of(copy).count() == 4
    assert copy.specific.enrolments.count() == 0


def test_deleting_a_lesson_with_progress_warns_the_mentor(client, mentor, owner):
    course = build_course(weeks=1, lessons_per_week=2)
    lesson = LessonPage.objects.descendant_of(course).first()
    services.enrolment_start(learner=owner, course=course)
    services.lesson_mark_done(learner=owner, lesson=lesson)
    superuser = UserFactory(email="root@example.org", is_superuser=True, is_staff=True)
    client.force_login(superuser)
    page = client.get(reverse("wagtailadmin_pages:delete", args=[lesson.pk])).content.decode()
    assert "1 peserta sudah menyelesaikan pelajaran ini" in page


def test_mentor_previews_a_new_lesson_before_saving_it(client, mentor, week):
    body = streamfield([("tip", {"title": "Coba dulu", "text": rich_text("<p>Pratinjau.</p>")})])
    data = nested_form_data({"title": "Draf", "slug": "draf", "minutes": "5", "body": body})
    client.force_login(mentor)
    url = reverse("wagtailadmin_pages:preview_on_add", args=["courses", "lessonpage", week.pk])
    assert client.post(url, data).json()["is_valid"]
    page = client.get(url).content.decode()
    assert "Coba dulu" in page
    assert not LessonPage.objects.filter(slug="draf").exists()
