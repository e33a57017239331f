"""Practical assignments in the reports (issue 16, item 7): hand-ins per class and the median
time to a first review, on the province of ``conftest`` with two assignments added.

    assignment        hand-in of            class  state           first review after
    T1 (each learner) a1                    K1     accepted        2 hours
    T1                b1                    K1     needs revision  10 hours
    T1                a2                    K2     handed in       -
    T1                e1                    -      accepted        48 hours
    T2 (business)     A (a1 first, a2 too)  K1     handed in       -
    T2                B (b1)                K1     accepted        4 hours
    T2                E (e1)                -      needs revision  24 hours

K1 (Rina): 4 hand-ins, median of 2, 4, 10 = 4 hours. K2 (Dewi): a2's own only; business A's
hand-in counts in K1, a1's class, once. No class: median of 24 and 48 = 36 hours. All: median
of 2, 4, 10, 24, 48 = 10 hours.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.http import QueryDict
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from courses import services as course_services
from courses.models import WeekPage
from mentoring.models import AssignmentPage, State, Submission
from reports import selectors, views
from reports.filters import EnrolmentFilterSet
from tests.factories import (
    BusinessFactory,
    MembershipFactory,
    UserFactory,
    build_assignment,
    build_course,
)
from tests.reports.conftest import day
from tests.reports.links import url
from tests.spreadsheets import read_csv

pytestmark = pytest.mark.django_db

Figures = selectors.AssignmentFigures
K1_FIGURES = Figures(handins=4, accepted=2, waiting=1, needs_revision=1, reviewed=3, median_hours=4)
K2_FIGURES = Figures(
    handins=1, accepted=0, waiting=1, needs_revision=0, reviewed=0, median_hours=None
)
NO_CLASS_FIGURES = Figures(
    handins=2, accepted=1, waiting=0, needs_revision=1, reviewed=2, median_hours=36
)
ALL_FIGURES = Figures(
    handins=7, accepted=3, waiting=2, needs_revision=2, reviewed=5, median_hours=10
)


def hand_in(assignment, learner, state, hours=None, *, business=None, at=None):
    """A hand-in first made at ``at`` (1 November by default), first reviewed ``hours`` later."""
    created = at or day(11, 1)
    reviewed = created + timedelta(hours=hours) if hours is not None else None
    return Submission.objects.create(
        assignment=assignment,
        course=assignment.get_parent().get_parent().specific,
        learner=learner,
        business=business,
        state=state,
        assignment_title=assignment.title,
        created_at=created,
        handed_in_at=created,
        first_reviewed_at=reviewed,
        reviewed_at=reviewed,
    )


@pytest.fixture
def handed(province):
    week1, week2 = WeekPage.objects.child_of(province.course).order_by("path")
    t1 = build_assignment(week1)
    t2 = build_assignment(week2, per_business=True)
    a, b, e = (learner.membership.business for learner in (province.a1, province.b1, province.e1))
    hand_in(t1, province.a1, State.ACCEPTED, 2)
    hand_in(t1, province.b1, State.NEEDS_REVISION, 10)
    hand_in(t1, province.a2, State.HANDED_IN)
    hand_in(t1, province.e1, State.ACCEPTED, 48)
    hand_in(t2, province.a1, State.HANDED_IN, business=a)
    hand_in(t2, province.b1, State.ACCEPTED, 4, business=b)
    hand_in(t2, province.e1, State.NEEDS_REVISION, 24, business=e)
    province.t1, province.t2 = t1, t2
    return province


def scope(province, user=None, **filters):
    """The scope a viewer gets with ``filters`` in the query string (a superuser by default)."""
    request = RequestFactory().get("/")
    request.user = user or UserFactory(is_superuser=True)
    data = QueryDict(mutable=True)
    data.update({"course": province.course.pk, **filters})
    enrolments = selectors.enrolments_visible_to(request.user).filter(course=province.course)
    filterset = EnrolmentFilterSet(data, queryset=enrolments, request=request)
    assert filterset.is_valid(), filterset.errors
    return selectors.scope_for(course=province.course, enrolments=filterset.qs)


# The selectors.


def test_figures_of_the_whole_scope(handed):
    assert selectors.assignment_figures(scope(handed)) == ALL_FIGURES


def test_figures_per_class_count_a_business_hand_in_once_in_its_first_learner_class(handed):
    assert selectors.assignment_figures_by_class(scope(handed)) == {
        handed.k1.pk: K1_FIGURES,
        handed.k2.pk: K2_FIGURES,
        None: NO_CLASS_FIGURES,
    }


def test_class_counts_add_up_to_the_whole_scope(handed):
    by_class = selectors.assignment_figures_by_class(scope(handed)).values()
    for name in ("handins", "accepted", "waiting", "needs_revision", "reviewed"):
        assert sum(getattr(figures, name) for figures in by_class) == getattr(ALL_FIGURES, name)


def test_median_of_an_even_count_is_the_mean_of_the_middle_two(handed):
    """Another review in K1 after 6 hours: 2, 4, 6, 10 → 5 hours."""
    c1 = handed.c1
    course_services.enrolment_start(learner=c1, course=handed.course, cohort=handed.k1)
    hand_in(handed.t1, c1, State.ACCEPTED, 6)
    figures = selectors.assignment_figures_by_class(scope(handed))[handed.k1.pk]
    assert (figures.handins, figures.reviewed, figures.median_hours) == (5, 4, 5)


def test_the_median_counts_the_time_from_the_first_hand_in_to_the_first_review(handed):
    """A later hand-in and review (a revision) leave the first review's time as it was."""
    submission = Submission.objects.get(learner=handed.b1, assignment=handed.t1)
    submission.handed_in_at = submission.created_at + timedelta(days=3)
    submission.reviewed_at = submission.created_at + timedelta(days=4)
    submission.state = State.ACCEPTED
    submission.save()
    figures = selectors.assignment_figures_by_class(scope(handed))[handed.k1.pk]
    assert (figures.accepted, figures.needs_revision, figures.median_hours) == (3, 0, 4)


def test_other_courses_hand_ins_and_learners_outside_the_scope_are_not_counted(handed):
    other = build_course(weeks=1, lessons_per_week=1, slug="lain")
    elsewhere = build_assignment(WeekPage.objects.child_of(other).get())
    course_services.enrolment_start(learner=handed.a1, course=other)
    hand_in(elsewhere, handed.a1, State.ACCEPTED, 1)
    hand_in(handed.t1, handed.c1, State.ACCEPTED, 1)  # c1 is not enrolled in the course
    assert selectors.assignment_figures(scope(handed)) == ALL_FIGURES


def test_a_mentor_counts_only_their_own_classes(handed):
    rina, dewi = scope(handed, user=handed.rina), scope(handed, user=handed.dewi)
    assert selectors.assignment_figures(rina) == K1_FIGURES
    assert selectors.assignment_figures_by_class(rina) == {handed.k1.pk: K1_FIGURES}
    # Business A's hand-in counts in K1 (a1 handed it in first), never for a2's mentor.
    assert selectors.assignment_figures(dewi) == K2_FIGURES
    assert selectors.assignment_figures_by_class(dewi) == {handed.k2.pk: K2_FIGURES}


def test_filters_narrow_the_figures(handed):
    assert selectors.assignment_figures(scope(handed, cohort=handed.k1.pk)) == K1_FIGURES
    # Bantul: b1 (K1) alone; d1 handed nothing in.
    assert selectors.assignment_figures(scope(handed, regency="bantul")) == Figures(
        handins=2, accepted=1, waiting=0, needs_revision=1, reviewed=2, median_hours=7
    )


def test_no_hand_in_yet_gives_zeros(province):
    build_assignment(WeekPage.objects.child_of(province.course).first())
    assert selectors.assignment_figures(scope(province)) == Figures(0, 0, 0, 0, 0, None)
    assert selectors.assignment_figures_by_class(scope(province)) == {}


def test_a_course_without_a_live_assignment_has_no_figures(province):
    assert selectors.assignment_figures(scope(province)) is None
    assert selectors.assignment_figures_by_class(scope(province)) is None
    assignment = build_assignment(WeekPage.objects.child_of(province.course).first())
    assert selectors.assignment_figures(scope(province)) is not None
    AssignmentPage.objects.get(pk=assignment.pk).unpublish()
    assert selectors.assignment_figures(scope(province)) is None


# The overview page and its export.


def test_overview_shows_the_practical_assignments_block(coordinator_client, handed):
    response = coordinator_client.get(url("overview", course=handed.course.pk))
    assert response.status_code == 200
    assert response.context["assignments"] == ALL_FIGURES
    page = response.content.decode()
    with translation.override("id"):
        assert gettext("Practical assignments") in page
        assert str(views.ASSIGNMENTS_NOTE) in page


def test_overview_export_holds_the_assignment_figures(coordinator_client, handed):
    rows = read_csv(coordinator_client.get(url("overview", course=handed.course.pk, export="csv")))
    figures = dict(rows[1:])
    with translation.override("id"):
        labels = [str(column.label) for column in views.ASSIGNMENT_COLUMNS]
    assert [figures[label] for label in labels] == ["7", "3", "2", "2", "10,0"]


def test_mentor_overview_shows_only_their_classes_hand_ins(client, handed):
    client.force_login(handed.dewi)
    response = client.get(url("overview", course=handed.course.pk))
    assert response.context["assignments"] == K2_FIGURES


def test_overview_of_a_course_without_assignments_leaves_the_block_out(
    coordinator_client, province
):
    response = coordinator_client.get(url("overview", course=province.course.pk))
    assert response.context["assignments"] is None
    page = response.content.decode()
    with translation.override("id"):
        assert gettext("Practical assignments") not in page
        labels = {str(column.label) for column in views.ASSIGNMENT_COLUMNS}
    rows = read_csv(
        coordinator_client.get(url("overview", course=province.course.pk, export="csv"))
    )
    assert not labels & {row[0] for row in rows}


# The breakdowns page and its export.


def class_table(response):
    [table] = [table for table in response.context["tables"] if table["name"] == "cohort"]
    return table


def test_class_breakdown_holds_the_assignment_columns(coordinator_client, handed):
    response = coordinator_client.get(url("breakdowns", course=handed.course.pk))
    table = class_table(response)
    figures = {
        row["label"]: (
            row["handins"],
            row["handins_accepted"],
            row["handins_waiting"],
            row["handins_needing_revision"],
            row["median_review_hours"],
        )
        for row in table["rows"]
    }
    no_class = str(selectors.NO_CLASS)
    assert figures == {
        "K1": (4, 2, 1, 1, 4.0),
        "K2": (1, 0, 1, 0, None),
        no_class: (2, 1, 0, 1, 36.0),
    }
    assert response.context["assignment_columns"] == views.ASSIGNMENT_COLUMNS
    assert "handins" not in [column.name for column in response.context["table_columns"]]
    # In the class table only: the other breakdowns' rows hold no assignment figure.
    page = response.content.decode()
    with translation.override("id"):
        assert page.count(str(views.ASSIGNMENT_COLUMNS[0].label)) == 1
        assert str(views.ASSIGNMENTS_NOTE) in page
    regency = response.context["tables"][0]
    assert {row["handins"] for row in regency["rows"]} == {None}


def test_class_without_a_hand_in_shows_zeros(coordinator_client, handed):
    Submission.objects.filter(learner=handed.a2).delete()
    table = class_table(coordinator_client.get(url("breakdowns", course=handed.course.pk)))
    [k2] = [row for row in table["rows"] if row["label"] == "K2"]
    assert (k2["handins"], k2["handins_waiting"], k2["median_review_hours"]) == (0, 0, None)


def test_breakdown_export_fills_the_assignment_columns_for_classes_only(coordinator_client, handed):
    header, *rows = read_csv(
        coordinator_client.get(url("breakdowns", course=handed.course.pk, export="csv"))
    )
    assert len(header) == 13 + 5
    with translation.override("id"):
        assert header[-5:] == [str(column.label) for column in views.ASSIGNMENT_COLUMNS]
        cohort = str(selectors.DIMENSION_LABELS["cohort"])
    by_group = {(row[0], row[1]): row[-5:] for row in rows}
    assert by_group[(cohort, "K1")] == ["4", "2", "1", "1", "4,0"]
    assert by_group[(cohort, "K2")] == ["1", "0", "1", "0", ""]
    others = [row[-5:] for row in rows if row[0] != cohort]
    assert len(others) == len(rows) - 3
    assert all(values == [""] * 5 for values in others)


def test_breakdowns_of_a_course_without_assignments_have_no_assignment_columns(
    coordinator_client, province
):
    response = coordinator_client.get(url("breakdowns", course=province.course.pk))
    assert "assignment_columns" not in response.context
    assert "handins" not in class_table(response)["rows"][0]
    header, *_rows = read_csv(
        coordinator_client.get(url("breakdowns", course=province.course.pk, export="csv"))
    )
    assert len(header) == 13


def test_mentor_breakdown_shows_only_their_classes_hand_ins(client, handed):
    client.force_login(handed.rina)
    table = class_table(client.get(url("breakdowns", course=handed.course.pk)))
    assert [
        (row["label"], row["handins"], row["median_review_hours"]) for row in table["rows"]
    ] == [("K1", 4, 4.0)]


def page_queries(client, page) -> list[str]:
    """The SQL of the queries one request for ``page`` makes (the session and permissions read
    once before)."""
    client.get(page)
    with CaptureQueriesContext(connection) as captured:
        client.get(page)
    return [query["sql"] for query in captured.captured_queries]


def test_breakdowns_page_queries_do_not_grow_with_the_class(coordinator_client, handed):
    """One query more than without assignments (the page-tree cache knows the course has
    one), however many learners and hand-ins the class holds."""
    page = url("breakdowns", course=handed.course.pk)
    before = page_queries(coordinator_client, page)
    for number in range(20):
        learner = UserFactory(full_name=f"Baru {number}")
        MembershipFactory(user=learner, business=BusinessFactory(), is_owner=True)
        course_services.enrolment_start(learner=learner, course=handed.course, cohort=handed.k1)
        state = (State.ACCEPTED, State.NEEDS_REVISION, State.HANDED_IN)[number % 3]
        hand_in(handed.t1, learner, state, None if state == State.HANDED_IN else number)
    after = page_queries(coordinator_client, page)
    assert len(after) == len(before)
    assert len([sql for sql in after if "mentoring_submission" in sql]) == 1
    [k1] = [
        row for row in class_table(coordinator_client.get(page))["rows"] if row["label"] == "K1"
    ]
    assert k1["handins"] == 24
    Submission.objects.all().delete()
    AssignmentPage.objects.all().delete()
    assert len(page_queries(coordinator_client, page)) == len(before) - 1


def test_the_figures_cost_one_query_per_class_and_two_for_the_whole_scope(
    handed, django_assert_max_num_queries
):
    chosen = scope(handed)
    selectors.has_assignments(handed.course)  # the page-tree cache, as any page has read it
    with django_assert_max_num_queries(1):
        selectors.assignment_figures_by_class(chosen)
    with django_assert_max_num_queries(2):  # the counts, then the middle times
        selectors.assignment_figures(chosen)


def test_a_review_at_the_moment_of_the_hand_in_counts_as_no_time(handed):
    Submission.objects.filter(learner=handed.a2).update(
        state=State.ACCEPTED, first_reviewed_at=day(11, 1), reviewed_at=day(11, 1)
    )
    chosen = scope(handed)
    assert selectors.assignment_figures_by_class(chosen)[handed.k2.pk].median_hours == 0
    assert selectors.assignment_figures(chosen).median_hours == 7  # 0, 2, 4, 10, 24, 48
