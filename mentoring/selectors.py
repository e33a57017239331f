"""Read-only queries about assignments, hand-ins and reviews."""

from django.db.models import Exists, OuterRef, QuerySet

from courses.models import Enrolment
from lms.selectors import sees_every_class

from .models import Submission


def submissions_visible_to(user) -> QuerySet[Submission]:
    """Every hand-in for coordinators and superusers; for a mentor, those of learners enrolled
    in the course in a class the mentor runs. The one scope rule of hand-ins, their files,
    the review queue and the roster."""
    submissions = Submission.objects.all()
    if sees_every_class(user):
        return submissions
    return submissions.filter(
        Exists(
            Enrolment.objects.filter(
                learner=OuterRef("learner"), course=OuterRef("course"), cohort__mentor=user
            )
        )
    )
