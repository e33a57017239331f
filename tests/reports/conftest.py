"""A small province, built by hand through the real services, whose every figure the report
tests work out on paper.

Course: 2 weeks × 2 lessons, a quiz in each week (pass mark 70), a questionnaire, a survey.

- a1, owner of A (Sleman, culinary), class K1 (mentor Rina): all 4 lessons (enrolled 1 Oct,
  last lesson 11 Oct); quiz w1 100, quiz w2 25 then 75; pre 25, post 75; survey answered.
- a2, member of A, class K2 (mentor Dewi): week 1's 2 lessons; quiz w1 50; pre 50.
- b1, owner of B (Bantul, craft), class K1: 1 lesson; pre 75.
- d1, owner of D (Bantul, culinary), no class: nothing yet.
- e1, owner of E (Kulon Progo, trade), no class: all 4 lessons (enrolled 1 Oct, last 31 Oct).
- c1, owner of C (Sleman, fashion): not enrolled.

a1 alone meets the certificate rule.
"""

import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group

from certificates.services import certificate_issue_if_earned
from courses import services as course_services
from courses.models import Cohort, CourseCompletion, Enrolment, LessonCompletion, WeekPage
from lms import roles
from quizzes import services as quiz_services
from quizzes.models import KnowledgeCheckPage, QuizPage, SurveyPage
from tests.factories import (
    BusinessFactory,
    MembershipFactory,
    UserFactory,
    build_course,
    build_knowledge_check,
    build_quiz,
    build_survey,
    lessons_of,
)

RIGHT = {"q1": ["c1"], "q2": ["c3", "c4"], "q3": ["true"], "q4": ["600.000"]}
WRONG = {"q1": ["c2"], "q2": ["c5"], "q3": ["false"], "q4": ["1"]}
JAKARTA = ZoneInfo("Asia/Jakarta")


def answers(*right):
    """Questions q1..q4 answered right when named, wrong otherwise: 25 points each."""
    return {qid: (RIGHT if qid in right else WRONG)[qid] for qid in RIGHT}


def day(month, date):
    return datetime(2026, month, date, 10, 0, tzinfo=JAKARTA)


class Province:
    def __init__(self, **people):
        self.__dict__.update(people)


@pytest.fixture
def province(db):
    course = build_course(weeks=2, lessons_per_week=2, slug="laporan")
    week1, week2 = WeekPage.objects.child_of(course).order_by("path")
    quiz1, quiz2 = build_quiz(week1, attempts_allowed=0), build_quiz(week2, attempts_allowed=0)
    knowledge = build_knowledge_check(course)
    survey = build_survey(course)
    mentors = Group.objects.get(name=roles.MENTORS)
    rina = UserFactory(full_name="Rina", groups=[mentors])
    dewi = UserFactory(full_name="Dewi", groups=[mentors])
    k1 = Cohort.objects.create(name="K1", course=course, start_date="2026-10-01", mentor=rina)
    k2 = Cohort.objects.create(name="K2", course=course, start_date="2026-10-01", mentor=dewi)

    def owner(name, business, regency, sector):
        user = UserFactory(full_name=name)
        MembershipFactory(
            user=user,
            business=BusinessFactory(name=business, regency=regency, sector=sector),
            is_owner=True,
        )
        return user

    a1 = owner("a1", "A", "sleman", "culinary")
    a2 = UserFactory(full_name="a2")
    MembershipFactory(user=a2, business=a1.membership.business)
    b1 = owner("b1", "B", "bantul", "craft")
    c1 = owner("c1", "C", "sleman", "fashion")
    d1 = owner("d1", "D", "bantul", "culinary")
    e1 = owner("e1", "E", "kulon_progo", "trade")
    lessons = lessons_of(course)

    def attempt(learner, page, *right):
        quiz_services.attempt_submit(
            learner=learner, page=page, raw_answers=answers(*right), token=uuid.uuid4()
        )

    for learner, cohort in ((a1, k1), (a2, k2), (b1, k1), (d1, None), (e1, None)):
        course_services.enrolment_start(learner=learner, course=course, cohort=cohort)
    attempt(a1, knowledge, "q1")
    attempt(a2, knowledge, "q1", "q2")
    attempt(b1, knowledge, "q1", "q2", "q3")
    for lesson in lessons:
        course_services.lesson_mark_done(learner=a1, lesson=lesson)
        course_services.lesson_mark_done(learner=e1, lesson=lesson)
    for lesson in lessons[:2]:
        course_services.lesson_mark_done(learner=a2, lesson=lesson)
    course_services.lesson_mark_done(learner=b1, lesson=lessons[0])
    attempt(a1, quiz1, "q1", "q2", "q3", "q4")
    attempt(a1, quiz2, "q1")
    attempt(a1, quiz2, "q1", "q2", "q3")
    attempt(a2, quiz1, "q1", "q2")
    attempt(a1, knowledge, "q1", "q2", "q3")
    quiz_services.survey_submit(
        learner=a1,
        page=survey,
        raw_answers={
            "l1": ["5"],
            "l2": ["4"],
            "l3": ["3"],
            "o1": ["Video cara memotret produk."],
            "o2": ["Tambah contoh TikTok."],
        },
    )
    certificate_issue_if_earned(learner=a1, course=course)
    # Enrolment and finishing days, for the median: a1 took 10 days, e1 30.
    Enrolment.objects.filter(learner__in=[a1, e1]).update(enrolled_at=day(10, 1))
    LessonCompletion.objects.filter(learner=a1).update(completed_at=day(10, 5))
    LessonCompletion.objects.filter(learner=a1, lesson=lessons[-1]).update(completed_at=day(10, 11))
    LessonCompletion.objects.filter(learner=e1).update(completed_at=day(10, 31))
    CourseCompletion.objects.filter(learner=a1).update(completed_at=day(10, 11))
    CourseCompletion.objects.filter(learner=e1).update(completed_at=day(10, 31))
    return Province(
        course=course,
        k1=k1,
        k2=k2,
        rina=rina,
        dewi=dewi,
        a1=a1,
        a2=a2,
        b1=b1,
        c1=c1,
        d1=d1,
        e1=e1,
        quiz1=QuizPage.objects.get(pk=quiz1.pk),
        quiz2=QuizPage.objects.get(pk=quiz2.pk),
        knowledge=KnowledgeCheckPage.objects.get(pk=knowledge.pk),
        survey=SurveyPage.objects.get(pk=survey.pk),
    )


@pytest.fixture
def coordinator_client(client, db):
    """The test client, signed in as a coordinator."""
    client.force_login(
        UserFactory(full_name="Bambang", groups=[Group.objects.get(name=roles.COORDINATORS)])
    )
    return client
