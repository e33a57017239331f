"""Which check-in moment is due: windows around enrolment and completion, checked by hand."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outcomes.rules import (
    BEFORE,
    DONE,
    DUE,
    END,
    LATER,
    MISSED,
    MOMENTS,
    MONTH_1,
    MONTH_3,
    due_moment,
    moment_states,
)

ENROLLED = datetime.date(2026, 1, 5)
COMPLETED = datetime.date(2026, 2, 1)


def day(offset):
    """``offset`` days after completion."""
    return COMPLETED + datetime.timedelta(days=offset)


def states(*, today, completed=COMPLETED, moments=MOMENTS, done=(), enrolled=ENROLLED):
    rows = moment_states(
        enrolled_on=enrolled, completed_on=completed, today=today, moments=moments, done=set(done)
    )
    return {row.moment: row.state for row in rows}


@pytest.mark.parametrize(
    ("today", "completed", "expected"),
    [
        (ENROLLED - datetime.timedelta(days=1), None, BEFORE),  # not yet enrolled that day
        (ENROLLED, None, BEFORE),
        (ENROLLED + datetime.timedelta(days=200), None, BEFORE),  # still taking the course
        (day(-1), COMPLETED, BEFORE),
        (day(0), COMPLETED, END),
        (day(29), COMPLETED, END),
        (day(30), COMPLETED, MONTH_1),
        (day(89), COMPLETED, MONTH_1),
        (day(90), COMPLETED, MONTH_3),
        (day(179), COMPLETED, MONTH_3),
        (day(180), COMPLETED, None),
        (day(1000), COMPLETED, None),
    ],
)
def test_the_moment_due_follows_enrolment_and_completion(today, completed, expected):
    if today < ENROLLED:
        expected = None
    assert (
        due_moment(
            enrolled_on=ENROLLED,
            completed_on=completed,
            today=today,
            moments=MOMENTS,
            done=set(),
        )
        == expected
    )


def test_before_the_enrolment_every_moment_is_later():
    assert states(today=ENROLLED - datetime.timedelta(days=1), completed=None) == dict.fromkeys(
        MOMENTS, LATER
    )


def test_a_business_not_enrolled_has_nothing_due():
    assert states(today=day(5), enrolled=None, completed=None) == dict.fromkeys(MOMENTS, LATER)
    assert (
        due_moment(enrolled_on=None, completed_on=None, today=day(5), moments=MOMENTS, done=set())
        is None
    )


def test_while_taking_the_course_only_before_is_open_and_follow_ups_wait_for_completion():
    assert states(today=ENROLLED, completed=None) == {
        BEFORE: DUE,
        END: LATER,
        MONTH_1: LATER,
        MONTH_3: LATER,
    }


def test_windows_close_as_the_next_opens_and_a_check_in_left_out_is_missed():
    assert states(today=day(45)) == {BEFORE: MISSED, END: MISSED, MONTH_1: DUE, MONTH_3: LATER}
    assert states(today=day(200)) == dict.fromkeys(MOMENTS, MISSED)


def test_a_recorded_check_in_is_done_whatever_the_day():
    assert states(today=day(45), done={BEFORE, END}) == {
        BEFORE: DONE,
        END: DONE,
        MONTH_1: DUE,
        MONTH_3: LATER,
    }
    assert states(today=day(5), done={END}) == {
        BEFORE: MISSED,
        END: DONE,
        MONTH_1: LATER,
        MONTH_3: LATER,
    }
    assert (
        due_moment(
            enrolled_on=ENROLLED, completed_on=COMPLETED, today=day(5), moments=MOMENTS, done={END}
        )
        is None
    )


def test_a_course_asks_only_its_own_moments_and_a_window_still_closes_at_the_next_moment():
    assert states(today=day(45), moments=(BEFORE, END, MONTH_3)) == {
        BEFORE: MISSED,
        END: MISSED,  # closed on day 30, although this course has no month_1
        MONTH_3: LATER,
    }
    assert states(today=ENROLLED, completed=None, moments=(END,)) == {END: LATER}
    assert states(today=ENROLLED, completed=None, moments=()) == {}


def test_follow_ups_say_when_they_open():
    rows = moment_states(
        enrolled_on=ENROLLED, completed_on=COMPLETED, today=day(0), moments=MOMENTS, done=set()
    )
    assert [row.opens_on for row in rows] == [ENROLLED, day(0), day(30), day(90)]
    rows = moment_states(
        enrolled_on=ENROLLED, completed_on=None, today=ENROLLED, moments=MOMENTS, done=set()
    )
    assert [row.opens_on for row in rows] == [ENROLLED, None, None, None]


@given(
    offset=st.integers(min_value=-400, max_value=400),
    completed=st.booleans(),
    done=st.sets(st.sampled_from(MOMENTS)),
    moments=st.sets(st.sampled_from(MOMENTS)),
)
def test_at_most_one_moment_is_due_and_never_one_already_done_or_not_asked(
    offset, completed, done, moments
):
    today = COMPLETED + datetime.timedelta(days=offset)
    rows = moment_states(
        enrolled_on=ENROLLED,
        completed_on=COMPLETED if completed else None,
        today=today,
        moments=tuple(moments),
        done=done,
    )
    due = [row.moment for row in rows if row.state == DUE]
    assert len(due) <= 1
    assert not set(due) & done
    assert {row.moment for row in rows} == moments
