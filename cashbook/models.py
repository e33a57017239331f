"""The cash book (buku kas) of a business: what came in (sales) and went out (costs), day by
day, in whole rupiah; every edit and deletion kept as a change; the owner's notes on a month's
simple financial report."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.models import Business

NOTE_MAX_LENGTH = 500
REPORT_NOTES_MAX_LENGTH = 2000


class Kind(models.TextChoices):
    SALE = "sale", _("Money in (sale)")
    COST = "cost", _("Money out")


class Channel(models.TextChoices):
    OFFLINE = "offline", _("Offline")
    ONLINE = "online", _("Online")


class Category(models.TextChoices):
    STOCK = "stock", _("Stock and materials")
    ADVERTISING = "advertising", _("Advertising")
    WAGES = "wages", _("Wages")
    RENT = "rent", _("Rent")
    TRANSPORT = "transport", _("Transport")
    LOAN = "loan", _("Loan instalments")
    OTHER = "other", _("Other")


class Entry(models.Model):
    """One line of a business's cash book: a sale (amount, units, channel) or a cost (category,
    amount). A deleted entry stays, marked ``deleted_at``, with its changes."""

    business = models.ForeignKey(
        Business, on_delete=models.CASCADE, related_name="cash_entries", verbose_name=_("business")
    )
    day = models.DateField(_("day"))
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    amount = models.BigIntegerField(_("amount (rupiah)"))
    units = models.PositiveIntegerField(_("units sold"), default=0)
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices, blank=True)
    category = models.CharField(_("category"), max_length=16, choices=Category.choices, blank=True)
    note = models.CharField(_("note"), max_length=NOTE_MAX_LENGTH, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    token = models.UUIDField(_("submission token"), unique=True, default=uuid.uuid4)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("cash book entry")
        verbose_name_plural = _("cash book entries")
        ordering = ["day", "created_at", "pk"]
        indexes = [models.Index(fields=["business", "day"], name="cash_entry_business_day")]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="cash_entry_positive"),
        ]

    def __str__(self):
        return f"{self.day} {self.kind} {self.amount}"


class EntryChange(models.Model):
    """An edit or a deletion of an entry: who, when, and the entry before and after.

    ``before`` and ``after`` hold {day, kind, amount, units, channel, category, note}; ``after``
    is empty for a deletion."""

    class Action(models.TextChoices):
        EDITED = "edited", _("Edited")
        DELETED = "deleted", _("Deleted")

    entry = models.ForeignKey(
        Entry, on_delete=models.CASCADE, related_name="changes", verbose_name=_("entry")
    )
    action = models.CharField(_("action"), max_length=8, choices=Action.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    before = models.JSONField(_("before"), default=dict)
    after = models.JSONField(_("after"), default=dict, blank=True)

    class Meta:
        verbose_name = _("cash book change")
        verbose_name_plural = _("cash book changes")
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.action} {self.entry_id}"


class MonthNotes(models.Model):
    """What the owner writes under a month's simple financial report."""

    business = models.ForeignKey(
        Business, on_delete=models.CASCADE, related_name="cash_month_notes"
    )
    month = models.DateField(_("month (its first day)"))
    notes = models.TextField(_("notes"), max_length=REPORT_NOTES_MAX_LENGTH, blank=True)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        verbose_name = _("financial report notes")
        verbose_name_plural = _("financial report notes")
        constraints = [
            models.UniqueConstraint(fields=["business", "month"], name="cash_notes_one_per_month")
        ]

    def __str__(self):
        return f"{self.business_id} {self.month:%Y-%m}"
