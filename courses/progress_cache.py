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

The course page's own reads of an enrolled learner's work, kept beside it and retired with it:
the learner's attempts on the course's quizzes and questionnaires, the hand-ins they may see
(their own and their business's) and their current certificate.

- Key: ``courses:page:<learner id>:<course id>`` (in the same ``get_many``).
- Retired with the progress entry (``retire``), and also by every save or delete of that
  learner's ``Certificate`` on that course, of a ``Submission`` on that course (for the learner
  who handed in and, for a business's hand-in, every member of the business), and of a
  ``Membership`` (the person's entries on every course they are enrolled in).
"""

from django.db.models.signals import post_delete, post_save, pre_delete

from lms import pagetree

TIMEOUT = 10 * 60
NOT_ENROLLED = "not-enrolled"  # cached for a learner without an enrolment (None means a miss)


def key(learner_id, course_id) -> str:
    return f"courses:progress:{learner_id}:{course_id}"


def enrolment(*, learner, course, build):
    """``build()``'s enrolment (or None) for the learner and course, from the cache when the
    entry is there."""
    return pagetree.learner_cached(
        key(pagetree.USER, course.pk), learner.pk, build, timeout=TIMEOUT, none=NOT_ENROLLED
    )


def page_key(learner_id, course_id) -> str:
    return f"courses:page:{learner_id}:{course_id}"


def course_page_reads(*, learner, course, build):
    """``build()``'s value (anything picklable but None) for the learner and course, from the
    cache when the entry is there."""
    return pagetree.learner_cached(
        page_key(pagetree.USER, course.pk), learner.pk, build, timeout=TIMEOUT
    )


def retire(learner_id, course_id) -> None:
    pagetree.learner_entries_retire([key(learner_id, course_id), page_key(learner_id, course_id)])


def _learner_row_changed(sender, instance, **kwargs):
    if instance.learner_id and instance.course_id:
        retire(instance.learner_id, instance.course_id)


def _submission_changed(sender, instance, **kwargs):
    """A hand-in: its learner's course page, and for a business's every member's."""
    from lms.models import Membership

    learners = {instance.learner_id}
    if instance.business_id:
        learners |= set(
            Membership.objects.filter(business_id=instance.business_id).values_list(
                "user_id", flat=True
            )
        )
    pagetree.learner_entries_retire(
        [page_key(learner_id, instance.course_id) for learner_id in learners]
    )


def _membership_changed(sender, instance, **kwargs):
    """Joining or leaving a business changes which hand-ins the person sees."""
    from .models import Enrolment

    courses = Enrolment.objects.filter(learner_id=instance.user_id).values_list(
        "course_id", flat=True
    )
    pagetree.learner_entries_retire(
        [page_key(instance.user_id, course_id) for course_id in courses]
    )


def _cohort_changed(sender, instance, **kwargs):
    from .models import Enrolment

    learners = Enrolment.objects.filter(cohort_id=instance.pk).values_list("learner_id", flat=True)
    pagetree.learner_entries_retire(key(learner_id, instance.course_id) for learner_id in learners)


def connect_signals() -> None:
    from certificates.models import Certificate
    from lms.models import Membership
    from mentoring.models import Submission
    from quizzes.models import QuestionnaireSkip, QuizAttempt, SurveyResponse

    from .models import Cohort, CourseCompletion, Enrolment, LessonCompletion

    for model in (
        Enrolment,
        LessonCompletion,
        CourseCompletion,
        QuizAttempt,
        QuestionnaireSkip,
        SurveyResponse,
        Certificate,
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
    for model, receiver in ((Submission, _submission_changed), (Membership, _membership_changed)):
        for signal in (post_save, post_delete):
            signal.connect(
                receiver,
                sender=model,
                dispatch_uid=f"progress-cache-{model.__name__}-{id(signal)}",
            )
