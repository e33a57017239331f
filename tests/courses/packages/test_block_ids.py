"""Block ids survive imports: kept in place on update, derived from the package otherwise."""

import pytest
from django.test import override_settings
from wagtail.models import Locale, Page

from courses.models import CoursePage, LessonPage
from courses.packages import services

from .builders import build_full_course, course_index, zip_of
from .test_twins import COURSE_ID, LESSON_ONE, with_twin

LESSON = "minggu-1/pelajaran-1.md"


def _ids(stream) -> list:
    """(type, id, [item ids]) of each block; item ids for checklists and loan presets."""
    found = []
    for block in stream.raw_data:
        value = block["value"]
        items = value.get("items") or value.get("presets") if isinstance(value, dict) else None
        item_ids = [item.get("id") if isinstance(item, dict) else None for item in items or []]
        found.append((block["type"], block["id"], item_ids))
    return found


@pytest.fixture
def english(db):
    """A site that offers English content."""
    course_index()
    locale, _created = Locale.objects.get_or_create(language_code="en")
    with override_settings(WAGTAIL_I18N_ENABLED=True):
        yield locale


def _lesson(course) -> LessonPage:
    return LessonPage.objects.descendant_of(course).get(slug="semua-blok")


def _edited_in_the_admin(course) -> CoursePage:
    """The full course's lesson saved as the admin saves it: list items with ids too."""
    lesson = _lesson(course)
    for _child in lesson.body:
        pass  # every block read, so saving writes each in full
    lesson.save()
    assert all(all(items) for _kind, _id, items in _ids(_lesson(course).body))
    return course


def _fresh_import(files) -> CoursePage:
    return services.course_package_import(archive=zip_of(files))


@pytest.mark.django_db
def test_importing_the_same_package_into_an_empty_site_twice_gives_the_same_block_ids():
    course = build_full_course()
    files = services.course_package_files(course=course)
    course.delete()

    first = _fresh_import(files)
    body, objectives = _ids(_lesson(first).body), _ids(first.objectives)
    first.delete()
    second = _fresh_import(files)

    assert _ids(_lesson(second).body) == body
    assert _ids(second.objectives) == objectives
    kinds = [kind for kind, _id, _items in body]
    assert kinds[-2:] == ["checklist", "loan_simulator"]
    assert all(len(items) == 2 for _kind, _id, items in body[-2:])
    every = [block_id for _k, block_id, items in body for block_id in (block_id, *items)]
    assert len(set(every)) == len(every)
    lesson_id = str(second.get_descendants().get(slug="semua-blok").translation_key)
    checklist_position = kinds.index("checklist")
    assert body[checklist_position][1] == services.derived_block_id(
        (lesson_id, "body"), checklist_position, "checklist"
    )


@pytest.mark.django_db
def test_an_update_that_edits_a_paragraph_keeps_the_ids_of_every_block_and_item(mentor):
    course = _edited_in_the_admin(build_full_course())
    before = _ids(_lesson(course).body)
    objectives = _ids(course.objectives)
    files = services.course_package_files(course=course)
    files[LESSON] = files[LESSON].replace(b"### Kas harian", b"### Kas harian yang rapi")

    services.course_package_import(archive=zip_of(files), user=mentor)

    lesson = _lesson(course)
    assert "Kas harian yang rapi" in lesson.body[0].value.source
    assert _ids(lesson.body) == before
    assert _ids(CoursePage.objects.get(pk=course.pk).objectives) == objectives


@pytest.mark.django_db
def test_a_new_checklist_item_gets_a_derived_id_and_the_others_keep_theirs(mentor):
    course = _edited_in_the_admin(build_full_course())
    before = _ids(_lesson(course).body)
    files = services.course_package_files(course=course)
    text = files[LESSON].decode()
    assert "- Pulpen\n" in text
    files[LESSON] = text.replace("- Pulpen\n", "- Pulpen\n- Kalkulator\n").encode()

    services.course_package_import(archive=zip_of(files), user=mentor)

    after = _ids(_lesson(course).body)
    position = [kind for kind, _id, _items in after].index("checklist")
    assert after[position][1] == before[position][1]
    assert after[position][2][:2] == before[position][2]
    lesson_id = str(_lesson(course).translation_key)
    assert after[position][2][2] == services.derived_block_id(
        (lesson_id, "body", position, "checklist"), 2, "item"
    )
    assert [row for i, row in enumerate(after) if i != position] == [
        row for i, row in enumerate(before) if i != position
    ]


@pytest.mark.django_db
def test_a_block_of_another_type_at_a_position_gets_a_derived_id_unlike_any_kept_one(mentor):
    course = build_full_course()
    before = _ids(_lesson(course).body)
    files = services.course_package_files(course=course)
    text = files[LESSON].decode()
    split = text.index("\n---\n", 4) + 5  # after the front matter: a tip becomes the first block
    tip = "\n```{tip} Baru\nTips pertama.\n```\n"
    files[LESSON] = (text[:split] + tip + text[split:]).encode()

    services.course_package_import(archive=zip_of(files), user=mentor)

    after = _ids(_lesson(course).body)
    assert [kind for kind, _id, _items in after] == ["tip"] + [k for k, _i, _t in before]
    ids = [block_id for _kind, block_id, _items in after]
    assert len(set(ids)) == len(ids)
    assert after[2][1] == before[2][1]  # a tip where a tip was: its id stays
    assert after[0][1] != before[0][1]  # a tip where the text was: a new id
    assert after[1][1] != before[1][1]  # the text where a tip was: a new id


def test_a_derived_id_a_kept_block_already_has_is_not_given_twice():
    path = ("lesson-id", "body")
    kept = services.derived_block_id(path, 0, "text")
    current = [("tip", "tip-id", {}), ("text", kept, "")]

    ids = services.stable_ids(["text", "text"], current, path)

    assert ids[1] == kept
    assert ids[0] == services.derived_block_id(path, 0, "text", attempt=2)
    assert services.stable_ids(["text", "text"], current, path) == ids


@pytest.mark.django_db
def test_an_english_version_imported_into_an_empty_site_twice_gets_the_same_block_ids(
    english, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"

    def imported_twin_ids():
        services.course_package_import(archive=zip_of(with_twin()))
        twin = LessonPage.objects.get(locale=english, translation_key=LESSON_ONE)
        ids = _ids(twin.get_latest_revision_as_object().body)
        for page in Page.objects.filter(translation_key=COURSE_ID):
            page.delete()  # the Indonesian course and its English alias, with their pages
        return ids

    first = imported_twin_ids()
    second = imported_twin_ids()

    assert [kind for kind, _id, _items in first] == ["text", "image", "tip"]
    assert first == second
