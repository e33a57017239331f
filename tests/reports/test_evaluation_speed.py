"""The evaluation report's data in fewer passes (issue 14, floors): both funnels come from the
enrolments and each learner's lessons as bit masks, counted in Python, and still equal the hand
counts of the province (``conftest``): a1 and e1 did all four lessons and completed, a2 did
week 1's two, b1 one of week 1's, d1 nothing."""

import uuid

import pytest

from courses import services as course_services
from courses.models import WeekPage
from quizzes import services as quiz_services
from quizzes.models import Phase
from reports import selectors
from tests.factories import MembershipFactory, UserFactory, build_quiz, lessons_of
from tests.reports.conftest import RIGHT, WRONG
from tests.reports.test_figures import scope

pytestmark = pytest.mark.django_db


def funnels(overview):
    return (
        [count for _week, count in overview.funnel],
        [count for _week, count in overview.business_funnel],
    )


def enrol(province, learner, lessons):
    course_services.enrolment_start(learner=learner, course=province.course)
    for lesson in lessons:
        course_services.lesson_mark_done(learner=learner, lesson=lesson)


def test_lessons_in_several_masks_give_the_same_funnels(province, monkeypatch):
    monkeypatch.setattr(selectors, "LESSONS_PER_MASK", 1)  # four lessons, four mask columns
    overview = selectors.course_overview(scope(province))

    assert funnels(overview) == ([3, 2], [2, 2])  # a1 a2 e1, a1 e1; A E, A E
    assert (overview.started, overview.businesses_started) == (4, 3)  # a1 a2 b1 e1; A B E
    assert (overview.completed, overview.businesses_completed) == (2, 2)
    assert (overview.learners, overview.businesses) == (5, 4)


def test_a_business_meets_a_week_its_learners_did_between_them(province):
    # b2 joins B and does week 1's second lesson; b1 did its first: B has done week 1, neither
    # learner has.
    first, second, *_rest = lessons_of(province.course)
    b2 = UserFactory(full_name="b2")
    MembershipFactory(user=b2, business=province.b1.membership.business)
    enrol(province, b2, [second])

    overview = selectors.course_overview(scope(province))

    assert funnels(overview) == ([3, 2], [3, 2])  # learners as before; week 1: A B E
    assert (overview.started, overview.businesses_started) == (5, 3)  # b2 started, in B
    assert (overview.learners, overview.businesses) == (6, 4)


def test_a_learner_without_a_business_counts_for_no_business(province):
    loner = UserFactory(full_name="tanpa usaha")
    enrol(province, loner, lessons_of(province.course)[:2])

    overview = selectors.course_overview(scope(province))

    assert funnels(overview) == ([4, 2], [2, 2])  # week 1: a1 a2 e1 and the loner
    assert (overview.started, overview.businesses_started) == (5, 3)
    assert (overview.learners, overview.businesses) == (6, 4)


def test_the_funnels_take_two_queries_however_many_learners(province, django_assert_num_queries):
    chosen = scope(province)
    with django_assert_num_queries(2):
        learners, businesses = selectors.progress_counts(chosen)
    assert (learners.enrolled, learners.started, learners.completed) == (5, 4, 2)
    assert (businesses.enrolled, businesses.started, businesses.completed) == (4, 3, 2)

    for number in range(3):
        enrol(province, UserFactory(full_name=f"extra {number}"), lessons_of(province.course))
    chosen = scope(province)
    with django_assert_num_queries(2):
        learners, _businesses = selectors.progress_counts(chosen)
    assert learners.completed == 5


def test_a_quiz_only_week_counts_its_passes_once_per_business(province):
    """A third week holding only a quiz: met by whoever passed it and by everyone who completed.
    a2 (of A, which completed through a1) and b1 (of B, twice) pass it; d1 fails it."""
    week = province.course.add_child(instance=WeekPage(title="Minggu ke-3", slug="minggu-3"))
    quiz = build_quiz(week, attempts_allowed=0)
    for learner, answers in (
        (province.a2, RIGHT),
        (province.b1, RIGHT),
        (province.b1, RIGHT),
        (province.d1, WRONG),
    ):
        quiz_services.attempt_submit(
            learner=learner, page=quiz, raw_answers=answers, token=uuid.uuid4()
        )

    chosen = scope(province)
    assert chosen.weeks[-1].quiz_id == quiz.pk
    overview = selectors.course_overview(chosen)

    # a1 and e1 completed before the week was added: their records stand.
    assert overview.completed == 2
    # Week 3, learners: a1 e1 (completed) + a2 b1 (passed); businesses: A E + B (A counted
    # once: it completed).
    assert funnels(overview) == ([3, 2, 4], [2, 2, 3])


def test_both_score_distributions_take_one_query(province, django_assert_num_queries):
    chosen = scope(province)
    with django_assert_num_queries(1):
        both = selectors.score_distributions(chosen, (Phase.PRE, Phase.POST))

    assert both == {
        "pre": selectors.score_distribution(chosen, Phase.PRE),
        "post": selectors.score_distribution(chosen, Phase.POST),
    }
    assert sum(both["pre"].values()) == 3  # a1 25, a2 50, b1 75
    assert (both["pre"][20], both["pre"][50], both["pre"][70]) == (1, 1, 1)
    assert sum(both["post"].values()) == 1  # a1 75
