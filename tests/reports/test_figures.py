"""Every figure of the reports, against the hand-built province of conftest.py."""

from decimal import Decimal

import pytest
from django.http import QueryDict
from django.test import RequestFactory

from quizzes.models import Phase, QuizAttempt
from reports import selectors
from reports.filters import EnrolmentFilterSet
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def scope(province, user=None, **filters):
    """The scope a viewer gets with ``filters`` in the query string (a superuser by default)."""
    request = RequestFactory().get("/")
    request.user = user or UserFactory(is_superuser=True)
    enrolments = selectors.enrolments_visible_to(request.user)
    data = QueryDict(mutable=True)
    data.update({"course": province.course.pk, **filters})
    filterset = EnrolmentFilterSet(
        data, queryset=enrolments.filter(course=province.course), request=request
    )
    assert filterset.is_valid(), filterset.errors
    return selectors.scope_for(course=province.course, enrolments=filterset.qs)


def names(queryset):
    return sorted(row.name for row in queryset)


def test_overview_of_the_whole_course(province):
    overview = selectors.course_overview(scope(province))

    assert overview.learners == 5  # a1 a2 b1 d1 e1
    assert overview.businesses == 4  # A B D E
    assert overview.started == 4  # all but d1
    assert [count for _week, count in overview.funnel] == [3, 2]  # a1 a2 e1; a1 e1
    assert overview.completed == 2  # a1 e1
    # Businesses: A (a1 did all, a2 week 1), B (1 lesson), D (nothing), E (all).
    assert overview.businesses_started == 3  # A B E
    assert [count for _week, count in overview.business_funnel] == [2, 2]  # A E; A E
    assert overview.businesses_completed == 2  # A E
    assert overview.certificates == 1  # a1
    assert overview.median_days == 20.0  # (10 + 30) / 2
    assert [
        (q["learners"], q["passed"], q["pass_rate"], q["best_mean"], q["first_mean"])
        for q in overview.quizzes
    ] == [
        (2, 1, Decimal(50), Decimal(75), Decimal(75)),  # a1 passed 100, a2 failed 50
        (1, 1, Decimal(100), Decimal(75), Decimal(25)),  # a1 failed 25, then passed 75
    ]
    knowledge = overview.knowledge
    assert knowledge.pre_mean == Decimal(50)  # (25 + 50 + 75) / 3
    assert knowledge.post_mean == Decimal(75)
    assert (knowledge.paired, knowledge.mean_gain, knowledge.improved) == (1, Decimal(50), 1)
    assert knowledge.improved_share == Decimal(100)
    assert overview.survey_responses == 1
    assert overview.survey_rate == Decimal(20)


def test_one_table_row_per_business_with_its_figures(province):
    rows = {row.name: row for row in selectors.business_rows(scope(province))}

    assert sorted(rows) == ["A", "B", "D", "E"]
    a, b, d, e = rows["A"], rows["B"], rows["D"], rows["E"]
    assert (a.learners, a.members, a.cohort_name) == (2, 2, "K1")  # the owner's class
    assert (a.lessons_done, a.progress, a.weeks_completed) == (4, 100.0, 2)
    # Best per learner and quiz: a1 w1 100, a1 w2 75, a2 w1 50; first: 100, 25, 50.
    assert a.quiz_best == Decimal(75)  # (100 + 75 + 50) / 3
    assert round(a.quiz_first, 2) == Decimal("58.33")  # (100 + 25 + 50) / 3
    assert (a.pre_mean, a.post_mean, a.certificate_count) == (Decimal("37.5"), Decimal(75), 1)
    assert (b.learners, b.cohort_name, b.progress, b.weeks_completed) == (1, "K1", 25.0, 0)
    assert (b.quiz_best, b.quiz_first, b.pre_mean, b.post_mean, b.certificate_count) == (
        None,
        None,
        Decimal(75),
        None,
        0,
    )
    assert (d.cohort_name, d.progress, d.pre_mean) == (None, 0.0, None)
    assert (e.progress, e.weeks_completed, e.certificate_count) == (100.0, 2, 0)


@pytest.mark.parametrize(
    ("filters", "businesses", "learners", "funnel", "completed"),
    [
        ({"regency": "sleman"}, ["A"], 2, [2, 1], 1),
        ({"sector": "culinary"}, ["A", "D"], 3, [2, 1], 1),
        ({"cohort": "k1"}, ["A", "B"], 2, [1, 1], 1),
        ({"status": "completed"}, ["A", "E"], 2, [2, 2], 2),
        ({"status": "in_progress"}, ["A", "B"], 2, [1, 0], 0),
        ({"status": "not_started"}, ["D"], 1, [0, 0], 0),
        (
            {"enrolled_at_from": "2026-09-30", "enrolled_at_to": "2026-10-02"},
            ["A", "E"],
            2,
            [2, 2],
            2,
        ),
    ],
)
def test_filters_narrow_the_overview_and_the_table_alike(
    province, filters, businesses, learners, funnel, completed
):
    filters = {k: getattr(province, v).pk if v in ("k1", "k2") else v for k, v in filters.items()}
    chosen = scope(province, **filters)
    overview = selectors.course_overview(chosen)
    rows = list(selectors.business_rows(chosen))

    assert names(rows) == businesses
    assert overview.businesses == len(rows)
    assert overview.learners == learners == sum(row.learners for row in rows)
    assert [count for _week, count in overview.funnel] == funnel
    assert overview.completed == completed
    assert overview.certificates == sum(row.certificate_count for row in rows)
    assert overview.businesses_started == sum(row.lessons_done > 0 for row in rows)
    assert overview.businesses_completed == sum(row.progress == 100 for row in rows)


def test_a_class_filter_counts_only_that_class_in_the_business_row(province):
    [a] = selectors.business_rows(scope(province, cohort=province.k2.pk))
    # Only a2: week 1 done (2 of 4 lessons), w1 quiz 50, pre 50, no certificate.
    assert (a.learners, a.lessons_done, a.progress, a.weeks_completed) == (1, 2, 50.0, 1)
    assert (a.quiz_best, a.quiz_first, a.pre_mean, a.post_mean, a.certificate_count) == (
        Decimal(50),
        Decimal(50),
        Decimal(50),
        None,
        0,
    )


def test_mentors_see_their_own_classes_only(province):
    overview = selectors.course_overview(scope(province, user=province.dewi))
    assert (overview.learners, overview.businesses, overview.started) == (1, 1, 1)
    assert names(selectors.business_rows(scope(province, user=province.rina))) == ["A", "B"]


def test_members_of_a_business_with_their_figures(province):
    chosen = scope(province)
    a1, a2 = selectors.business_members(chosen, province.a1.membership.business)
    assert (a1.learner, a1.done, a1.pre, a1.post) == (province.a1, 4, Decimal(25), Decimal(75))
    assert a1.quiz_best == Decimal("87.5")  # (100 + 75) / 2: w1 100, w2 best of 25 and 75
    assert a1.quiz_first == Decimal("62.5")  # (100 + 25) / 2
    assert a1.certificate_serial.startswith("PU-")
    assert (a2.learner, a2.done, a2.pre, a2.post, a2.certificate_serial) == (
        province.a2,
        2,
        Decimal(50),
        None,
        None,
    )
    attempts = selectors.attempts_of(chosen, province.a1.membership.business)
    assert attempts.count() == 7  # a1: pre, w1, w2 twice, post; a2: pre, w1


def test_knowledge_pairs_and_distributions(province):
    chosen = scope(province)
    [pair] = selectors.knowledge_pairs(chosen)
    assert (pair.learner, pair.pre, pair.post, pair.gain) == (
        province.a1,
        Decimal(25),
        Decimal(75),
        Decimal(50),
    )
    pre = selectors.score_distribution(chosen, "pre")
    assert {band: n for band, n in pre.items() if n} == {20: 1, 50: 1, 70: 1}
    post = selectors.score_distribution(chosen, "post")
    assert {band: n for band, n in post.items() if n} == {70: 1}
    assert sum(pre.values()) == 3


def test_likert_items_and_open_answers(province):
    chosen = scope(province)
    items = selectors.likert_results(chosen)
    assert [(i["counts"], i["answers"], i["mean"]) for i in items] == [
        ({1: 0, 2: 0, 3: 0, 4: 0, 5: 1}, 1, Decimal(5)),
        ({1: 0, 2: 0, 3: 0, 4: 1, 5: 0}, 1, Decimal(4)),
        ({1: 0, 2: 0, 3: 1, 4: 0, 5: 0}, 1, Decimal(3)),
    ]
    assert sorted(a.text for a in selectors.open_answers(chosen)) == [
        "Tambah contoh TikTok.",
        "Video cara memotret produk.",
    ]
    assert selectors.likert_results(scope(province, regency="bantul"))[0]["answers"] == 0


def test_percent_right_per_question(province):
    results = selectors.question_results(scope(province))
    quiz1, quiz2, knowledge = results
    assert [(q["attempts"], q["right"]) for q in quiz1["questions"]] == [
        (2, 2),
        (2, 2),
        (2, 1),
        (2, 1),  # a1 all right; a2 q1 q2 right
    ]
    assert [q["percent"] for q in quiz2["questions"]] == [
        Decimal(100),
        Decimal(50),
        Decimal(50),
        Decimal(0),
    ]
    # Questionnaire: a1 pre (q1), a1 post (q1 q2 q3), a2 pre (q1 q2), b1 pre (q1 q2 q3).
    assert [q["right"] for q in knowledge["questions"]] == [4, 3, 2, 0]


def test_overview_queries_do_not_grow_with_the_data(province, django_assert_max_num_queries):
    chosen = scope(province)
    with django_assert_max_num_queries(12):
        selectors.course_overview(chosen)
    with django_assert_max_num_queries(1):
        list(selectors.business_rows(chosen))


def test_score_bands_hold_their_lower_edge_and_the_last_holds_a_full_score(province):
    """0–9, 10–19, …, 90–100: 9.99 is in the first band, 10 in the second, 100 in the last."""
    chosen = scope(province)
    first_pre = QuizAttempt.objects.filter(
        course=province.course, phase=Phase.PRE, number=1, learner__in=chosen.learners()
    ).order_by("pk")
    assert first_pre.count() == 3
    for attempt, score in zip(first_pre, ["9.99", "10", "100"], strict=True):
        QuizAttempt.objects.filter(pk=attempt.pk).update(score_percent=Decimal(score))
    bands = selectors.score_distribution(chosen, Phase.PRE)
    assert list(bands) == list(range(0, 100, 10))
    assert {band: n for band, n in bands.items() if n} == {0: 1, 10: 1, 90: 1}
