"""Report selectors, checked against figures worked out by hand."""

import uuid
from decimal import Decimal

import pytest

from courses import services as course_services
from courses.models import WeekPage
from quizzes import selectors, services
from tests.factories import (
    RIGHT_ANSWERS,
    WRONG_ANSWERS,
    BusinessFactory,
    MembershipFactory,
    UserFactory,
    build_course,
    build_knowledge_check,
    build_quiz,
    build_survey,
    lessons_of,
)

pytestmark = pytest.mark.django_db


def raw(answers):
    return {
        key.removeprefix("q-"): value if isinstance(value, list) else [value]
        for key, value in answers.items()
    }


@pytest.fixture
def course(db):
    return build_course(weeks=1, lessons_per_week=1)


def learners(course, count, business=None):
    people = []
    for _ in range(count):
        person = UserFactory()
        if business:
            MembershipFactory(user=person, business=business)
        course_services.enrolment_start(learner=person, course=course)
        people.append(person)
    return people


def take(page, learner, answers):
    return services.attempt_submit(
        learner=learner, page=page, raw_answers=raw(answers), token=uuid.uuid4()
    )


def test_pass_rate_mean_score_and_percent_correct_per_question(course):
    quiz = build_quiz(WeekPage.objects.child_of(course).get(), attempts_allowed=0)
    a, b, c = learners(course, 3)
    take(quiz, a, RIGHT_ANSWERS)  # 100
    take(quiz, b, WRONG_ANSWERS)  # 0
    take(quiz, b, {**WRONG_ANSWERS, "q-q1": "c1"})  # 25: q1 right
    take(quiz, c, {**RIGHT_ANSWERS, "q-q2": ["c3"]})  # q2 half: (1 + .5 + 1 + 1) / 4 = 87.5
    summary = selectors.quiz_summary(page=quiz)
    assert summary["attempts"] == 4
    assert summary["learners"] == 3
    assert summary["passed_learners"] == 2
    assert round(summary["pass_rate"], 2) == Decimal("66.67")
    assert Decimal(summary["mean_score"]) == Decimal("53.125")  # 212.5 / 4
    right = selectors.percent_correct_by_question(page=quiz)
    assert right == {"q1": 75.0, "q2": 25.0, "q3": 50.0, "q4": 50.0}


def test_pre_post_means_and_paired_gain_overall_and_by_business(course):
    knowledge = build_knowledge_check(course)
    batik, gudeg = BusinessFactory(name="Batik"), BusinessFactory(name="Gudeg")
    x, y = learners(course, 2, batik)
    (z,) = learners(course, 1, gudeg)
    take(knowledge, x, WRONG_ANSWERS)  # pre 0
    take(knowledge, y, {**WRONG_ANSWERS, "q-q1": "c1"})  # pre 25
    take(knowledge, z, {**WRONG_ANSWERS, "q-q3": "true"})  # pre 25, no post
    for person in (x, y):
        for lesson in lessons_of(course):
            course_services.lesson_mark_done(learner=person, lesson=lesson)
    take(knowledge, x, RIGHT_ANSWERS)  # post 100: gain 100
    take(knowledge, y, {**RIGHT_ANSWERS, "q-q4": "1"})  # post 75: gain 50
    gain = selectors.knowledge_gain(course=course, by="business")
    assert Decimal(gain["pre_mean"]).quantize(Decimal("0.01")) == Decimal("16.67")
    assert Decimal(gain["post_mean"]) == Decimal("87.5")
    assert Decimal(gain["mean_gain"]) == Decimal(75)
    assert gain["paired"] == 2
    assert [
        (row["learner__membership__business__name"], Decimal(row["mean_gain"]), row["learners"])
        for row in gain["businesses"]
    ] == [("Batik", Decimal(75), 2)]


def test_likert_distribution_and_open_answers(course):
    survey = build_survey(course)
    answers = [("5", "4", "Video"), ("5", "2", "Mentornya sabar"), ("3", "4", "")]
    for person, (l1, l2, o1) in zip(learners(course, 3), answers, strict=True):
        services.survey_submit(
            learner=person,
            page=survey,
            raw_answers={
                "l1": [l1],
                "l2": [l2],
                "l3": ["1"],
                "o1": [o1 or "Tidak ada"],
                "o2": [""],
            },
        )
    distribution = selectors.likert_distribution(page=survey)
    assert distribution["l1"] == {1: 0, 2: 0, 3: 1, 4: 0, 5: 2}
    assert distribution["l2"] == {1: 0, 2: 1, 3: 0, 4: 2, 5: 0}
    assert distribution["l3"] == {1: 3, 2: 0, 3: 0, 4: 0, 5: 0}
    texts = {row["text"] for row in selectors.open_answers(page=survey)}
    assert texts == {"Video", "Mentornya sabar", "Tidak ada"}
    assert [row["text"] for row in selectors.open_answers(page=survey, search="mentor")] == [
        "Mentornya sabar"
    ]
