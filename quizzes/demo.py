"""Demo quiz attempts for `make run`; safe to repeat.

The week quizzes, knowledge questionnaires and surveys come with the demo course packages
(courses/demo.py); this adds the attempts of the demo learners."""

import uuid

from django.db import transaction

from courses import services as course_services
from courses.models import CoursePage
from lms import demo as lms_demo
from lms.models import User

from . import services
from .models import KnowledgeCheckPage, QuizAttempt, QuizPage


def answers_for(page, *, right: bool) -> dict[str, list[str]]:
    """Form answers that get every question right, or every question wrong."""
    raw = {}
    for question in page.question_list():
        if question.kind == "numeric":
            raw[question.id] = [str(question.answer if right else question.answer + 10**6)]
        else:
            wanted = [c.id for c in question.choices if c.correct == right]
            raw[question.id] = (
                wanted[:1] if question.kind != "multiple_choice" or not right else wanted
            )
    return raw


@transaction.atomic
def seed() -> list[str]:
    member = User.objects.get(email=lms_demo.MEMBER_EMAIL)
    owner = User.objects.get(phone=lms_demo.OWNER_PHONE)
    marketing = CoursePage.objects.get(slug="pemasaran-digital")
    financing = CoursePage.objects.get(slug="pembiayaan-umkm")
    if not QuizAttempt.objects.filter(learner=member).exists():
        # Agus failed the week 1 quiz once, then passed it.
        week_one = QuizPage.objects.descendant_of(marketing).order_by("path").first()
        for right in (False, True):
            services.attempt_submit(
                learner=member,
                page=week_one,
                raw_answers=answers_for(week_one, right=right),
                token=uuid.uuid4(),
            )
    if not QuizAttempt.objects.filter(learner=owner, course=financing).exists():
        # Sutarni starts the financing course with its questionnaire, before any lesson.
        course_services.enrolment_start(learner=owner, course=financing)
        knowledge = KnowledgeCheckPage.objects.child_of(financing).get()
        services.attempt_submit(
            learner=owner,
            page=knowledge,
            raw_answers=answers_for(knowledge, right=False),
            token=uuid.uuid4(),
        )
    return ["Quiz attempts: Agus in the week 1 quiz, Sutarni in the financing questionnaire"]
