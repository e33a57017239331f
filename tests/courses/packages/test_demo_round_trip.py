"""The demo curricula ship as packages (courses/demo_packages/): importing each into an empty
site and exporting it gives the shipped files byte for byte, and seed_demo builds the courses
from them with the packages' ids."""

import io

import pytest
from django.core.management import call_command

from courses import demo
from courses.models import CoursePage, LessonPage
from courses.packages import archive, services
from quizzes.models import QuizPage

from .builders import course_index

FOLDERS = demo.package_folders()


def test_both_demo_curricula_ship_as_packages():
    assert [folder.name for folder in FOLDERS] == ["pemasaran-digital", "pembiayaan-umkm"]
    for folder in FOLDERS:
        files = archive.read_folder(folder).files
        assert sum(path.count("/pelajaran-") for path in files) == 12
        assert sum(path.endswith("/kuis.yaml") for path in files) == 4
        assert {"course.yaml", "questionnaire.yaml", "survey.yaml"} <= set(files)
        assert any(path.startswith("media/cover-") for path in files)


@pytest.mark.django_db
@pytest.mark.parametrize("folder", FOLDERS, ids=[folder.name for folder in FOLDERS])
def test_a_shipped_demo_package_round_trips_byte_for_byte(folder):
    shipped = archive.read_folder(folder).files
    assert not CoursePage.objects.exists()

    course = services.course_package_import(
        archive=archive.read_folder(folder), index=course_index()
    )

    exported = services.course_package_files(course=course)
    assert sorted(exported) == sorted(shipped)
    for path, data in shipped.items():
        assert exported[path] == data, path
    assert course.slug == folder.name


@pytest.mark.django_db
def test_seed_demo_builds_the_courses_from_the_packages_with_their_ids():
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())

    assert CoursePage.objects.count() == len(FOLDERS)
    for folder in FOLDERS:
        shipped = archive.read_folder(folder).files
        course = CoursePage.objects.get(slug=folder.name)
        assert course.live
        assert not course.get_descendants().not_live().exists()
        assert f"id: {course.translation_key}\n".encode() in shipped["course.yaml"]
        exported = services.course_package_files(course=course)
        assert sorted(exported) == sorted(shipped)
        for path, data in shipped.items():
            assert exported[path] == data, path
    lesson = LessonPage.objects.get(slug="pasar-di-dalam-ponsel")
    lesson_file = archive.read_folder(FOLDERS[0]).files["minggu-1/pelajaran-1.md"]
    assert f"id: {lesson.translation_key}\n".encode() in lesson_file
    quiz = QuizPage.objects.descendant_of(CoursePage.objects.get(slug="pemasaran-digital")).first()
    quiz_file = archive.read_folder(FOLDERS[0]).files["minggu-1/kuis.yaml"]
    for question in quiz.questions:
        assert f"- id: {question.id}\n".encode() in quiz_file
