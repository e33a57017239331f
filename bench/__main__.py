"""`make bench`: build a throwaway database, then print timings, query counts and page weights.

Runs on a temporary SQLite file unless DATABASE_URL names another database (whose tables it
creates and fills: never point it at real data).
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

from bench import ROOT, setup_django

setup_django()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

RUNS = 30
CERTIFICATE_RENDERS = 20


def measure(client, method, url, data=None):
    """Median milliseconds, queries of the last run, and response bytes."""
    timings = []
    for _ in range(RUNS):
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = getattr(client, method)(url, data or {})
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code in (200, 302), (url, response.status_code)
    return statistics.median(timings), len(queries), len(response.content)


def main():
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115

    from courses import services
    from courses.models import CoursePage, LessonPage
    from lms.models import User
    from tests.factories import build_course, lessons_of

    learner = User.objects.get(email="agus@pintar-umkm.test")
    big = CoursePage.objects.filter(slug="bench-4x10").first() or build_course(
        weeks=4, lessons_per_week=10, slug="bench-4x10"
    )
    services.enrolment_start(learner=learner, course=big)
    lessons = lessons_of(big)
    for lesson in lessons[:15]:
        services.lesson_mark_done(learner=learner, lesson=lesson)
    from quizzes.models import QuizPage

    quiz = QuizPage.objects.live().first()
    simulator = next(
        lesson
        for lesson in LessonPage.objects.live()
        if any(block.block_type == "loan_simulator" for block in lesson.body)
    )

    client = Client()
    client.force_login(learner)
    mentor = Client()
    mentor.force_login(User.objects.get(email="mentor@pintar-umkm.test"))
    assets = sum((ROOT / "static" / p).stat().st_size for p in ("css/main.css", "js/lesson.js"))

    rows = [
        ("course page (4x10)", *measure(client, "get", big.url)),
        ("lesson page (4x10)", *measure(client, "get", lessons[20].url)),
        (
            "mark lesson done (repeat)",
            *measure(client, "post", f"/belajar/pelajaran/{lessons[0].pk}/selesai/"),
        ),
        ("learner dashboard", *measure(client, "get", "/belajar/")),
        ("loan simulator lesson", *measure(mentor, "get", simulator.url)),
        ("week quiz page", *measure(client, "get", quiz.url)),
    ]
    print(f"database: {connection.vendor}; median of {RUNS} runs through Django's test client")
    print(f"{'what':<28} {'median ms':>10} {'queries':>8} {'KB':>7}")
    for name, ms, queries, size in rows:
        print(f"{name:<28} {ms:>10.1f} {queries:>8} {size / 1024:>7.1f}")
    heaviest = max(len(client.get(lesson.url).content) for lesson in lessons[:5])
    print(f"lesson HTML + CSS + JS: {(heaviest + assets) / 1024:.1f} KB (budget 40 KB)")
    bench_certificates()
    # In a fresh process, so its peak memory is the export's and not the renders' above.
    subprocess.run([sys.executable, "-m", "bench.certificates_zip"], cwd=ROOT, check=True)  # noqa: S603


# --- Certificates: PDF render and stored download -------------------------------------------


def _certificate_background():
    """A print-sized Wagtail image like one a mentor uploads: paper texture, a border."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image as PillowImage
    from PIL import ImageDraw
    from wagtail.images.models import Image

    size = (3508, 2480)  # A4 landscape at 300 dpi
    paper = PillowImage.merge(
        "RGB",
        [
            PillowImage.effect_noise(size, 6).point(lambda v, shift=shift: v + shift)
            for shift in (118, 114, 104)
        ],
    )
    draw = ImageDraw.Draw(paper)
    draw.rectangle([90, 90, size[0] - 90, size[1] - 90], outline=(120, 30, 40), width=28)
    draw.rectangle([150, 150, size[0] - 150, size[1] - 150], outline=(170, 140, 70), width=8)
    buffer = io.BytesIO()
    paper.save(buffer, "JPEG", quality=88)
    return Image.objects.create(
        title="Latar sertifikat (bench)",
        file=SimpleUploadedFile("latar-sertifikat.jpg", buffer.getvalue()),
    )


def bench_certificates():
    """Median time of one certificate PDF render in a warm process (after one warm-up render,
    which also makes the background's rendition), and of a download of the stored PDF by its
    holder. Works in a transaction it rolls back and a temporary media folder it removes."""
    import datetime

    from django.db import transaction
    from django.test import override_settings
    from django.urls import reverse

    from certificates import services
    from certificates.models import Certificate, CertificateTemplate
    from certificates.pdf import render_pdf
    from courses.models import CoursePage
    from lms.models import User

    learner = User.objects.get(email="agus@pintar-umkm.test")
    course = CoursePage.objects.live().exclude(slug="bench-4x10").order_by("path").first()
    with (
        tempfile.TemporaryDirectory() as media,
        override_settings(MEDIA_ROOT=media),
        transaction.atomic(),
    ):
        Certificate.objects.filter(learner=learner, course=course).delete()
        template = CertificateTemplate.objects.create(
            name="Bench",
            title="Sertifikat Penyelesaian",
            body=(
                "telah menyelesaikan kelas {course} dalam program Pintar UMKM "
                "dengan pendampingan {mentor}, pada {date}."
            ),
            background=_certificate_background(),
            signer_name="Dra. Sri Rahayuningsih, M.Si.",
            signer_role="Kepala Bidang UMKM, Dinas Koperasi dan UKM DIY",
        )
        certificate = Certificate.objects.create(
            learner=learner,
            course=course,
            template=template,
            serial="PU-2099-000001",
            holder_name=learner.full_name,
            business_name="Warung Makan Gudeg Bu Wati",
            course_title=course.title,
            mentor_name="Rina Wulandari",
            completed_on=datetime.date(2026, 11, 27),
        )

        render_pdf(certificate)  # warm-up: fonts, rendition, template loading
        timings = []
        for _ in range(CERTIFICATE_RENDERS):
            certificate = Certificate.objects.get(pk=certificate.pk)
            with CaptureQueriesContext(connection) as render_queries:
                start = time.perf_counter()
                content = render_pdf(certificate)
                timings.append((time.perf_counter() - start) * 1000)
        rows = [
            (
                "certificate PDF render",
                statistics.median(timings),
                len(render_queries),
                len(content),
            )
        ]

        services.certificate_render(certificate)
        client = Client()
        client.force_login(learner)
        url = reverse("certificates:download", args=[certificate.pk])
        timings = []
        for _ in range(RUNS):
            with CaptureQueriesContext(connection) as download_queries:
                start = time.perf_counter()
                response = client.get(url)
                body = b"".join(response.streaming_content)
                timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, response.status_code
            assert body.startswith(b"%PDF")
        rows.append(
            (
                "certificate stored download",
                statistics.median(timings),
                len(download_queries),
                len(body),
            )
        )
        transaction.set_rollback(True)

    print(
        f"certificates: median of {CERTIFICATE_RENDERS} renders after a warm-up, and of "
        f"{RUNS} downloads through Django's test client"
    )
    print(f"{'what':<28} {'median ms':>10} {'queries':>8} {'KB':>7}")
    for name, ms, queries, size in rows:
        print(f"{name:<28} {ms:>10.1f} {queries:>8} {size / 1024:>7.1f}")
    print("certificate budgets: render under 150 ms, stored download under 50 ms")


if __name__ == "__main__":
    main()
