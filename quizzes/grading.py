"""Reading and grading answers: plain values in, plain values out. Scores are fractions 0..1.

Questions and answers are keyed by ids that never change (StreamField block ids), so a
recorded attempt keeps its meaning when a mentor edits the quiz later.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from lms.amounts import parse_amount

SINGLE, MULTIPLE, TRUE_FALSE, NUMERIC = "single_choice", "multiple_choice", "true_false", "numeric"
TRUE_FALSE_CHOICES = ("true", "false")

ANSWER_REQUIRED = _("Answer this question.")
CHOOSE_ONE = _("Choose one answer.")
UNKNOWN_CHOICE = _("That answer is not one of this question's choices.")
NOT_A_NUMBER = _("Enter a number, for example 1.500.000 or 1,5 juta.")
UNKNOWN_QUESTION = _("The answers do not match this quiz. Reload the page and try again.")
NUMBER_TOO_LONG = _("A number answer can have at most %(limit)d characters.")
NUMBER_MAX_LENGTH = 40  # "Rp 1.000.000.000.000,-" has 22; a longer answer is refused, not stored


@dataclass(frozen=True)
class Choice:
    id: str
    correct: bool


@dataclass(frozen=True)
class Question:
    id: str
    kind: str  # SINGLE, MULTIPLE, TRUE_FALSE or NUMERIC
    choices: tuple[Choice, ...] = ()
    partial_credit: bool = False
    answer: Decimal | None = None  # NUMERIC: the right value
    tolerance: Decimal = Decimal(0)

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(choice.id for choice in self.choices if choice.correct)


class AnswerError(ValueError):
    """Answers that cannot be graded; ``errors`` maps question ids (or "" for the whole) to
    translatable messages."""

    def __init__(self, errors: dict):
        super().__init__(errors)
        self.errors = errors


def read_answers(questions: list[Question], raw: dict[str, list[str]]) -> dict:
    """Check raw form values (question id → list of submitted strings) against the questions.

    Returns question id → a frozenset of choice ids, or a Decimal for numeric questions.
    Raises AnswerError naming every question that is missing, ambiguous or tampered with.
    """
    known = {question.id for question in questions}
    if set(raw) - known:
        raise AnswerError({"": UNKNOWN_QUESTION})
    answers, errors = {}, {}
    for question in questions:
        values = [value.strip() for value in raw.get(question.id, []) if value.strip()]
        if not values:
            errors[question.id] = ANSWER_REQUIRED
        elif question.kind == NUMERIC and len(values[0]) > NUMBER_MAX_LENGTH:
            errors[question.id] = NUMBER_TOO_LONG % {"limit": NUMBER_MAX_LENGTH}
        elif question.kind == NUMERIC:
            try:
                answers[question.id] = parse_amount(values[0])
            except ValueError:
                errors[question.id] = NOT_A_NUMBER
            if len(values) > 1:
                errors[question.id] = UNKNOWN_QUESTION
        else:
            allowed = {choice.id for choice in question.choices}
            if not set(values) <= allowed:
                errors[question.id] = UNKNOWN_CHOICE
            elif question.kind != MULTIPLE and len(set(values)) > 1:
                errors[question.id] = CHOOSE_ONE
            else:
                answers[question.id] = frozenset(values)
    if errors:
        raise AnswerError(errors)
    return answers


def question_score(question: Question, answer) -> Decimal:
    """Credit for one answer, from 0 to 1."""
    if question.kind == NUMERIC:
        return Decimal(abs(answer - question.answer) <= question.tolerance)
    correct = question.correct_ids
    if question.kind != MULTIPLE or not question.partial_credit:
        return Decimal(answer == correct)
    hits, misses = len(answer & correct), len(answer - correct)
    return max(Decimal(0), Decimal(hits - misses) / len(correct))


@dataclass(frozen=True)
class Grade:
    score: Decimal  # 0..1, exact
    per_question: dict  # question id → score 0..1

    @property
    def percent(self) -> Decimal:
        return (self.score * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


def grade(questions: list[Question], answers: dict) -> Grade:
    """Every question weighs the same; full marks exactly when every answer is right."""
    per_question = {q.id: question_score(q, answers[q.id]) for q in questions}
    if not questions:
        return Grade(Decimal(0), per_question)
    return Grade(sum(per_question.values()) / len(questions), per_question)


def passed(grade_: Grade, pass_mark_percent: int) -> bool:
    return grade_.percent >= pass_mark_percent
