"""A learner's own standing on a course, cached between requests.

What every lesson, week quiz and course page reads of the learner first: the enrolment (with
its class, its completion record, the lessons done, whether the questionnaire before the course
was answered or skipped and whether the survey was answered), exactly as
``courses.selectors.enrolment_for(with_progress=True)`` reads it from the database, or "not
enrolled".

- Key: ``courses:progress:<learner id>:<course id>`` (fetched with the page-tree entries in one
  ``get_many``, ``lms.pagetree.serve``).
- Retired (deleted) by every save or delete of that learner's ``Enrolment``,
  ``LessonCompletion``, ``CourseCompletion``, ``QuizAttempt``, ``QuestionnaireSkip`` or
  ``SurveyResponse`` on that course, and for every learner of a class when its ``Cohort`` is
  saved or deleted (its name, start date or WhatsApp group); deleted again once the write
  commits, so a page read between the write and the commit cannot put the old state back
  for longer than that.
- Expires after ``TIMEOUT`` whatever happens, which bounds a change made behind the signals'
  back (a queryset ``update()``, a bulk insert).

Nothing else a learner sees is kept per learner: quiz attempts, hand-ins and certificates are
read from the database on each view.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete

from lms import pagetree

TIMEOUT = 10 * 60
NOT_ENROLLED = "not-enrolled"  # cached for a learner without an enrolment (None means a miss)


def key(learner_id, course_id) -> str:
    return f"courses:progress:{learner_id}:{course_id}"


def enrolment(*, learner, course, build):
    """``build()``'s enrolment (or None) for the learner and course, from the cache when the
    entry is there."""
    full_key = key(learner.pk, course.pk)
    value = pagetree.learner_entry(key(pagetree.USER, course.pk), learner.pk)
    if value is None:
        value = build()
        cache.set(full_key, NOT_ENROLLED if value is None else value, TIMEOUT)
        pagetree.remember(full_key, NOT_ENROLLED if value is None else value)
        return value
    return None if value == NOT_ENROLLED else value


def retire(learner_id, course_id) -> None:
    full_key = key(learner_id, course_id)
    cache.delete(full_key)
    transaction.on_commit(lambda: cache.delete(full_key))


def _learner_row_changed(sender, instance, **kwargs):
    if instance.learner_id and instance.course_id:
        retire(instance.learner_id, instance.course_id)


def _cohort_changed(sender, instance, **kwargs):
    from .models import Enrolment

    keys = [
        key(learner_id, instance.course_id)
        for learner_id in Enrolment.objects.filter(cohort_id=instance.pk).values_list(
            "learner_id", flat=True
        )
    ]
    if keys:
        cache.delete_many(keys)
        transaction.on_commit(lambda: cache.delete_many(keys))


def connect_signals() -> None:
    from quizzes.models import QuestionnaireSkip, QuizAttempt, SurveyResponse

    from .models import Cohort, CourseCompletion, Enrolment, LessonCompletion

    for model in (
        Enrolment,
        LessonCompletion,
        CourseCompletion,
        QuizAttempt,
        QuestionnaireSkip,
        SurveyResponse,
    ):
        for signal in (post_save, post_delete):
            signal.connect(
                _learner_row_changed,
                sender=model,
                dispatch_uid=f"progress-cache-{model.__name__}-{id(signal)}",
            )
    post_save.connect(_cohort_changed, sender=Cohort, dispatch_uid="progress-cache-cohort")
    # Before the cohort's enrolments lose it, so its learners are still found.
    pre_delete.connect(_cohort_changed, sender=Cohort, dispatch_uid="progress-cache-cohort-del")
