from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.models import Cohort, Enrolment, LessonCompletion
from tests.factories import UserFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(db):
    return build_course(weeks=4, lessons_per_week=2)


def done_url(lesson):
    return reverse("courses:lesson_done", args=[lesson.pk])


def test_course_page_invites_a_visitor_to_sign_up(client, course):
    page = client.get(course.url).content.decode()
    assert "Minggu 1" in page
    assert reverse("lms:sign_up") in page


def test_start_course_enrols_once_and_points_at_the_first_lesson(client, owner, course):
    client.force_login(owner)
    first = lessons_of(course)[0]
    response = client.post(reverse("courses:course_start", args=[course.pk]), follow=True)
    page = response.content.decode()
    assert "Anda sudah memulai kursus" in page
    assert f'href="{first.url}"' in page
    client.post(reverse("courses:course_start", args=[course.pk]))
    assert Enrolment.objects.filter(learner=owner, course=course).count() == 1


def test_marking_done_twice_records_once_and_moves_on(client, owner, course):
    client.force_login(owner)
    services.enrolment_start(learner=owner, course=course)
    first, second = lessons_of(course)[:2]
    for _ in range(2):
        response = client.post(done_url(first), {"next": second.pk})
        assert response["Location"] == second.url
    assert LessonCompletion.objects.filter(learner=owner, lesson=first).count() == 1


def test_course_page_shows_progress_and_continue_at_the_next_lesson(client, owner, course):
    client.force_login(owner)
    services.enrolment_start(learner=owner, course=course)
    lessons = lessons_of(course)
    services.lesson_mark_done(learner=owner, lesson=lessons[0])
    services.lesson_mark_done(learner=owner, lesson=lessons[1])
    page = client.get(course.url).content.decode()
    assert "2 dari 8 pelajaran selesai (25%)" in page
    assert f'href="{lessons[2].url}"' in page
    assert "Lanjutkan:" in page


def test_cannot_mark_done_without_enrolment(client, owner, course):
    client.force_login(owner)
    lesson = lessons_of(course)[0]
    response = client.post(done_url(lesson), follow=True)
    assert "Mulai kursus sebelum" in response.content.decode()
    assert not LessonCompletion.objects.exists()


def test_cannot_mark_done_in_a_week_not_yet_open(client, owner, learners_group):
    course = build_course(pacing="weekly", slug="mingguan")
    cohort = Cohort.objects.create(
        name="Kelas A",
        course=course,
        start_date=timezone.localdate(),
        mentor=UserFactory(email="m@example.org"),
    )
    services.enrolment_start(learner=owner, course=course, cohort=cohort)
    client.force_login(owner)
    week_two_lesson = lessons_of(course)[2]
    response = client.post(done_url(week_two_lesson), follow=True)
    assert "Minggu ini belum dibuka" in response.content.decode()
    assert not LessonCompletion.objects.exists()
    assert client.get(week_two_lesson.url)["Location"].startswith(course.url)
    course_page = client.get(course.url).content.decode()
    opens = timezone.localdate() + timedelta(days=7)
    assert f"Dibuka pada {opens.day} " in course_page


def test_lesson_needs_sign_in_and_enrolment(client, owner, course):
    lesson = lessons_of(course)[0]
    assert client.get(lesson.url)["Location"].startswith(reverse("lms:sign_in"))
    client.force_login(owner)
    assert client.get(lesson.url)["Location"] == course.url


def test_mark_done_needs_a_post(client, owner, course):
    client.force_login(owner)
    services.enrolment_start(learner=owner, course=course)
    assert client.get(done_url(lessons_of(course)[0])).status_code == 405


def test_joining_a_cohort_by_code_enrols(client, owner, course):
    cohort = Cohort.objects.create(
        name="Kelas Sleman",
        course=course,
        start_date=timezone.localdate(),
        mentor=UserFactory(email="m@example.org"),
    )
    client.force_login(owner)
    response = client.post(reverse("courses:cohort_join"), {"join_code": cohort.join_code.lower()})
    assert response["Location"] == course.url
    assert Enrolment.objects.get(learner=owner).cohort == cohort


def test_wrong_cohort_code_is_refused(client, owner, course):
    client.force_login(owner)
    response = client.post(reverse("courses:cohort_join"), {"join_code": "ZZZZZZ"})
    assert "Tidak ada kelas dengan kode ini" in response.content.decode()
    assert not Enrolment.objects.exists()


def test_owner_sees_business_progress_counting_any_members_lessons(client, owner, member, course):
    lessons = lessons_of(course)
    for learner in (owner, member):
        services.enrolment_start(learner=learner, course=course)
    services.lesson_mark_done(learner=member, lesson=lessons[0])
    services.lesson_mark_done(learner=member, lesson=lessons[1])
    services.lesson_mark_done(learner=owner, lesson=lessons[0])
    client.force_login(owner)
    page = client.get(reverse("courses:dashboard")).content.decode()
    assert "2 dari 8 pelajaran selesai (25%)" in page  # the business: lessons 1 and 2
    assert "Joko" in page
    assert "2/8 (25%)" in page
    assert "1/8 (12%)" in page  # the owner's own


def test_member_does_not_see_the_business_table(client, owner, member, course):
    services.enrolment_start(learner=owner, course=course)
    client.force_login(member)
    page = client.get(reverse("courses:dashboard")).content.decode()
    assert "Sumarni" not in page


def test_deleted_lesson_keeps_its_completion_but_stops_counting(owner, course):
    services.enrolment_start(learner=owner, course=course)
    lesson = lessons_of(course)[0]
    services.lesson_mark_done(learner=owner, lesson=lesson)
    lesson.delete()
    completion = LessonCompletion.objects.get(learner=owner)
    assert completion.lesson is None
    assert completion.lesson_title == "Pelajaran 1.1"
    from courses.selectors import course_progress_for

    progress = course_progress_for(learner=owner, course=course)
    assert (progress.done, progress.total) == (0, 7)


def test_lesson_page_query_count_does_not_grow_with_the_course(
    client, owner, django_assert_max_num_queries
):
    course = build_course(weeks=4, lessons_per_week=10, slug="besar")
    services.enrolment_start(learner=owner, course=course)
    lessons = lessons_of(course)
    for lesson in lessons[:15]:
        services.lesson_mark_done(learner=owner, lesson=lesson)
    client.force_login(owner)
    client.get(lessons[20].url)  # warm Wagtail's site-root cache, as a running site has
    with django_assert_max_num_queries(15):
        response = client.get(lessons[20].url)
    assert response.status_code == 200
