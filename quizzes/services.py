"""Everything that writes attempts, survey responses and drafts."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import Enrolment
from courses.selectors import page_access_for
from courses.services import course_completion_after_quiz
from lms.text import clean_text, is_clean_text

from . import grading
from .models import (
    AnswerDraft,
    AttemptAnswer,
    KnowledgeCheckPage,
    Phase,
    QuestionnaireSkip,
    QuizAttempt,
    QuizPage,
    SurveyAnswer,
    SurveyResponse,
)
from .selectors import knowledge_phase_for, knowledge_questionnaire_of

NOT_ENROLLED = _("Start the course before answering its questions.")
ATTEMPTS_USED_UP = _("You have used every attempt at this quiz.")
QUESTIONNAIRE_DONE = _("You have already answered this questionnaire.")
POST_NOT_YET = _("The questionnaire after the course opens once you have completed the course.")
SURVEY_DONE = _("You have already answered this survey. Thank you!")
LIKERT_REQUIRED = _("Choose a number from 1 to 5.")
OPEN_ANSWER_TOO_LONG = _("An answer can have at most %(limit)d characters.")
OPEN_ANSWER_MAX_LENGTH = 2000  # the survey form's textarea says the same
DRAFT_TOO_LARGE = 64 * 1024
DRAFT_VALUE_MAX_LENGTH = 200  # a choice id or a number answer fits many times over
DRAFT_REFUSED = _("The saved answers could not be read.")


def _enrolment(learner, page) -> Enrolment:
    access = page_access_for(page=page, user=learner)
    if access.enrolment is None or access.refusal:
        raise PermissionDenied(NOT_ENROLLED)
    return access.enrolment


def question_snapshot(block, question: grading.Question) -> dict:
    """What an attempt keeps of a question as it was asked (without the answer given and its
    score), so later edits to the quiz change nothing in the attempt."""
    value = block.value
    entry = {
        "kind": question.kind,
        "prompt": value["prompt"],
        "explanation": value.get("explanation", ""),
    }
    if question.kind == grading.NUMERIC:
        entry.update(answer=str(value["answer"]), unit=value.get("unit", ""))
    elif question.kind == grading.TRUE_FALSE:
        entry["choices"] = [{"id": c.id, "correct": c.correct} for c in question.choices]
    else:
        entry["choices"] = [
            {
                "id": str(item.id),
                "text": item.value["text"],
                "correct": bool(item.value["correct"]),
                "feedback": item.value["feedback"],
            }
            for item in value["choices"].bound_blocks
        ]
    return entry


def _snapshot(page, questions, answers, grade_) -> dict:
    """What was asked, answered and scored."""
    snapshot = {}
    for position, (block, question) in enumerate(
        zip(page.questions, questions, strict=True), start=1
    ):
        given = answers[question.id]
        snapshot[question.id] = {
            **question_snapshot(block, question),
            "position": position,  # the database may reorder the keys (jsonb does)
            "score": str(grade_.per_question[question.id]),
            "given": str(given) if question.kind == grading.NUMERIC else sorted(given),
        }
    return snapshot


def attempt_submit(*, learner, page, raw_answers: dict, token) -> QuizAttempt:
    """Grade and record one attempt at a week quiz or a knowledge questionnaire.

    Submitting the same token again (a retry, a double tap) returns the attempt already
    recorded. Raises PermissionDenied or ValidationError (keyed by question id) and then
    records nothing.
    """
    existing = QuizAttempt.objects.filter(learner=learner, submission_token=token).first()
    if existing is not None:
        return existing
    enrolment = _enrolment(learner, page)
    questions = page.question_list()
    try:
        answers = grading.read_answers(questions, raw_answers)
    except grading.AnswerError as error:
        raise ValidationError(
            {key or "__all__": message for key, message in error.errors.items()}
        ) from error
    grade_ = grading.grade(questions, answers)
    try:
        with transaction.atomic():
            Enrolment.objects.select_for_update().get(pk=enrolment.pk)  # one submission at a time
            existing = QuizAttempt.objects.filter(learner=learner, submission_token=token).first()
            if existing is not None:  # the same submission won the race a moment ago
                return existing
            phase = _phase_allowed(learner, page)
            earlier = QuizAttempt.objects.filter(learner=learner, page=page, phase=phase).count()
            attempt = QuizAttempt.objects.create(
                learner=learner,
                course=enrolment.course,
                page=page,
                phase=phase,
                number=earlier + 1,
                submission_token=token,
                title=page.title,
                answers=_snapshot(page, questions, answers, grade_),
                score_percent=grade_.percent,
                pass_mark_percent=page.pass_mark if isinstance(page, QuizPage) else None,
                passed=grading.passed(grade_, page.pass_mark)
                if isinstance(page, QuizPage)
                else None,
                submitted_at=timezone.now(),
            )
            AttemptAnswer.objects.bulk_create(
                AttemptAnswer(attempt=attempt, question_id=qid, score=score)
                for qid, score in grade_.per_question.items()
            )
            AnswerDraft.objects.filter(learner=learner, page=page).delete()
            if attempt.passed:  # a passed quiz may complete a quiz-only week and the course
                course_completion_after_quiz(learner=learner, enrolment=enrolment, quiz=page)
    except IntegrityError:
        existing = QuizAttempt.objects.filter(learner=learner, submission_token=token).first()
        if existing is not None:
            return existing
        raise ValidationError(ATTEMPTS_USED_UP) from None
    return attempt


def _phase_allowed(learner, page) -> str:
    """The phase this submission counts for, or a ValidationError when none is open."""
    if isinstance(page, KnowledgeCheckPage):
        phase = knowledge_phase_for(learner=learner, page=page)
        if phase is None:
            raise ValidationError(QUESTIONNAIRE_DONE)
        if phase == "post_not_yet":
            raise ValidationError(POST_NOT_YET)
        return phase
    used = QuizAttempt.objects.filter(learner=learner, page=page, phase=Phase.QUIZ).count()
    if page.attempts_allowed and used >= page.attempts_allowed:
        raise ValidationError(ATTEMPTS_USED_UP)
    return Phase.QUIZ


def before_skip(*, learner, course) -> QuestionnaireSkip | None:
    """Record that ``learner`` chose to start the lessons without answering the course's
    questionnaire before the course. Once per course: skipping again returns the first record.
    While it is not open (answered already, a lesson done, or the course has none) nothing
    changes and None is returned. Raises PermissionDenied for a learner not enrolled."""
    enrolment = Enrolment.objects.filter(learner=learner, course=course).first()
    if enrolment is None:
        raise PermissionDenied(NOT_ENROLLED)
    questionnaire = knowledge_questionnaire_of(course)
    if questionnaire is None:
        return None
    page = KnowledgeCheckPage.objects.get(pk=questionnaire.id)
    try:
        with transaction.atomic():
            Enrolment.objects.select_for_update().get(pk=enrolment.pk)  # as attempt_submit
            if knowledge_phase_for(learner=learner, page=page) != Phase.PRE:
                return None
            skip, _created = QuestionnaireSkip.objects.get_or_create(learner=learner, course=course)
    except IntegrityError:  # a double tap that lost the race: the other request recorded it
        skip = QuestionnaireSkip.objects.get(learner=learner, course=course)
    return skip


def survey_submit(*, learner, page, raw_answers: dict) -> SurveyResponse:
    """Record a learner's survey answers, once per course."""
    enrolment = _enrolment(learner, page)
    answers, errors = {}, {}
    for block in page.items:
        value = clean_text((raw_answers.get(block.id) or [""])[0]).strip()
        if block.block_type == "likert":
            if value not in {"1", "2", "3", "4", "5"}:
                errors[block.id] = LIKERT_REQUIRED
            else:
                answers[block.id] = {
                    "kind": "likert",
                    "prompt": block.value["prompt"],
                    "value": int(value),
                }
        else:
            if block.value["required"] and not value:
                errors[block.id] = grading.ANSWER_REQUIRED
            elif len(value) > OPEN_ANSWER_MAX_LENGTH:
                errors[block.id] = OPEN_ANSWER_TOO_LONG % {"limit": OPEN_ANSWER_MAX_LENGTH}
            answers[block.id] = {
                "kind": "open_text",
                "prompt": block.value["prompt"],
                "value": value,
            }
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            response = SurveyResponse.objects.create(
                learner=learner, course=enrolment.course, page=page, answers=answers
            )
            SurveyAnswer.objects.bulk_create(
                SurveyAnswer(
                    response=response,
                    item_id=item_id,
                    likert=item["value"] if item["kind"] == "likert" else None,
                    text=item["value"] if item["kind"] == "open_text" else "",
                )
                for item_id, item in answers.items()
            )
    except IntegrityError:
        raise ValidationError(SURVEY_DONE) from None
    return response


def draft_save(*, learner, page, raw_answers: dict, token) -> None:
    """Keep the answers a learner has given so far; only this page's question ids are kept.

    A save that arrives after its form was submitted (``token`` already recorded) is dropped,
    so a slow connection cannot carry one attempt's answers into the next. Values that are not
    text, or that hold a NUL or a lone surrogate or more than DRAFT_VALUE_MAX_LENGTH characters,
    refuse the whole save (ValidationError): no form sends them."""
    _enrolment(learner, page)
    if QuizAttempt.objects.filter(learner=learner, submission_token=token).exists():
        return
    known = {block.id for block in page.questions}
    answers = {
        key: values[:20]
        for key, values in raw_answers.items()
        if key in known and isinstance(values, list)
    }
    if not all(_draft_value_ok(value) for values in answers.values() for value in values):
        raise ValidationError(DRAFT_REFUSED)
    AnswerDraft.objects.update_or_create(
        learner=learner, page=page, defaults={"answers": answers, "updated_at": timezone.now()}
    )


def _draft_value_ok(value) -> bool:
    return isinstance(value, str) and len(value) <= DRAFT_VALUE_MAX_LENGTH and is_clean_text(value)
