"""Progress rules as pure functions: which weeks are open, how far a learner or business got.

Completion, the one rule every page and report follows:

- A week's requirements are its lessons. A week holding no lesson but a week quiz requires that
  quiz passed (every such quiz, should it hold several); a week with neither is not counted.
- The course is complete when every counted week's requirements are met (and it counts one).
- That moment is recorded once (``courses.models.CourseCompletion``: when, and what was required
  then). A learner holding the record stays completed whatever the course gains later; lessons
  added since are "new", optional reading, never missing progress. Learners still under way
  follow today's content.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

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
    quiz_ids: tuple[int, ...] = ()  # the week's quizzes: required only if it holds no lesson

    @property
    def quiz_only(self) -> bool:
        return not self.lesson_ids and bool(self.quiz_ids)


@dataclass(frozen=True)
class Completion:
    """A learner's completion record, as the rules read it."""

    completed_at: datetime
    lesson_ids: frozenset[int] = frozenset()  # the lessons required then
    quiz_ids: frozenset[int] = frozenset()  # the quizzes of quiz-only weeks required then

    @classmethod
    def of(cls, completed_at: datetime, required: dict | None) -> "Completion":
        """From a record's ``completed_at`` and ``required`` JSON (``requirements_of``)."""
        required = required or {}
        return cls(
            completed_at,
            frozenset(required.get("lesson_ids", ())),
            frozenset(required.get("quiz_ids", ())),
        )


def requirements_of(outline: list[WeekOutline]) -> dict:
    """What completing ``outline`` requires, as a completion record keeps it."""
    return {
        "lesson_ids": [lesson_id for week in outline for lesson_id in week.lesson_ids],
        "quiz_ids": [quiz_id for week in outline if week.quiz_only for quiz_id in week.quiz_ids],
    }


@dataclass(frozen=True)
class WeekProgress:
    week_id: int
    number: int
    done: int  # requirements met: lessons done, or quizzes passed in a quiz-only week
    total: int  # requirements: 0 when the week is not counted
    quiz_only: bool = False
    new: int = 0  # lessons added after the learner completed the course: optional reading

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done >= self.total


@dataclass(frozen=True)
class CourseProgress:
    weeks: tuple[WeekProgress, ...]
    done: int  # lessons done
    total: int  # lessons required (for a completed learner: without those added since)
    next_lesson_id: int | None  # the first lesson required and not yet done, in course order
    completed_at: datetime | None = None  # from the learner's completion record
    new_lesson_ids: frozenset[int] = frozenset()  # added since the learner completed
    next_quiz_id: int | None = None  # the first quiz a quiz-only week still requires

    @property
    def requirements_met(self) -> bool:
        """Every counted week's requirements are met today (and the course counts one)."""
        counted = [week for week in self.weeks if week.total]
        return bool(counted) and all(week.complete for week in counted)

    @property
    def complete(self) -> bool:
        return self.completed_at is not None or self.requirements_met

    @property
    def percent(self) -> int:
        """Whole percent of the requirements met, rounded down so 100 means complete."""
        if self.completed_at is not None:
            return 100
        total = sum(week.total for week in self.weeks)
        met = sum(min(week.done, week.total) for week in self.weeks)
        return met * 100 // total if total else 0

    @property
    def started(self) -> bool:
        return self.done > 0 or self.complete


def summarise(
    outline: list[WeekOutline],
    done_lesson_ids: set[int],
    passed_quiz_ids: set[int] = frozenset(),
    completion: Completion | None = None,
) -> CourseProgress:
    """Progress through ``outline`` (weeks in course order) given the lessons done, the quizzes
    passed and the learner's completion record, if any (the rule: this module's docstring).

    Lessons done that are no longer in the outline (deleted or moved away) do not count.
    """
    weeks = []
    next_lesson_id = next_quiz_id = None
    new_lesson_ids = set()
    for number, week in enumerate(outline, start=1):
        lesson_ids = week.lesson_ids
        if completion is not None:
            added = {
                pk
                for pk in lesson_ids
                if pk not in completion.lesson_ids and pk not in done_lesson_ids
            }
            new_lesson_ids |= added
            lesson_ids = tuple(pk for pk in lesson_ids if pk not in added)
        if week.lesson_ids:
            done = sum(1 for pk in lesson_ids if pk in done_lesson_ids)
            weeks.append(
                WeekProgress(
                    week.week_id,
                    number,
                    done,
                    len(lesson_ids),
                    new=len(week.lesson_ids) - len(lesson_ids),
                )
            )
        elif week.quiz_ids and (
            completion is None or any(pk in completion.quiz_ids for pk in week.quiz_ids)
        ):
            passed = sum(1 for pk in week.quiz_ids if pk in passed_quiz_ids)
            weeks.append(WeekProgress(week.week_id, number, passed, len(week.quiz_ids), True))
            if next_quiz_id is None and completion is None:
                next_quiz_id = next((pk for pk in week.quiz_ids if pk not in passed_quiz_ids), None)
        else:
            weeks.append(WeekProgress(week.week_id, number, 0, 0))
        if next_lesson_id is None:
            next_lesson_id = next((pk for pk in lesson_ids if pk not in done_lesson_ids), None)
    lesson_weeks = [week for week in weeks if not week.quiz_only]
    return CourseProgress(
        weeks=tuple(weeks),
        done=sum(week.done for week in lesson_weeks),
        total=sum(week.total for week in lesson_weeks),
        next_lesson_id=next_lesson_id,
        completed_at=completion.completed_at if completion else None,
        new_lesson_ids=frozenset(new_lesson_ids),
        next_quiz_id=next_quiz_id,
    )
