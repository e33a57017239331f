"""Hand-ins at the same instant (double taps, two members of a business): one version."""

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from courses import services as course_services
from courses.models import WeekPage
from mentoring import services
from mentoring.models import Submission, SubmissionVersion
from tests.concurrency import run_together
from tests.factories import MembershipFactory, UserFactory, build_assignment, build_course

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs a server database with real concurrency"
    ),
]

LINK = "https://www.instagram.com/usaha"


@pytest.fixture
def setting():
    course = build_course(weeks=1, lessons_per_week=1)
    week = WeekPage.objects.child_of(course).get()
    owner, member = UserFactory(), UserFactory()
    business = MembershipFactory(user=owner, is_owner=True).business
    MembershipFactory(user=member, business=business)
    for learner in (owner, member):
        course_services.enrolment_start(learner=learner, course=course)
    return week, owner, member


def test_a_double_tap_with_one_token_records_one_version(setting):
    week, owner, _member = setting
    assignment = build_assignment(week)
    token = uuid.uuid4()
    outcomes = run_together(
        lambda: services.submission_hand_in(
            learner=owner, assignment=assignment, link=LINK, token=token
        ),
        times=3,
    )
    assert SubmissionVersion.objects.count() == 1
    assert {outcome.pk for outcome in outcomes} == {Submission.objects.get().pk}


def test_hand_ins_with_different_tokens_at_once_record_one_and_refuse_the_rest(setting):
    week, owner, _member = setting
    assignment = build_assignment(week)
    outcomes = run_together(
        lambda: services.submission_hand_in(
            learner=owner, assignment=assignment, link=LINK, token=uuid.uuid4()
        ),
        times=3,
    )
    assert Submission.objects.count() == 1
    assert SubmissionVersion.objects.count() == 1
    refused = [outcome for outcome in outcomes if isinstance(outcome, ValidationError)]
    assert len(refused) == 2
    assert all(error.messages == [str(services.WAITING_FOR_REVIEW)] for error in refused)


def test_two_members_handing_in_for_their_business_at_once_record_one_version(setting):
    week, owner, member = setting
    assignment = build_assignment(week, per_business=True)
    learners = iter([owner, member])
    outcomes = run_together(
        lambda learner=None: services.submission_hand_in(
            learner=next(learners), assignment=assignment, link=LINK, token=uuid.uuid4()
        )
    )
    assert Submission.objects.count() == 1
    assert SubmissionVersion.objects.count() == 1
    assert sum(isinstance(outcome, ValidationError) for outcome in outcomes) == 1
