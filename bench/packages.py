"""`make bench` (course packages): import of a generated 4-week course with 40 lessons and 20
images, its export, and how fast an oversized package is refused. Floors: import under 10 s,
export under 5 s; a 50 MB package of 10,000 files refused in under a second.

Runs on a temporary SQLite file unless DATABASE_URL names another database (whose tables it
creates; its rows are made in a transaction rolled back at the end, and the media files go to
a temporary folder: still, never point it at real data).
"""

import io
import os
import sys
import tempfile
import time
import zipfile

from bench import setup_django

setup_django()

from django.test import override_settings  # noqa: E402

IMPORT_FLOOR_S = 10
EXPORT_FLOOR_S = 5
REFUSE_FLOOR_S = 1
WEEKS = 4
LESSONS_PER_WEEK = 10
IMAGES = 20

PARAGRAPH = (
    "Catat **setiap** uang yang masuk dan keluar hari itu juga, sebelum lupa. Pisahkan uang "
    "usaha dari uang rumah tangga, lalu hitung laba kotor setiap akhir pekan. Lihat juga "
    "[panduan OJK](https://ojk.go.id/) untuk memilih lembaga keuangan resmi."
)


def _jpeg(number: int) -> bytes:
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (1200, 800), (number * 12 % 255, 90, 160))
    draw = ImageDraw.Draw(picture)
    for step in range(0, 1200, 40):
        draw.line([(step, 0), (1200 - step, 800)], fill=(255, number * 7 % 255, 0), width=3)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def _lesson(week: int, number: int) -> str:
    image = (week - 1) * LESSONS_PER_WEEK + number
    blocks = [
        f"### Bagian {number}",
        PARAGRAPH,
        "- Pagi hari\n- Sore hari\n- Malam hari",
        PARAGRAPH,
    ]
    blocks.append(f"```{{tip}} Ingat\n{PARAGRAPH}\n```")
    if image % 2 == 0:
        blocks.append(f"```{{image}} media/foto-{image // 2}.jpg\n:alt: Foto {image}\n\nFoto.\n```")
    blocks.append("```{checklist} Siapkan\n- Buku kas\n- Pulpen\n- Kalkulator\n```")
    blocks.append(PARAGRAPH)
    front = f"---\ntitle: Pelajaran {week}.{number}\nminutes: 10\n---\n\n"
    return front + "\n\n".join(blocks) + "\n"


def _quiz(week: int) -> str:
    questions = "".join(
        f"- type: single_choice\n  prompt: Pertanyaan {week}.{n}?\n  choices:\n"
        f"  - text: Benar\n    correct: true\n  - text: Salah\n"
        for n in range(1, 6)
    )
    return f"title: Kuis minggu {week}\npass_mark: 70\nquestions:\n{questions}"


def generated_package() -> bytes:
    files = {
        "course.yaml": (
            b"format: 1\ntitle: Kursus bench\nslug: kursus-bench\nsummary: Untuk mengukur.\n"
            b"objectives:\n- Mengukur impor\ncover: media/foto-1.jpg\n"
        )
    }
    for week in range(1, WEEKS + 1):
        files[f"minggu-{week}/week.yaml"] = f"title: Minggu {week}\n".encode()
        for number in range(1, LESSONS_PER_WEEK + 1):
            files[f"minggu-{week}/pelajaran-{number}.md"] = _lesson(week, number).encode()
        files[f"minggu-{week}/kuis.yaml"] = _quiz(week).encode()
    for number in range(1, IMAGES + 1):
        files[f"media/foto-{number}.jpg"] = _jpeg(number)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in files.items():
            archive.writestr(path, data)
    return buffer.getvalue()


def oversized_package(*, files: int, size: int) -> bytes:
    """``files`` members of random bytes, about ``size`` bytes in all, stored uncompressed."""
    each = size // files
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for number in range(files):
            archive.writestr(f"media/berkas-{number}.pdf", os.urandom(each))
    return buffer.getvalue()


def _refusal_seconds(data: bytes) -> tuple[float, str]:
    from courses.packages import archive
    from courses.packages.errors import PackageError

    start = time.perf_counter()
    try:
        archive.read(data)
    except PackageError as error:
        return time.perf_counter() - start, error.problems[0]
    return time.perf_counter() - start, "NOT REFUSED"


def bench() -> bool:
    from django.db import connection

    from courses.models import CourseIndexPage
    from courses.packages import services
    from lms.models import HomePage

    home = HomePage.objects.first()
    if CourseIndexPage.objects.exists():
        index = CourseIndexPage.objects.first()
    else:
        index = home.add_child(instance=CourseIndexPage(title="Kursus", slug="kursus"))
    package = generated_package()

    start, cpu = time.perf_counter(), time.process_time()
    course = services.course_package_import(archive=package)
    import_s, import_cpu = time.perf_counter() - start, time.process_time() - cpu
    assert course.get_parent().pk == index.pk

    start, cpu = time.perf_counter(), time.process_time()
    exported = services.course_package_export(course=course)
    export_s, export_cpu = time.perf_counter() - start, time.process_time() - cpu

    big = oversized_package(files=10_000, size=50 * 1024 * 1024 + 1024)
    big_s, big_reason = _refusal_seconds(big)
    many = oversized_package(files=10_000, size=10 * 1024 * 1024)
    many_s, many_reason = _refusal_seconds(many)

    print(
        f"Course packages on {connection.vendor}: {WEEKS} weeks, {WEEKS * LESSONS_PER_WEEK} "
        f"lessons, {WEEKS} quizzes, {IMAGES} images ({len(package) / 1e6:.1f} MB)"
    )
    print(f"{'what':<48} {'seconds':>8} {'CPU s':>8}")
    print(f"{'import (new course, as a draft)':<48} {import_s:>8.2f} {import_cpu:>8.2f}")
    export_label = f"export ({len(exported) / 1e6:.1f} MB ZIP)"
    print(f"{export_label:<48} {export_s:>8.2f} {export_cpu:>8.2f}")
    print(f"{'refuse 50 MB, 10,000 files':<48} {big_s:>8.3f}  {big_reason}")
    print(f"{'refuse 10 MB, 10,000 files':<48} {many_s:>8.3f}  {many_reason}")
    slow = (
        import_s >= IMPORT_FLOOR_S
        or export_s >= EXPORT_FLOOR_S
        or max(big_s, many_s) >= REFUSE_FLOOR_S
        or "NOT REFUSED" in (big_reason, many_reason)
    )
    verdict = "OVER a floor" if slow else "within the floors"
    print(
        f"floors: import under {IMPORT_FLOOR_S} s, export under {EXPORT_FLOOR_S} s, refusals "
        f"under {REFUSE_FLOOR_S} s: {verdict}"
    )
    return slow


def main():
    from django.core.management import call_command
    from django.db import transaction

    call_command("migrate", verbosity=0)
    with (
        tempfile.TemporaryDirectory() as media,
        override_settings(MEDIA_ROOT=media),
        transaction.atomic(),  # leaves the database as it found it
    ):
        slow = bench()
        transaction.set_rollback(True)
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
