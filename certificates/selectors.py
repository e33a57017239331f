"""Read-only queries: where a learner stands on a course's completion rule, and certificates."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from courses.models import CourseCompletion, CoursePage, LessonCompletion, LessonPage
from lms.selectors import sees_every_class
from mentoring.models import AssignmentPage, State, Submission
from quizzes.models import (
    KnowledgeCheckPage,
    Phase,
    QuizAttempt,
    QuizPage,
    SurveyPage,
    SurveyResponse,
)

from . import rules
from .models import Certificate, CertificateTemplate

# What certificates.models.verification_code makes (URL-safe base64), up to the column's length.
_CODE = re.compile(r"[A-Za-z0-9_-]{1,32}")

REQUIREMENT_LABELS = {
    rules.LESSONS: _("Finish every lesson"),
    rules.QUIZZES: _("Pass every week quiz"),
    rules.ASSIGNMENTS: _("Get every required assignment accepted by your mentor"),
    rules.POST_QUESTIONNAIRE: _("Answer the questionnaire after the course"),
    rules.SURVEY: _("Answer the satisfaction survey"),
}


def rule_of(course: CoursePage) -> rules.Rule:
    return rules.Rule(
        lessons=course.require_lessons,
        quizzes=course.require_quizzes,
        post_questionnaire=course.require_post_questionnaire,
        survey=course.require_survey,
    )


def standing_of(*, learner, course: CoursePage) -> rules.Standing:
    """The learner's own work on the course's live pages, in two queries. A learner holding a
    completion record of the course (``courses.progress``) has met its lessons requirement,
    whatever lessons were added since. A required assignment counts once accepted: the
    learner's own hand-in or, for a per-business one, their business's."""
    kinds = ContentType.objects.get_for_models(
        LessonPage, QuizPage, AssignmentPage, KnowledgeCheckPage, SurveyPage
    )

    def of_kind(model, *conditions):
        return Count("pk", filter=Q(*conditions, content_type=kinds[model]))

    child = Q(depth=course.depth + 1)
    lesson_done = Exists(LessonCompletion.objects.filter(lesson_id=OuterRef("pk"), learner=learner))
    quiz_passed = Exists(
        QuizAttempt.objects.filter(
            page_id=OuterRef("pk"), learner=learner, phase=Phase.QUIZ, passed=True
        )
    )
    assignment_accepted = Exists(
        Submission.objects.filter(assignment_id=OuterRef("pk"), state=State.ACCEPTED).filter(
            Q(learner=learner, business__isnull=True) | Q(business__memberships__user=learner)
        )
    )
    required = Q(assignmentpage__required_for_certificate=True)
    pages = (
        Page.objects.live()
        .descendant_of(course)
        .aggregate(
            lessons_total=of_kind(LessonPage),
            lessons_done=of_kind(LessonPage, lesson_done),
            quizzes_total=of_kind(QuizPage),
            quizzes_passed=of_kind(QuizPage, quiz_passed),
            assignments_total=of_kind(AssignmentPage, required),
            assignments_accepted=of_kind(AssignmentPage, required, assignment_accepted),
            post=of_kind(KnowledgeCheckPage, child),
            survey=of_kind(SurveyPage, child),
        )
    )
    done = (
        get_user_model()
        .objects.filter(pk=learner.pk)
        .values(
            post=Exists(
                QuizAttempt.objects.filter(learner=learner, course=course, phase=Phase.POST)
            ),
            survey=Exists(SurveyResponse.objects.filter(learner=learner, course=course)),
            completed=Exists(CourseCompletion.objects.filter(learner=learner, course=course)),
        )
        .get()
    )
    return rules.Standing(
        lessons_done=pages["lessons_total"] if done["completed"] else pages["lessons_done"],
        lessons_total=pages["lessons_total"],
        quizzes_passed=pages["quizzes_passed"],
        quizzes_total=pages["quizzes_total"],
        has_post_questionnaire=bool(pages["post"]),
        post_questionnaire_done=done["post"],
        has_survey=bool(pages["survey"]),
        survey_done=done["survey"],
        assignments_accepted=pages["assignments_accepted"],
        assignments_total=pages["assignments_total"],
    )


@dataclass
class ChecklistItem:
    key: str  # rules.LESSONS, rules.QUIZZES, ...
    label: str
    done: int
    total: int
    met: bool


@dataclass
class CertificateStatus:
    """What the course page shows: the certificate, or what is left before it."""

    certificate: Certificate | None
    checklist: list[ChecklistItem]
    complete: bool

    @property
    def issuable(self) -> bool:
        """Every requirement is met but no certificate exists yet (the rule changed later)."""
        return self.complete and self.certificate is None


def certificate_for(*, learner, course) -> Certificate | None:
    """The learner's current certificate for the course (valid or revoked), if any."""
    return Certificate.objects.current().filter(learner=learner, course=course).first()


def certificate_status_for(*, learner, course: CoursePage) -> CertificateStatus | None:
    """An enrolled learner's certificate or checklist (the course page knows the enrolment);
    None when the course issues no certificates."""
    return certificate_status_from(
        learner=learner, course=course, standing=standing_of(learner=learner, course=course)
    )


UNREAD = object()  # ``certificate_status_from``'s certificate when the caller has not read it


def certificate_status_from(
    *, learner, course: CoursePage, standing: rules.Standing, certificate=UNREAD
) -> CertificateStatus | None:
    """``certificate_status_for`` from a ``standing`` the caller has worked out already (and
    the ``certificate_for`` it has read, if any)."""
    rule = rule_of(course)
    items = rules.requirements(rule, standing)
    if not items:
        return None
    checklist = [
        ChecklistItem(item.key, REQUIREMENT_LABELS[item.key], item.done, item.total, item.met)
        for item in items
    ]
    return CertificateStatus(
        certificate_for(learner=learner, course=course) if certificate is UNREAD else certificate,
        checklist,
        rules.is_complete(rule, standing),
    )


def template_for(course: CoursePage) -> CertificateTemplate | None:
    if course.certificate_template_id:
        return course.certificate_template
    return CertificateTemplate.objects.order_by("pk").first()


def certificates_of(*, learner) -> list[Certificate]:
    """A learner's certificates, newest first, replaced ones left out."""
    return list(Certificate.objects.current().filter(learner=learner).order_by("-issued_at"))


def certificates_visible_to(user):
    """Coordinators (and superusers) see every certificate; a mentor those of their cohorts."""
    certificates = Certificate.objects.all()
    if sees_every_class(user):
        return certificates
    return certificates.filter(cohort__mentor=user)


def certificate_owned_by(*, learner, certificate_id) -> Certificate | None:
    return Certificate.objects.filter(pk=certificate_id, learner=learner).first()


def certificate_by_code(code: str) -> Certificate | None:
    """The certificate with this public code; anything that cannot be a code (a NUL, a space,
    a megabyte) is found nowhere without asking the database."""
    if not _CODE.fullmatch(code):
        return None
    return Certificate.objects.select_related("replaced_by").filter(code=code).first()


def verification_url(certificate: Certificate) -> str:
    """The absolute public address printed on the certificate and in its QR code."""
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("certificates:verify", kwargs={"code": certificate.code})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
