"""What decides a course's due check-in for one person, cached between requests.

The course page says when a business check-in for the course is due. Whether one is due depends
on the day, so the entry keeps the dates and the moments, never a yes or no: the notice appears
on the day a window opens and goes when it closes with no entry to retire.

- Key: ``outcomes:due:<user id>:<course id>`` (fetched with the page-tree entries in one
  ``get_many``, ``lms.pagetree.serve``). Value: the first enrolment and completion dates of any
  member of the person's business, the moments the course asks for and those with a check-in;
  or ``NOTHING_DUE`` when nothing can be due (no business, no plan, nobody enrolled).
- Retired (deleted) for every member of a business when a ``CheckIn`` of that business on that
  course is saved or deleted, or when an ``Enrolment`` or ``CourseCompletion`` of any member on
  that course is; for every course of the person and of the rest of the business when a
  ``Membership`` is saved or deleted; for every member of a business taking the course when the
  course's ``CheckInPlan`` is saved or deleted. Deleted again once the write commits.
- Expires after ``TIMEOUT`` whatever happens (a queryset ``update()`` or a bulk insert behind
  the signals' back).
"""

from django.db.models.signals import post_delete, post_save

from lms import pagetree

TIMEOUT = 10 * 60
NOTHING_DUE = "nothing-due"  # cached when no moment can be due (None means a miss)


def key(user_id, course_id) -> str:
    return f"outcomes:due:{user_id}:{course_id}"


def inputs(*, user, course, build):
    """``build()``'s value (a tuple, or None when nothing can be due) for ``user`` and
    ``course``, from the cache when the entry is there."""
    return pagetree.learner_cached(
        key(pagetree.USER, course.pk), user.pk, build, timeout=TIMEOUT, none=NOTHING_DUE
    )


def _business_members(user_id) -> set:
    """``user_id`` and everyone in the same business."""
    from lms.models import Membership

    return {user_id} | set(
        Membership.objects.filter(business__memberships__user_id=user_id).values_list(
            "user_id", flat=True
        )
    )


def _learner_row_changed(sender, instance, **kwargs):
    """An enrolment or a course completion: the business's first dates may have moved."""
    if instance.learner_id and instance.course_id:
        pagetree.learner_entries_retire(
            key(user_id, instance.course_id) for user_id in _business_members(instance.learner_id)
        )


def _checkin_changed(sender, instance, **kwargs):
    from lms.models import Membership

    members = Membership.objects.filter(business_id=instance.business_id).values_list(
        "user_id", flat=True
    )
    pagetree.learner_entries_retire(key(user_id, instance.course_id) for user_id in members)


def _membership_changed(sender, instance, **kwargs):
    """Someone joined or left a business: their own entries and the business's (its first
    enrolment may now be someone else's), on every course with a plan."""
    from lms.models import Membership

    from .models import CheckInPlan

    users = {instance.user_id} | set(
        Membership.objects.filter(business_id=instance.business_id).values_list(
            "user_id", flat=True
        )
    )
    courses = list(CheckInPlan.objects.values_list("course_id", flat=True))
    pagetree.learner_entries_retire(
        key(user_id, course_id) for user_id in users for course_id in courses
    )


def _plan_changed(sender, instance, **kwargs):
    from lms.models import Membership

    members = (
        Membership.objects.filter(
            business__memberships__user__enrolments__course_id=instance.course_id
        )
        .values_list("user_id", flat=True)
        .distinct()
    )
    pagetree.learner_entries_retire(key(user_id, instance.course_id) for user_id in members)


def connect_signals() -> None:
    from courses.models import CourseCompletion, Enrolment
    from lms.models import Membership

    from .models import CheckIn, CheckInPlan

    receivers = (
        (Enrolment, _learner_row_changed),
        (CourseCompletion, _learner_row_changed),
        (CheckIn, _checkin_changed),
        (Membership, _membership_changed),
        (CheckInPlan, _plan_changed),
    )
    for model, receiver in receivers:
        for signal in (post_save, post_delete):
            signal.connect(
                receiver,
                sender=model,
                dispatch_uid=f"checkin-due-cache-{model.__name__}-{id(signal)}",
            )
