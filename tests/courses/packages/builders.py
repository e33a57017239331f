"""A course with every block, question and survey item type, built with Wagtail's API."""

import io
import struct
import zipfile

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from certificates.models import CertificateTemplate
from courses.models import CourseIndexPage, CoursePage, LessonPage, WeekPage
from lms.models import HomePage
from outcomes.models import CheckInPlan
from tests.factories import LOAN_SIMULATOR, build_assignment, build_quiz, build_survey

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes(size=(64, 40), colour="#0b5e55", fmt="PNG") -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, colour).save(buffer, fmt)
    return buffer.getvalue()


def mp4_bytes() -> bytes:
    return struct.pack(">I", 24) + b"ftypisom" + b"\x00" * 12


def image(title, colour="#0b5e55", name=None) -> Image:
    picture = Image(
        title=title,
        file=ImageFile(io.BytesIO(png_bytes(colour=colour)), name=name or f"{title}.png"),
    )
    picture.save()
    return picture


def document(title, data=PDF, name=None) -> Document:
    doc = Document(title=title, file=ContentFile(data, name=name or f"{title}.pdf"))
    doc.save()
    return doc


def course_index():
    return CourseIndexPage.objects.first() or HomePage.objects.get().add_child(
        instance=CourseIndexPage(title="Kursus", slug="kursus")
    )


def build_full_course(*, slug="kursus-lengkap", live=True) -> CoursePage:
    """Two weeks: every lesson block type, a quiz with every question type, an assignment,
    the knowledge questionnaire, the survey, a check-in plan and a certificate template."""
    cover = image("sampul", "#aa3300")
    photo = image("foto-produk", "#3300aa")
    plain = image("pola", "#00aa33")
    thumb = image("thumb-video", "#333333")
    report = document("contoh-laporan")
    clip = document("video-pendek", mp4_bytes(), name="video-pendek.mp4")
    template = CertificateTemplate.objects.create(name="Templat DIY")
    course = course_index().add_child(
        instance=CoursePage(
            title="Kursus lengkap",
            slug=slug,
            summary="Semua jenis blok.",
            cover_image=cover,
            objectives=[("objective", "Mencatat kas"), ("objective", "Membandingkan bunga")],
            hours_per_week=4,
            pacing="weekly",
            mentor_name="Rina",
            mentor_phone="+6281234567890",
            require_survey=False,
            certificate_template=template,
            live=live,
        )
    )
    CheckInPlan.objects.create(course=course, ask_month_3=False)
    week_one = course.add_child(
        instance=WeekPage(title="Minggu pertama", slug="minggu-1", summary="Dasar.", live=live)
    )
    week_two = course.add_child(instance=WeekPage(title="Minggu kedua", slug="minggu-2", live=live))
    target = week_two.add_child(
        instance=LessonPage(
            title="Tujuan tautan",
            slug="tujuan",
            minutes=5,
            body=[("text", "<p>Halaman tujuan.</p>")],
            live=live,
        )
    )
    loan = dict(LOAN_SIMULATOR["value"].items())
    body = [
        {
            "type": "text",
            "value": (
                '<h3 data-block-key="a1">Kas harian</h3>'
                '<p data-block-key="a2">Catat <b>setiap</b> uang <i>masuk</i>, lihat '
                '<a href="https://ojk.go.id/">OJK</a>, '
                f'<a linktype="page" id="{target.pk}">pelajaran lain</a> dan '
                f'<a linktype="document" id="{report.pk}">contoh</a>.</p>'
                "<ul><li>Pagi</li><li>Sore</li></ul><ol><li>Satu</li><li>Dua</li></ol>"
            ),
        },
        {"type": "tip", "value": {"title": "Ingat", "text": "<p>Pisahkan <b>uang</b>.</p>"}},
        {"type": "tip", "value": {"title": "", "text": "<ul><li>Tanpa judul</li></ul>"}},
        {
            "type": "image",
            "value": {
                "image": {"image": photo.pk, "decorative": False, "alt_text": "Kue di meja"},
                "caption": "Foto dekat jendela.",
            },
        },
        {
            "type": "image",
            "value": {
                "image": {"image": plain.pk, "decorative": True, "alt_text": ""},
                "caption": "",
            },
        },
        {
            "type": "video",
            "value": {
                "title": "Cara mencatat",
                "url": "https://youtu.be/dQw4w9WgXcQ",
                "file": None,
                "thumbnail": thumb.pk,
                "duration_seconds": 185,
                "transcript": "<p>Halo semua.</p><ul><li>Langkah</li></ul>",
            },
        },
        {
            "type": "video",
            "value": {
                "title": "Video unggahan",
                "url": "",
                "file": clip.pk,
                "thumbnail": thumb.pk,
                "duration_seconds": 30,
                "transcript": "<p>Tanpa suara.</p>",
            },
        },
        {"type": "document", "value": {"document": report.pk, "description": "Templat kas."}},
        {"type": "checklist", "value": {"title": "Siapkan", "items": ["Buku", "Pulpen"]}},
        {"type": "loan_simulator", "value": loan},
    ]
    week_one.add_child(
        instance=LessonPage(title="Semua blok", slug="semua-blok", minutes=20, body=body, live=live)
    )
    build_quiz(week_one, shuffle=True, live=live)
    build_assignment(week_one, accepts_photos=True, max_photos=2, per_business=True, live=live)
    build_assignment(
        week_two,
        title="Tugas teks",
        slug="tugas-teks",
        accepts_link=False,
        accepts_text=True,
        accepts_pdf=True,
        link_hosts="",
        rubric=[],
        live=live,
    )
    from tests.factories import build_knowledge_check

    build_knowledge_check(course)
    build_survey(course)
    return CoursePage.objects.get(pk=course.pk)


def zip_of(files: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in files.items():
            archive.writestr(path, data)
    return buffer.getvalue()
