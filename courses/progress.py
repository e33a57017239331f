"""Progress rules as pure functions: which weeks are open, how far a learner or business got."""

from dataclasses import dataclass
from datetime import date, timedelta

DAYS_PER_WEEK = 7


def week_opens_on(*, start: date, week_number: int) -> date:
    """Week 1 opens on the start date, week n seven days after week n-1."""
    return start + timedelta(days=DAYS_PER_WEEK * (week_number - 1))


def is_week_open(*, weekly: bool, start: date | None, week_number: int, today: date) -> bool:
    if not weekly or start is None:
        return True
    return today >= week_opens_on(start=start, week_number=week_number)


@dataclass(frozen=True)
class WeekOutline:
    week_id: int
    lesson_ids: tuple[int, ...]


@dataclass(frozen=True)
class WeekProgress:
    week_id: int
    number: int
    done: int
    total: int

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done == self.total


@dataclass(frozen=True)
class CourseProgress:
    weeks: tuple[WeekProgress, ...]
    done: int
    total: int
    next_lesson_id: int | None  # the first lesson not yet done, in course order

    @property
    def percent(self) -> int:
        """Whole percent, rounded down so 100 means every lesson is done."""
        return self.done * 100 // self.total if self.total else 0

    @property
    def started(self) -> bool:
        return self.done > 0

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done == self.total


def summarise(outline: list[WeekOutline], done_lesson_ids: set[int]) -> CourseProgress:
    """Progress through ``outline`` (weeks in course order) given the lessons done.

    Lessons done that are no longer in the outline (deleted or moved away) do not count.
    """
    weeks = []
    next_lesson_id = None
    for number, week in enumerate(outline, start=1):
        done = sum(1 for lesson_id in week.lesson_ids if lesson_id in done_lesson_ids)
        weeks.append(WeekProgress(week.week_id, number, done, len(week.lesson_ids)))
        if next_lesson_id is None:
            next_lesson_id = next(
                (lesson_id for lesson_id in week.lesson_ids if lesson_id not in done_lesson_ids),
                None,
            )
    return CourseProgress(
        weeks=tuple(weeks),
        done=sum(week.done for week in weeks),
        total=sum(week.total for week in weeks),
        next_lesson_id=next_lesson_id,
    )
