import io

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import transaction
from PIL import Image

from certificates import rules, selectors
from certificates.models import Certificate
from courses import demo as course_demo
from courses.models import CoursePage, WeekPage
from courses.packages import archive
from courses.packages.services import parse_package
from lms import demo as lms_demo
from lms.files import private_storage
from lms.models import User
from mentoring.models import (
    AssignmentPage,
    State,
    Submission,
    SubmissionPhoto,
    SubmissionVersion,
)
from mentoring.selectors import submissions_visible_to

pytestmark = pytest.mark.django_db


def demo_hand_ins():
    """Sutarni's and Agus's hand-ins (the synthetic evaluation class has its own)."""
    return Submission.objects.filter(
        learner__in=User.objects.filter(phone=lms_demo.OWNER_PHONE)
        | User.objects.filter(email=lms_demo.MEMBER_EMAIL)
    )


def counts():
    hand_ins = demo_hand_ins()
    return [
        AssignmentPage.objects.count(),
        hand_ins.count(),
        SubmissionVersion.objects.filter(submission__in=hand_ins).count(),
        SubmissionPhoto.objects.filter(version__submission__in=hand_ins).count(),
    ]


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The demo seeded twice, once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        first = counts()
        output = io.StringIO()
        call_command("seed_demo", stdout=output)
        yield {"first": first, "output": output.getvalue()}
        transaction.set_rollback(True)


def test_seeding_twice_adds_nothing_the_second_time(seeded):
    assert counts() == seeded["first"] == [5, 5, 6, 3]
    assert "1 handed in, 1 needs revision, 3 accepted" in seeded["output"]


def test_each_course_has_the_programme_assignments_of_its_package_in_their_weeks(seeded):
    found = 0
    for folder in course_demo.package_folders():
        parsed = parse_package(archive.read_folder(folder))
        course = CoursePage.objects.get(slug=parsed.course["slug"])
        weeks = list(WeekPage.objects.child_of(course).order_by("path"))
        for number, (_folder, _week, items) in enumerate(parsed.weeks):
            for _name, kind, spec in items:
                if kind != "assignment":
                    continue
                found += 1
                page = AssignmentPage.objects.live().get(translation_key=spec["id"])
                assert page.get_parent().pk == weeks[number].pk
                assert page.required_for_certificate is spec["required_for_certificate"]
                assert [(block.id, block.value) for block in page.rubric] == [
                    (item["id"], item["text"]) for item in spec["rubric"]
                ]
    assert found == AssignmentPage.objects.count() == 5
    account = AssignmentPage.objects.get(slug="tugas-akun-bisnis")
    assert account.per_business
    assert account.accepts_link
    assert account.host_list() == ["instagram.com", "tiktok.com"]


def test_demo_hand_ins_are_in_every_state_and_reviewed_by_the_demo_mentor(seeded):
    mentor = User.objects.get(email="mentor@pintar-umkm.test")
    owner = User.objects.get(phone=lms_demo.OWNER_PHONE)
    member = User.objects.get(email=lms_demo.MEMBER_EMAIL)
    submissions = demo_hand_ins()
    assert {s.state for s in submissions} == set(State)
    assert set(submissions) <= set(submissions_visible_to(mentor))

    waiting = submissions.get(state=State.HANDED_IN)
    assert waiting.learner == owner
    assert not waiting.versions.get().review_state
    assert waiting.first_reviewed_at is None

    revision = submissions.get(state=State.NEEDS_REVISION)
    assert revision.learner == member
    assert revision.feedback_seen_at is None  # unread: Agus sees the badge
    assert revision.versions.get().feedback

    account = submissions.get(assignment__slug="tugas-akun-bisnis")
    assert account.business == owner.membership.business
    first, second = account.versions.all()
    assert (first.review_state, second.review_state) == (State.NEEDS_REVISION, State.ACCEPTED)
    assert (first.handed_in_by, second.handed_in_by) == (owner, member)
    assert first.feedback
    assert second.feedback
    assert account.created_at < first.reviewed_at < second.handed_in_at < account.reviewed_at
    assert account.first_reviewed_at == first.reviewed_at
    assert account.reviewed_at == second.reviewed_at
    rubric_ids = [block.id for block in account.assignment.specific.rubric]
    assert second.rubric_ticks == rubric_ids
    assert [row[0] for row in second.rubric_snapshot] == rubric_ids

    for version in SubmissionVersion.objects.filter(submission__in=submissions).exclude(
        review_state=""
    ):
        assert version.reviewed_by == mentor
        assert set(version.rubric_ticks) <= {row[0] for row in version.rubric_snapshot}
        assert version.rubric_ticks


def test_demo_photos_are_small_jpegs_in_private_storage(seeded):
    photos = SubmissionPhoto.objects.select_related("version__submission")
    assert {p.version.submission.assignment.slug for p in photos} == {"tugas-foto-produk"}
    for photo in photos:
        with photo.image.open("rb") as handle:
            content = handle.read()
        image = Image.open(io.BytesIO(content))
        assert image.format == "JPEG"
        assert (image.width, image.height) == (photo.width, photo.height)
        assert photo.size == len(content) < 20_000
        assert photo.image.storage.location == private_storage().location
        assert photo.image.storage.location != default_storage.location


def test_the_certificates_demo_still_holds(seeded):
    marketing = CoursePage.objects.get(slug="pemasaran-digital")
    owner = User.objects.get(phone=lms_demo.OWNER_PHONE)
    member = User.objects.get(email=lms_demo.MEMBER_EMAIL)
    assert Certificate.objects.filter(learner=member, course=marketing).exists()
    status = selectors.certificate_status_for(learner=owner, course=marketing)
    assert status.certificate is None
    assert [item.key for item in status.checklist if not item.met] == [rules.SURVEY]
    assignments = next(item for item in status.checklist if item.key == rules.ASSIGNMENTS)
    assert (assignments.done, assignments.total) == (2, 2)
