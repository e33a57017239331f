"""Week quizzes, pre/post knowledge questionnaires, satisfaction surveys, and what learners sent."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from lms.pagetree import CachedViewRestrictionsMixin

from . import grading
from .blocks import QuestionsBlock, SurveyItemsBlock


class FeedbackTiming(models.TextChoices):
    AFTER_EACH = "after_each", _("After every attempt")
    ONCE_PASSED = "once_passed", _("Only once the learner has passed")


class Phase(models.TextChoices):
    QUIZ = "quiz", _("Week quiz")
    PRE = "pre", _("Before the course")
    POST = "post", _("After the course")


class EnrolledLearnersOnlyMixin:
    """Serve the page to learners enrolled in its course (in an open week) and to editors'
    previews; send anyone else where they can start. The access found is kept on the request."""

    def serve(self, request, *args, **kwargs):
        from .selectors import assessment_access_for

        if getattr(request, "is_preview", False):
            return super().serve(request, *args, **kwargs)
        access = assessment_access_for(page=self, user=request.user)
        if access.redirect_to:
            return redirect(access.redirect_to)
        request.assessment_access = access
        return super().serve(request, *args, **kwargs)


class AssessmentPage(CachedViewRestrictionsMixin, EnrolledLearnersOnlyMixin, Page):
    """A page of graded questions; each question's block id keys the answers."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    questions = StreamField(QuestionsBlock(), verbose_name=_("questions"))

    subpage_types = []

    class Meta:
        abstract = True

    def question_list(self) -> list[grading.Question]:
        return [block.block.as_question(block.id, block.value) for block in self.questions]

    def get_context(self, request, *args, **kwargs):
        from .selectors import assessment_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(
            assessment_page_context(
                page=self, access=getattr(request, "assessment_access", None), user=request.user
            )
        )
        return context


class QuizPage(AssessmentPage):
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MaxValueValidator(100)]
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=3, help_text=_("0 means unlimited.")
    )
    shuffle = models.BooleanField(_("shuffle questions and choices"), default=False)
    feedback_timing = models.CharField(
        _("show answers and feedback"),
        max_length=20,
        choices=FeedbackTiming.choices,
        default=FeedbackTiming.AFTER_EACH,
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("attempts_allowed"),
                FieldPanel("shuffle"),
                FieldPanel("feedback_timing"),
            ],
            heading=_("Rules"),
        ),
        FieldPanel("questions"),
    ]
    parent_page_types = ["courses.WeekPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("week quiz")


class KnowledgeCheckPage(AssessmentPage):
    """The same questions before the course and after it; graded, with no pass mark."""

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("questions")]
    parent_page_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("knowledge questionnaire (pre and post)")


class SurveyPage(CachedViewRestrictionsMixin, EnrolledLearnersOnlyMixin, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    items = StreamField(SurveyItemsBlock(), verbose_name=_("items"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("items")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("satisfaction survey")

    def get_context(self, request, *args, **kwargs):
        from .selectors import survey_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(survey_page_context(page=self, user=request.user))
        return context


class QuizAttempt(models.Model):
    """One submitted attempt, with what was asked, answered and scored as it stood then."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    phase = models.CharField(max_length=10, choices=Phase.choices)
    number = models.PositiveSmallIntegerField()
    submission_token = models.UUIDField(unique=True, default=uuid.uuid4)
    title = models.CharField(max_length=255)
    # {question id: {"position": 1.. in the quiz (older rows lack it), "kind", "prompt",
    #  "explanation", "choices": [{"id", "text", "correct", "feedback"}], "answer", "unit",
    #  "given": [choice ids] or "number", "score": "0..1"}}; read it in order with
    #  quizzes.selectors.snapshot_in_order, never by the keys' order (jsonb reorders them)
    answers = models.JSONField(default=dict)
    score_percent = models.DecimalField(max_digits=5, decimal_places=2)
    pass_mark_percent = models.PositiveSmallIntegerField(null=True)
    passed = models.BooleanField(null=True)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "page", "phase", "number"], name="attempt_number_once"
            )
        ]
        indexes = [
            models.Index(fields=["page", "phase"], name="attempt_page_phase"),
            models.Index(fields=["course", "phase", "learner"], name="attempt_course_phase"),
        ]

    def __str__(self):
        return f"{self.learner} · {self.title} #{self.number}"


class SurveyResponse(models.Model):
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="survey_responses"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="survey_responses"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # {item id: {"kind": "likert" | "open_text", "prompt": str, "value": 1..5 | str}}
    answers = models.JSONField(default=dict)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [
            models.UniqueConstraint(fields=["learner", "course"], name="survey_once_per_course")
        ]

    def __str__(self):
        return f"{self.learner} · {self.course}"


class QuestionnaireSkip(models.Model):
    """A learner chose to start the lessons without answering the knowledge questionnaire
    before the course. Answering it later, while it is still open, counts as answered."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="questionnaire_skips"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="questionnaire_skips"
    )
    skipped_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("questionnaire skipped")
        verbose_name_plural = _("questionnaires skipped")
        constraints = [
            models.UniqueConstraint(fields=["learner", "course"], name="questionnaire_skip_once")
        ]

    def __str__(self):
        return f"{self.learner} · {self.course}"


class AnswerDraft(models.Model):
    """Answers saved while a learner works, so a dropped connection or closed tab loses nothing."""

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    answers = models.JSONField(default=dict)  # {question id: [submitted strings]}
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["learner", "page"], name="one_draft_per_page")
        ]

    def __str__(self):
        return f"{self.learner} · draft"


class AttemptAnswer(models.Model):
    """One question's credit in one attempt, kept apart so reports aggregate in the database."""

    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="scores")
    question_id = models.CharField(max_length=64)
    score = models.DecimalField(max_digits=5, decimal_places=4)  # 0..1

    class Meta:
        indexes = [models.Index(fields=["question_id"], name="answer_question")]

    def __str__(self):
        return f"{self.attempt_id}:{self.question_id}={self.score}"


class SurveyAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="items")
    item_id = models.CharField(max_length=64)
    likert = models.PositiveSmallIntegerField(null=True)  # 1..5 for agree/disagree items
    text = models.TextField(blank=True)  # open questions

    class Meta:
        indexes = [models.Index(fields=["item_id", "likert"], name="survey_item_likert")]

    def __str__(self):
        return f"{self.response_id}:{self.item_id}"
