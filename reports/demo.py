"""Demo evaluation class for `make run` (issue 14, item 13): "Kelas demo evaluasi", Rina's class
of the financing course (the marketing course keeps its two demo learners), with enough learners
that the evaluation report has real content.

Its learners, businesses and everything they did come from the synthetic data's generators
(``reports.synthetic``: the same shapes the real services write), from a fixed seed, so the demo
looks the same on every machine. Safe to repeat: when the class exists nothing is added.
"""

import random
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from courses.models import Cohort, CoursePage, Enrolment
from lms.models import User

from . import synthetic

DEMO_CLASS = "Kelas demo evaluasi"
COURSE_SLUG = "pembiayaan-umkm"
MENTOR_EMAIL = "mentor@pintar-umkm.test"  # Rina Astuti, lms.demo
SEED = 1414
BUSINESSES = 40
LEARNERS = 60
CLASS_STARTED_DAYS_AGO = 84  # twelve weeks: most have finished a four-week course


def _plan(rng, unique, period, spec, cohort) -> tuple[list, list]:
    """Businesses across the province's regencies and sectors, each with its owner and some
    with a member, every learner enrolled in the class around its start."""
    businesses = synthetic.plan_businesses(rng, unique, BUSINESSES)
    owners = list(range(BUSINESSES))
    members = [rng.randrange(BUSINESSES) for _ in range(LEARNERS - BUSINESSES)]
    learners = []
    opens = period.midnight(cohort.start_date)
    for index in owners + members:
        enrolled_at = opens + timedelta(days=rng.uniform(-6, 4), hours=rng.uniform(7, 21))
        learners.append(
            synthetic.PlannedLearner(
                full_name=" ".join(synthetic.full_name_words(rng)),
                phone=unique.phone(),
                email=None,
                birth_year=round(rng.triangular(1962, 2006, 1986)),
                business=index,
                enrolments=[synthetic.PlannedEnrolment(spec, cohort, enrolled_at)],
                date_joined=enrolled_at - timedelta(hours=rng.uniform(0.5, 48)),
            )
        )
    synthetic.assign_owners(learners, businesses)
    return businesses, learners


@transaction.atomic
def seed() -> list[str]:
    course = CoursePage.objects.get(slug=COURSE_SLUG)
    cohort = Cohort.objects.filter(name=DEMO_CLASS, course=course).first()
    if cohort is None:
        rng = random.Random(SEED)  # noqa: S311 - reproducible demo data, not secrets
        period = synthetic.Period.until(timezone.localdate())
        spec = next(spec for spec in synthetic.catalogue(rng) if spec.course.pk == course.pk)
        start = period.local_date(period.end) - timedelta(days=CLASS_STARTED_DAYS_AGO)
        start -= timedelta(days=start.weekday())  # a Monday
        unique = synthetic.Unique(rng)
        cohort = Cohort.objects.create(
            name=DEMO_CLASS,
            course=course,
            start_date=start,
            mentor=User.objects.get(email=MENTOR_EMAIL),
            join_code=unique.join_code(),
        )
        businesses, learners = _plan(rng, unique, period, spec, cohort)
        synthetic.write_planned(
            rng,
            period,
            businesses,
            learners,
            summary=synthetic.Summary(),
            password=make_password(None),
        )
    learners = cohort.enrolments.count()
    return [f"{DEMO_CLASS} ({course.title}, mentor Rina Astuti): {learners} learners"]


def demo_class_learners():
    """The demo class's learners (``values("learner")``), for counting around them."""
    return Enrolment.objects.filter(cohort__name=DEMO_CLASS).values("learner")
