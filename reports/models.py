import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.files import private_storage


class Report(models.Model):
    """No table: it carries the permission to read the reports (granted to Coordinators and
    Mentors by a migration), as Wagtail's own ``wagtailadmin.Admin`` carries ``access_admin``."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_reports", _("Can read the learning reports"))]

    def __str__(self):
        return str(self._meta.verbose_name)


def _evaluation_upload_to(instance, filename):
    """A name nobody can guess: the files are served only through the permission-checked
    download view (``reports.views.evaluation_download``)."""
    return f"evaluations/{secrets.token_urlsafe(16)}/{filename}"


class EvaluationReport(models.Model):
    """One programme evaluation asked for by a coordinator or mentor: the course and filters it
    counts, and the PDF and workbook the task worker rendered from them."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Being made")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="evaluation_reports",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="evaluation_reports",
    )
    # {"query": {"cohort": "3", "regency": "sleman", ...} (the report filters' query string, as
    # the form accepted it), "labels": [["Kabupaten/kota", "Sleman"], ...] (as shown then)}
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    pdf = models.FileField(
        _("PDF"), upload_to=_evaluation_upload_to, storage=private_storage, blank=True
    )
    xlsx = models.FileField(
        _("workbook"), upload_to=_evaluation_upload_to, storage=private_storage, blank=True
    )
    error = models.TextField(_("error message"), blank=True)

    class Meta:
        verbose_name = _("evaluation report")
        verbose_name_plural = _("evaluation reports")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["requested_by", "created_at"], name="evaluation_by_user")]

    def __str__(self):
        return f"{self.course} · {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def filter_query(self) -> dict:
        return self.filters.get("query", {})

    @property
    def filter_labels(self) -> list:
        return self.filters.get("labels", [])
