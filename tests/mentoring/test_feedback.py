"""Learners see their mentor's feedback: the course page's assignment rows, "Pesan dari mentor"
on Kursus saya with its badge, marking feedback read, and the email sent after a review."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from courses.models import WeekPage
from courses.services import enrolment_start
from mentoring import selectors, services
from mentoring.models import State, Submission
from mentoring.tasks import feedback_email_task
from tests.factories import MembershipFactory, UserFactory, build_assignment, build_course

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("courses:dashboard")
FEEDBACK = "Foto profil belum ada alamat usaha. Tambahkan alamat lalu kirim lagi tautannya."


@pytest.fixture
def course():
    return build_course(weeks=2, lessons_per_week=1, slug="mentoring")


@pytest.fixture
def weeks(course):
    return list(WeekPage.objects.child_of(course).order_by("path"))


@pytest.fixture
def assignment(weeks):
    return build_assignment(weeks[0])


@pytest.fixture
def business_assignment(weeks):
    return build_assignment(weeks[1], per_business=True)


@pytest.fixture
def enrolled(course, owner, member, other_owner):
    """The owner, their business's member and another business's owner, all in the course."""
    for learner in (owner, member, other_owner):
        enrolment_start(learner=learner, course=course)


def hand_in(learner, assignment, link="https://www.instagram.com/batik.sumarni"):
    return services.submission_hand_in(learner=learner, assignment=assignment, link=link)


def review(submission, by, *, accept=False, feedback=FEEDBACK):
    submission.refresh_from_db()
    return services.submission_review(
        submission=submission,
        by=by,
        version_number=submission.versions.count(),
        accept=accept,
        feedback=feedback,
        ticks=[],
    )


def in_indonesian(text):
    with translation.override("id"):
        return gettext(text)


# --- feedback read ------------------------------------------------------------------------


def test_the_learner_opening_their_review_marks_it_read_once(
    enrolled, owner, assignment, coordinator
):
    submission = review(hand_in(owner, assignment), coordinator)

    assert services.submission_feedback_seen(learner=owner, submission=submission) is True
    seen_at = Submission.objects.get(pk=submission.pk).feedback_seen_at
    assert seen_at is not None
    assert services.submission_feedback_seen(learner=owner, submission=submission) is False
    assert Submission.objects.get(pk=submission.pk).feedback_seen_at == seen_at


def test_another_learner_cannot_mark_a_review_read(
    enrolled, owner, member, other_owner, assignment, coordinator
):
    submission = review(hand_in(owner, assignment), coordinator)

    for stranger in (other_owner, member):  # own work: not the business's, even for a member
        assert services.submission_feedback_seen(learner=stranger, submission=submission) is False
    assert Submission.objects.get(pk=submission.pk).feedback_seen_at is None


def test_a_waiting_hand_in_has_no_feedback_to_mark(enrolled, owner, assignment):
    submission = hand_in(owner, assignment)

    assert services.submission_feedback_seen(learner=owner, submission=submission) is False
    assert Submission.objects.get(pk=submission.pk).feedback_seen_at is None


def test_a_business_member_marks_the_business_review_read_for_everyone(
    enrolled, owner, member, other_owner, business_assignment, coordinator
):
    submission = review(hand_in(owner, business_assignment), coordinator)
    assert submission.business_id == owner.membership.business_id
    assert len(selectors.unread_feedback_for(learner=member)) == 1

    assert services.submission_feedback_seen(learner=other_owner, submission=submission) is False
    assert Submission.objects.get(pk=submission.pk).feedback_seen_at is None
    assert services.submission_feedback_seen(learner=member, submission=submission) is True
    assert Submission.objects.get(pk=submission.pk).feedback_seen_at is not None
    assert selectors.unread_feedback_count(learner=owner) == 0
    assert selectors.unread_feedback_for(learner=owner) == []


# --- "Pesan dari mentor" on Kursus saya -----------------------------------------------------


def test_unread_feedback_lists_only_what_the_learner_may_see(
    enrolled, owner, member, other_owner, assignment, business_assignment, coordinator
):
    own = review(hand_in(owner, assignment), coordinator)
    shared = review(hand_in(member, business_assignment), coordinator, accept=True, feedback="")
    hand_in(other_owner, assignment)  # waiting: no news for anyone

    unread = selectors.unread_feedback_for(learner=owner)
    assert [item.pk for item in unread] == [shared.pk, own.pk]  # latest review first
    assert unread[1].latest_feedback == FEEDBACK
    assert unread[1].course_title == own.course.title
    assert [item.pk for item in selectors.unread_feedback_for(learner=member)] == [shared.pk]
    assert selectors.unread_feedback_for(learner=other_owner) == []


def test_a_learner_who_left_the_course_has_no_messages_from_it(
    enrolled, owner, assignment, coordinator
):
    review(hand_in(owner, assignment), coordinator)
    owner.enrolments.all().delete()

    assert selectors.unread_feedback_for(learner=owner) == []
    assert selectors.unread_feedback_count(learner=owner) == 0


def test_kursus_saya_shows_unread_feedback_with_a_badge_until_it_is_seen(
    client, enrolled, owner, assignment, coordinator
):
    submission = review(hand_in(owner, assignment), coordinator)
    client.force_login(owner)

    page = client.get(DASHBOARD).content.decode()
    assert in_indonesian("Messages from your mentor") in page
    assert assignment.title in page
    assert "Foto profil belum ada alamat usaha." in page
    assert in_indonesian("Needs revision") in page
    assert f'href="{assignment.url}"' in page
    assert 'class="count-badge">1<' in page
    assert 'class="count-badge" aria-hidden="true">1<' in page  # the navigation's

    services.submission_feedback_seen(learner=owner, submission=submission)
    page = client.get(DASHBOARD).content.decode()
    assert in_indonesian("Messages from your mentor") not in page
    assert 'class="count-badge"' not in page


def test_opening_the_assignment_page_clears_the_badge(
    client, enrolled, owner, assignment, coordinator, course
):
    submission = review(hand_in(owner, assignment), coordinator)
    client.force_login(owner)
    assert 'class="count-badge"' in client.get(course.url).content.decode()  # on every page's nav

    assert client.get(assignment.url).status_code == 200

    assert Submission.objects.get(pk=submission.pk).feedback_seen_at is not None
    assert 'class="count-badge"' not in client.get(course.url).content.decode()
    assert in_indonesian("Messages from your mentor") not in client.get(DASHBOARD).content.decode()


def test_a_review_shows_on_the_navigation_badge_at_once(
    client, enrolled, owner, assignment, coordinator, course, django_capture_on_commit_callbacks
):
    submission = hand_in(owner, assignment)
    client.force_login(owner)
    assert 'class="count-badge"' not in client.get(course.url).content.decode()  # count now cached

    with django_capture_on_commit_callbacks(execute=True):
        review(submission, coordinator)

    assert 'class="count-badge" aria-hidden="true">1<' in client.get(course.url).content.decode()


def test_the_navigation_badge_costs_no_query_once_counted(
    client, enrolled, owner, assignment, coordinator, course, django_assert_max_num_queries
):
    review(hand_in(owner, assignment), coordinator)
    client.force_login(owner)
    lesson_url = WeekPage.objects.child_of(course).first().get_children().first().url
    client.get(lesson_url)  # warm the caches, as a running site has
    with django_assert_max_num_queries(100) as queries:
        page = client.get(lesson_url).content.decode()
    assert 'class="count-badge" aria-hidden="true">1<' in page
    assert "mentoring_submission" not in " ".join(q["sql"] for q in queries.captured_queries)


def test_kursus_saya_query_count_does_not_grow_with_unread_feedback(
    client, owner, coordinator, django_assert_max_num_queries
):
    courses = [build_course(weeks=1, lessons_per_week=1, slug=f"k-{n}") for n in range(3)]
    assignments = []
    for course in courses:
        enrolment_start(learner=owner, course=course)
        assignments.append(build_assignment(WeekPage.objects.child_of(course).get()))
    client.force_login(owner)
    review(hand_in(owner, assignments[0]), coordinator)
    client.get(DASHBOARD)  # warm the page-tree cache
    with django_assert_max_num_queries(100) as one:
        client.get(DASHBOARD)
    with_one = len(one.captured_queries)  # read now: the next request empties the log
    for assignment in assignments[1:]:
        review(hand_in(owner, assignment), coordinator)
    client.get(DASHBOARD)
    with django_assert_max_num_queries(with_one):
        page = client.get(DASHBOARD).content.decode()
    assert 'class="count-badge">3<' in page


# --- the course page ------------------------------------------------------------------------


def test_course_page_lists_each_weeks_assignments_with_the_learners_state(
    client, enrolled, owner, other_owner, assignment, business_assignment, coordinator, course
):
    submission = hand_in(owner, assignment)
    client.force_login(owner)

    page = client.get(course.url).content.decode()
    week_one, week_two = page.split('id="week-')[1:3]
    assert f'href="{assignment.url}"' in week_one
    assert in_indonesian("Waiting for review") in week_one
    assert f'href="{business_assignment.url}"' in week_two
    assert in_indonesian("Not handed in") in week_two
    assert page.index("Pelajaran 1.1") < page.index(assignment.title)  # after the lessons

    review(submission, coordinator)
    assert in_indonesian("Needs revision") in client.get(course.url).content.decode()
    hand_in(owner, assignment, link="https://instagram.com/batik.sumarni.baru")
    review(submission, coordinator, accept=True)
    assert in_indonesian("Accepted") in client.get(course.url).content.decode()

    client.force_login(other_owner)  # another business: nothing of the owner's
    page = client.get(course.url).content.decode()
    assert page.count(in_indonesian("Not handed in")) == 2
    assert in_indonesian("Accepted") not in page


def test_course_page_shows_the_business_state_to_every_member(
    client, enrolled, owner, member, business_assignment, course
):
    hand_in(owner, business_assignment)
    client.force_login(member)

    week_two = client.get(course.url).content.decode().split('id="week-')[2]
    assert in_indonesian("Waiting for review") in week_two


def test_visitors_see_assignment_titles_without_links_or_states(client, assignment, course):
    page = client.get(course.url).content.decode()

    assert assignment.title in page
    assert f'href="{assignment.url}"' not in page
    assert "state-badge" not in page


def test_course_page_lists_assignments_for_at_most_one_more_query(
    client, owner, course, weeks, django_assert_max_num_queries
):
    enrolment_start(learner=owner, course=course)
    client.force_login(owner)
    client.get(course.url)  # warm the page-tree cache, as a running site has
    with django_assert_max_num_queries(100) as before:
        client.get(course.url)
    without = len(before.captured_queries)  # read now: the next request empties the log
    for week in weeks:
        build_assignment(week)
        build_assignment(week, slug=f"tugas-kedua-{week.slug}")
    client.get(course.url)
    with django_assert_max_num_queries(without + 1):
        page = client.get(course.url).content.decode()
    assert page.count("assignment-item") == 4


def test_a_published_or_unpublished_assignment_shows_on_the_next_course_page(
    client, enrolled, owner, course, weeks
):
    client.force_login(owner)
    client.get(course.url)  # cached without assignments

    assignment = build_assignment(weeks[0])
    assert assignment.title in client.get(course.url).content.decode()

    assignment.title = "Tugas: akun TikTok"
    assignment.save_revision().publish()
    page = client.get(course.url).content.decode()
    assert "Tugas: akun TikTok" in page

    assignment.unpublish()
    assert "Tugas: akun TikTok" not in client.get(course.url).content.decode()


# --- the email ------------------------------------------------------------------------------


def test_a_review_emails_the_learner_in_indonesian_with_the_link(
    enrolled,
    owner,
    assignment,
    coordinator,
    course,
    django_capture_on_commit_callbacks,
    settings,
):
    owner.email = "sumarni@example.org"
    owner.save(update_fields=["email"])
    submission = hand_in(owner, assignment)

    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        review(submission, coordinator)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["sumarni@example.org"]
    with translation.override("id"):
        assert message.subject == gettext("Your mentor reviewed: %(assignment)s") % {
            "assignment": assignment.title
        }
        assert gettext("Your mentor's feedback:") in message.body
        assert gettext("Needs revision") in message.body
    assert FEEDBACK in message.body
    assert f"{settings.WAGTAILADMIN_BASE_URL}{assignment.url}" in message.body
    assert "&#x27;" not in message.body
    assert "&quot;" not in message.body


def test_nobody_without_an_email_is_emailed(
    enrolled, owner, assignment, coordinator, django_capture_on_commit_callbacks
):
    submission = hand_in(owner, assignment)

    with django_capture_on_commit_callbacks(execute=True):
        review(submission, coordinator)

    assert mail.outbox == []


def test_a_business_review_emails_every_enrolled_member_with_an_email(
    enrolled,
    owner,
    member,
    business_assignment,
    coordinator,
    django_capture_on_commit_callbacks,
    learners_group,
):
    member.email = "joko@example.org"
    member.save(update_fields=["email"])
    not_enrolled = UserFactory(email="tidak.ikut@example.org", groups=[learners_group])
    MembershipFactory(user=not_enrolled, business=owner.membership.business)
    submission = hand_in(owner, business_assignment)  # the owner has no email

    with django_capture_on_commit_callbacks(execute=True):
        review(submission, coordinator, accept=True, feedback="")

    assert [message.to for message in mail.outbox] == [["joko@example.org"]]
    assert in_indonesian("Accepted") in mail.outbox[0].body


def test_an_unknown_or_unreviewed_version_sends_nothing(enrolled, owner, assignment):
    owner.email = "sumarni@example.org"
    owner.save(update_fields=["email"])
    submission = hand_in(owner, assignment)

    feedback_email_task.call(999_999)
    feedback_email_task.call(submission.versions.get().pk)

    assert mail.outbox == []
    assert Submission.objects.get(pk=submission.pk).state == State.HANDED_IN
