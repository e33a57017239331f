"""Read-only queries: what a learner sees on a quiz, questionnaire or survey, and the reports."""

import random
import uuid
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from courses.selectors import course_progress_for, page_access_for
from lms import fragments, pagetree

from . import grading, page_cache
from .blocks import LIKERT_LABELS
from .models import (
    AnswerDraft,
    FeedbackTiming,
    KnowledgeCheckPage,
    Phase,
    QuestionnaireSkip,
    QuizAttempt,
    QuizPage,
    SurveyPage,
    SurveyResponse,
)

TRUE_FALSE_LABELS = {"true": _("True"), "false": _("False")}


def assessment_access_for(*, page, user):
    return page_access_for(page=page, user=user, with_progress=False)


def knowledge_phase_for(*, learner, page) -> str | None:
    """PRE before anything was answered; POST once the course is complete
    (``courses.progress``); None when both are in (or the post one was taken without a pre);
    "post_not_yet" until then."""
    taken = set(
        QuizAttempt.objects.filter(learner=learner, page=page).values_list("phase", flat=True)
    )
    if Phase.POST in taken:
        return None
    progress = course_progress_for(learner=learner, course=page.get_parent().specific)
    if Phase.PRE not in taken and not progress.started:
        return Phase.PRE
    if progress.complete:
        return Phase.POST
    return "post_not_yet"


@dataclass(frozen=True)
class Questionnaire:
    """A course's live knowledge questionnaire, as the page-tree cache keeps it."""

    id: int
    url: str
    title: str


def knowledge_questionnaire_of(course) -> Questionnaire | None:
    """The course's live knowledge questionnaire: from the page-tree cache, else one query."""

    def build():
        page = KnowledgeCheckPage.objects.live().child_of(course).first()
        return (page.pk, page.url, page.title) if page else ()

    found = pagetree.cached("knowledge", course.pk, build)
    return Questionnaire(*found) if found else None


def before_is_pending(*, learner, course, started: bool, enrolment=None) -> bool:
    """The questionnaire before the course still waits for the learner's choice: they have done
    no lesson (it closes with the first), have not answered it and have not skipped it. An
    ``enrolment`` read ``with_progress`` (``courses.selectors.enrolment_for``) already knows."""
    if started:
        return False
    if hasattr(enrolment, "pre_taken") and hasattr(enrolment, "skipped"):
        return not (enrolment.pre_taken or enrolment.skipped)
    return not (
        QuizAttempt.objects.filter(learner=learner, course=course, phase=Phase.PRE).exists()
        or QuestionnaireSkip.objects.filter(learner=learner, course=course).exists()
    )


def before_pending_for(*, learner, course) -> bool:
    """``before_is_pending`` for a course with a live questionnaire, looking up the lessons
    done."""
    if knowledge_questionnaire_of(course) is None:
        return False
    started = course_progress_for(learner=learner, course=course).started
    return before_is_pending(learner=learner, course=course, started=started)


def before_offer_for(*, learner, access) -> Questionnaire | None:
    """The questionnaire to offer an enrolled learner who opens a lesson (``access`` from
    ``page_access_for``) before they answer or skip it; None when there is nothing to offer."""
    if access.preview or access.enrolment is None or access.outline is None:
        return None
    course = access.outline.course
    questionnaire = knowledge_questionnaire_of(course)
    if questionnaire is None:
        return None
    done = access.outline.weeks[0].done_ids if access.outline.weeks else set()
    started = any(lesson.pk in done for lesson in access.outline.lessons())
    if not before_is_pending(
        learner=learner, course=course, started=started, enrolment=access.enrolment
    ):
        return None
    return questionnaire


@dataclass
class QuestionView:
    id: str
    kind: str
    prompt: str
    number: int
    choices: list = field(default_factory=list)  # (id, text)
    unit: str = ""
    given: list = field(default_factory=list)
    error: str = ""


def _questions_as_written(page) -> list[QuestionView]:
    views = []
    for block in page.questions:
        value = block.value
        if block.block_type == grading.TRUE_FALSE:
            choices = list(TRUE_FALSE_LABELS.items())
        elif block.block_type == grading.NUMERIC:
            choices = []
        else:
            choices = [(str(item.id), item.value["text"]) for item in value["choices"].bound_blocks]
        views.append(
            QuestionView(
                id=block.id,
                kind=block.block_type,
                prompt=value["prompt"],
                number=0,
                choices=choices,
                unit=value.get("unit", "") or "",
            )
        )
    return views


def question_views(page, *, seed=None, given=None, errors=None, live=False) -> list[QuestionView]:
    """The questions as a learner answers them; shuffled with a stable seed if the quiz says so.
    ``live``: ``page`` is the published page (not a preview's draft), whose questions as
    written are read from the page-tree cache."""
    given, errors = given or {}, errors or {}
    written = (
        pagetree.cached("questions", page.pk, lambda: _questions_as_written(page))
        if live
        else _questions_as_written(page)
    )
    views = [
        replace(
            view,
            choices=list(view.choices),
            given=given.get(view.id, []),
            error=errors.get(view.id, ""),
        )
        for view in written
    ]
    if seed is not None:
        rng = random.Random(seed)  # noqa: S311 - an order of questions, not a secret
        rng.shuffle(views)
        for view in views:
            if view.kind in (grading.SINGLE, grading.MULTIPLE):
                rng.shuffle(view.choices)
    for number, view in enumerate(views, start=1):
        view.number = number
    return views


def questions_key(views: list[QuestionView]) -> str:
    """What the question list shows beyond the page itself (which the tree version covers):
    the order, the answers given and the errors. Equal keys, equal HTML."""
    return fragments.state_key(
        *[(v.id, v.number, [c[0] for c in v.choices], v.given, v.error) for v in views]
    )


def assessment_page_context(*, page, access, user, given=None, errors=None) -> dict:
    limits = {"number_max_length": grading.NUMBER_MAX_LENGTH}
    if access is None or access.outline is None:
        return {"preview": True, "questions": question_views(page), **limits}
    attempts, draft_answers = page_cache.reads(
        learner=user, page=page, build=lambda: _page_reads(learner=user, page=page)
    )
    context = {
        **limits,
        "course": access.outline.course,
        "preview": access.preview,
        "attempts": attempts,
        "token": uuid.uuid4(),
        "can_submit": True,
        "refusal": "",
    }
    if isinstance(page, QuizPage):
        used = len(attempts)
        context["attempts_left"] = page.attempts_allowed - used if page.attempts_allowed else None
        if page.attempts_allowed and used >= page.attempts_allowed:
            context.update(can_submit=False, refusal=_("You have used every attempt at this quiz."))
        seed = f"{user.pk}:{page.pk}:{used}" if page.shuffle else None
        context["passed"] = any(a.passed for a in attempts)
    else:
        seed = None
        phase = None if access.preview else knowledge_phase_for(learner=user, page=page)
        context.update(phase=phase, gain=knowledge_gain_of(attempts))
        if phase is None:
            context.update(
                can_submit=False,
                refusal=_("You have answered this questionnaire before and after the course."),
            )
        elif phase == "post_not_yet":
            context.update(
                can_submit=False,
                refusal=_(
                    "Come back after the last lesson to answer it again and see what you gained."
                ),
            )
    context["questions"] = question_views(
        page,
        seed=seed,
        given=given if given is not None else (draft_answers or {}),
        errors=errors,
        live=True,
    )
    context["questions_key"] = questions_key(context["questions"])
    context["head_key"] = fragments.state_key(
        access.preview,
        [(a.pk, a.phase, a.number, a.score_percent, a.passed) for a in attempts],
        context.get("attempts_left"),
        context.get("passed"),
        context.get("gain"),
    )
    return context


def _page_reads(*, learner, page) -> tuple:
    """(the attempts the page lists, without each attempt's snapshot of answers; the saved
    draft's answers or None): two queries, kept per learner by ``page_cache``."""
    attempts = list(
        QuizAttempt.objects.filter(learner=learner, page=page)
        .only("pk", "learner_id", "page_id", "phase", "number", "score_percent", "passed")
        .order_by("number")
    )
    draft = AnswerDraft.objects.filter(learner=learner, page=page).first()
    return attempts, draft.answers if draft else None


def knowledge_gain_of(attempts) -> dict | None:
    by_phase = {a.phase: a for a in attempts}
    if Phase.PRE in by_phase and Phase.POST in by_phase:
        pre, post = by_phase[Phase.PRE].score_percent, by_phase[Phase.POST].score_percent
        return {"pre": pre, "post": post, "gain": post - pre}
    return None


def attempt_for(*, learner, attempt_id) -> QuizAttempt | None:
    """A learner's own attempt; anyone else's is as if it did not exist."""
    return (
        QuizAttempt.objects.select_related("course").filter(learner=learner, pk=attempt_id).first()
    )


def snapshot_in_order(answers: dict, question_ids=()) -> list[dict]:
    """An attempt's snapshot entries in the quiz's order: by the position each entry stores;
    entries stored without one (older attempts) by ``question_ids``, the quiz's order today;
    entries the quiz no longer holds last, as stored."""
    today = {qid: index for index, qid in enumerate(question_ids)}
    unknown = len(today)

    def key(item):
        stored, (qid, entry) = item
        if "position" in entry:
            return (0, entry["position"], stored)
        return (1, today.get(qid, unknown), stored)

    return [entry for _, (_, entry) in sorted(enumerate(answers.items()), key=key)]


def attempt_review(attempt: QuizAttempt) -> dict:
    """What the result page may show: answers and feedback only as the quiz allows."""
    page = attempt.page.specific if attempt.page else None
    show = True
    if isinstance(page, QuizPage) and page.feedback_timing == FeedbackTiming.ONCE_PASSED:
        show = QuizAttempt.objects.filter(learner=attempt.learner, page=page, passed=True).exists()
    items = []
    question_ids = [block.id for block in getattr(page, "questions", None) or []]
    for number, entry in enumerate(snapshot_in_order(attempt.answers, question_ids), start=1):
        item = {
            "number": number,
            "prompt": entry["prompt"],
            "right": Decimal(entry["score"]) == 1,
            "score": Decimal(entry["score"]),
            "given": entry["given"],
            "unit": entry.get("unit", ""),
        }
        if show:
            item["explanation"] = entry.get("explanation", "")
            if entry["kind"] == grading.NUMERIC:
                item["answer"] = entry["answer"]
            else:
                item["choices"] = [
                    {
                        **choice,
                        "text": choice.get("text") or TRUE_FALSE_LABELS.get(choice["id"], ""),
                        "chosen": choice["id"] in entry["given"],
                    }
                    for choice in entry["choices"]
                ]
        else:
            item["given_text"] = (
                [
                    c.get("text") or TRUE_FALSE_LABELS.get(c["id"], "")
                    for c in entry.get("choices", [])
                    if c["id"] in entry["given"]
                ]
                if entry["kind"] != grading.NUMERIC
                else [entry["given"]]
            )
        items.append(item)
    return {"items": items, "show_feedback": show, "page": page}


def survey_page_context(*, page, user, given=None, errors=None) -> dict:
    given, errors = given or {}, errors or {}
    response = (
        SurveyResponse.objects.filter(learner=user, page=page).first()
        if user.is_authenticated
        else None
    )
    items = [
        {
            "id": block.id,
            "kind": block.block_type,
            "prompt": block.value["prompt"],
            "required": block.block_type == "likert" or block.value.get("required", False),
            "given": (given.get(block.id) or [""])[0],
            "error": errors.get(block.id, ""),
        }
        for block in page.items
    ]
    likert = [(str(value), label) for value, label in LIKERT_LABELS.items()]
    return {"response": response, "items": items, "likert_labels": likert}


@dataclass
class CourseAssessments:
    """A course's quizzes, questionnaire and survey, with where one learner stands on each."""

    quizzes: dict  # week page path → {"page": QuizPage, "best": percent or None, "passed": bool}
    knowledge: object = None
    knowledge_phase: str | None = None
    survey: object = None
    survey_done: bool = False
    before_pending: bool = False  # the questionnaire before the course: not answered nor skipped
    post_taken: bool = False  # the questionnaire after the course answered


def course_assessment_pages(course) -> tuple:
    """(the course's live week quizzes, its knowledge questionnaire or None, its survey or
    None), without their questions: from the page-tree cache, else three queries."""

    def build():
        return (
            list(QuizPage.objects.live().descendant_of(course).defer_streamfields()),
            KnowledgeCheckPage.objects.live().child_of(course).defer_streamfields().first(),
            SurveyPage.objects.live().child_of(course).defer_streamfields().first(),
        )

    return pagetree.cached("assessment-pages", course.pk, build)


def attempt_rows_for(*, learner, course) -> list[tuple]:
    """The learner's attempts on the course's quizzes and questionnaires, as (page id, phase,
    score in percent, passed): one query."""
    return list(
        QuizAttempt.objects.filter(learner=learner, course=course).values_list(
            "page_id", "phase", "score_percent", "passed"
        )
    )


def course_assessments_for(
    *, course, learner, enrolled: bool, enrolment=None, progress=None, attempts=None
) -> CourseAssessments:
    """The course's assessments and where the learner stands on each: the pages from the
    page-tree cache, the learner's attempts in one query (none with ``attempts``, as
    ``attempt_rows_for`` reads them). ``enrolment`` read by
    ``courses.selectors.enrolment_for(with_progress=True)`` and the learner's ``progress``
    (``courses.progress.CourseProgress``) save the queries for the rest."""
    quiz_pages, knowledge, survey = course_assessment_pages(course)
    if not enrolled:
        attempts = []
    elif attempts is None:
        attempts = attempt_rows_for(learner=learner, course=course)
    quizzes = {}
    for quiz in quiz_pages:
        mine = [
            (score, passed) for page_id, _phase, score, passed in attempts if page_id == quiz.pk
        ]
        quizzes[quiz.path[: -quiz.steplen]] = {
            "page": quiz,
            "best": max((score for score, _passed in mine), default=None),
            "passed": any(passed for _score, passed in mine),
        }
    result = CourseAssessments(quizzes, knowledge=knowledge, survey=survey)
    result.post_taken = any(phase == Phase.POST for _page, phase, _score, _passed in attempts)
    if enrolled and knowledge:
        taken = {phase for page_id, phase, _score, _passed in attempts if page_id == knowledge.pk}
        if Phase.POST in taken:
            result.knowledge_phase = None
        else:
            if progress is None:
                progress = course_progress_for(learner=learner, course=course)
            if Phase.PRE not in taken and not progress.started:
                result.knowledge_phase = Phase.PRE
            elif progress.complete:
                result.knowledge_phase = Phase.POST
            else:
                result.knowledge_phase = "post_not_yet"
        result.before_pending = result.knowledge_phase == Phase.PRE and not (
            enrolment.skipped
            if hasattr(enrolment, "skipped")
            else QuestionnaireSkip.objects.filter(learner=learner, course=course).exists()
        )
    if enrolled and survey:
        result.survey_done = (
            enrolment.survey_done
            if hasattr(enrolment, "survey_done")
            else SurveyResponse.objects.filter(learner=learner, course=course).exists()
        )
    return result
