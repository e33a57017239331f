"""The review queue and review page in the admin: scope, filters, order, the one-step review,
the admin home's counts, and a constant number of queries whatever the class size."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from courses.models import Cohort, Enrolment, WeekPage
from courses.services import enrolment_start
from mentoring import selectors, services
from mentoring.models import State, Submission, SubmissionPhoto, SubmissionVersion
from mentoring.review_views import ReviewForm
from tests.factories import MembershipFactory, build_assignment, build_hand_in

pytestmark = pytest.mark.django_db

QUEUE = reverse("mentoring_review:queue")
# Session, user, permissions, roles, the filter choices, the count and the page's rows.
QUEUE_QUERIES = 20
FEEDBACK = "Tambahkan alamat usaha di profil, lalu kirim lagi."


def detail(submission, query=""):
    return reverse("mentoring_review:detail", args=[submission.pk]) + query


@pytest.fixture
def week(two_classes):
    return WeekPage.objects.child_of(two_classes.course).get()


@pytest.fixture
def assignment(week):
    return build_assignment(week)


@pytest.fixture
def mine(assignment, owner):
    """The owner's hand-in, in the mentor's class, two days old."""
    return build_hand_in(assignment, owner, handed_in_at=timezone.now() - timedelta(days=2))


@pytest.fixture
def theirs(assignment, other_owner):
    """The other owner's hand-in, in the other mentor's class."""
    return build_hand_in(assignment, other_owner)


def names_listed(response) -> list[str]:
    """The learners the queue lists, in order."""
    return [row.learner_name for row in response.context["object_list"]]


# --- scope ---------------------------------------------------------------------------------


def test_a_mentor_sees_only_their_classes_hand_ins(client, mentor, mine, theirs):
    client.force_login(mentor)

    response = client.get(QUEUE)

    assert response.status_code == 200
    assert names_listed(response) == ["Sumarni"]
    assert b"Wati" not in response.content
    results = client.get(reverse("mentoring_review:queue_results"), {"_w_filter_fragment": 1})
    assert b"Sumarni" in results.content
    assert b"Wati" not in results.content
    assert selectors.state_counts(mentor) == {
        State.HANDED_IN: 1,
        State.NEEDS_REVISION: 0,
        State.ACCEPTED: 0,
    }


def test_a_business_hand_in_reaches_the_mentor_of_every_member_in_the_course(
    client, mentor, other_mentor, week, owner, member, two_classes
):
    """The member, in the other mentor's class, hands in for the whole business; the owner is in
    the mentor's class: both mentors see it, review it and find it on their rosters."""
    enrolment_start(learner=member, course=two_classes.course, cohort=two_classes.theirs)
    assignment = build_assignment(week, per_business=True)
    hand_in = build_hand_in(assignment, member, business=owner.membership.business)

    for who in (mentor, other_mentor):
        assert list(selectors.submissions_visible_to(who)) == [hand_in]
    client.force_login(mentor)
    assert client.get(detail(hand_in)).status_code == 200

    two_classes.theirs.mentor = mentor  # now neither member is in the other mentor's classes
    two_classes.theirs.save()
    assert not selectors.submissions_visible_to(other_mentor).exists()


def test_a_coordinator_sees_every_class(client, coordinator, mine, theirs):
    client.force_login(coordinator)

    response = client.get(QUEUE)

    assert names_listed(response) == ["Sumarni", "Wati"]  # oldest first
    assert selectors.state_counts(coordinator)[State.HANDED_IN] == 2


def test_another_mentors_hand_in_is_not_found(client, mentor, theirs):
    client.force_login(mentor)
    version = theirs.versions.get()

    assert client.get(detail(theirs)).status_code == 404
    response = client.post(detail(theirs), {"version": 1, "decision": "accept"})

    assert response.status_code == 404
    theirs.refresh_from_db()
    version.refresh_from_db()
    assert theirs.state == State.HANDED_IN
    assert version.review_state == ""


def test_a_learner_gets_no_admin_page(client, owner, mine):
    client.force_login(owner)

    for url in (QUEUE, detail(mine)):
        response = client.get(url)
        assert response.status_code == 302
        assert b"Sumarni" not in response.content
    response = client.post(detail(mine), {"version": 1, "decision": "accept"})
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.state == State.HANDED_IN


def test_the_menu_and_home_show_the_mentors_counts(client, mentor, mine, theirs):
    client.force_login(mentor)

    response = client.get(reverse("wagtailadmin_home"))

    content = response.content.decode()
    assert f'"url": "{QUEUE}"' in content  # the menu item
    assert 'id="mentoring-hand-ins-section"' in content  # the home panel
    assert f"{QUEUE}?state={State.HANDED_IN}" in content


def test_a_learner_has_no_menu_item_or_panel(rf, owner):
    from mentoring.review_views import can_review

    assert not can_review(owner)


def test_the_home_panel_counts_each_state_in_scope(rf, mentor, mine, theirs):
    from mentoring.review_views import HandInsPanel

    Submission.objects.filter(pk=theirs.pk).update(state=State.ACCEPTED)
    request = rf.get("/admin/")
    request.user = mentor
    context = HandInsPanel(mentor).get_context_data({"request": request})

    counts = {state["url"].split("=")[1]: state["count"] for state in context["states"]}
    assert counts == {State.HANDED_IN: 1, State.NEEDS_REVISION: 0, State.ACCEPTED: 0}


# --- filters and order ---------------------------------------------------------------------


def test_the_queue_lists_waiting_hand_ins_oldest_first(client, coordinator, assignment):
    now = timezone.now()
    for days, name in [(1, "Baru"), (5, "Lama"), (3, "Tengah")]:
        learner = MembershipFactory(user__full_name=name).user
        enrolment_start(learner=learner, course=assignment.get_parent().get_parent().specific)
        build_hand_in(assignment, learner, handed_in_at=now - timedelta(days=days))
    accepted = build_hand_in(
        assignment, MembershipFactory(user__full_name="Sudah").user, handed_in_at=now
    )
    Submission.objects.filter(pk=accepted.pk).update(state=State.ACCEPTED)
    client.force_login(coordinator)

    assert names_listed(client.get(QUEUE)) == ["Lama", "Tengah", "Baru"]
    assert names_listed(client.get(QUEUE, {"state": State.ACCEPTED})) == ["Sudah"]
    assert len(names_listed(client.get(QUEUE, {"state": selectors.ANY_STATE}))) == 4


def test_the_queue_filters_by_class_week_and_assignment(
    client, coordinator, two_classes, week, mine, theirs, owner
):
    second = build_assignment(week, slug="tugas-kedua")
    second_hand_in = build_hand_in(second, owner)
    client.force_login(coordinator)

    by_class = client.get(QUEUE, {"cohort": two_classes.theirs.pk})
    by_week = client.get(QUEUE, {"week": week.pk})
    by_assignment = client.get(QUEUE, {"assignment": second.pk})

    assert names_listed(by_class) == ["Wati"]
    assert len(by_week.context["object_list"]) == 3
    assert [row.pk for row in by_assignment.context["object_list"]] == [second_hand_in.pk]


def test_a_mentor_filtering_by_another_mentors_class_sees_nothing(
    client, mentor, two_classes, mine, theirs
):
    client.force_login(mentor)

    response = client.get(QUEUE, {"cohort": two_classes.theirs.pk})

    assert response.status_code == 200
    assert names_listed(response) == []


def test_a_row_shows_business_class_week_version_and_links_to_the_review(
    client, mentor, two_classes, mine
):
    client.force_login(mentor)

    response = client.get(QUEUE, {"cohort": two_classes.mine.pk})

    row = response.context["object_list"][0]
    assert (row.business_name, row.cohort_name, row.week_title, row.version_number) == (
        "Batik Sumarni",
        "Kelas Rina",
        "Minggu ke-1",
        1,
    )
    assert detail(mine, f"?cohort={two_classes.mine.pk}") in response.content.decode()


def test_junk_filters_and_pages_answer_without_error(client, mentor, mine):
    client.force_login(mentor)

    for query in (
        {"cohort": "9" * 30},
        {"week": "x"},
        {"state": "\x00"},
        {"p": "999"},
    ):
        assert client.get(QUEUE, query).status_code == 200
    assert client.get(f"{QUEUE}?assignment=%ED%A0%80&week=%00").status_code == 200
    assert client.get(f"{QUEUE}{'9' * 19}/").status_code == 404


# --- the review page -------------------------------------------------------------------------


def test_the_review_page_shows_the_hand_in_and_its_earlier_versions(client, mentor, mine):
    version = mine.versions.get()
    version.review_state = State.NEEDS_REVISION
    version.feedback = "Foto kurang terang."
    version.text = "Sudah saya perbaiki."
    version.save()
    SubmissionVersion.objects.create(
        submission=mine, number=2, link="https://www.instagram.com/batik.sumarni?x=<b>"
    )
    client.force_login(mentor)

    response = client.get(detail(mine))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Foto kurang terang." in content  # the earlier version's feedback
    assert 'href="https://www.instagram.com/batik.sumarni?x=&lt;b&gt;"' in content
    assert 'rel="noopener noreferrer"' in content
    assert "Profil memuat alamat usaha" in content  # the rubric to tick
    assert 'name="decision" value="accept"' in content
    assert 'name="decision" value="revise"' in content
    assert response.context["form"]["version"].value() == 2


def test_the_review_page_shows_photos_and_the_pdf_through_the_checked_file_view(
    client, mentor, mine
):
    version = mine.versions.get()
    version.pdf = "handins/2026/11/rencana.pdf"
    version.save(update_fields=["pdf"])
    photo = SubmissionPhoto.objects.create(
        version=version, image="handins/2026/11/etalase.jpg", width=800, height=600, size=1000
    )
    client.force_login(mentor)

    content = client.get(detail(mine)).content.decode()

    photo_url = reverse("mentoring:file", args=["foto", photo.pk])
    assert f'src="{photo_url}"' in content
    assert reverse("mentoring:file", args=["pdf", version.pk]) in content
    assert "etalase.jpg" not in content  # never the storage's own address


def test_a_link_that_is_not_a_web_address_is_shown_as_text_only(client, mentor, mine):
    SubmissionVersion.objects.filter(submission=mine).update(link="javascript:alert(1)")
    client.force_login(mentor)

    content = client.get(detail(mine)).content.decode()

    assert "javascript:alert(1)" in content
    assert 'href="javascript:' not in content


def test_accepting_moves_on_to_the_next_waiting_hand_in_in_the_filter(
    client, coordinator, two_classes, mine, theirs, assignment
):
    rubric = [block.id for block in assignment.rubric]
    client.force_login(coordinator)
    query = f"?assignment={assignment.pk}"

    response = client.post(
        detail(mine, query),
        {"version": 1, "decision": "accept", "ticks": rubric, "feedback": "Bagus!"},
    )

    assert response.status_code == 302
    assert response.url == detail(theirs, query)
    mine.refresh_from_db()
    version = mine.versions.get()
    assert mine.state == State.ACCEPTED
    assert (version.review_state, version.feedback, version.rubric_ticks) == (
        State.ACCEPTED,
        "Bagus!",
        rubric,
    )
    with translation.override("id"):
        expected = gettext("The hand-in of %(learner)s is accepted.") % {"learner": "Sumarni"}
    assert [str(m) for m in get_messages(response.wsgi_request)] == [expected]


def test_after_the_last_waiting_hand_in_the_queue_comes_back(client, mentor, mine):
    client.force_login(mentor)

    response = client.post(detail(mine), {"version": 1, "decision": "revise", "feedback": FEEDBACK})

    assert response.status_code == 302
    assert response.url == QUEUE
    mine.refresh_from_db()
    assert mine.state == State.NEEDS_REVISION
    assert mine.versions.get().feedback == FEEDBACK


def test_a_revision_without_feedback_is_refused_on_the_page(client, mentor, mine):
    client.force_login(mentor)

    response = client.post(detail(mine), {"version": 1, "decision": "revise", "feedback": " "})

    assert response.status_code == 200
    with translation.override("id"):
        assert str(services.FEEDBACK_REQUIRED) in response.content.decode()
    mine.refresh_from_db()
    assert mine.state == State.HANDED_IN
    assert mine.versions.get().review_state == ""


def test_a_review_of_an_outdated_page_is_refused(client, mentor, mine, owner):
    client.force_login(mentor)
    services.submission_review(
        submission=mine, by=mentor, version_number=1, accept=False, feedback=FEEDBACK, ticks=[]
    )

    response = client.post(detail(mine), {"version": 1, "decision": "accept"})  # second tab

    assert response.status_code == 200
    with translation.override("id"):
        assert str(services.REVIEW_ALREADY_DONE) in response.content.decode()
    mine.refresh_from_db()
    assert mine.state == State.NEEDS_REVISION


def test_a_review_of_a_replaced_version_offers_the_new_one_keeping_the_feedback(
    client, mentor, mine
):
    client.force_login(mentor)
    services.submission_review(
        submission=mine, by=mentor, version_number=1, accept=False, feedback=FEEDBACK, ticks=[]
    )
    SubmissionVersion.objects.create(submission=mine, number=2, link="https://instagram.com/b")
    Submission.objects.filter(pk=mine.pk).update(state=State.HANDED_IN)

    response = client.post(
        detail(mine), {"version": 1, "decision": "revise", "feedback": "Masih kurang."}
    )

    assert response.status_code == 200
    with translation.override("id"):
        assert str(services.REVIEW_NOT_LATEST) in response.content.decode()
    form = response.context["form"]
    assert (form["version"].value(), form["feedback"].value()) == (2, "Masih kurang.")
    assert mine.versions.get(number=2).review_state == ""


def test_an_unknown_tick_is_refused_with_the_rubric_message(client, mentor, mine):
    client.force_login(mentor)

    response = client.post(
        detail(mine), {"version": 1, "decision": "accept", "ticks": ["bukan-id"]}
    )

    assert response.status_code == 200
    with translation.override("id"):
        assert str(services.RUBRIC_UNKNOWN) in response.content.decode()
    mine.refresh_from_db()
    assert mine.state == State.HANDED_IN


def test_the_review_form_refuses_junk(mine):
    form = ReviewForm({"version": "9" * 30, "decision": "maybe", "feedback": "a\x00b"}, rubric=[])

    assert not form.is_valid()
    assert set(form.errors) == {"version", "decision", "feedback"}


# --- queries ---------------------------------------------------------------------------------


def _class_with_hand_ins(size: int, *, mentor, assignment, name: str):
    """A class of ``size`` learners of as many businesses, each with a hand-in."""
    course = assignment.get_parent().get_parent().specific
    cohort = Cohort.objects.create(
        name=name, course=course, start_date=timezone.localdate(), mentor=mentor
    )
    learners = [MembershipFactory(is_owner=True).user for _ in range(size)]
    Enrolment.objects.bulk_create(
        Enrolment(learner=learner, course=course, cohort=cohort) for learner in learners
    )
    now = timezone.now()
    submissions = Submission.objects.bulk_create(
        Submission(
            assignment=assignment,
            course=course,
            learner=learner,
            assignment_title=assignment.title,
            handed_in_at=now - timedelta(minutes=index),
        )
        for index, learner in enumerate(learners)
    )
    SubmissionVersion.objects.bulk_create(
        SubmissionVersion(submission=submission, number=1, link="https://instagram.com/u")
        for submission in submissions
    )
    return cohort


@pytest.mark.parametrize("size", [20, 200])
def test_the_queue_costs_the_same_queries_at_any_class_size(
    client, mentor, assignment, size, django_assert_max_num_queries
):
    cohort = _class_with_hand_ins(size, mentor=mentor, assignment=assignment, name="Besar")
    client.force_login(mentor)
    client.get(QUEUE)  # session and permission caches warm, as on a mentor's second page

    with django_assert_max_num_queries(QUEUE_QUERIES):
        response = client.get(QUEUE, {"cohort": cohort.pk})
    assert response.context["items_count"] == size
    with django_assert_max_num_queries(QUEUE_QUERIES):
        response = client.get(QUEUE, {"cohort": cohort.pk, "p": 2})
    assert response.status_code == 200
