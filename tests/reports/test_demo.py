"""seed_demo's evaluation class (issue 14, item 13): enough learners, spread over the province,
that the evaluation report has real content; a second run adds nothing."""

import io
import time

import pytest
from django.core.management import call_command

from courses.models import Cohort, Enrolment
from lms.models import User
from quizzes.models import Phase, QuizAttempt, SurveyResponse
from reports import demo, evaluation

pytestmark = pytest.mark.django_db


def test_seed_demo_builds_the_evaluation_class_once_and_fast():
    began = time.perf_counter()
    call_command("seed_demo", stdout=io.StringIO())
    took = time.perf_counter() - began
    cohort = Cohort.objects.get(name=demo.DEMO_CLASS)
    counts = (Enrolment.objects.count(), QuizAttempt.objects.count(), User.objects.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert (Enrolment.objects.count(), QuizAttempt.objects.count(), User.objects.count()) == counts
    assert Cohort.objects.filter(name=demo.DEMO_CLASS).count() == 1

    assert cohort.course.slug == demo.COURSE_SLUG
    assert cohort.mentor.email == demo.MENTOR_EMAIL  # Rina sees it as her own class
    learners = cohort.enrolments.values("learner")
    assert learners.count() == demo.LEARNERS
    businesses = User.objects.filter(pk__in=learners).values("membership__business")
    assert businesses.distinct().count() == demo.BUSINESSES
    people = User.objects.filter(pk__in=learners)
    assert people.values("membership__business__regency").distinct().count() >= 4
    assert people.values("membership__business__sector").distinct().count() >= 4
    assert people.values("membership__business__district").distinct().count() >= 8
    assert len({year // 10 for year in people.values_list("birth_year", flat=True)}) >= 3
    answered = QuizAttempt.objects.filter(learner__in=learners, number=1)
    assert answered.filter(phase=Phase.PRE).count() >= 40
    assert answered.filter(phase=Phase.POST).count() >= 10
    assert SurveyResponse.objects.filter(learner__in=learners).count() >= 5
    print(f"seed_demo took {took:.1f} s")  # noqa: T201 - the figure the report quotes


def test_the_evaluation_of_the_demo_class_has_real_content():
    call_command("seed_demo", stdout=io.StringIO())
    cohort = Cohort.objects.get(name=demo.DEMO_CLASS)
    coordinator = User.objects.get(email="koordinator@pintar-umkm.test")
    scope = evaluation.scope_of(
        user=coordinator, course=cohort.course, query={"cohort": str(cohort.pk)}
    )
    data = evaluation.evaluation_data(scope)
    assert data.overview.learners == demo.LEARNERS
    assert data.comparison.n >= 10
    assert data.comparison.t_p_value is not None
    assert data.comparison.wilcoxon_p_value is not None
    assert len(data.participants["regency"]) >= 4
    assert any(item["answers"] for item in data.likert)
    assert data.overview.certificates >= 1
