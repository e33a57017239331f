"""Practical assignments, what learners hand in for them, and mentors' reviews."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from lms.files import private_storage
from lms.pagetree import CachedViewRestrictionsMixin
from quizzes.models import EnrolledLearnersOnlyMixin

from .blocks import RubricBlock

MAX_PHOTOS = 5
NOTHING_TO_HAND_IN = _("Choose at least one thing to hand in: a link, photos, text or a PDF.")


class AssignmentPage(CachedViewRestrictionsMixin, EnrolledLearnersOnlyMixin, Page):
    """Something the learner does and hands in (a link, photos, text, a PDF) for a mentor to
    review; it sits in a week beside the lessons and the week quiz."""

    instructions = RichTextField(
        _("instructions"), features=["h3", "bold", "italic", "ol", "ul", "link"]
    )
    accepts_link = models.BooleanField(_("a link"), default=True)
    accepts_photos = models.BooleanField(_("photos"), default=False)
    max_photos = models.PositiveSmallIntegerField(
        _("at most this many photos"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PHOTOS)],
    )
    accepts_text = models.BooleanField(_("text"), default=False)
    accepts_pdf = models.BooleanField(_("a PDF"), default=False)
    link_hosts = models.TextField(
        _("accepted link hosts"),
        blank=True,
        help_text=_(
            "One per line, e.g. instagram.com; its subdomains are accepted too. "
            "Empty: any https link."
        ),
    )
    rubric = StreamField(RubricBlock(), verbose_name=_("rubric"), blank=True)
    per_business = models.BooleanField(
        _("one hand-in for the whole business"),
        default=False,
        help_text=_("Off: each learner hands in their own."),
    )
    required_for_certificate = models.BooleanField(_("required for the certificate"), default=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("instructions"),
        MultiFieldPanel(
            [
                FieldPanel("accepts_link"),
                FieldPanel("link_hosts"),
                FieldPanel("accepts_photos"),
                FieldPanel("max_photos"),
                FieldPanel("accepts_text"),
                FieldPanel("accepts_pdf"),
            ],
            heading=_("What to hand in"),
        ),
        FieldPanel("rubric"),
        MultiFieldPanel(
            [FieldPanel("per_business"), FieldPanel("required_for_certificate")],
            heading=_("Rules"),
        ),
    ]
    parent_page_types = ["courses.WeekPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("practical assignment")

    def clean(self):
        super().clean()
        if not (self.accepts_link or self.accepts_photos or self.accepts_text or self.accepts_pdf):
            raise ValidationError({"accepts_link": NOTHING_TO_HAND_IN})

    def host_list(self) -> list[str]:
        return [line.strip().lower() for line in self.link_hosts.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        from .views import assignment_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(assignment_page_context(request, self))
        return context


class State(models.TextChoices):
    HANDED_IN = "handed_in", _("Handed in")
    NEEDS_REVISION = "needs_revision", _("Needs revision")
    ACCEPTED = "accepted", _("Accepted")


class Submission(models.Model):
    """One learner's (or, for a per-business assignment, one business's) work on an
    assignment: its state and its versions, oldest first. Staff see it through the learner's
    enrolment in ``course`` (``selectors.submissions_visible_to``)."""

    assignment = models.ForeignKey(
        AssignmentPage, on_delete=models.CASCADE, related_name="submissions"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="submissions"
    )
    learner = models.ForeignKey(  # who handed in first; for a per-business one, any member since
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="submissions"
    )
    business = models.ForeignKey(  # set only when the assignment is per business
        "lms.Business", on_delete=models.CASCADE, null=True, blank=True, related_name="submissions"
    )
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.HANDED_IN
    )
    assignment_title = models.CharField(max_length=255)
    created_at = models.DateTimeField(_("first handed in"), default=timezone.now)
    handed_in_at = models.DateTimeField(_("last handed in"), default=timezone.now)
    first_reviewed_at = models.DateTimeField(_("first reviewed"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("last reviewed"), null=True, blank=True)
    feedback_seen_at = models.DateTimeField(null=True, blank=True)  # None: unread feedback

    class Meta:
        verbose_name = _("hand-in")
        verbose_name_plural = _("hand-ins")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "learner"],
                condition=Q(business__isnull=True),
                name="one_submission_per_learner",
            ),
            models.UniqueConstraint(
                fields=["assignment", "business"],
                condition=Q(business__isnull=False),
                name="one_submission_per_business",
            ),
        ]
        indexes = [models.Index(fields=["state", "handed_in_at"])]

    def __str__(self):
        return f"{self.assignment_title} ({self.get_state_display()})"


class SubmissionVersion(models.Model):
    """What was handed in once, and the mentor's review of it. Never changed by a later
    hand-in; a hand-in after a revision request is a new version."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    handed_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="submission_versions",
    )
    handed_in_at = models.DateTimeField(default=timezone.now)
    token = models.UUIDField(default=uuid.uuid4, unique=True)  # the form's: a retry adds nothing
    link = models.URLField(_("link"), max_length=500, blank=True)
    text = models.TextField(_("text"), max_length=4000, blank=True)
    pdf = models.FileField(
        _("PDF"), upload_to="handins/%Y/%m/", storage=private_storage, blank=True
    )
    # The review of this version, once there is one.
    review_state = models.CharField(max_length=20, choices=State.choices, blank=True)
    feedback = models.TextField(_("feedback"), max_length=4000, blank=True)
    rubric_ticks = models.JSONField(default=list, blank=True)  # ticked rubric block ids
    rubric_snapshot = models.JSONField(default=list, blank=True)  # [[block id, text], ...] then
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviews",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["submission", "number"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "number"], name="one_version_number")
        ]

    def __str__(self):
        return f"{self.submission} v{self.number}"


class SubmissionPhoto(models.Model):
    """A photo of a version, stored resized (at most 1600 px) without EXIF or location."""

    version = models.ForeignKey(SubmissionVersion, on_delete=models.CASCADE, related_name="photos")
    position = models.PositiveSmallIntegerField(default=0)
    image = models.FileField(upload_to="handins/%Y/%m/", storage=private_storage)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    size = models.PositiveIntegerField()  # bytes stored

    class Meta:
        ordering = ["version", "position"]

    def __str__(self):
        return self.image.name
