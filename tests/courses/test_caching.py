"""What a learner sees stays current with every cache warm (issue 17 item 6): the lesson, course
page and dashboard read the learner's progress from ``courses.progress_cache`` and the page
tree's entries in one ``get_many`` (``lms.pagetree.serve``); every write the learner or their
mentor makes shows on the next view. Run on the in-memory cache and, where a Redis answers on
127.0.0.1, on the production cache backend too."""

import socket
import uuid
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from certificates import services as certificate_services
from certificates.models import Certificate
from courses import progress_cache, services
from courses.models import Cohort, Enrolment, WeekPage
from lms import cache as lms_cache
from mentoring.models import State
from outcomes import due_cache
from outcomes.models import CheckInPlan
from outcomes.selectors import due_moment_on_course
from quizzes import page_cache
from quizzes.models import QuestionnaireSkip, QuizAttempt
from tests.factories import (
    RIGHT_ANSWERS,
    build_assignment,
    build_course,
    build_hand_in,
    build_knowledge_check,
    build_quiz,
    lessons_of,
)

pytestmark = pytest.mark.django_db

REDIS_URL = "redis://127.0.0.1:6379/3"


def redis_answers() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.2).close()
    except OSError:
        return False
    return True


@pytest.fixture(params=["locmem", "redis"])
def any_cache(request):
    """The test settings' in-memory cache, or the production backend on a local Redis (its own
    database and key prefix, emptied afterwards)."""
    if request.param == "locmem":
        yield request.param
        return
    if not redis_answers():
        pytest.skip("no Redis on 127.0.0.1:6379")
    caches = {
        **settings.CACHES,
        "default": {
            "BACKEND": "lms.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"test-caching-{uuid.uuid4().hex[:8]}",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        },
    }
    lms_cache._breakers.clear()
    with override_settings(CACHES=caches):
        cache.clear()
        yield request.param
        cache.clear()
    lms_cache._breakers.clear()


@pytest.fixture
def course(db):
    return build_course(weeks=2, lessons_per_week=2, slug="cepat")


@pytest.fixture
def reader(client, owner, course):
    services.enrolment_start(learner=owner, course=course)
    client.force_login(owner)
    return client


def done_url(lesson):
    return reverse("courses:lesson_done", args=[lesson.pk])


def warm(client, *urls):
    """Every page twice: the page-tree entries, the route's companions and the learner's
    progress are all in the cache afterwards."""
    for _ in range(2):
        for url in urls:
            assert client.get(url).status_code == 200


def test_a_lesson_marked_done_shows_at_once_on_the_lesson_course_page_and_dashboard(
    any_cache, reader, owner, course
):
    lesson = lessons_of(course)[0]
    dashboard = reverse("courses:dashboard")
    warm(reader, lesson.url, course.url, dashboard)
    assert cache.get(progress_cache.key(owner.pk, course.pk)) is not None  # really warm
    assert done_url(lesson) in reader.get(lesson.url).content.decode()

    response = reader.post(done_url(lesson), {"next": ""})
    assert response.status_code == 302

    page = reader.get(lesson.url)
    assert page.context["is_done"] is True
    assert done_url(lesson) not in page.content.decode()  # no "Tandai selesai" form any more
    course_page = reader.get(course.url)
    assert course_page.context["progress"].done == 1
    assert course_page.content.decode().count("lesson-item--done") == 1
    assert reader.get(dashboard).context["cards"][0].progress.done == 1


def test_an_enrolment_shows_at_once_and_so_does_its_removal(any_cache, client, owner, course):
    lesson = lessons_of(course)[0]
    client.force_login(owner)
    warm(client, course.url)
    assert client.get(lesson.url).status_code == 302  # not enrolled: to the course page
    assert client.get(course.url).context["enrolment"] is None

    client.post(reverse("courses:course_start", args=[course.pk]))
    assert client.get(course.url).context["enrolment"] is not None
    assert client.get(lesson.url).status_code == 200

    Enrolment.objects.filter(learner=owner, course=course).delete()
    assert client.get(lesson.url).status_code == 302
    assert client.get(course.url).context["enrolment"] is None


def test_a_class_start_date_moved_opens_its_weeks_at_once(any_cache, client, owner, mentor):
    course = build_course(weeks=2, lessons_per_week=1, pacing="weekly", slug="mingguan")
    cohort = Cohort.objects.create(
        name="Kelas B",
        course=course,
        start_date=timezone.localdate() + timedelta(days=3),
        mentor=mentor,
    )
    services.enrolment_start(learner=owner, course=course, cohort=cohort)
    client.force_login(owner)
    lesson = lessons_of(course)[0]
    warm(client, course.url)
    assert client.get(lesson.url).status_code == 302  # week 1 opens in three days

    cohort.start_date = timezone.localdate()
    cohort.save()
    assert client.get(lesson.url).status_code == 200
    assert client.get(course.url).context["outline"].weeks[0].is_open


def test_certificate_issued_and_revoked_show_at_once(any_cache, reader, owner, course, coordinator):
    warm(reader, course.url)
    standing = reader.get(course.url).context["certificate_standing"]
    assert standing.certificate is None
    assert [(item.key, item.done, item.met) for item in standing.checklist] == [
        ("lessons", 0, False)
    ]

    for lesson in lessons_of(course):
        reader.post(done_url(lesson), {"next": ""})
    standing = reader.get(course.url).context["certificate_standing"]
    assert standing.checklist[0].met
    certificate = Certificate.objects.get(learner=owner, course=course)
    assert standing.certificate == certificate
    assert standing.certificate.is_valid

    certificate_services.certificate_revoke(
        certificate=certificate, by=coordinator, reason="Data tidak benar."
    )
    standing = reader.get(course.url).context["certificate_standing"]
    assert not standing.certificate.is_valid


def test_an_assignment_accepted_shows_at_once(any_cache, reader, owner, course, mentor):
    week = WeekPage.objects.child_of(course).first()
    assignment = build_assignment(week)
    warm(reader, course.url)
    states = reader.get(course.url).context["outline"].weeks[0].assignments
    assert states == [(assignment, "")]

    submission = build_hand_in(assignment, owner)
    row = reader.get(course.url).context["outline"].weeks[0]
    assert [state for _assignment, state in row.assignments] == [State.HANDED_IN]

    submission.state = State.ACCEPTED
    submission.save()
    page = reader.get(course.url)
    assert [state for _assignment, state in page.context["outline"].weeks[0].assignments] == [
        State.ACCEPTED
    ]
    assignments = next(
        item for item in page.context["certificate_standing"].checklist if item.key == "assignments"
    )
    assert (assignments.done, assignments.total) == (1, 1)


def test_a_business_hand_in_shows_at_once_to_every_member(any_cache, reader, owner, member, course):
    week = WeekPage.objects.child_of(course).first()
    assignment = build_assignment(week, per_business=True)
    services.enrolment_start(learner=member, course=course)
    warm(reader, course.url)
    assert cache.get(progress_cache.page_key(owner.pk, course.pk)) is not None  # really warm

    build_hand_in(assignment, member, business=owner.membership.business)
    row = reader.get(course.url).context["outline"].weeks[0]
    assert [state for _assignment, state in row.assignments] == [State.HANDED_IN]


def test_leaving_the_business_hides_its_hand_in_at_once(any_cache, reader, owner, member, course):
    week = WeekPage.objects.child_of(course).first()
    assignment = build_assignment(week, per_business=True)
    services.enrolment_start(learner=member, course=course)
    build_hand_in(assignment, owner, business=owner.membership.business)
    reader.force_login(member)
    warm(reader, course.url)
    assert reader.get(course.url).context["outline"].weeks[0].assignments[0][1] == State.HANDED_IN

    member.membership.delete()
    assert reader.get(course.url).context["outline"].weeks[0].assignments[0][1] == ""


def test_skipping_the_questionnaire_before_the_course_shows_at_once(
    any_cache, reader, owner, course
):
    build_knowledge_check(course)
    lesson = lessons_of(course)[0]
    warm(reader, course.url)
    offered = reader.get(lesson.url)
    assert offered.templates[0].name == "quizzes/before_offer.html"

    QuestionnaireSkip.objects.create(learner=owner, course=course)
    assert reader.get(lesson.url).templates[0].name == "courses/lesson_page.html"
    assert reader.get(course.url).context["course_assessments"].before_pending is False


def test_a_new_week_quiz_and_its_pass_show_at_once(any_cache, reader, owner, course):
    week = WeekPage.objects.child_of(course).first()
    warm(reader, course.url)
    assert reader.get(course.url).context["course_assessments"].quizzes == {}

    quiz = build_quiz(week)
    quizzes = reader.get(course.url).context["course_assessments"].quizzes
    assert [entry["page"].pk for entry in quizzes.values()] == [quiz.pk]
    assert reader.get(quiz.url).status_code == 200


def test_a_quiz_draft_and_attempt_show_at_once_on_the_quiz_page(
    any_cache, reader, owner, course, django_assert_max_num_queries
):
    quiz = build_quiz(WeekPage.objects.child_of(course).first())
    warm(reader, quiz.url, course.url)
    assert cache.get(page_cache.key(owner.pk, quiz.pk)) is not None  # really warm
    assert 'value="c1" checked' not in reader.get(quiz.url).content.decode()

    token = str(uuid.uuid4())
    draft = {"answers": {"q1": ["c1"]}, "token": token}
    saved = reader.post(
        reverse("quizzes:draft", args=[quiz.pk]), data=draft, content_type="application/json"
    )
    assert saved.status_code == 204
    assert 'value="c1" checked' in reader.get(quiz.url).content.decode()

    reader.post(reverse("quizzes:submit", args=[quiz.pk]), {**RIGHT_ANSWERS, "token": token})
    page = reader.get(quiz.url)
    assert [attempt.number for attempt in page.context["attempts"]] == [1]
    assert page.context["passed"] is True
    assert 'value="c1" checked' not in page.content.decode()  # the draft went with the submit
    attempt_url = reverse("quizzes:attempt", args=[page.context["attempts"][0].pk])
    with django_assert_max_num_queries(2):  # session, user: the attempt listed from the cache
        assert attempt_url in reader.get(quiz.url).content.decode()
    quizzes = reader.get(course.url).context["course_assessments"].quizzes
    assert [entry["passed"] for entry in quizzes.values()] == [True]


def checkin_url(course, moment):
    return reverse("outcomes:checkin", args=[course.pk, moment])


CHECKIN_FIGURES = {"revenue_per_day": "750rb", "products_per_day": "40", "channels": ["whatsapp"]}


def test_the_check_in_notice_goes_as_soon_as_the_check_in_is_filled(
    any_cache, reader, owner, member, course
):
    CheckInPlan.objects.create(course=course)
    services.enrolment_start(learner=member, course=course)
    warm(reader, course.url)
    assert cache.get(due_cache.key(owner.pk, course.pk)) is not None  # really warm
    assert checkin_url(course, "before") in reader.get(course.url).content.decode()

    reader.force_login(member)  # another member of the business fills it
    warm(reader, course.url)
    assert reader.post(checkin_url(course, "before"), CHECKIN_FIGURES).status_code == 302
    assert "checkin-due" not in reader.get(course.url).content.decode()
    reader.force_login(owner)
    assert "checkin-due" not in reader.get(course.url).content.decode()


def test_the_end_check_in_notice_appears_as_soon_as_the_course_is_completed(
    any_cache, reader, owner, course
):
    CheckInPlan.objects.create(course=course, ask_before=False)
    warm(reader, course.url)
    assert "checkin-due" not in reader.get(course.url).content.decode()

    for lesson in lessons_of(course):
        reader.post(done_url(lesson), {"next": ""})
    assert checkin_url(course, "end") in reader.get(course.url).content.decode()


def test_a_check_in_plan_changed_shows_at_once(any_cache, reader, owner, course):
    plan = CheckInPlan.objects.create(course=course, ask_before=False)
    warm(reader, course.url)
    assert "checkin-due" not in reader.get(course.url).content.decode()

    plan.ask_before = True
    plan.save()
    assert checkin_url(course, "before") in reader.get(course.url).content.decode()
    plan.delete()
    assert "checkin-due" not in reader.get(course.url).content.decode()


def test_the_next_check_in_falls_due_with_the_date_from_a_warm_entry(
    any_cache, reader, owner, course, django_assert_num_queries
):
    CheckInPlan.objects.create(course=course, ask_before=False, ask_end=False)
    for lesson in lessons_of(course):
        reader.post(done_url(lesson), {"next": ""})
    warm(reader, course.url)
    today = timezone.localdate()

    with django_assert_num_queries(0):  # the dates are cached, the day is not
        assert due_moment_on_course(user=owner, course=course, today=today) is None
        later = today + timedelta(days=30)
        assert due_moment_on_course(user=owner, course=course, today=later) == "month_1"


# Query counts, warm (the test settings keep sessions in the database: one query each).


def test_a_warm_lesson_page_reads_only_the_user(reader, course, django_assert_max_num_queries):
    lesson = lessons_of(course)[1]
    warm(reader, lesson.url)
    with django_assert_max_num_queries(2):  # session, user; enrolment and lessons done cached
        response = reader.get(lesson.url)
    assert response.status_code == 200


def test_a_lesson_page_after_a_lesson_done_reads_the_progress_once(
    reader, course, django_assert_max_num_queries
):
    lessons = lessons_of(course)
    warm(reader, lessons[1].url)
    reader.post(done_url(lessons[0]), {"next": ""})
    with django_assert_max_num_queries(3):  # session, user, the enrolment with lessons done
        assert reader.get(lessons[1].url).status_code == 200


def test_a_warm_course_page_with_quiz_questionnaire_and_assignment(
    reader, course, django_assert_max_num_queries
):
    week = WeekPage.objects.child_of(course).first()
    build_quiz(week)
    build_knowledge_check(course)
    build_assignment(week)
    CheckInPlan.objects.create(course=course)
    warm(reader, course.url)
    assert "checkin-due" in reader.get(course.url).content.decode()
    # Session, user: the progress, attempts, hand-ins, certificate and check-in notice cached.
    with django_assert_max_num_queries(2):
        response = reader.get(course.url)
    assert response.status_code == 200


def test_a_warm_quiz_page(reader, course, django_assert_max_num_queries):
    quiz = build_quiz(WeekPage.objects.child_of(course).first())
    warm(reader, quiz.url)
    with django_assert_max_num_queries(2):  # session, user: the attempts and draft cached
        response = reader.get(quiz.url)
    assert response.status_code == 200


def weeks_html(client, course) -> str:
    """The course page's list of weeks, as the learner's browser gets it."""
    html = client.get(course.url).content.decode()
    return html[
        html.index('<ol class="weeks">') : html.index("</ol>", html.index('<ol class="weeks">'))
    ]


def test_learners_in_different_states_each_see_their_own_weeks(
    any_cache, client, owner, member, course
):
    first, second = lessons_of(course)[:2]
    for learner in (owner, member):
        services.enrolment_start(learner=learner, course=course)
    client.force_login(owner)
    warm(client, course.url)
    client.post(done_url(first), {"next": ""})
    owners = weeks_html(client, course)

    client.force_login(member)
    members = weeks_html(client, course)
    assert members.count("lesson-item--done") == 0
    client.post(done_url(second), {"next": ""})
    members = weeks_html(client, course)

    assert owners.count("lesson-item--done") == members.count("lesson-item--done") == 1
    assert owners != members
    done = '<li class="lesson-item lesson-item--done">'
    assert first.title in owners.split(done)[1].split("</li>")[0]
    assert second.title in members.split(done)[1].split("</li>")[0]
    client.force_login(owner)
    assert weeks_html(client, course) == owners


def test_the_weeks_show_a_quiz_pass_and_an_assignment_review_at_once(
    any_cache, reader, owner, course, mentor
):
    week = WeekPage.objects.child_of(course).first()
    quiz = build_quiz(week)
    assignment = build_assignment(week)
    warm(reader, course.url)
    before = weeks_html(reader, course)
    assert "state-badge--none" in before
    assert "tick" not in before

    reader.post(
        reverse("quizzes:submit", args=[quiz.pk]), {**RIGHT_ANSWERS, "token": str(uuid.uuid4())}
    )
    hand_in = build_hand_in(assignment, owner)
    after = weeks_html(reader, course)
    assert after.count('<span class="tick">') == 1  # the quiz passed
    assert "state-badge--handed_in" in after

    hand_in.state = State.ACCEPTED
    hand_in.save()  # the save retires the learner's entry, as a mentor's review does
    assert "state-badge--accepted" in weeks_html(reader, course)


def test_a_lesson_renamed_shows_in_the_weeks_at_once(any_cache, reader, course):
    lesson = lessons_of(course)[0]
    warm(reader, course.url)
    lesson.title = "Foto produk dengan cahaya pagi"
    lesson.save_revision().publish()
    assert "Foto produk dengan cahaya pagi" in weeks_html(reader, course)


def test_a_lesson_page_shows_its_done_mark_and_progress_at_once(any_cache, reader, course):
    first, second = lessons_of(course)[:2]
    warm(reader, first.url, second.url)
    assert 'value="0"' in reader.get(second.url).content.decode()  # the progress bar

    reader.post(done_url(first), {"next": ""})
    first_html = reader.get(first.url).content.decode()
    second_html = reader.get(second.url).content.decode()
    assert '<span class="tick">' in first_html
    assert '<span class="tick">' not in second_html
    assert 'value="25"' in first_html  # 1 of 4 lessons
    assert 'value="25"' in second_html


def test_a_quiz_attempt_shows_in_the_quiz_head_at_once(any_cache, reader, course):
    quiz = build_quiz(WeekPage.objects.child_of(course).first())
    warm(reader, quiz.url)
    reader.post(reverse("quizzes:submit", args=[quiz.pk]), {**RIGHT_ANSWERS, "token": uuid.uuid4()})
    attempt = QuizAttempt.objects.get(page=quiz)
    html = reader.get(quiz.url).content.decode()
    assert reverse("quizzes:attempt", args=[attempt.pk]) in html
    assert '<span class="tick">' in html  # passed
