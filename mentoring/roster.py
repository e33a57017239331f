"""What a learner of a class is behind on, and the WhatsApp message that fits: pure rules.

The roster (``selectors.roster_rows``) reads each learner's plain figures for the weeks the
class has reached; ``nudge_for`` picks the one thing to ask of them: congratulations to a
learner holding the certificate; else, in this order, start the course; rework an assignment
the mentor sent back; catch up on the lessons due; pass a week quiz; hand in an assignment;
and once nothing is due, a word of encouragement. ``class_message`` is the message for the
class's WhatsApp group: what this week needs. Messages go to learners, so they are always in
Indonesian (``MESSAGE_LANGUAGE``), whatever the admin's language.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from courses.progress import DAYS_PER_WEEK

MESSAGE_LANGUAGE = "id"

# Nudge kinds, most pressing first.
NOT_STARTED = "not_started"
REVISION = "revision"
BEHIND = "behind"
QUIZ = "quiz"
ASSIGNMENT = "assignment"
ON_TRACK = "on_track"
DONE = "done"

# A week quiz's state for a learner.
QUIZ_PASSED = "passed"
QUIZ_FAILED = "failed"  # tried, not passed (yet)
QUIZ_NOT_TAKEN = "not_taken"

# An assignment's state for a learner: mentoring.models.State's values, or none handed in.
HANDED_IN = "handed_in"
NEEDS_REVISION = "needs_revision"
ACCEPTED = "accepted"
NOT_HANDED_IN = ""

NOT_STARTED_MESSAGE = _(
    "Hello %(name)s, this is your mentor from Pintar UMKM. You have not started the course "
    "“%(course)s” yet. Open it in “My courses” and begin with the first "
    "lesson: it takes only a few minutes."
)
REVISION_MESSAGE = _(
    "Hello %(name)s, I have written feedback on your assignment “%(assignment)s”. "
    "Please read it on the assignment page, improve your work and hand it in again."
)
QUIZ_MESSAGE = _(
    "Hello %(name)s, you have not passed the quiz “%(quiz)s” yet. Go over that "
    "week's lessons and try again; ask me if a question is unclear."
)
ASSIGNMENT_MESSAGE = _(
    "Hello %(name)s, your assignment “%(assignment)s” has not been handed in yet. "
    "You can hand it in from your phone on the assignment page; ask me if you get stuck."
)
ON_TRACK_MESSAGE = _("Hello %(name)s, great work: you are up to date in “%(course)s”. Keep it up!")
DONE_MESSAGE = _(
    "Congratulations %(name)s! You have completed “%(course)s” and your certificate "
    "is ready in “My courses”. Thank you for learning with Pintar UMKM."
)

CLASS_GREETING = _("Hello everyone! This is week %(number)s of “%(course)s”: %(week)s.")
CLASS_NOT_STARTED = _("Hello everyone! The course “%(course)s” starts on %(date)s. See you there!")
CLASS_THIS_WEEK = _("This week:")
CLASS_LESSON = _("Lesson: %(title)s")
CLASS_QUIZ = _("Quiz: %(title)s")
CLASS_ASSIGNMENT = _("Assignment: %(title)s (hand it in on the assignment page)")
CLASS_CLOSING = _("Ask here if anything is unclear. Keep going!")


@dataclass(frozen=True)
class QuizFigure:
    title: str
    state: str  # QUIZ_PASSED, QUIZ_FAILED or QUIZ_NOT_TAKEN
    due: bool = True  # in a week the class has reached


@dataclass(frozen=True)
class AssignmentFigure:
    title: str
    state: str  # HANDED_IN, NEEDS_REVISION, ACCEPTED or NOT_HANDED_IN
    due: bool = True  # in a week the class has reached


@dataclass(frozen=True)
class LearnerFigures:
    """One learner's figures for the weeks their class has reached (week 1 to ``week_number``)."""

    name: str
    course: str
    week_number: int  # the class's current week; 0 before the class starts
    week_title: str
    lessons_done: int  # of the lessons due
    lessons_due: int  # the lessons of the weeks reached
    started: bool  # did anything in the course
    quizzes: tuple[QuizFigure, ...] = ()  # the course's week quizzes, in course order
    assignments: tuple[AssignmentFigure, ...] = ()  # the course's assignments, in course order
    certificate: bool = False  # holds a valid certificate of the course

    @property
    def lessons_left(self) -> int:
        return max(self.lessons_due - self.lessons_done, 0)

    @property
    def behind(self) -> bool:
        """Lessons due and not done (a learner who has not started is behind too)."""
        return self.lessons_left > 0

    @property
    def waiting(self) -> bool:
        """A hand-in waits for the mentor's review."""
        return any(assignment.state == HANDED_IN for assignment in self.assignments)


@dataclass(frozen=True)
class Nudge:
    kind: str
    message: str


def programme_week(*, start: date | None, today: date, weeks: int) -> int:
    """The class's week on ``today``: 1 from its start date, one more every seven days, at
    most ``weeks``; 0 before it starts (or when the course has no week)."""
    if start is None or weeks <= 0 or today < start:
        return 0
    return min((today - start).days // DAYS_PER_WEEK + 1, weeks)


def nudge_for(figures: LearnerFigures) -> Nudge:
    """The one thing to ask of the learner now, and its message in Indonesian."""
    with translation.override(MESSAGE_LANGUAGE):
        kind, message = _pick(figures)
        return Nudge(kind, str(message))


def _pick(figures: LearnerFigures):
    values = {"name": figures.name, "course": figures.course}
    if figures.certificate:
        return DONE, DONE_MESSAGE % values
    if not figures.started:
        return NOT_STARTED, NOT_STARTED_MESSAGE % values
    revision = next((a for a in figures.assignments if a.state == NEEDS_REVISION), None)
    if revision is not None:  # in any week: the mentor has asked
        return REVISION, REVISION_MESSAGE % {**values, "assignment": revision.title}
    if figures.behind:
        return BEHIND, behind_message(figures)
    quiz = next((q for q in figures.quizzes if q.due and q.state != QUIZ_PASSED), None)
    if quiz is not None:
        return QUIZ, QUIZ_MESSAGE % {**values, "quiz": quiz.title}
    missing = next((a for a in figures.assignments if a.due and a.state == NOT_HANDED_IN), None)
    if missing is not None:
        return ASSIGNMENT, ASSIGNMENT_MESSAGE % {**values, "assignment": missing.title}
    return ON_TRACK, ON_TRACK_MESSAGE % values


def behind_message(figures: LearnerFigures) -> str:
    count = figures.lessons_left
    return ngettext(
        "Hello %(name)s, the class is now in week %(number)s of “%(course)s” "
        "(%(week)s). You have %(count)s lesson left to catch up on: shall we finish it "
        "this week?",
        "Hello %(name)s, the class is now in week %(number)s of “%(course)s” "
        "(%(week)s). You have %(count)s lessons left to catch up on: shall we finish them "
        "this week?",
        count,
    ) % {
        "name": figures.name,
        "course": figures.course,
        "number": figures.week_number,
        "week": figures.week_title,
        "count": count,
    }


def class_message(
    *,
    course: str,
    week_number: int,
    week_title: str,
    lessons: list[str],
    quizzes: list[str] = (),
    assignments: list[str] = (),
    starts_on: date | None = None,
) -> str:
    """The message for the class's WhatsApp group, in Indonesian: the week, and each lesson,
    quiz and assignment it holds, one per line. Before the class starts (``week_number`` 0):
    when it starts (``starts_on``)."""
    with translation.override(MESSAGE_LANGUAGE):
        if week_number <= 0:
            day = date_format(starts_on, "j F Y") if starts_on else ""
            return str(CLASS_NOT_STARTED % {"course": course, "date": day})
        lines = [
            CLASS_GREETING % {"number": week_number, "course": course, "week": week_title},
        ]
        items = [CLASS_LESSON % {"title": title} for title in lessons]
        items += [CLASS_QUIZ % {"title": title} for title in quizzes]
        items += [CLASS_ASSIGNMENT % {"title": title} for title in assignments]
        if items:
            lines += ["", str(CLASS_THIS_WEEK), *(f"- {item}" for item in items)]
        lines += ["", str(CLASS_CLOSING)]
        return "\n".join(str(line) for line in lines)
