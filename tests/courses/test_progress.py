from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from courses.progress import WeekOutline, is_week_open, summarise, week_opens_on

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
