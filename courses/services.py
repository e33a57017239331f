"""Everything that writes enrolments, cohort membership and lesson completions."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from lms.identifiers import UNKNOWN_JOIN_CODE, normalise_join_code

from .models import Cohort, CoursePage, Enrolment, LessonCompletion, LessonPage
from .selectors import LOCKED, page_access_for

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
    """Record a lesson as done; pressing again or retrying records it once."""
    access = page_access_for(page=lesson, user=learner)
    if access.refusal == LOCKED:
        raise PermissionDenied(WEEK_LOCKED)
    if access.refusal or access.enrolment is None:
        raise PermissionDenied(NOT_ENROLLED)
    try:
        with transaction.atomic():
            completion, _created = LessonCompletion.objects.get_or_create(
                learner=learner,
                lesson=lesson,
                defaults={"course": access.outline.course, "lesson_title": lesson.title},
            )
    except IntegrityError:
        completion = LessonCompletion.objects.get(learner=learner, lesson=lesson)
    return completion
