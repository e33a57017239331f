"""A word longer than the screen (a business name typed without spaces, a pasted link, an old
number answer of thousands of digits) wraps on a 360 px phone: no page scrolls sideways."""

import uuid

import pytest
from django.urls import reverse

from courses import services as course_services
from courses.models import WeekPage
from quizzes import services as quiz_services
from quizzes.models import QuizAttempt
from tests.factories import (
    PASSWORD,
    RIGHT_ANSWERS,
    MembershipFactory,
    UserFactory,
    build_course,
    build_quiz,
    lessons_of,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WORD = "Sambal" * 50  # 300 characters, no space


def page_width(browsing) -> int:
    return browsing.page.evaluate("document.documentElement.scrollWidth")


def test_a_300_character_word_never_widens_a_page_past_360_px(browsing, owner, learners_group):
    business = owner.membership.business
    business.name = WORD[:150]  # the longest name a business may have
    business.district = WORD[:100]
    business.save()
    MembershipFactory(
        user=UserFactory(full_name=WORD[:150], groups=[learners_group]), business=business
    )
    course = build_course(
        weeks=1,
        lessons_per_week=1,
        body=[{"type": "text", "value": f"<p>Lihat {WORD} dan https://example.org/{WORD}</p>"}],
    )
    course_services.enrolment_start(learner=owner, course=course)
    quiz = build_quiz(WeekPage.objects.child_of(course).first())
    raw = {key.removeprefix("q-"): value for key, value in RIGHT_ANSWERS.items()}
    raw = {key: value if isinstance(value, list) else [value] for key, value in raw.items()}
    attempt = quiz_services.attempt_submit(
        learner=owner, page=quiz, raw_answers=raw, token=uuid.uuid4()
    )
    attempt.answers["q4"]["given"] = "9" * 10_000  # stored whole before answers had a limit
    QuizAttempt.objects.filter(pk=attempt.pk).update(answers=attempt.answers)

    browsing.sign_in(owner.phone, PASSWORD)
    for path in [
        reverse("lms:profile"),
        lessons_of(course)[0].url,
        reverse("quizzes:attempt", args=[attempt.pk]),
    ]:
        browsing.visit(path)
        assert page_width(browsing) <= 360, path
