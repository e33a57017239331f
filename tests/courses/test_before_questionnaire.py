"""The questionnaire before the course comes first: the course page's primary action until the
learner answers or skips it, and a lesson opened before that offers it first."""

import pytest
from django.urls import reverse

from courses import services as course_services
from quizzes import services as quiz_services
from quizzes.models import QuestionnaireSkip
from tests.answering import submit
from tests.factories import (
    WRONG_ANSWERS,
    build_course,
    build_knowledge_check,
    lessons_of,
)

pytestmark = pytest.mark.django_db

LESSON_BODY = "Isi pelajaran."


@pytest.fixture
def course(db):
    return build_course(weeks=2, lessons_per_week=2)


@pytest.fixture
def knowledge(course):
    return build_knowledge_check(course)


def first_step(page: str) -> str:
    """The course page from its title down to the progress card."""
    return page[page.index("<h1>") : page.index('id="progress-heading"')]


def primary_link_to(url: str) -> str:
    return f'class="button button--wide" href="{url}"'


def lesson_button(url: str, *, secondary: bool) -> str:
    return f'class="button{" button--secondary" if secondary else ""}" href="{url}"'


def test_an_enrolled_learner_sees_the_questionnaire_first_and_the_lessons_second(
    client, learner, course, knowledge
):
    page = client.get(course.url).content.decode()
    top = first_step(page)
    assert primary_link_to(knowledge.url) in top
    # Above the description, with the line that says why.
    assert top.index('id="before-heading"') < top.index('class="lead"')
    assert "beberapa menit" in top or "a few minutes" in top
    assert lesson_button(lessons_of(course)[0].url, secondary=True) in page
    assert lesson_button(lessons_of(course)[0].url, secondary=False) not in page


def test_once_answered_the_lesson_is_the_primary_action_again(client, learner, course, knowledge):
    submit(client, knowledge, WRONG_ANSWERS)
    page = client.get(course.url).content.decode()
    assert 'id="before-heading"' not in page
    assert lesson_button(lessons_of(course)[0].url, secondary=False) in page


def test_once_skipped_the_lesson_is_primary_and_the_questionnaire_still_open_below(
    client, learner, course, knowledge
):
    quiz_services.before_skip(learner=learner, course=course)
    page = client.get(course.url).content.decode()
    assert 'id="before-heading"' not in page
    assert lesson_button(lessons_of(course)[0].url, secondary=False) in page
    assert f'class="button button--secondary" href="{knowledge.url}"' in page  # still allowed


def test_once_a_lesson_is_done_the_questionnaire_before_is_closed_and_not_offered(
    client, learner, course, knowledge
):
    course_services.lesson_mark_done(learner=learner, lesson=lessons_of(course)[0])
    page = client.get(course.url).content.decode()
    assert 'id="before-heading"' not in page
    assert knowledge.url not in page
    assert lesson_button(lessons_of(course)[1].url, secondary=False) in page


def test_a_course_without_a_questionnaire_starts_with_its_first_lesson(client, learner, course):
    page = client.get(course.url).content.decode()
    assert 'id="before-heading"' not in page
    assert lesson_button(lessons_of(course)[0].url, secondary=False) in page


def test_a_learner_not_enrolled_is_offered_the_start_not_the_questionnaire(
    client, owner, course, knowledge
):
    client.force_login(owner)
    page = client.get(course.url).content.decode()
    assert 'id="before-heading"' not in page
    assert reverse("courses:course_start", args=[course.pk]) in page


def test_starting_the_course_lands_on_the_questionnaire_when_there_is_one(
    client, owner, course, knowledge
):
    client.force_login(owner)
    start = reverse("courses:course_start", args=[course.pk])
    assert client.post(start)["Location"] == f"{course.url}#before-heading"
    submit(client, knowledge, WRONG_ANSWERS)
    assert client.post(start)["Location"] == f"{course.url}#progress-heading"


def test_opening_a_lesson_first_offers_the_questionnaire_and_an_explicit_skip(
    client, learner, course, knowledge
):
    lesson = lessons_of(course)[2]  # any lesson, not only the first
    response = client.get(lesson.url)
    assert response.status_code == 200  # an offer, not a redirect
    page = response.content.decode()
    assert LESSON_BODY not in page
    assert primary_link_to(knowledge.url) in page
    skip = reverse("quizzes:before_skip", args=[course.pk])
    form = page[page.index(f'action="{skip}"') :]
    assert 'name="csrfmiddlewaretoken"' in form
    assert f'name="next" value="{lesson.pk}"' in form
    assert not QuestionnaireSkip.objects.exists()  # opening records nothing

    # The skip returns to the lesson, which now opens.
    response = client.post(skip, {"next": lesson.pk})
    assert response["Location"] == lesson.url
    assert LESSON_BODY in client.get(lesson.url).content.decode()
    assert QuestionnaireSkip.objects.filter(learner=learner, course=course).count() == 1


def test_a_lesson_opens_once_the_questionnaire_is_answered(client, learner, course, knowledge):
    submit(client, knowledge, WRONG_ANSWERS)
    page = client.get(lessons_of(course)[0].url).content.decode()
    assert LESSON_BODY in page
    assert knowledge.url not in page


def test_a_lesson_opens_after_the_first_lesson_was_done_without_the_questionnaire(
    client, learner, course, knowledge
):
    """Learners who began before the offer existed: the before is closed, nothing to offer."""
    course_services.lesson_mark_done(learner=learner, lesson=lessons_of(course)[0])
    assert LESSON_BODY in client.get(lessons_of(course)[1].url).content.decode()


def test_a_lesson_of_a_course_without_a_questionnaire_opens_at_once(client, learner, course):
    assert LESSON_BODY in client.get(lessons_of(course)[0].url).content.decode()


def test_staff_previewing_a_lesson_are_not_offered_the_questionnaire(
    client, coordinator, course, knowledge
):
    client.force_login(coordinator)
    response = client.get(lessons_of(course)[0].url)
    assert response.status_code == 200
    assert LESSON_BODY in response.content.decode()


def test_the_offer_and_its_lesson_cost_few_queries(
    client, learner, course, knowledge, django_assert_max_num_queries
):
    lesson = lessons_of(course)[0]
    client.get(lesson.url)  # warm the page-tree cache, as a running site has
    with django_assert_max_num_queries(6):  # session, user, enrolment, lessons done, pre, skip
        assert client.get(lesson.url).status_code == 200
