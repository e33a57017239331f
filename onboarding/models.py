"""An import of businesses and owners from a SiBakul export or a hand-made sheet."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ImportBatch(models.Model):
    """One uploaded sheet: its cells as read, the column mapping chosen, and once imported,
    who did it, when, the counts and the owners it created or updated."""

    file_name = models.CharField(_("file name"), max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    # ["heading", ...]: the sheet's first row, as text.
    headers = models.JSONField(_("headings"), default=list)
    # [["cell", ...], ...]: the data rows, every cell as trimmed text (onboarding.rows.cell_text).
    rows = models.JSONField(_("rows"), default=list)
    # [2, 3, 5, ...]: each data row's number in the sheet (empty for a sheet read before these
    # were kept: then the header is row 1 and no row was skipped).
    row_numbers = models.JSONField(_("row numbers"), default=list)
    # {"field": column index or null}: which column holds each of onboarding.rows.FIELDS.
    mapping = models.JSONField(_("column mapping"), default=dict)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cohort = models.ForeignKey(
        "courses.Cohort",
        verbose_name=_("class enrolled into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_count = models.PositiveIntegerField(_("new"), default=0)
    updated_count = models.PositiveIntegerField(_("updated"), default=0)
    refused_count = models.PositiveIntegerField(_("refused"), default=0)
    owners = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owners imported"),
        blank=True,
        related_name="import_batches",
    )

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-uploaded_at"]

    def __str__(self):
        return self.file_name
