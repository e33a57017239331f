"""Importing a course's edited package updates it in place: learners keep their progress."""

import uuid

import pytest
from wagtail.models import Page

from certificates.models import Certificate, CertificateTemplate
from courses.models import CoursePage, LessonCompletion, LessonPage, WeekPage
from courses.packages import services
from courses.services import enrolment_start, lesson_mark_done
from quizzes.models import QuizAttempt, QuizPage
from quizzes.services import attempt_submit

from .builders import build_full_course, zip_of

NEW_LESSON = """---
title: Pelajaran baru
minutes: 7
---

Isi yang **baru**.
"""


@pytest.fixture
def progress(owner):
    """The owner in the full course: two lessons done, a quiz passed, a certificate."""
    course = build_full_course()
    enrolment_start(learner=owner, course=course)
    lessons = {page.slug: page for page in LessonPage.objects.descendant_of(course)}
    lesson_mark_done(learner=owner, lesson=lessons["semua-blok"])
    LessonCompletion.objects.create(  # week 2 is not open yet: recorded as an earlier cohort's
        learner=owner, course=course, lesson=lessons["tujuan"], lesson_title="Tujuan tautan"
    )
    quiz = QuizPage.objects.descendant_of(course).get()
    attempt = attempt_submit(
        learner=owner,
        page=quiz,
        raw_answers={"q1": ["c1"], "q2": ["c3", "c4"], "q3": ["true"], "q4": ["600000"]},
        token=uuid.uuid4(),
    )
    certificate = Certificate.objects.create(
        learner=owner,
        course=course,
        template=CertificateTemplate.objects.first(),
        serial="PU-2020-000001",
        holder_name=owner.full_name,
        course_title=course.title,
        completed_on="2026-01-15",
    )
    return course, lessons, quiz, attempt, certificate


def _edited(files):
    """Edits a lesson and the quiz, adds a lesson first in week 1, removes week 2's lesson."""
    files = dict(files)
    lesson = files["minggu-1/pelajaran-1.md"].decode()
    lesson = lesson.replace("### Kas harian", "### Kas harian yang rapi")
    start = lesson.index("[pelajaran lain](page:")
    end = lesson.index(")", start)
    lesson = lesson[:start] + "pelajaran lain" + lesson[end + 1 :]
    files["minggu-1/pelajaran-1.md"] = lesson.encode()
    files["minggu-1/pelajaran-2.md"] = NEW_LESSON.encode()
    week = files["minggu-1/week.yaml"].decode()
    week = week.replace(
        "order:\n- pelajaran-1.md\n- kuis.yaml\n- tugas-1.md",
        "order:\n- pelajaran-2.md\n- kuis.yaml\n- pelajaran-1.md\n- tugas-1.md",
    )
    files["minggu-1/week.yaml"] = week.encode()
    quiz = files["minggu-1/kuis.yaml"].decode().replace("Apa itu OJK?", "Apa tugas OJK?")
    files["minggu-1/kuis.yaml"] = quiz.encode()
    del files["minggu-2/pelajaran-1.md"]
    week_two = files["minggu-2/week.yaml"].decode().replace("- pelajaran-1.md\n", "")
    files["minggu-2/week.yaml"] = week_two.encode()
    return files


@pytest.mark.django_db
def test_preview_lists_what_the_edited_package_changes(progress):
    course, *_rest = progress
    files = _edited(services.course_package_files(course=course))

    plan = services.course_package_preview(archive=zip_of(files))

    assert plan.count("lesson", "create") == 1
    assert plan.count("lesson", "change") == 1
    assert plan.count("lesson", "remove") == 1
    assert plan.count("question", "change") == 1
    assert plan.count("question", "keep") == 7
    assert plan.count("quiz", "change") == 1
    assert plan.count("media", "create") == 0
    assert any("Tujuan tautan" in line for line in plan.lines())
    assert LessonPage.objects.descendant_of(course).count() == 2  # nothing written


@pytest.mark.django_db
def test_progress_attempts_and_certificate_survive_an_import_that_edits_reorders_adds_removes(
    progress, owner, mentor
):
    course, lessons, quiz, attempt, certificate = progress
    files = _edited(services.course_package_files(course=course))

    imported = services.course_package_import(archive=zip_of(files), user=mentor)

    assert imported.pk == course.pk
    assert imported.live
    edited = LessonPage.objects.get(pk=lessons["semua-blok"].pk)  # same row, published
    assert "Kas harian yang rapi" in edited.body[0].value.source
    assert edited.live
    assert not edited.has_unpublished_changes
    assert edited.get_latest_revision().user == mentor
    week = WeekPage.objects.child_of(course).get(slug="minggu-1")
    order = [page.specific_class.__name__ + ":" + page.title for page in week.get_children()]
    assert order == [
        "LessonPage:Pelajaran baru",
        "QuizPage:Kuis Minggu pertama",
        "LessonPage:Semua blok",
        "AssignmentPage:Tugas Minggu pertama",
    ]
    new = LessonPage.objects.get(title="Pelajaran baru")
    assert new.live
    assert "<b>baru</b>" in new.body[0].value.source
    assert not Page.objects.filter(pk=lessons["tujuan"].pk).exists()
    kept = LessonCompletion.objects.get(learner=owner, lesson=edited)
    removed = LessonCompletion.objects.get(learner=owner, lesson_title="Tujuan tautan")
    assert kept.course_id == removed.course_id == course.pk
    assert removed.lesson is None  # kept with its title, as deleting in the admin does
    attempt.refresh_from_db()
    assert attempt.page_id == quiz.pk
    assert QuizAttempt.objects.filter(learner=owner).count() == 1
    quiz = QuizPage.objects.get(pk=quiz.pk)
    assert [q.id for q in quiz.question_list()] == ["q1", "q2", "q3", "q4"]
    assert quiz.questions[0].value["prompt"] == "Apa tugas OJK?"
    certificate.refresh_from_db()
    assert certificate.course_id == course.pk
    assert certificate.is_valid


@pytest.mark.django_db
def test_a_draft_course_stays_a_draft_and_its_pages_hold_the_new_content(mentor):
    course = build_full_course(live=False)
    files = services.course_package_files(course=course)
    files["minggu-2/pelajaran-1.md"] = files["minggu-2/pelajaran-1.md"].replace(
        b"Halaman tujuan.", b"Halaman tujuan, diperbarui."
    )

    services.course_package_import(archive=zip_of(files), user=mentor)

    lesson = LessonPage.objects.get(slug="tujuan")
    assert not lesson.live
    assert "diperbarui" in lesson.body[0].value.source
    assert not CoursePage.objects.get(pk=course.pk).live


@pytest.mark.django_db
def test_a_new_lesson_may_take_the_slug_an_old_one_gives_up_in_a_live_course(mentor):
    course = build_full_course()
    files = services.course_package_files(course=course)
    old = files["minggu-1/pelajaran-1.md"].replace(b"slug: semua-blok", b"slug: semua-blok-lama")
    files["minggu-1/pelajaran-1.md"] = old
    files["minggu-1/pelajaran-2.md"] = NEW_LESSON.replace(
        "minutes: 7", "slug: semua-blok\nminutes: 7"
    ).encode()
    files["minggu-1/week.yaml"] = files["minggu-1/week.yaml"].replace(
        b"- tugas-1.md", b"- tugas-1.md\n- pelajaran-2.md"
    )

    services.course_package_import(archive=zip_of(files), user=mentor)

    week = WeekPage.objects.child_of(course).get(slug="minggu-1")
    slugs = {page.title: page.slug for page in LessonPage.objects.child_of(week).live()}
    assert slugs == {"Semua blok": "semua-blok-lama", "Pelajaran baru": "semua-blok"}
