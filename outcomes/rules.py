"""When a business's check-in is due: plain values in, plain values out.

A course asks for some of four moments. Each has a window; at most one window is open at a time:

- ``before``: from the business's first enrolment until it completes the course;
- ``end``: from completion until the first follow-up opens (30 days later);
- ``month_1``: from 30 days after completion until the next follow-up opens (90 days);
- ``month_3``: from 90 days after completion until 180 days after.

A moment opens only when the course asks for it, and a window closes when the next one opens,
whether or not the course asks for that next moment. A check-in already recorded is done; a
window that closed without one is missed (the figures would no longer describe that moment).
"""

import datetime
from dataclasses import dataclass

BEFORE, END, MONTH_1, MONTH_3 = "before", "end", "month_1", "month_3"
MOMENTS = (BEFORE, END, MONTH_1, MONTH_3)
DONE, DUE, LATER, MISSED = "done", "due", "later", "missed"

# Days after completion at which a follow-up's window opens; the last window's close.
OPENS_AFTER_COMPLETION = {END: 0, MONTH_1: 30, MONTH_3: 90}
LAST_CLOSES_AFTER = 180


@dataclass(frozen=True)
class MomentState:
    moment: str
    state: str  # DONE, DUE, LATER or MISSED
    opens_on: datetime.date | None  # None: not known yet (the course is not completed)


def _window(moment, enrolled_on, completed_on):
    """(opens, closes) for ``moment``; None for a date not known yet; closes is exclusive."""
    if moment == BEFORE:
        return enrolled_on, completed_on
    if completed_on is None:
        return None, None
    opens = completed_on + datetime.timedelta(days=OPENS_AFTER_COMPLETION[moment])
    later = [days for days in OPENS_AFTER_COMPLETION.values() if days > (opens - completed_on).days]
    closes_after = min(later) if later else LAST_CLOSES_AFTER
    return opens, completed_on + datetime.timedelta(days=closes_after)


def moment_states(
    *,
    enrolled_on: datetime.date | None,
    completed_on: datetime.date | None,
    today: datetime.date,
    moments,
    done,
) -> list[MomentState]:
    """The state of each of the course's ``moments`` (in course order) for one business.

    ``enrolled_on``: the first enrolment of any member (None: not enrolled, nothing is due);
    ``completed_on``: the first completion by any member, or None; ``done``: moments with a
    check-in.
    """
    states = []
    for moment in MOMENTS:
        if moment not in moments:
            continue
        if moment in done:
            opens = _window(moment, enrolled_on, completed_on)[0] if enrolled_on else None
            states.append(MomentState(moment, DONE, opens))
            continue
        if enrolled_on is None:
            states.append(MomentState(moment, LATER, None))
            continue
        opens, closes = _window(moment, enrolled_on, completed_on)
        if opens is None or today < opens:
            state = LATER
        elif closes is not None and today >= closes:
            state = MISSED
        else:
            state = DUE
        states.append(MomentState(moment, state, opens))
    return states


def due_moment(**kwargs) -> str | None:
    """The moment due now (at most one), or None; arguments as for ``moment_states``."""
    return next((row.moment for row in moment_states(**kwargs) if row.state == DUE), None)
