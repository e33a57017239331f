"""The roster's pure rules: which week a class is in, what a learner is behind on, and the
Indonesian message for each case."""

from datetime import date, timedelta

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from mentoring import roster
from mentoring.roster import AssignmentFigure, LearnerFigures, QuizFigure

START = date(2026, 11, 2)


def figures(**overrides) -> LearnerFigures:
    """A learner in week 2 of 4 who has done every lesson due and has nothing else due."""
    values = {
        "name": "Sumarni",
        "course": "Pemasaran Digital",
        "week_number": 2,
        "week_title": "Media sosial",
        "lessons_done": 4,
        "lessons_due": 4,
        "started": True,
    }
    values.update(overrides)
    return LearnerFigures(**values)


# --- the class's week ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "week"),
    [
        (START - timedelta(days=1), 0),
        (START, 1),
        (START + timedelta(days=6), 1),
        (START + timedelta(days=7), 2),
        (START + timedelta(days=27), 4),
        (START + timedelta(days=300), 4),  # stays at the last week
    ],
)
def test_programme_week_counts_seven_days_a_week_from_the_start(today, week):
    assert roster.programme_week(start=START, today=today, weeks=4) == week


def test_programme_week_is_zero_without_a_start_or_a_week():
    assert roster.programme_week(start=None, today=START, weeks=4) == 0
    assert roster.programme_week(start=START, today=START, weeks=0) == 0


@given(st.integers(min_value=-400, max_value=400), st.integers(min_value=0, max_value=20))
def test_programme_week_is_always_within_the_course(days, weeks):
    week = roster.programme_week(start=START, today=START + timedelta(days=days), weeks=weeks)
    assert 0 <= week <= weeks
    assert (week == 0) == (days < 0 or weeks == 0)


# --- which nudge --------------------------------------------------------------------------


def test_a_learner_who_did_nothing_has_not_started():
    nudge = roster.nudge_for(figures(started=False, lessons_done=0))

    assert nudge.kind == roster.NOT_STARTED
    assert "Sumarni" in nudge.message
    assert "Pemasaran Digital" in nudge.message
    with translation.override("id"):
        assert nudge.message == str(
            roster.NOT_STARTED_MESSAGE % {"name": "Sumarni", "course": "Pemasaran Digital"}
        )


def test_behind_names_the_week_and_the_lessons_left():
    nudge = roster.nudge_for(figures(lessons_done=1))

    assert nudge.kind == roster.BEHIND
    assert "Media sosial" in nudge.message
    assert "minggu ke-2" in nudge.message  # the class's week, in Indonesian
    assert " 3 " in nudge.message  # lessons left
    with translation.override("id"):
        assert nudge.message == roster.behind_message(figures(lessons_done=1))


def test_one_lesson_left_is_counted_too():
    nudge = roster.nudge_for(figures(lessons_done=3))

    assert nudge.kind == roster.BEHIND
    assert " 1 " in nudge.message


def test_a_quiz_due_and_not_passed_is_named():
    quizzes = (
        QuizFigure("Kuis minggu 1", roster.QUIZ_PASSED),
        QuizFigure("Kuis minggu 2", roster.QUIZ_FAILED),
    )
    nudge = roster.nudge_for(figures(quizzes=quizzes))

    assert nudge.kind == roster.QUIZ
    with translation.override("id"):
        expected = roster.QUIZ_MESSAGE % {
            "name": "Sumarni",
            "course": "Pemasaran Digital",
            "quiz": "Kuis minggu 2",
        }
    assert nudge.message == str(expected)


def test_a_quiz_not_taken_yet_counts_as_not_passed():
    nudge = roster.nudge_for(figures(quizzes=(QuizFigure("Kuis 2", roster.QUIZ_NOT_TAKEN),)))

    assert nudge.kind == roster.QUIZ
    assert "Kuis 2" in nudge.message


def test_a_quiz_of_a_week_not_reached_is_not_asked_for():
    quiz = QuizFigure("Kuis minggu 3", roster.QUIZ_NOT_TAKEN, due=False)

    assert roster.nudge_for(figures(quizzes=(quiz,))).kind == roster.ON_TRACK


def test_an_assignment_sent_back_is_named_whatever_its_week():
    assignments = (
        AssignmentFigure("Buka akun bisnis", roster.ACCEPTED),
        AssignmentFigure("Foto produk", roster.NEEDS_REVISION, due=False),
    )
    nudge = roster.nudge_for(figures(assignments=assignments, lessons_done=0))

    assert nudge.kind == roster.REVISION  # before the lessons behind: the mentor asked
    assert "Foto produk" in nudge.message
    with translation.override("id"):
        expected = roster.REVISION_MESSAGE % {
            "name": "Sumarni",
            "course": "Pemasaran Digital",
            "assignment": "Foto produk",
        }
    assert nudge.message == str(expected)


def test_an_assignment_due_and_not_handed_in_is_named():
    assignments = (
        AssignmentFigure("Buka akun bisnis", roster.HANDED_IN),
        AssignmentFigure("Foto produk", roster.NOT_HANDED_IN),
        AssignmentFigure("Anggaran iklan", roster.NOT_HANDED_IN, due=False),
    )
    nudge = roster.nudge_for(figures(assignments=assignments))

    assert nudge.kind == roster.ASSIGNMENT
    assert "Foto produk" in nudge.message
    assert "Anggaran iklan" not in nudge.message


def test_an_assignment_of_a_week_not_reached_is_not_asked_for():
    assignment = AssignmentFigure("Anggaran iklan", roster.NOT_HANDED_IN, due=False)

    assert roster.nudge_for(figures(assignments=(assignment,))).kind == roster.ON_TRACK


def test_a_hand_in_waiting_for_review_asks_nothing_of_the_learner():
    learner = figures(assignments=(AssignmentFigure("Foto produk", roster.HANDED_IN),))

    assert learner.waiting
    assert roster.nudge_for(learner).kind == roster.ON_TRACK


def test_lessons_come_before_quizzes_and_quizzes_before_assignments():
    quiz = QuizFigure("Kuis", roster.QUIZ_FAILED)
    assignment = AssignmentFigure("Tugas", roster.NOT_HANDED_IN)

    assert (
        roster.nudge_for(figures(lessons_done=2, quizzes=(quiz,), assignments=(assignment,))).kind
        == roster.BEHIND
    )
    assert roster.nudge_for(figures(quizzes=(quiz,), assignments=(assignment,))).kind == roster.QUIZ


def test_up_to_date_learner_is_encouraged():
    nudge = roster.nudge_for(figures())

    assert nudge.kind == roster.ON_TRACK
    with translation.override("id"):
        expected = roster.ON_TRACK_MESSAGE % {"name": "Sumarni", "course": "Pemasaran Digital"}
    assert nudge.message == str(expected)


def test_a_certificate_holder_is_congratulated_whatever_else():
    nudge = roster.nudge_for(
        figures(
            certificate=True,
            lessons_done=0,
            assignments=(AssignmentFigure("Tugas", roster.NEEDS_REVISION),),
        )
    )

    assert nudge.kind == roster.DONE
    with translation.override("id"):
        expected = roster.DONE_MESSAGE % {"name": "Sumarni", "course": "Pemasaran Digital"}
    assert nudge.message == str(expected)


def test_before_the_class_starts_nothing_is_behind():
    learner = figures(week_number=0, week_title="", lessons_done=0, lessons_due=0)

    assert not learner.behind
    assert roster.nudge_for(learner).kind == roster.ON_TRACK


def test_messages_are_indonesian_whatever_the_admin_language():
    with translation.override("en"):
        nudge = roster.nudge_for(figures(lessons_done=1))
    with translation.override("id"):
        expected = roster.behind_message(figures(lessons_done=1))

    assert nudge.message == expected


@given(
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=40),
    st.booleans(),
    st.booleans(),
)
def test_every_learner_gets_exactly_one_message_naming_them(done, due, started, certificate):
    nudge = roster.nudge_for(
        figures(lessons_done=done, lessons_due=due, started=started, certificate=certificate)
    )

    assert nudge.kind in {
        roster.NOT_STARTED,
        roster.BEHIND,
        roster.ON_TRACK,
        roster.DONE,
    }
    assert "Sumarni" in nudge.message
    assert (nudge.kind == roster.BEHIND) == (started and not certificate and done < due)


# --- the class group's message ------------------------------------------------------------


def test_class_message_lists_the_weeks_lessons_quiz_and_assignment():
    message = roster.class_message(
        course="Pemasaran Digital",
        week_number=2,
        week_title="Media sosial",
        lessons=["Membuat akun bisnis", "Menulis keterangan foto"],
        quizzes=["Kuis minggu 2"],
        assignments=["Foto produk"],
    )

    lines = message.splitlines()
    with translation.override("id"):
        greeting = roster.CLASS_GREETING % {
            "number": 2,
            "course": "Pemasaran Digital",
            "week": "Media sosial",
        }
        assert lines[0] == str(greeting)
        assert f"- {roster.CLASS_LESSON % {'title': 'Membuat akun bisnis'}}" in lines
        assert f"- {roster.CLASS_LESSON % {'title': 'Menulis keterangan foto'}}" in lines
        assert f"- {roster.CLASS_QUIZ % {'title': 'Kuis minggu 2'}}" in lines
        assert f"- {roster.CLASS_ASSIGNMENT % {'title': 'Foto produk'}}" in lines
        assert lines[-1] == str(roster.CLASS_CLOSING)


def test_class_message_before_the_start_names_the_start_date():
    message = roster.class_message(
        course="Pemasaran Digital",
        week_number=0,
        week_title="",
        lessons=[],
        starts_on=date(2026, 12, 7),
    )

    assert "Pemasaran Digital" in message
    assert "7 Desember 2026" in message  # Indonesian month name
