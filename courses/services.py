"""Everything that writes enrolments, cohort membership, lesson and course completions."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.identifiers import UNKNOWN_JOIN_CODE, normalise_join_code

from .models import (
    Cohort,
    CourseCompletion,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
)
from .progress import requirements_of, summarise
from .selectors import (
    LOCKED,
    Outline,
    course_outline,
    done_lesson_ids,
    page_access_for,
    passed_quiz_ids,
)

COHORT_CODE_UNKNOWN = _("No class has this code. Check it with your mentor.")
NOT_ENROLLED = _("Start the course before marking its lessons done.")
WEEK_LOCKED = _("This week has not opened yet.")


def enrolment_start(*, learner, course: CoursePage, cohort: Cohort | None = None) -> Enrolment:
    """Enrol a learner (once per course). Joining a cohort later attaches it to the enrolment."""
    try:
        with transaction.atomic():
            enrolment, created = Enrolment.objects.get_or_create(
                learner=learner, course=course, defaults={"cohort": cohort}
            )
    except IntegrityError:  # A double tap that lost the race: the other request enrolled.
        enrolment, created = Enrolment.objects.get(learner=learner, course=course), False
    if not created and cohort is not None and enrolment.cohort_id is None:
        enrolment.cohort = cohort
        enrolment.save(update_fields=["cohort"])
    return enrolment


def cohort_join(*, learner, join_code: str) -> Enrolment:
    cohort = (
        Cohort.objects.select_related("course")
        .filter(join_code=normalise_join_code(join_code))
        .first()
    )
    if cohort is None:
        raise ValidationError(
            {"join_code": ValidationError(COHORT_CODE_UNKNOWN, code=UNKNOWN_JOIN_CODE)}
        )
    return enrolment_start(learner=learner, course=cohort.course, cohort=cohort)


def lesson_mark_done(*, learner, lesson: LessonPage) -> LessonCompletion:
    """Record a lesson as done; pressing again or retrying records it once. When it was the
    course's last requirement, the course completion is recorded in the same transaction."""
    access = page_access_for(page=lesson, user=learner)
    if access.refusal == LOCKED:
        raise PermissionDenied(WEEK_LOCKED)
    if access.refusal or access.enrolment is None:
        raise PermissionDenied(NOT_ENROLLED)
    completed = getattr(access.enrolment, "completion_at", None) is not None
    try:
        with transaction.atomic():
            completion, _created = LessonCompletion.objects.get_or_create(
                learner=learner,
                lesson=lesson,
                defaults={"course": access.outline.course, "lesson_title": lesson.title},
            )
            if not completed:
                course_completion_record(
                    learner=learner, enrolment=access.enrolment, outline=access.outline
                )
    except IntegrityError:
        completion = LessonCompletion.objects.get(learner=learner, lesson=lesson)
    return completion


def course_completion_record(
    *, learner, enrolment: Enrolment, outline: Outline | None = None
) -> CourseCompletion | None:
    """Record that ``learner`` completed the enrolment's course, when today's content's
    requirements are met (the rule: ``courses.progress``), with what they were; the record
    already kept, if any; else None. Call it inside the transaction that wrote the learner's
    last step: it locks the enrolment, so two steps finishing at once are counted together,
    and a double tap or a race records one completion (the unique constraint)."""
    existing = CourseCompletion.objects.filter(learner=learner, course_id=enrolment.course_id)
    with transaction.atomic():
        list(Enrolment.objects.select_for_update().filter(pk=enrolment.pk).values_list("pk"))
        record = existing.first()
        if record is not None:
            return record
        outline = outline or course_outline(course=enrolment.course)
        progress = summarise(
            outline.for_progress(),
            done_lesson_ids(learners=[learner], course=outline.course),
            passed_quiz_ids(learners=[learner], quiz_ids=outline.quiz_only_ids()),
        )
        if not progress.requirements_met:
            return None
        try:
            with transaction.atomic():
                return CourseCompletion.objects.create(
                    learner=learner,
                    course=outline.course,
                    completed_at=timezone.now(),
                    required=requirements_of(outline.for_progress()),
                )
        except IntegrityError:  # the same completion, recorded a moment ago by another request
            return existing.get()


def course_completion_after_quiz(*, learner, enrolment: Enrolment, quiz) -> CourseCompletion | None:
    """After ``quiz`` was passed: a quiz completes a week, and so perhaps the course, only when
    its week holds no lesson (``course_completion_record``; other quizzes change nothing)."""
    outline = course_outline(course=enrolment.course)
    if quiz.pk not in outline.quiz_only_ids():
        return None
    return course_completion_record(learner=learner, enrolment=enrolment, outline=outline)
