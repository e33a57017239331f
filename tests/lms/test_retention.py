"""`manage.py retention`: accounts unused for RETENTION_INACTIVE_YEARS years are anonymised
(never staff), and expired sessions, old throttle records and old answer drafts deleted."""

from datetime import timedelta
from io import StringIO

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from courses.services import enrolment_start
from lms import roles
from lms.models import Membership, User
from quizzes.models import AnswerDraft
from tests.factories import (
    BusinessFactory,
    MembershipFactory,
    UserFactory,
    build_course,
    lessons_of,
)

pytestmark = pytest.mark.django_db


def years_ago(years, days=0):
    return timezone.now() - timedelta(days=365 * years + days)


@pytest.fixture
def people(db):
    learners = Group.objects.get(name=roles.LEARNERS)
    mentors = Group.objects.get(name=roles.MENTORS)
    coordinators = Group.objects.get(name=roles.COORDINATORS)
    old = {"last_login": years_ago(3, days=5)}
    return {
        "gone": UserFactory(full_name="Lama", groups=[learners], **old),
        "never": UserFactory(
            full_name="Tak Pernah", groups=[learners], last_login=None, date_joined=years_ago(4)
        ),
        "recent": UserFactory(full_name="Baru", groups=[learners], last_login=years_ago(2)),
        "new": UserFactory(
            full_name="Daftar", groups=[learners], date_joined=years_ago(1, days=-5)
        ),
        "staff": UserFactory(full_name="Admin", is_staff=True, **old),
        "mentor": UserFactory(full_name="Mentor Lama", groups=[mentors], **old),
        "coordinator": UserFactory(full_name="Koordinator", groups=[coordinators], **old),
        "editor": UserFactory(
            full_name="Editor", groups=[learners, Group.objects.get(name="Editors")], **old
        ),
    }


def run(*args):
    out = StringIO()
    call_command("retention", *args, stdout=out)
    return out.getvalue()


def names():
    return dict(User.objects.values_list("pk", "full_name"))


def test_only_inactive_learners_are_anonymised_and_a_second_run_does_nothing(people):
    output = run()
    assert output.startswith("2 inactive accounts (over 3 years) were anonymised;")
    anonymised = set(User.objects.exclude(anonymised_at=None).values_list("pk", flat=True))
    assert anonymised == {people["gone"].pk, people["never"].pk}
    gone = User.objects.get(pk=people["gone"].pk)
    assert (gone.full_name, gone.phone, gone.is_active) == ("Akun dihapus", None, False)
    entries = ModelLogEntry.objects.filter(action="pintar.account_delete")
    assert sorted(entries.values_list("object_id", flat=True)) == sorted(
        str(pk) for pk in anonymised
    )
    assert {entry.data["by"] for entry in entries} == {"retention"}
    assert {entry.user_id for entry in entries} == {None}

    before = (names(), list(User.objects.order_by("pk").values_list("anonymised_at", flat=True)))
    assert run().startswith("0 inactive accounts")
    assert (
        names(),
        list(User.objects.order_by("pk").values_list("anonymised_at", flat=True)),
    ) == before
    assert ModelLogEntry.objects.filter(action="pintar.account_delete").count() == 2


def test_dry_run_prints_the_counts_and_changes_nothing(people):
    before = names()
    output = run("--dry-run")
    assert output.startswith("2 inactive accounts (over 3 years) would be anonymised;")
    assert names() == before
    assert not User.objects.exclude(anonymised_at=None).exists()


def test_the_number_of_years_is_a_setting(people, settings):
    settings.RETENTION_INACTIVE_YEARS = 1
    run()
    kept = set(User.objects.filter(anonymised_at=None).values_list("full_name", flat=True))
    # "Daftar" joined 360 days ago, never signed in: still inside the year.
    assert kept == {"Admin", "Mentor Lama", "Koordinator", "Editor", "Daftar"}


def test_expired_sessions_old_throttle_records_and_old_drafts_are_deleted(people, settings):
    settings.RETENTION_THROTTLE_RECORD_DAYS = 30
    settings.RETENTION_DRAFT_DAYS = 180
    now = timezone.now()
    Session.objects.create(session_key="lama", session_data="", expire_date=now - timedelta(1))
    Session.objects.create(session_key="kini", session_data="", expire_date=now + timedelta(1))
    for username, days in (("+6281100000001", 31), ("+6281100000002", 29)):
        attempt = AccessAttempt.objects.create(
            username=username, ip_address="10.0.0.1", user_agent="", failures_since_start=1
        )
        AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=now - timedelta(days))
        failure = AccessFailureLog.objects.create(username=username, ip_address="10.0.0.1")
        AccessFailureLog.objects.filter(pk=failure.pk).update(attempt_time=now - timedelta(days))
    course = build_course(weeks=1, lessons_per_week=2, slug="simpan")
    learner = people["recent"]
    enrolment_start(learner=learner, course=course)
    first, second = lessons_of(course)
    AnswerDraft.objects.create(
        learner=learner, page=first, answers={}, updated_at=now - timedelta(181)
    )
    AnswerDraft.objects.create(
        learner=learner, page=second, answers={}, updated_at=now - timedelta(179)
    )

    output = run("--dry-run")
    assert (
        "1 expired sessions, 2 throttle records, 1 answer drafts, 0 spent claim links and 0 "
        "registry sheets never imported would be deleted" in output
    )
    assert Session.objects.count() == 2

    output = run()
    assert (
        "1 expired sessions, 2 throttle records, 1 answer drafts, 0 spent claim links and 0 "
        "registry sheets never imported were deleted" in output
    )
    assert list(Session.objects.values_list("session_key", flat=True)) == ["kini"]
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["+6281100000002"]
    assert list(AccessFailureLog.objects.values_list("username", flat=True)) == ["+6281100000002"]
    assert list(AnswerDraft.objects.values_list("page", flat=True)) == [second.pk]
    assert "0 expired sessions, 0 throttle records, 0 answer drafts, 0 spent claim" in run()


def test_an_inactive_owner_hands_the_business_to_the_longest_standing_member(db):
    learners = Group.objects.get(name=roles.LEARNERS)
    owner = UserFactory(full_name="Pemilik", groups=[learners], last_login=years_ago(5))
    business = BusinessFactory(name="Bakpia Lama")
    MembershipFactory(user=owner, business=business, is_owner=True)
    first = UserFactory(full_name="Pertama", groups=[learners], last_login=timezone.now())
    later = UserFactory(full_name="Kedua", groups=[learners], last_login=timezone.now())
    MembershipFactory(user=first, business=business, joined_at=years_ago(2))
    MembershipFactory(user=later, business=business, joined_at=years_ago(1))
    run()
    business.refresh_from_db()
    assert business.name == "Bakpia Lama"
    assert Membership.objects.get(business=business, is_owner=True).user == first
    assert User.objects.get(pk=owner.pk).anonymised_at is not None
