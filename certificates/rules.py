"""The completion rule: which requirements a course sets and which a learner still lacks.

Pure: plain values in, plain values out. A requirement the course switches on but has nothing
for (no quizzes, no required assignment, no survey page) is not listed, so it never blocks
anyone.
"""

from dataclasses import dataclass

LESSONS = "lessons"
QUIZZES = "quizzes"
ASSIGNMENTS = "assignments"
POST_QUESTIONNAIRE = "post_questionnaire"
SURVEY = "survey"


@dataclass(frozen=True)
class Rule:
    """What a course requires (each switch set by its mentors)."""

    lessons: bool = True
    quizzes: bool = True
    post_questionnaire: bool = True
    survey: bool = True
    assignments: bool = True  # the assignments marked required for the certificate


@dataclass(frozen=True)
class Standing:
    """Where one learner stands on one course."""

    lessons_done: int = 0
    lessons_total: int = 0
    quizzes_passed: int = 0
    quizzes_total: int = 0
    has_post_questionnaire: bool = False
    post_questionnaire_done: bool = False
    has_survey: bool = False
    survey_done: bool = False
    assignments_accepted: int = 0
    assignments_total: int = 0  # the course's assignments required for the certificate


@dataclass(frozen=True)
class Requirement:
    key: str
    done: int
    total: int

    @property
    def met(self) -> bool:
        return self.done >= self.total


def requirements(rule: Rule, standing: Standing) -> list[Requirement]:
    """The requirements that apply, in the order a learner meets them."""
    items = []
    if rule.lessons and standing.lessons_total:
        items.append(Requirement(LESSONS, standing.lessons_done, standing.lessons_total))
    if rule.quizzes and standing.quizzes_total:
        items.append(Requirement(QUIZZES, standing.quizzes_passed, standing.quizzes_total))
    if rule.assignments and standing.assignments_total:
        items.append(
            Requirement(ASSIGNMENTS, standing.assignments_accepted, standing.assignments_total)
        )
    if rule.post_questionnaire and standing.has_post_questionnaire:
        items.append(Requirement(POST_QUESTIONNAIRE, int(standing.post_questionnaire_done), 1))
    if rule.survey and standing.has_survey:
        items.append(Requirement(SURVEY, int(standing.survey_done), 1))
    return items


def is_complete(rule: Rule, standing: Standing) -> bool:
    """Complete when every requirement that applies is met; a course that asks for nothing
    certifies nobody."""
    items = requirements(rule, standing)
    return bool(items) and all(item.met for item in items)
