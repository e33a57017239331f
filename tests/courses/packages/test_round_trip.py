"""Export → import into an empty site → export gives the same files, for every block type,
question type and survey item type."""

import pytest
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page

from courses.models import CoursePage, LessonPage, Pacing
from courses.packages import archive, services
from outcomes.models import CheckInPlan
from quizzes.models import QuizPage

from .builders import build_full_course


def _empty_the_site(course):
    Page.objects.get(pk=course.pk).delete()
    Image.objects.all().delete()
    Document.objects.all().delete()


@pytest.mark.django_db
def test_export_import_into_an_empty_site_export_gives_identical_files():
    course = build_full_course()
    first = services.course_package_files(course=course)
    zipped = services.course_package_export(course=course)
    assert services.course_package_export(course=course) == zipped  # the same bytes each time
    _empty_the_site(course)

    imported = services.course_package_import(archive=zipped)

    again = services.course_package_files(course=imported)
    assert list(again) == list(first)
    for path, data in first.items():
        assert again[path] == data, path
    assert imported.live is False  # a new course arrives as a draft
    assert str(imported.translation_key) == first["course.yaml"].decode().split("id: ")[1][:36]


@pytest.mark.django_db
def test_every_block_type_arrives_in_wagtails_stored_form():
    course = build_full_course()
    zipped = services.course_package_export(course=course)
    _empty_the_site(course)

    imported = services.course_package_import(archive=zipped)

    lesson = LessonPage.objects.descendant_of(imported).get(slug="semua-blok")
    kinds = [block.block_type for block in lesson.body]
    assert kinds == [
        "text",
        "tip",
        "tip",
        "image",
        "image",
        "video",
        "video",
        "document",
        "checklist",
        "loan_simulator",
    ]
    text = lesson.body[0].value.source
    target = LessonPage.objects.descendant_of(imported).get(slug="tujuan")
    assert f'<a linktype="page" id="{target.pk}">pelajaran lain</a>' in text
    assert '<a linktype="document" id="' in text
    assert "<h3>Kas harian</h3>" in text
    assert "<b>setiap</b>" in text
    photo = lesson.body[3].value["image"]
    assert photo.contextual_alt_text == "Kue di meja"
    assert lesson.body[4].value["image"].decorative is True
    assert lesson.body[6].value["file"].file.name.endswith(".mp4")
    simulator = lesson.body[9].value
    assert [p["method"] for p in simulator["presets"]] == ["annuity", "flat"]
    quiz = QuizPage.objects.descendant_of(imported).get()
    assert [q.id for q in quiz.question_list()] == ["q1", "q2", "q3", "q4"]
    assert [c.id for c in quiz.question_list()[1].choices] == ["c3", "c4", "c5"]
    assert CheckInPlan.objects.get(course=imported).moments == ("before", "end", "month_1")
    assert imported.certificate_template.name == "Templat DIY"
    assert Image.objects.count() == 4  # the thumbnail used twice is stored once


@pytest.mark.django_db
def test_importing_the_course_own_package_changes_nothing():
    course = build_full_course()
    zipped = services.course_package_export(course=course)
    revisions = {page.pk: page.latest_revision_id for page in Page.objects.descendant_of(course)}

    plan = services.course_package_preview(archive=zipped)
    assert not plan.new_course
    assert plan.live
    assert {change.action for change in plan.changes} == {"keep"}, plan.lines()

    services.course_package_import(archive=zipped)

    after = {page.pk: page.latest_revision_id for page in Page.objects.descendant_of(course)}
    assert after == revisions
    assert services.course_package_export(course=CoursePage.objects.get(pk=course.pk)) == zipped


@pytest.mark.django_db
def test_a_folder_reads_like_its_zip(tmp_path):
    course = build_full_course()
    files = services.course_package_files(course=course)
    for path, data in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data)

    assert archive.read(tmp_path).files == files


@pytest.mark.django_db
def test_a_course_fresh_from_the_admin_exports_its_choices_as_plain_values():
    """A page just built holds its pacing as a choice member, not yet the stored string."""
    course = build_full_course()
    course.pacing = Pacing.SELF_PACED

    files = services.course_package_files(course=course)

    assert "\npacing: self_paced\n" in files["course.yaml"].decode()
