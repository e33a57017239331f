"""Hostile or broken packages are refused with a message naming the file (and line), and
nothing is written: no page, no image or document row, no file in media storage."""

import io
import os
import stat
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import translation
from wagtail.documents.models import Document
from wagtail.images.models import Image

from courses.models import CoursePage, LessonPage
from courses.packages import services
from courses.packages.errors import PackageError

from .builders import course_index, png_bytes, zip_of

COURSE = """format: 1
id: 6f1c2d3e-4a5b-4c6d-8e7f-001122334455
title: Kursus uji impor
slug: kursus-uji-impor
summary: Ringkasan.
cover: media/sampul.png
"""
WEEK = """id: 7f1c2d3e-4a5b-4c6d-8e7f-001122334455
title: Minggu pertama
"""
LESSON = """---
id: 8f1c2d3e-4a5b-4c6d-8e7f-001122334455
title: Pelajaran satu
minutes: 10
---

Paragraf pertama.

```{image} media/foto.png
Keterangan.
```
"""


def good_files() -> dict:
    return {
        "course.yaml": COURSE.encode(),
        "minggu-1/week.yaml": WEEK.encode(),
        "minggu-1/pelajaran-1.md": LESSON.encode(),
        "media/sampul.png": png_bytes(colour="#123456"),
        "media/foto.png": png_bytes(colour="#654321"),
    }


def stored_files() -> set:
    found = set()
    for folder in ("original_images", "documents"):
        root = Path(settings.MEDIA_ROOT) / folder
        for directory, _dirs, names in os.walk(root):
            found.update(os.path.join(directory, name) for name in names)
    return found


@pytest.fixture(autouse=True)
def _own_media_root(tmp_path, settings):
    """Media files go to this test's own folder: other tests running at the same time write
    to the shared one."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def nothing_written(db):
    course_index()
    before = stored_files()
    counts = (CoursePage.objects.count(), Image.objects.count(), Document.objects.count())
    yield
    assert (CoursePage.objects.count(), Image.objects.count(), Document.objects.count()) == counts
    assert LessonPage.objects.count() == 0
    assert stored_files() == before


def refused(data) -> list[str]:
    with translation.override("en"), pytest.raises(PackageError) as caught:
        services.course_package_import(archive=data)
    return caught.value.problems


def zip_with(members) -> bytes:
    """A ZIP from [(ZipInfo or name, bytes)]."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            archive.writestr(info, data)
    return buffer.getvalue()


def test_a_good_package_writes_its_pages_and_files(db):
    course_index()
    before = stored_files()

    course = services.course_package_import(archive=zip_of(good_files()))

    assert course.title == "Kursus uji impor"
    assert not course.live
    assert LessonPage.objects.child_of(course.get_children().get()).count() == 1
    assert Image.objects.count() == 2
    assert len(stored_files() - before) == 2


def test_path_traversal_is_refused(nothing_written):
    files = good_files() | {"../../etc/cron.d/evil.md": b"x"}
    assert refused(zip_of(files)) == [
        "../../etc/cron.d/evil.md: the path is absolute, leaves the package or uses “\\”; refused"
    ]


def test_absolute_path_and_backslash_are_refused(nothing_written):
    files = good_files() | {"/srv/evil.md": b"x", "minggu-1\\evil.md": b"x"}
    problems = refused(zip_of(files))
    assert len(problems) == 2
    assert all("the path is absolute" in p for p in problems)


def test_a_symlink_member_is_refused(nothing_written):
    link = zipfile.ZipInfo("media/link.png")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    members = list(good_files().items()) + [(link, b"/etc/passwd")]
    assert refused(zip_with(members)) == ["media/link.png: links (symlinks) cannot be in a package"]


def test_a_zip_bomb_is_refused_before_it_is_unpacked(nothing_written):
    members = list(good_files().items()) + [("media/bom.png", b"\0" * (3 * 1024 * 1024))]
    assert refused(zip_with(members)) == [
        "media/bom.png: the file is compressed more than 100 times (a “zip bomb”); refused"
    ]


def test_a_yaml_bomb_of_aliases_is_refused(nothing_written):
    bomb = COURSE + 'a: &a ["lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a]\n'
    files = good_files() | {"course.yaml": bomb.encode()}
    assert refused(zip_of(files)) == [
        "course.yaml, line 7: YAML anchors and aliases (& and *) are not allowed"
    ]


def _png_header(width, height) -> bytes:
    """A PNG that declares ``width`` × ``height`` pixels in a few bytes."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", b"") + chunk(b"IEND", b"")


def test_an_image_declaring_100_million_pixels_is_refused(nothing_written):
    files = good_files() | {"media/foto.png": _png_header(10_000, 10_000)}
    assert refused(zip_of(files)) == [
        "minggu-1/pelajaran-1.md: media/foto.png has more than 50 million pixels; make it smaller"
    ]


@override_settings(COURSE_PACKAGE_MAX_FILE_BYTES=1024 * 1024)
def test_a_file_over_the_size_limit_is_refused(nothing_written):
    files = good_files() | {"media/besar.pdf": os.urandom(2 * 1024 * 1024)}
    assert refused(zip_of(files)) == ["media/besar.pdf: the file is larger than 1 MB"]


@override_settings(COURSE_PACKAGE_MAX_FILES=4)
def test_too_many_files_are_refused(nothing_written):
    assert refused(zip_of(good_files())) == ["paket.zip: the package has more than 4 files"]


@override_settings(COURSE_PACKAGE_MAX_BYTES=1000)
def test_a_package_over_the_size_limit_is_refused(nothing_written):
    assert refused(zip_of(good_files())) == ["paket.zip: the package is larger than 0.000953674 MB"]


def test_an_unknown_block_is_refused_with_its_line(nothing_written):
    lesson = LESSON + "\n```{foo} Judul\nisi\n```\n"
    files = good_files() | {"minggu-1/pelajaran-1.md": lesson.encode()}
    problems = refused(zip_of(files))
    assert problems == [
        "minggu-1/pelajaran-1.md, line 13: unknown block {foo}; a lesson knows tip, image, "
        "video, document, checklist, loan-simulator"
    ]


def test_an_unknown_file_type_is_refused(nothing_written):
    files = good_files() | {"media/program.exe": b"MZ"}
    (problem,) = refused(zip_of(files))
    assert problem.startswith("media/program.exe: files of this type cannot be in a package")


def test_an_unclosed_block_is_refused_with_the_line_it_opens_on(nothing_written):
    lesson = LESSON + "\nTeks.\n\n```{tip} Ingat\nJangan lupa.\n"
    files = good_files() | {"minggu-1/pelajaran-1.md": lesson.encode()}
    assert refused(zip_of(files)) == [
        "minggu-1/pelajaran-1.md, line 15: the tip block is not closed"
    ]


def test_a_block_left_open_before_the_next_one_is_reported_at_its_own_line(nothing_written):
    lesson = LESSON.replace("Paragraf pertama.", "```{tip} Ingat\nJangan lupa.\n")
    files = good_files() | {"minggu-1/pelajaran-1.md": lesson.encode()}
    assert refused(zip_of(files)) == [
        "minggu-1/pelajaran-1.md, line 7: the tip block is not closed"
    ]


def test_a_missing_media_file_and_a_bad_field_are_both_reported(nothing_written):
    files = good_files()
    del files["media/foto.png"]
    files["course.yaml"] = COURSE.replace("slug:", "hours_per_week: banyak\nslug:").encode()
    assert refused(zip_of(files)) == [
        "course.yaml: the field hours_per_week must be a whole number",
        "minggu-1/pelajaran-1.md: media/foto.png is not in the package",
    ]


def test_not_a_zip_is_refused(nothing_written):
    assert refused(b"this is not a zip") == [
        "paket.zip: the file is not a ZIP archive that can be opened"
    ]


def test_a_failure_while_writing_leaves_no_page_row_or_file(nothing_written, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "_reorder", broken)
    with pytest.raises(RuntimeError):
        services.course_package_import(archive=zip_of(good_files()))
