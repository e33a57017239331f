from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st

from courses.progress import (
    Completion,
    WeekOutline,
    is_week_open,
    requirements_of,
    summarise,
    week_opens_on,
)

OUTLINE = [WeekOutline(10, (1, 2)), WeekOutline(20, (3, 4, 5)), WeekOutline(30, ())]


def test_weeks_open_seven_days_apart_from_the_start():
    start = date(2026, 12, 1)
    assert week_opens_on(start=start, week_number=1) == date(2026, 12, 1)
    assert week_opens_on(start=start, week_number=4) == date(2026, 12, 22)


def test_weekly_course_opens_a_week_on_its_day_and_not_before():
    start = date(2026, 12, 1)
    assert not is_week_open(weekly=True, start=start, week_number=2, today=date(2026, 12, 7))
    assert is_week_open(weekly=True, start=start, week_number=2, today=date(2026, 12, 8))


def test_self_paced_course_has_every_week_open():
    assert is_week_open(weekly=False, start=date(2030, 1, 1), week_number=4, today=date(2026, 1, 1))


def test_nothing_done_points_at_the_first_lesson():
    progress = summarise(OUTLINE, set())
    assert (progress.done, progress.total, progress.percent) == (0, 5, 0)
    assert progress.next_lesson_id == 1
    assert not progress.started


def test_continue_points_at_the_first_lesson_not_done_in_course_order():
    progress = summarise(OUTLINE, {1, 2, 4})
    assert progress.next_lesson_id == 3
    assert [(w.number, w.done, w.total) for w in progress.weeks] == [
        (1, 2, 2),
        (2, 1, 3),
        (3, 0, 0),
    ]
    assert progress.weeks[0].complete
    assert not progress.weeks[1].complete
    assert progress.percent == 60


def test_lessons_no_longer_in_the_course_do_not_count():
    progress = summarise(OUTLINE, {1, 99})
    assert progress.done == 1


def test_all_done_is_complete_with_nothing_next():
    progress = summarise(OUTLINE, {1, 2, 3, 4, 5})
    assert progress.complete
    assert progress.percent == 100
    assert progress.next_lesson_id is None


@given(st.sets(st.integers(min_value=1, max_value=8)))
def test_percent_stays_within_bounds_and_reaches_100_only_when_complete(done):
    outline = [WeekOutline(1, (1, 2, 3)), WeekOutline(2, (4, 5, 6, 7))]
    progress = summarise(outline, done)
    assert 0 <= progress.percent <= 100
    assert (progress.percent == 100) == progress.complete
    assert progress.done == len(done & {1, 2, 3, 4, 5, 6, 7})


# Completion: quiz-only weeks, weeks holding nothing, and the completion record.

WHEN = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
WITH_QUIZ_WEEK = [WeekOutline(10, (1, 2), (91,)), WeekOutline(20, (), (92,))]


def test_a_week_holding_only_a_quiz_requires_that_quiz_passed():
    progress = summarise(WITH_QUIZ_WEEK, {1, 2})
    assert [(w.done, w.total, w.quiz_only) for w in progress.weeks] == [
        (2, 2, False),
        (0, 1, True),
    ]
    assert not progress.complete
    assert progress.next_lesson_id is None
    assert progress.next_quiz_id == 92
    assert progress.percent == 66
    assert summarise(WITH_QUIZ_WEEK, {1, 2}, {92}).complete


def test_a_quiz_in_a_week_with_lessons_is_not_a_requirement():
    progress = summarise(WITH_QUIZ_WEEK, {1, 2}, {92})
    assert progress.complete  # quiz 91 was never passed
    assert (progress.done, progress.total) == (2, 2)  # lessons only, as the page says


def test_passing_the_quiz_alone_does_not_complete_a_course_with_lessons_left():
    progress = summarise(WITH_QUIZ_WEEK, {1}, {92})
    assert progress.weeks[1].complete
    assert not progress.complete


def test_a_week_holding_neither_lessons_nor_a_quiz_is_not_counted():
    empty = summarise([WeekOutline(10, (1,)), WeekOutline(20, ())], {1})
    assert empty.complete
    assert empty.percent == 100
    assert not empty.weeks[1].complete
    assert empty.weeks[1].total == 0


def test_a_course_holding_nothing_completes_nobody():
    assert not summarise([WeekOutline(10, ())], set()).complete
    assert not summarise([], set()).complete


def test_requirements_name_every_lesson_and_only_quizzes_of_quiz_only_weeks():
    assert requirements_of(WITH_QUIZ_WEEK) == {"lesson_ids": [1, 2], "quiz_ids": [92]}


def test_a_completed_learner_stays_completed_after_a_lesson_is_added():
    completion = Completion.of(WHEN, requirements_of(OUTLINE))
    grown = [WeekOutline(10, (1, 2, 6)), WeekOutline(20, (3, 4, 5)), WeekOutline(30, ())]
    progress = summarise(grown, {1, 2, 3, 4, 5}, completion=completion)
    assert progress.complete
    assert progress.completed_at == WHEN
    assert progress.percent == 100
    assert progress.new_lesson_ids == {6}
    assert (progress.done, progress.total) == (5, 5)
    assert progress.weeks[0].new == 1
    assert progress.weeks[0].complete
    assert progress.next_lesson_id is None


def test_a_learner_under_way_sees_the_added_lesson_as_progress_left():
    grown = [WeekOutline(10, (1, 2, 6)), WeekOutline(20, (3, 4, 5))]
    progress = summarise(grown, {1, 2, 3, 4, 5})
    assert not progress.complete
    assert (progress.done, progress.total, progress.next_lesson_id) == (5, 6, 6)
    assert progress.new_lesson_ids == frozenset()


def test_reading_a_new_lesson_after_completing_counts_it_as_done():
    completion = Completion.of(WHEN, {"lesson_ids": [1, 2]})
    progress = summarise([WeekOutline(10, (1, 2, 6))], {1, 2, 6}, completion=completion)
    assert (progress.done, progress.total, progress.new_lesson_ids) == (3, 3, frozenset())


def test_a_quiz_only_week_added_after_completing_is_not_required():
    completion = Completion.of(WHEN, {"lesson_ids": [1, 2]})
    progress = summarise(WITH_QUIZ_WEEK, {1, 2}, completion=completion)
    assert progress.complete
    assert progress.next_quiz_id is None
    assert progress.weeks[1].total == 0


def test_a_record_without_its_requirements_still_completes():
    progress = summarise(OUTLINE, set(), completion=Completion.of(WHEN, {}))
    assert progress.complete
    assert progress.started
    assert progress.new_lesson_ids == {1, 2, 3, 4, 5}


lesson_ids = st.sets(st.integers(min_value=1, max_value=12), max_size=12)
outlines = st.lists(
    st.tuples(lesson_ids, st.sets(st.integers(min_value=100, max_value=104), max_size=2)),
    max_size=4,
).map(
    lambda weeks: [
        WeekOutline(number, tuple(sorted(lessons)), tuple(sorted(quizzes)))
        for number, (lessons, quizzes) in enumerate(weeks, start=1)
    ]
)


@given(outlines, lesson_ids, st.sets(st.integers(min_value=100, max_value=104)))
def test_without_a_record_complete_means_every_counted_week_met(outline, done, passed):
    progress = summarise(outline, done, passed)
    counted = [w for w in outline if w.lesson_ids or w.quiz_ids]
    met = all(
        set(w.lesson_ids) <= done if w.lesson_ids else set(w.quiz_ids) <= passed for w in counted
    )
    assert progress.complete == (bool(counted) and met)
    assert 0 <= progress.percent <= 100
    assert (progress.percent == 100) == progress.complete
    assert progress.done <= progress.total


@given(outlines, outlines, lesson_ids, st.sets(st.integers(min_value=100, max_value=104)))
def test_a_record_holds_whatever_the_course_becomes(then, now, done, passed):
    completion = Completion.of(WHEN, requirements_of(then))
    progress = summarise(now, done, passed, completion)
    assert progress.complete
    assert progress.percent == 100
    assert not progress.new_lesson_ids & done
    assert progress.new_lesson_ids.isdisjoint(completion.lesson_ids)
    assert progress.done <= progress.total
