import pytest
from django.db import connection

from certificates import services
from certificates.models import Certificate
from courses import services as course_services
from tests.concurrency import run_together
from tests.factories import UserFactory, build_course, lessons_of

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs a server database with real concurrency"
    ),
]


@pytest.fixture
def course(db):
    course = build_course(weeks=1, lessons_per_week=4)
    course.require_quizzes = course.require_post_questionnaire = course.require_survey = False
    course.save_revision().publish()
    return course


def test_concurrent_checks_issue_one_certificate(course):
    learner = UserFactory()
    course_services.enrolment_start(learner=learner, course=course)
    for lesson in lessons_of(course):
        course_services.lesson_mark_done(learner=learner, lesson=lesson)

    outcomes = run_together(
        lambda: services.certificate_issue_if_earned(learner=learner, course=course), times=4
    )

    assert Certificate.objects.filter(learner=learner).count() == 1
    issued = [o for o in outcomes if isinstance(o, Certificate)]
    assert len(issued) == 1
    assert outcomes.count(None) == 3


def test_the_last_two_steps_taken_at_once_issue_exactly_one(course):
    learner = UserFactory()
    course_services.enrolment_start(learner=learner, course=course)
    *first, third, fourth = lessons_of(course)
    for lesson in first:
        course_services.lesson_mark_done(learner=learner, lesson=lesson)
    remaining = iter([third, fourth])

    def finish_one():
        course_services.lesson_mark_done(learner=learner, lesson=next(remaining))
        return services.certificate_issue_if_earned(learner=learner, course=course)

    outcomes = run_together(finish_one)

    assert Certificate.objects.filter(learner=learner).count() == 1
    assert sum(isinstance(o, Certificate) for o in outcomes) == 1


def test_serials_stay_unique_under_concurrent_issues(db):
    learners = [UserFactory() for _ in range(6)]
    courses = [build_course(weeks=1, lessons_per_week=1, slug=f"k{n}") for n in range(6)]
    for course, learner in zip(courses, learners, strict=True):
        course.require_quizzes = course.require_post_questionnaire = False
        course.require_survey = False
        course.save_revision().publish()
        course_services.enrolment_start(learner=learner, course=course)
        course_services.lesson_mark_done(learner=learner, lesson=lessons_of(course)[0])
    pairs = iter(zip(learners, courses, strict=True))

    def issue():
        learner, course = next(pairs)
        return services.certificate_issue_if_earned(learner=learner, course=course)

    outcomes = run_together(issue, times=6)

    serials = sorted(o.serial for o in outcomes)
    assert len(set(serials)) == 6
    assert [int(s.rsplit("-", 1)[1]) for s in serials] == [1, 2, 3, 4, 5, 6]
