"""Demo certificates for `make run`: Agus has finished the marketing course and holds its
certificate; Sutarni has done everything but the satisfaction survey, one step short."""

import uuid

from django.db import transaction

from courses import services as course_services
from courses.models import CoursePage, LessonPage
from lms import demo as lms_demo
from lms.models import User
from quizzes import services as quiz_services
from quizzes.demo import answers_for
from quizzes.models import KnowledgeCheckPage, Phase, QuizAttempt, QuizPage, SurveyPage

from . import services
from .models import Certificate, CertificateTemplate


def _finish_all_but_survey(learner, course: CoursePage) -> None:
    for lesson in LessonPage.objects.live().descendant_of(course).order_by("path"):
        course_services.lesson_mark_done(learner=learner, lesson=lesson)
    for quiz in QuizPage.objects.live().descendant_of(course).order_by("path"):
        if not QuizAttempt.objects.filter(learner=learner, page=quiz, passed=True).exists():
            quiz_services.attempt_submit(
                learner=learner,
                page=quiz,
                raw_answers=answers_for(quiz, right=True),
                token=uuid.uuid4(),
            )
    if not QuizAttempt.objects.filter(learner=learner, course=course, phase=Phase.POST).exists():
        knowledge = KnowledgeCheckPage.objects.child_of(course).get()
        quiz_services.attempt_submit(
            learner=learner,
            page=knowledge,
            raw_answers=answers_for(knowledge, right=True),
            token=uuid.uuid4(),
        )


def _answer_survey(learner, course: CoursePage) -> None:
    survey = SurveyPage.objects.child_of(course).get()
    raw = {
        block.id: [
            "5" if block.block_type == "likert" else "Materinya jelas dan mudah dipraktikkan."
        ]
        for block in survey.items
    }
    quiz_services.survey_submit(learner=learner, page=survey, raw_answers=raw)


@transaction.atomic
def seed() -> list[str]:
    template = CertificateTemplate.objects.order_by("pk").first()
    if template and not template.signer_name:
        template.signer_name = "Rina Astuti"
        template.signer_role = "Mentor, Pintar UMKM"
        template.save()
    marketing = CoursePage.objects.get(slug="pemasaran-digital")
    member = User.objects.get(email=lms_demo.MEMBER_EMAIL)
    owner = User.objects.get(phone=lms_demo.OWNER_PHONE)
    if not Certificate.objects.filter(learner=member, course=marketing).exists():
        _finish_all_but_survey(member, marketing)
        _answer_survey(member, marketing)
        services.certificate_issue_if_earned(learner=member, course=marketing)
    if not Certificate.objects.filter(learner=owner, course=marketing).exists():
        _finish_all_but_survey(owner, marketing)
    certificate = Certificate.objects.get(learner=member, course=marketing)
    return [
        f"Certificate {certificate.serial}: Agus Setiawan, {marketing.title}",
        f"Sutarni: one step short in {marketing.title} (the satisfaction survey)",
    ]
