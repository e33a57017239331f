"""The fifth requirement: every assignment required for the certificate accepted."""

import pytest
from django.utils import timezone, translation

from certificates import rules, selectors, services
from certificates.models import Certificate
from courses.models import WeekPage
from mentoring.models import State, Submission
from tests.factories import build_assignment

pytestmark = pytest.mark.django_db


@pytest.fixture
def weeks(course):
    return list(WeekPage.objects.child_of(course).order_by("path"))


@pytest.fixture
def assignment(weeks):
    """A required, per-learner assignment in week 1."""
    return build_assignment(weeks[0])


@pytest.fixture
def shop_account(weeks):
    """A required assignment the business hands in once, in week 2."""
    return build_assignment(weeks[1], slug="akun-usaha", per_business=True)


def hand_in(assignment, *, learner, state=State.ACCEPTED):
    """A hand-in as the hand-in and review services leave it."""
    now = timezone.now()
    membership = getattr(learner, "membership", None)
    reviewed = state != State.HANDED_IN
    return Submission.objects.create(
        assignment=assignment,
        course=assignment.get_parent().get_parent().specific,
        learner=learner,
        business=membership.business if assignment.per_business else None,
        state=state,
        assignment_title=assignment.title,
        first_reviewed_at=now if reviewed else None,
        reviewed_at=now if reviewed else None,
    )


def accept(submission):
    Submission.objects.filter(pk=submission.pk).update(state=State.ACCEPTED)


def assignments_item(learner, course):
    status = selectors.certificate_status_for(learner=learner, course=course)
    return next(item for item in status.checklist if item.key == rules.ASSIGNMENTS)


def test_accepting_the_last_required_assignment_issues_the_certificate(
    course, learner, steps, assignment
):
    steps.lessons()
    steps.quiz()
    steps.post_questionnaire()
    submission = hand_in(assignment, learner=learner, state=State.HANDED_IN)
    steps.survey()
    assert not Certificate.objects.exists()
    assert not services.certificate_issue_if_earned(learner=learner, course=course)

    accept(submission)
    certificate = services.certificate_issue_if_earned(learner=learner, course=course)

    assert certificate is not None
    assert Certificate.objects.get() == certificate
    assert (certificate.learner, certificate.course_id) == (learner, course.pk)


def test_a_revision_request_is_not_accepted(course, learner, steps, assignment):
    steps.lessons()
    steps.quiz()
    steps.post_questionnaire()
    hand_in(assignment, learner=learner, state=State.NEEDS_REVISION)
    steps.survey()
    assert not Certificate.objects.exists()
    item = assignments_item(learner, course)
    assert (item.done, item.total, item.met) == (0, 1, False)


def test_the_checklist_lists_assignments_after_quizzes_with_their_count(
    course, learner, weeks, assignment, shop_account
):
    hand_in(assignment, learner=learner)
    status = selectors.certificate_status_for(learner=learner, course=course)
    assert [item.key for item in status.checklist] == [
        rules.LESSONS,
        rules.QUIZZES,
        rules.ASSIGNMENTS,
        rules.POST_QUESTIONNAIRE,
        rules.SURVEY,
    ]
    item = status.checklist[2]
    assert (item.done, item.total, item.met) == (1, 2, False)
    assert item.label == selectors.REQUIREMENT_LABELS[rules.ASSIGNMENTS]


def test_the_course_page_shows_the_assignment_line(client, course, learner, assignment):
    with translation.override("id"):
        label = str(selectors.REQUIREMENT_LABELS[rules.ASSIGNMENTS])
    page = client.get(course.url).content.decode()
    assert label in page


def test_another_members_accepted_business_hand_in_counts_for_every_member(
    course, learner, member, steps, shop_account
):
    steps.lessons()
    steps.quiz()
    steps.post_questionnaire()
    steps.survey()
    assert not Certificate.objects.exists()

    hand_in(shop_account, learner=member)

    assert assignments_item(learner, course).met
    assert assignments_item(member, course).met
    assert services.certificate_issue_if_earned(learner=learner, course=course) is not None


def test_another_members_own_hand_in_does_not_count(course, learner, member, assignment):
    hand_in(assignment, learner=member)
    assert not assignments_item(learner, course).met
    assert assignments_item(member, course).met


def test_another_business_hand_in_does_not_count(course, learner, other_owner, shop_account):
    hand_in(shop_account, learner=other_owner)
    assert not assignments_item(learner, course).met
    assert assignments_item(other_owner, course).met


def test_a_business_hand_in_stays_with_the_business_when_its_author_leaves(
    course, learner, member, learners_group, shop_account
):
    from tests.factories import BusinessFactory

    hand_in(shop_account, learner=member)
    member.membership.business = BusinessFactory(name="Usaha baru")
    member.membership.save()
    assert assignments_item(learner, course).met
    assert not assignments_item(member, course).met


def test_optional_and_unpublished_assignments_do_not_count(course, learner, weeks):
    build_assignment(weeks[0], required_for_certificate=False)
    draft = build_assignment(weeks[1], slug="draf")
    draft.unpublish()
    items = selectors.certificate_status_for(learner=learner, course=course).checklist
    assert rules.ASSIGNMENTS not in [item.key for item in items]
    standing = selectors.standing_of(learner=learner, course=course)
    assert (standing.assignments_accepted, standing.assignments_total) == (0, 0)


def test_an_accepted_hand_in_of_an_optional_assignment_is_not_counted(
    course, learner, weeks, assignment
):
    optional = build_assignment(weeks[1], slug="pilihan", required_for_certificate=False)
    hand_in(optional, learner=learner)
    standing = selectors.standing_of(learner=learner, course=course)
    assert (standing.assignments_accepted, standing.assignments_total) == (0, 1)


def test_standing_stays_two_queries_with_assignments(
    course, learner, member, assignment, shop_account, django_assert_num_queries
):
    hand_in(assignment, learner=learner)
    hand_in(shop_account, learner=member)
    selectors.standing_of(learner=learner, course=course)  # content types cached
    with django_assert_num_queries(2):
        standing = selectors.standing_of(learner=learner, course=course)
    assert (standing.assignments_accepted, standing.assignments_total) == (2, 2)
