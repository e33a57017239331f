"""The privacy notice, in versions, and the consents people gave to it and to research."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

NOTICE_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class PrivacyNotice(models.Model):
    """One version of the privacy notice. The current notice is the published one with the
    highest version; a published version is never edited into another (add a new version)."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    published_at = models.DateTimeField(
        _("published at"),
        default=timezone.now,
        help_text=_("From this time the notice is the current one and learners are asked again."),
    )
    summary = models.TextField(
        _("what changed"),
        help_text=_("A few plain sentences shown to learners who agreed to an earlier version."),
    )
    body = RichTextField(_("notice"), features=NOTICE_FEATURES)

    panels = [
        FieldPanel("version"),
        FieldPanel("published_at"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("privacy notice")
        verbose_name_plural = _("privacy notices")
        ordering = ["-version"]

    def __str__(self):
        return _("Privacy notice, version %(version)d") % {"version": self.version}


class Consent(models.Model):
    """One decision of one person: to the notice (required to use the site) or to research
    use of their anonymised data (optional). History is kept: a person's current decision of
    a kind is their latest row of that kind."""

    class Kind(models.TextChoices):
        NOTICE = "notice", _("Privacy notice")
        RESEARCH = "research", _("Research and publications")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="consents",
    )
    notice = models.ForeignKey(
        PrivacyNotice,
        verbose_name=_("notice version"),
        on_delete=models.PROTECT,
        related_name="consents",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    given = models.BooleanField(_("given"))
    given_at = models.DateTimeField(_("decided at"), default=timezone.now)
    # For a learner under 18: the parent or guardian who consented, and their statement.
    guardian_name = models.CharField(_("parent or guardian"), max_length=150, blank=True)
    guardian_statement = models.BooleanField(_("guardian's statement"), default=False)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        indexes = [models.Index(fields=["user", "kind", "given_at"], name="consent_latest")]

    def __str__(self):
        return f"{self.user_id} {self.kind} {self.given} v{self.notice_id}"
