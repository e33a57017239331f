"""Demo week quizzes, knowledge questionnaires, surveys and a few attempts; safe to repeat."""

import uuid

from django.db import transaction

from courses import services as course_services
from courses.models import CoursePage, WeekPage
from lms import demo as lms_demo
from lms.models import User

from . import services
from .demo_content import QUIZZES
from .models import KnowledgeCheckPage, QuizAttempt, QuizPage, SurveyPage


def _questions(questions) -> list[dict]:
    """Raw StreamField data with fresh ids for every question and choice."""
    raw = []
    for kind, value in questions:
        if "choices" in value:
            choices = [
                {"type": "item", "id": str(uuid.uuid4()), "value": c} for c in value["choices"]
            ]
            value = {**value, "choices": choices}
        raw.append({"type": kind, "id": str(uuid.uuid4()), "value": value})
    return raw


def _intro(text: str) -> str:
    return f"<p>{text}</p>"


def _build(course: CoursePage, spec: dict) -> None:
    weeks = list(WeekPage.objects.child_of(course).order_by("path"))
    for week, quiz in zip(weeks, spec["weeks"], strict=True):
        if not QuizPage.objects.child_of(week).exists():
            week.add_child(
                instance=QuizPage(
                    title=quiz["title"],
                    slug="kuis",
                    intro=_intro(quiz["intro"]),
                    pass_mark=quiz["pass_mark"],
                    attempts_allowed=quiz["attempts_allowed"],
                    questions=_questions(quiz["questions"]),
                )
            )
    if not KnowledgeCheckPage.objects.child_of(course).exists():
        knowledge = spec["knowledge"]
        course.add_child(
            instance=KnowledgeCheckPage(
                title=knowledge["title"],
                slug="tes-pengetahuan",
                intro=_intro(knowledge["intro"]),
                questions=_questions(knowledge["questions"]),
            )
        )
    if not SurveyPage.objects.child_of(course).exists():
        survey = spec["survey"]
        course.add_child(
            instance=SurveyPage(
                title=survey["title"],
                slug="survei",
                intro=_intro(survey["intro"]),
                items=[{"type": kind, "value": value} for kind, value in survey["items"]],
            )
        )


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
    for slug, spec in QUIZZES.items():
        _build(CoursePage.objects.get(slug=slug), spec)
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
    return ["Week quizzes, knowledge questionnaires and surveys: in both courses"]
