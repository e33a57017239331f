"""Course page tree (index → course → week → lesson), cohorts, enrolments and completions."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from lms.identifiers import new_join_code, normalise_phone
from lms.models import DirectChildRouteMixin
from lms.pagetree import CachedViewRestrictionsMixin

from .blocks import LessonBodyBlock


class Pacing(models.TextChoices):
    SELF_PACED = "self_paced", _("Self-paced: every week is open from the start")
    WEEKLY = "weekly", _("Weekly: one week opens every seven days from the cohort's start")


class CourseIndexPage(CachedViewRestrictionsMixin, DirectChildRouteMixin, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["lms.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = _("course list")

    def get_context(self, request, *args, **kwargs):
        from .selectors import course_cards_for

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = course_cards_for(index=self, learner=request.user)
        return context


class CoursePage(CachedViewRestrictionsMixin, DirectChildRouteMixin, Page):
    summary = models.TextField(_("summary"), max_length=400)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    objectives = StreamField(
        [("objective", blocks.CharBlock(label=_("Objective"), max_length=200))],
        verbose_name=_("learning objectives"),
        blank=True,
    )
    hours_per_week = models.PositiveSmallIntegerField(_("estimated hours per week"), default=3)
    pacing = models.CharField(
        _("pacing"), max_length=20, choices=Pacing.choices, default=Pacing.SELF_PACED
    )
    mentor_name = models.CharField(_("mentor's name"), max_length=150, blank=True)
    mentor_phone = models.CharField(
        _("mentor's WhatsApp number"),
        max_length=16,
        blank=True,
        validators=[normalise_phone],
        help_text=_("Learners get a WhatsApp link to this number, for example 0812 3456 7890."),
    )

    require_lessons = models.BooleanField(_("every lesson done"), default=True)
    require_quizzes = models.BooleanField(_("every week quiz passed"), default=True)
    require_post_questionnaire = models.BooleanField(
        _("questionnaire after the course answered"), default=True
    )
    require_survey = models.BooleanField(_("satisfaction survey answered"), default=True)
    certificate_template = models.ForeignKey(
        "certificates.CertificateTemplate",
        verbose_name=_("certificate template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty: the first template in the list."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [FieldPanel("hours_per_week"), FieldPanel("pacing")], heading=_("Schedule")
        ),
        MultiFieldPanel(
            [FieldPanel("mentor_name"), FieldPanel("mentor_phone")], heading=_("Mentor contact")
        ),
        MultiFieldPanel(
            [
                HelpPanel(
                    _(
                        "A learner gets a certificate the moment they meet every requirement "
                        "switched on here. A requirement the course has nothing for (no quiz, "
                        "no survey) is skipped. With every switch off, no certificates are issued."
                    )
                ),
                FieldPanel("require_lessons"),
                FieldPanel("require_quizzes"),
                FieldPanel("require_post_questionnaire"),
                FieldPanel("require_survey"),
                FieldPanel("certificate_template"),
            ],
            heading=_("Certificate"),
        ),
        HelpPanel(_("Add weeks under this course, then lessons under each week. Drag to reorder.")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.WeekPage", "quizzes.KnowledgeCheckPage", "quizzes.SurveyPage"]

    class Meta:
        verbose_name = _("course")

    def clean(self):
        super().clean()
        if self.mentor_phone:
            self.mentor_phone = normalise_phone(self.mentor_phone)

    @property
    def whatsapp_url(self):
        return f"https://wa.me/{self.mentor_phone.lstrip('+')}" if self.mentor_phone else ""

    def get_context(self, request, *args, **kwargs):
        from .selectors import course_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_page_context(course=self, learner=request.user))
        return context


class WeekPage(CachedViewRestrictionsMixin, DirectChildRouteMixin, Page):
    summary = models.TextField(_("summary"), blank=True, max_length=400)

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage", "quizzes.QuizPage", "mentoring.AssignmentPage"]

    class Meta:
        verbose_name = _("week")

    def serve(self, request, *args, **kwargs):
        """A week is a section of its course page."""
        course = self.get_parent()
        return redirect(f"{course.url}#week-{self.pk}")


class LessonPage(CachedViewRestrictionsMixin, Page):
    minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=15)
    body = StreamField(LessonBodyBlock(), verbose_name=_("lesson"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("minutes"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["courses.WeekPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")

    def serve(self, request, *args, **kwargs):
        from quizzes.selectors import before_offer_for

        from .selectors import page_access_for

        if getattr(request, "is_preview", False):  # an editor's preview, perhaps of a new lesson
            return super().serve(request, *args, **kwargs)
        access = page_access_for(page=self, user=request.user)
        if access.redirect_to:
            return redirect(access.redirect_to)
        offer = before_offer_for(learner=request.user, access=access)
        if offer is not None:  # the questionnaire before the course comes first, or a skip
            return TemplateResponse(
                request,
                "quizzes/before_offer.html",
                {"page": self, "course": access.outline.course, "questionnaire": offer},
            )
        request.lesson_access = access
        response = super().serve(request, *args, **kwargs)
        patch_vary_headers(response, ["Save-Data"])  # its images wait for a tap with Save-Data
        return response

    def get_context(self, request, *args, **kwargs):
        from .selectors import lesson_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(
            lesson_page_context(
                lesson=self,
                access=getattr(request, "lesson_access", None),
                user=request.user,
                query=request.GET,
            )
        )
        return context


whatsapp_group_url = RegexValidator(
    r"^https://chat\.whatsapp\.com/[A-Za-z0-9]+/?$",
    _("Paste a WhatsApp group invite link, for example https://chat.whatsapp.com/AbC123…"),
)


class Cohort(models.Model):
    """One intake of a course, run by a mentor from a start date."""

    name = models.CharField(_("name"), max_length=150)
    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), on_delete=models.PROTECT, related_name="cohorts"
    )
    start_date = models.DateField(_("start date"))
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentor"),
        on_delete=models.PROTECT,
        related_name="mentored_cohorts",
        limit_choices_to={"groups__name": "Mentors"},
    )
    whatsapp_group_url = models.URLField(
        _("WhatsApp group link"), blank=True, validators=[whatsapp_group_url]
    )
    join_code = models.CharField(_("join code"), max_length=8, unique=True, default=new_join_code)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    panels = [
        FieldPanel("name"),
        FieldPanel("course"),
        FieldPanel("start_date"),
        FieldPanel("mentor"),
        FieldPanel("whatsapp_group_url"),
        FieldPanel("join_code", read_only=True),
    ]

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-start_date", "name"]

    def __str__(self):
        return self.name


class Enrolment(models.Model):
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="enrolments")
    cohort = models.ForeignKey(
        Cohort, null=True, blank=True, on_delete=models.SET_NULL, related_name="enrolments"
    )
    enrolled_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["learner", "course"], name="enrolment_once_per_course")
        ]

    def __str__(self):
        return f"{self.learner} · {self.course}"


class LessonCompletion(models.Model):
    """A learner finished a lesson. Kept, with the lesson's title, if the lesson is deleted."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions"
    )
    course = models.ForeignKey(
        CoursePage, on_delete=models.CASCADE, related_name="lesson_completions"
    )
    lesson = models.ForeignKey(
        LessonPage, null=True, on_delete=models.SET_NULL, related_name="completions"
    )
    lesson_title = models.CharField(max_length=255)
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
        constraints = [
            models.UniqueConstraint(fields=["learner", "lesson"], name="lesson_done_once")
        ]
        indexes = [models.Index(fields=["course", "learner"], name="completion_course_learner")]

    def __str__(self):
        return f"{self.learner} · {self.lesson_title}"


class CourseCompletion(models.Model):
    """A learner completed a course: dated, with what was required then.

    Written once, by the service that completed the course's last requirement, and never
    rewritten: a learner holding this record stays completed whatever the course gains later.
    """

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="course_completions",
    )
    course = models.ForeignKey(
        CoursePage,
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="course_completions",
    )
    completed_at = models.DateTimeField(_("completed at"), default=timezone.now)
    # {"lesson_ids": [page ids], "quiz_ids": [page ids of quiz-only weeks' quizzes]} at completion
    required = models.JSONField(_("required then"), default=dict, blank=True)

    class Meta:
        verbose_name = _("course completion")
        verbose_name_plural = _("course completions")
        constraints = [
            models.UniqueConstraint(fields=["learner", "course"], name="course_completed_once")
        ]
        indexes = [models.Index(fields=["course", "learner"], name="coursecompletion_course")]

    def __str__(self):
        return f"{self.learner} · {self.course}"
