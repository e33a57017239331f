"""A mentor's review of a hand-in: accept or ask for a revision, every refusal, and the
certificate an acceptance completes."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from certificates.models import Certificate
from courses.models import LessonPage, WeekPage
from courses.services import enrolment_start, lesson_mark_done
from mentoring import services
from mentoring.models import State, Submission, SubmissionVersion
from tests.concurrency import run_together
from tests.factories import MembershipFactory, UserFactory, build_assignment, build_hand_in

pytestmark = pytest.mark.django_db

FEEDBACK = "Alamat usaha belum ada di profil. Tambahkan lalu kirim lagi."


@pytest.fixture
def week(two_classes):
    return WeekPage.objects.child_of(two_classes.course).get()


@pytest.fixture
def assignment(week):
    return build_assignment(week)


@pytest.fixture
def rubric_ids(assignment):
    return [block.id for block in assignment.rubric]


@pytest.fixture
def submission(assignment, owner):
    """The owner's hand-in (the owner is in the mentor's class)."""
    return build_hand_in(assignment, owner)


def review(submission, by, *, version=1, accept=True, feedback="", ticks=()):
    return services.submission_review(
        submission=submission,
        by=by,
        version_number=version,
        accept=accept,
        feedback=feedback,
        ticks=list(ticks),
    )


def snapshot(submission):
    """What a refused review must leave unchanged."""
    submission = Submission.objects.get(pk=submission.pk)
    versions = list(
        SubmissionVersion.objects.filter(submission=submission).values(
            "review_state", "feedback", "rubric_ticks", "reviewed_by", "reviewed_at"
        )
    )
    return (
        submission.state,
        submission.reviewed_at,
        submission.first_reviewed_at,
        submission.feedback_seen_at,
        versions,
    )


def hand_in_again(submission, learner, **fields):
    """A new version after a revision request, as the hand-in service records it."""
    number = submission.versions.count() + 1
    SubmissionVersion.objects.create(
        submission=submission, number=number, handed_in_by=learner, link=fields.get("link", "")
    )
    Submission.objects.filter(pk=submission.pk).update(
        state=State.HANDED_IN, handed_in_at=timezone.now()
    )
    submission.refresh_from_db()


def test_accepting_records_the_review_on_the_version_and_the_submission(
    submission, mentor, rubric_ids, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        result = review(submission, mentor, feedback="  Bagus sekali!  ", ticks=[rubric_ids[1]])

    submission.refresh_from_db()
    version = submission.versions.get()
    assert result.pk == submission.pk
    assert submission.state == State.ACCEPTED
    assert submission.reviewed_at == submission.first_reviewed_at == version.reviewed_at
    assert submission.feedback_seen_at is None  # unread
    assert version.review_state == State.ACCEPTED
    assert version.feedback == "Bagus sekali!"
    assert version.rubric_ticks == [rubric_ids[1]]
    assert version.rubric_snapshot == [
        [rubric_ids[0], "Profil memuat alamat usaha"],
        [rubric_ids[1], "Ada minimal tiga unggahan"],
    ]
    assert version.reviewed_by == mentor


def test_asking_for_a_revision_records_the_feedback_and_emails_the_learner(
    submission, mentor, owner, rubric_ids, django_capture_on_commit_callbacks
):
    owner.email = "sumarni@example.org"
    owner.save(update_fields=["email"])

    with django_capture_on_commit_callbacks(execute=True):
        review(submission, mentor, accept=False, feedback=FEEDBACK, ticks=rubric_ids[::-1])

    submission.refresh_from_db()
    version = submission.versions.get()
    assert submission.state == State.NEEDS_REVISION
    assert version.review_state == State.NEEDS_REVISION
    assert version.feedback == FEEDBACK
    assert version.rubric_ticks == rubric_ids  # in the rubric's order
    assert [message.to for message in mail.outbox] == [["sumarni@example.org"]]
    assert FEEDBACK in mail.outbox[0].body


def test_feedback_is_cleaned_of_nul_and_lone_surrogates(submission, mentor):
    review(submission, mentor, accept=False, feedback="Ganti\x00 foto \ud800!")

    assert submission.versions.get().feedback == "Ganti foto \ufffd!"


def test_a_second_review_keeps_the_first_review_time(submission, mentor, owner):
    review(submission, mentor, accept=False, feedback=FEEDBACK)
    submission.refresh_from_db()
    first = submission.first_reviewed_at
    Submission.objects.filter(pk=submission.pk).update(feedback_seen_at=timezone.now())
    hand_in_again(submission, owner, link="https://www.instagram.com/batik.sumarni")

    review(submission, mentor, version=2)

    submission.refresh_from_db()
    assert submission.state == State.ACCEPTED
    assert submission.first_reviewed_at == first
    assert submission.reviewed_at > first
    assert submission.feedback_seen_at is None  # the new review is unread again
    assert list(submission.versions.values_list("number", "review_state")) == [
        (1, State.NEEDS_REVISION),
        (2, State.ACCEPTED),
    ]


def test_a_coordinator_reviews_any_class(assignment, other_owner, coordinator):
    theirs = build_hand_in(assignment, other_owner)

    review(theirs, coordinator)

    theirs.refresh_from_db()
    assert theirs.state == State.ACCEPTED


# --- refusals: a clear message, nothing changed ----------------------------------------------


def test_a_mentor_may_not_review_another_class(assignment, other_owner, mentor):
    theirs = build_hand_in(assignment, other_owner)
    before = snapshot(theirs)

    with pytest.raises(PermissionDenied) as refused:
        review(theirs, mentor)

    assert str(refused.value) == str(services.REVIEW_NOT_YOURS)
    assert snapshot(theirs) == before


def test_an_earlier_version_is_not_reviewed(submission, mentor, owner):
    review(submission, mentor, accept=False, feedback=FEEDBACK)
    hand_in_again(submission, owner)
    before = snapshot(submission)

    with pytest.raises(ValidationError) as refused:
        review(submission, mentor, version=1)  # the page was opened before the new hand-in

    assert refused.value.messages == [str(services.REVIEW_NOT_LATEST)]
    assert snapshot(submission) == before


def test_a_version_that_does_not_exist_is_not_reviewed(submission, mentor):
    before = snapshot(submission)

    with pytest.raises(ValidationError) as refused:
        review(submission, mentor, version=7)

    assert refused.value.messages == [str(services.REVIEW_NOT_LATEST)]
    assert snapshot(submission) == before


def test_a_version_is_reviewed_once(submission, mentor, other_mentor, coordinator):
    review(submission, mentor, accept=False, feedback=FEEDBACK)
    before = snapshot(submission)

    with pytest.raises(ValidationError) as refused:  # a second tab, or a coordinator
        review(submission, coordinator, accept=True)

    assert refused.value.messages == [str(services.REVIEW_ALREADY_DONE)]
    assert snapshot(submission) == before


@pytest.mark.parametrize("feedback", ["", "   \n ", "\x00"])
def test_a_revision_needs_feedback(submission, mentor, feedback):
    before = snapshot(submission)

    with pytest.raises(ValidationError) as refused:
        review(submission, mentor, accept=False, feedback=feedback)

    assert refused.value.messages == [str(services.FEEDBACK_REQUIRED)]
    assert snapshot(submission) == before


def test_feedback_longer_than_the_field_is_refused(submission, mentor):
    before = snapshot(submission)

    with pytest.raises(ValidationError) as refused:
        review(submission, mentor, accept=False, feedback="x" * 100_000)

    assert refused.value.messages == [
        str(services.FEEDBACK_TOO_LONG) % {"limit": services.FEEDBACK_MAX_LENGTH}
    ]
    assert snapshot(submission) == before


@pytest.mark.parametrize("ticks", [["bukan-id"], [None], [["a"]]])
def test_ticks_naming_no_rubric_item_are_refused(submission, mentor, rubric_ids, ticks):
    before = snapshot(submission)

    with pytest.raises(ValidationError) as refused:
        review(submission, mentor, ticks=[rubric_ids[0], *ticks])

    assert refused.value.messages == [str(services.RUBRIC_UNKNOWN)]
    assert snapshot(submission) == before


# --- certificates ------------------------------------------------------------------------------


def _finish_lessons(learner, course):
    for lesson in LessonPage.objects.live().descendant_of(course):
        lesson_mark_done(learner=learner, lesson=lesson)


def test_accepting_the_last_requirement_issues_the_certificate(
    two_classes, submission, owner, mentor
):
    """Needs the certificate rule's assignments requirement (certificates.rules.ASSIGNMENTS)."""
    _finish_lessons(owner, two_classes.course)
    assert not Certificate.objects.filter(learner=owner).exists()  # the assignment is missing

    review(submission, mentor)

    certificate = Certificate.objects.get(learner=owner, course=two_classes.course)
    assert certificate.cohort == two_classes.mine


def test_a_revision_request_issues_no_certificate(two_classes, submission, owner, mentor):
    _finish_lessons(owner, two_classes.course)

    review(submission, mentor, accept=False, feedback=FEEDBACK)

    assert not Certificate.objects.filter(learner=owner).exists()


def test_accepting_a_business_hand_in_issues_every_enrolled_member_their_certificate(
    two_classes, week, owner, member, mentor, learners_group
):
    enrolment_start(learner=member, course=two_classes.course, cohort=two_classes.mine)
    outsider = UserFactory(groups=[learners_group])  # a member not enrolled in the course
    MembershipFactory(user=outsider, business=owner.membership.business)
    assignment = build_assignment(week, per_business=True, slug="tugas-usaha")
    submission = build_hand_in(assignment, member, business=owner.membership.business)
    for learner in (owner, member):
        _finish_lessons(learner, two_classes.course)

    review(submission, mentor)

    holders = set(Certificate.objects.values_list("learner", flat=True))
    assert holders == {owner.pk, member.pk}


def test_accepting_issues_nothing_while_other_requirements_are_missing(submission, owner, mentor):
    review(submission, mentor)  # no lesson done yet

    assert not Certificate.objects.exists()


def test_reviewed_at_is_now(submission, mentor):
    before = timezone.now()

    review(submission, mentor)

    submission.refresh_from_db()
    assert before <= submission.reviewed_at <= timezone.now() + timedelta(seconds=1)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs a server database with real concurrency"
)
def test_two_reviews_at_once_record_one(submission, mentor, coordinator):
    reviewers = iter([mentor, coordinator])
    lock = threading.Lock()

    def one_review():
        with lock:
            by = next(reviewers)
        return services.submission_review(
            submission=submission,
            by=by,
            version_number=1,
            accept=by == coordinator,
            feedback=FEEDBACK,
            ticks=[],
        )

    outcomes = run_together(one_review, times=2)

    refused = [outcome for outcome in outcomes if isinstance(outcome, ValidationError)]
    assert [error.messages for error in refused] == [[str(services.REVIEW_ALREADY_DONE)]]
    version = SubmissionVersion.objects.get(submission=submission)
    submission.refresh_from_db()
    assert version.review_state == submission.state != State.HANDED_IN
