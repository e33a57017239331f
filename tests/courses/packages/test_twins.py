"""A lesson's English twin (``pelajaran-1.en.md``): read and checked always; imported and
exported as the lesson's English translation only where the site offers English content."""

import pytest
from django.test import override_settings
from django.utils import translation
from wagtail.models import Locale, Page

from courses.models import CoursePage, LessonPage, WeekPage
from courses.packages import services
from courses.packages.errors import PackageError

from .builders import course_index, png_bytes, zip_of

COURSE_ID = "6f1c2d3e-4a5b-4c6d-8e7f-00112233aa01"
WEEK_ID = "7f1c2d3e-4a5b-4c6d-8e7f-00112233aa01"
LESSON_ONE = "8f1c2d3e-4a5b-4c6d-8e7f-00112233aa01"
LESSON_TWO = "8f1c2d3e-4a5b-4c6d-8e7f-00112233aa02"

COURSE = f"""format: 1
id: {COURSE_ID}
title: Kursus kembar
slug: kursus-kembar
summary: Ringkasan.
"""
WEEK = f"""id: {WEEK_ID}
title: Minggu pertama
slug: minggu-1
order:
- pelajaran-1.md
- pelajaran-2.md
"""
LESSON_1 = f"""---
id: {LESSON_ONE}
title: Mencatat kas
slug: mencatat-kas
minutes: 10
---

Catat **setiap** uang masuk.
"""
LESSON_2 = f"""---
id: {LESSON_TWO}
title: Menghitung laba
slug: menghitung-laba
minutes: 15
---

Laba adalah pendapatan dikurangi biaya.
"""
TWIN_1 = f"""---
id: {LESSON_ONE}
title: Recording cash
slug: recording-cash
minutes: 10
---

Record **every** rupiah that comes in.

```{{image}} media/cash-book.png
A cash book.
```

```{{tip}} Remember
Keep business money apart.
```
"""


def package(**extra) -> dict:
    files = {
        "course.yaml": COURSE.encode(),
        "minggu-1/week.yaml": WEEK.encode(),
        "minggu-1/pelajaran-1.md": LESSON_1.encode(),
        "minggu-1/pelajaran-2.md": LESSON_2.encode(),
    }
    files.update({path: text.encode() for path, text in extra.items()})
    return files


def with_twin(twin=TWIN_1) -> dict:
    files = package()
    files["minggu-1/pelajaran-1.en.md"] = twin.encode()
    files["media/cash-book.png"] = png_bytes(colour="#224466")
    return files


def problems_of(files) -> list[str]:
    with translation.override("en"), pytest.raises(PackageError) as caught:
        services.course_package_preview(archive=zip_of(files))
    return caught.value.problems


@pytest.fixture(autouse=True)
def _own_media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def index(db):
    return course_index()


@pytest.fixture
def english(index):
    """A site that offers English content."""
    locale, _created = Locale.objects.get_or_create(language_code="en")
    with override_settings(WAGTAIL_I18N_ENABLED=True):
        yield locale


def english_lesson(locale, key=LESSON_ONE) -> LessonPage:
    return LessonPage.objects.get(locale=locale, translation_key=key)


# Reading ---------------------------------------------------------------------------------


def test_a_twin_with_another_lessons_id_is_refused_naming_file_and_line(index):
    twin = TWIN_1.replace(f"id: {LESSON_ONE}", f"id: {LESSON_TWO}")

    assert problems_of(with_twin(twin)) == [
        "minggu-1/pelajaran-1.en.md, line 2: the id must be the Indonesian lesson's id "
        f"({LESSON_ONE}) or be left out"
    ]


def test_a_twin_without_a_title_is_refused(index):
    twin = TWIN_1.replace("title: Recording cash\n", "")

    assert problems_of(with_twin(twin)) == [
        "minggu-1/pelajaran-1.en.md: the field title is missing"
    ]


def test_a_twin_without_a_body_is_refused(index):
    files = package(**{"minggu-1/pelajaran-1.en.md": "---\ntitle: Recording cash\n---\n"})

    assert problems_of(files) == [
        "minggu-1/pelajaran-1.en.md: the English version has no text below its fields"
    ]


def test_an_unclosed_block_in_a_twin_names_the_twin_and_its_line(index):
    twin = TWIN_1.removesuffix("```\n")

    problems = problems_of(with_twin(twin))

    assert problems == ["minggu-1/pelajaran-1.en.md, line 14: the tip block is not closed"]


def test_a_twin_without_its_lesson_is_refused(index):
    files = package(**{"minggu-1/pelajaran-3.en.md": TWIN_1})

    assert problems_of(files) == [
        "minggu-1/pelajaran-3.en.md: there is no minggu-1/pelajaran-3.md for this English version"
    ]


def test_a_twin_may_leave_out_its_id_and_minutes():
    twin = "---\ntitle: Recording cash\n---\n\nRecord every rupiah.\n"
    files = package(**{"minggu-1/pelajaran-1.en.md": twin})

    parsed = services.parse_package(services.archives.read(zip_of(files)))

    [(file, spec, week_id)] = parsed.twins
    assert (file, week_id) == ("minggu-1/pelajaran-1.en.md", WEEK_ID)
    assert spec["id"] == LESSON_ONE
    assert spec["title"] == "Recording cash"
    assert (spec["slug"], spec["minutes"]) == ("recording-cash", 10)
    assert spec["body"] == [{"type": "text", "text": "Record every rupiah."}]


# A site in Indonesian only (the default) --------------------------------------------------


def test_without_english_the_preview_notes_the_twins_and_the_rest_imports(index):
    files = with_twin()
    files["minggu-1/pelajaran-2.en.md"] = b"---\ntitle: Counting profit\n---\n\nProfit.\n"

    with translation.override("en"):
        plan = services.course_package_preview(archive=zip_of(files))
    course = services.course_package_import(archive=zip_of(files))

    assert "2 English versions not imported: this site shows lessons in Indonesian only" in (
        plan.warnings
    )
    assert plan.count("lesson", "create") == 2
    assert not [change for change in plan.changes if change.kind == "translation"]
    assert [c.title for c in plan.changes if c.kind == "media"] == []  # only the twin uses it
    assert LessonPage.objects.descendant_of(course).count() == 2
    assert LessonPage.objects.count() == 2
    assert not LessonPage.objects.exclude(locale=Locale.get_default()).exists()
    exported = services.course_package_files(course=course)
    assert [path for path in exported if path.endswith(".en.md") or "media/" in path] == []


# A site that offers English -------------------------------------------------------------


def test_import_creates_the_english_lesson_under_the_english_week(english):
    with translation.override("en"):
        plan = services.course_package_preview(archive=zip_of(with_twin()))
    course = services.course_package_import(archive=zip_of(with_twin()))

    assert [(c.kind, c.action, c.file) for c in plan.changes if c.kind == "translation"] == [
        ("translation", "create", "minggu-1/pelajaran-1.en.md")
    ]
    assert not plan.warnings
    lesson = LessonPage.objects.get(translation_key=LESSON_ONE, locale=Locale.get_default())
    twin = english_lesson(english)
    assert lesson.get_parent().specific.get_parent().pk == course.pk
    assert (twin.title, twin.slug, twin.minutes) == ("Recording cash", "recording-cash", 10)
    assert [block.block_type for block in twin.body] == ["text", "image", "tip"]
    assert "<b>every</b>" in twin.body[0].value.source
    assert twin.body[1].value["image"].title == "cash-book"
    english_week = twin.get_parent().specific
    assert isinstance(english_week, WeekPage)
    assert english_week.locale == english
    assert str(english_week.translation_key) == WEEK_ID
    assert lesson.title == "Mencatat kas"  # the Indonesian lesson keeps its own content
    assert LessonPage.objects.filter(translation_key=LESSON_TWO).count() == 1  # no twin, no copy
    assert not twin.live  # a new course and its English lessons arrive as drafts


def test_an_update_changes_the_english_lesson_in_place_and_matches_by_indonesian_pages(english):
    course = services.course_package_import(archive=zip_of(with_twin()))
    twin = english_lesson(english)
    lesson_pk = LessonPage.objects.get(translation_key=LESSON_ONE, locale=course.locale).pk
    edited = with_twin(TWIN_1.replace("Record **every** rupiah", "Write down each rupiah"))

    with translation.override("en"):
        plan = services.course_package_preview(archive=zip_of(edited))
    updated = services.course_package_import(archive=zip_of(edited))

    assert [(c.kind, c.action) for c in plan.changes if c.kind in ("translation", "lesson")] == [
        ("lesson", "keep"),
        ("lesson", "keep"),
        ("translation", "change"),
    ]
    assert updated.pk == course.pk  # the Indonesian course, not its English alias
    assert CoursePage.objects.filter(translation_key=COURSE_ID).count() == 2
    again = english_lesson(english)
    assert again.pk == twin.pk
    current = again.get_latest_revision_as_object()
    assert "Write down each rupiah" in current.body[0].value.source
    assert LessonPage.objects.get(pk=lesson_pk).title == "Mencatat kas"
    assert LessonPage.objects.filter(translation_key=LESSON_ONE).count() == 2


def test_a_published_course_publishes_its_english_lessons(english):
    course = services.course_package_import(archive=zip_of(with_twin()))
    for page in course.get_descendants(inclusive=True):
        page.specific.save_revision().publish()
    edited = with_twin(TWIN_1.replace("title: Recording cash", "title: Keeping cash records"))

    services.course_package_import(archive=zip_of(edited))

    twin = english_lesson(english)
    assert twin.live
    assert twin.title == "Keeping cash records"
    assert not twin.has_unpublished_changes


def test_removing_a_lesson_removes_its_english_version(english):
    services.course_package_import(archive=zip_of(with_twin()))
    files = with_twin()
    del files["minggu-1/pelajaran-1.md"], files["minggu-1/pelajaran-1.en.md"]
    files["minggu-1/week.yaml"] = WEEK.replace("- pelajaran-1.md\n", "").encode()

    with translation.override("en"):
        plan = services.course_package_preview(archive=zip_of(files))
    services.course_package_import(archive=zip_of(files))

    assert ("translation", "remove", "Recording cash") in [
        (c.kind, c.action, c.title) for c in plan.changes
    ]
    assert not LessonPage.objects.filter(translation_key=LESSON_ONE).exists()


def test_export_import_export_with_english_versions_gives_identical_files(english):
    course = services.course_package_import(archive=zip_of(with_twin()))
    first = services.course_package_files(course=course)
    assert "minggu-1/pelajaran-1.en.md" in first
    assert "minggu-1/pelajaran-2.en.md" not in first
    assert list(first).index("minggu-1/pelajaran-1.en.md") == (
        list(first).index("minggu-1/pelajaran-1.md") + 1
    )
    zipped = services.course_package_export(course=course)
    course_root = Page.objects.get(pk=course.pk)
    for page in CoursePage.objects.filter(translation_key=COURSE_ID):
        Page.objects.get(pk=page.pk).delete()
    assert not Page.objects.filter(pk=course_root.pk).exists()
    assert not LessonPage.objects.exists()

    imported = services.course_package_import(archive=zipped)
    again = services.course_package_files(course=imported)

    assert list(again) == list(first)
    for path, data in first.items():
        assert again[path] == data, path


def test_reimporting_the_exported_package_changes_nothing(english):
    course = services.course_package_import(archive=zip_of(with_twin()))
    zipped = services.course_package_export(course=course)

    plan = services.course_package_preview(archive=zipped)

    assert {c.action for c in plan.changes} == {"keep"}


def test_exporting_the_english_course_exports_the_course_with_its_english_versions(english):
    course = services.course_package_import(archive=zip_of(with_twin()))
    english_course = CoursePage.objects.get(translation_key=COURSE_ID, locale=english)

    assert services.course_package_files(course=english_course) == (
        services.course_package_files(course=course)
    )


def test_a_lesson_moved_to_another_week_takes_its_english_version_along(english):
    services.course_package_import(archive=zip_of(with_twin()))
    files = with_twin()
    files["minggu-1/week.yaml"] = WEEK.replace("- pelajaran-1.md\n", "").encode()
    files["minggu-2/week.yaml"] = b"id: 7f1c2d3e-4a5b-4c6d-8e7f-00112233aa02\ntitle: Minggu dua\n"
    files["minggu-2/pelajaran-1.md"] = files.pop("minggu-1/pelajaran-1.md")
    files["minggu-2/pelajaran-1.en.md"] = files.pop("minggu-1/pelajaran-1.en.md")

    services.course_package_import(archive=zip_of(files))

    twin = english_lesson(english)
    english_week = twin.get_parent().specific
    assert str(english_week.translation_key) == "7f1c2d3e-4a5b-4c6d-8e7f-00112233aa02"
    assert english_week.locale == english
    assert english_week.alias_of_id is not None  # Wagtail's alias of the Indonesian week


def test_a_twin_links_to_the_indonesian_page_of_a_package_id(english):
    twin = TWIN_1.replace("that comes in.", f"that comes in, see [profit](page:{LESSON_TWO}).")

    services.course_package_import(archive=zip_of(with_twin(twin)))

    target = LessonPage.objects.get(translation_key=LESSON_TWO)
    assert f'<a linktype="page" id="{target.pk}">' in english_lesson(english).body[0].value.source


def test_removing_a_week_removes_its_english_translation(english):
    files = with_twin()
    files["minggu-2/week.yaml"] = b"id: 7f1c2d3e-4a5b-4c6d-8e7f-00112233aa02\ntitle: Minggu dua\n"
    files["minggu-2/pelajaran-1.md"] = LESSON_2.replace("aa02", "aa03").encode()
    files["minggu-2/pelajaran-1.en.md"] = b"---\ntitle: Counting profit\n---\n\nProfit.\n"
    course = services.course_package_import(archive=zip_of(files))
    assert WeekPage.objects.filter(locale=english).count() == 2

    services.course_package_import(archive=zip_of(with_twin()))

    assert [week.title for week in WeekPage.objects.filter(locale=english)] == ["Minggu pertama"]
    assert not LessonPage.objects.filter(translation_key=LESSON_TWO.replace("aa02", "aa03"))
    assert WeekPage.objects.child_of(course).count() == 1
