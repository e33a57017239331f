"""Credit: the lenders a business may apply to, and its applications through the steps the
financing course teaches."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.models import Business


class LenderKind(models.TextChoices):
    BANK = "bank", _("Bank")
    KUR_BANK = "kur_bank", _("Bank distributing KUR")
    REGIONAL_BANK = "regional_bank", _("Regional development bank (BPD)")
    COOPERATIVE = "cooperative", _("Cooperative")
    PAWNSHOP = "pawnshop", _("Pawnshop")
    NON_BANK = "non_bank", _("Non-bank financing institution")
    P2P_PLATFORM = "p2p_platform", _("Licensed lending platform (fintech P2P)")
    OTHER = "other", _("Other")


class Lender(models.Model):
    """A lender on the list businesses choose from; the one of kind OTHER asks for a name."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=LenderKind.choices)
    ojk_supervised = models.BooleanField(_("licensed and supervised by OJK"), default=False)
    note = models.TextField(_("note"), blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("lender")
        verbose_name_plural = _("lenders")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_other(self) -> bool:
        return self.kind == LenderKind.OTHER

    @property
    def needs_warning(self) -> bool:
        """Not supervised by OJK, or a lender the business names itself."""
        return self.is_other or not self.ojk_supervised


class Status(models.TextChoices):
    PREPARING = "preparing", _("Preparing documents")
    SUBMITTED = "submitted", _("Submitted")
    SURVEY = "survey", _("Site survey")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")
    DISBURSED = "disbursed", _("Disbursed")


class Document(models.TextChoices):
    KTP = "ktp", _("Identity card (KTP)")
    KK = "kk", _("Family card (KK)")
    NIB = "nib", _("Business number (NIB) or business letter (SKU)")
    FINANCIAL_REPORT = "financial_report", _("Financial report from the cash book")
    COLLATERAL = "collateral", _("Collateral documents")


class CreditApplication(models.Model):
    """One business's application for credit at one lender; each step's date once reached."""

    business = models.ForeignKey(
        Business,
        on_delete=models.CASCADE,
        related_name="credit_applications",
        verbose_name=_("business"),
    )
    lender = models.ForeignKey(
        Lender, on_delete=models.PROTECT, related_name="applications", verbose_name=_("lender")
    )
    other_lender_name = models.CharField(_("lender's name"), max_length=120, blank=True)
    product = models.CharField(_("product"), max_length=120, blank=True)
    amount_requested = models.DecimalField(
        _("amount requested (Rp)"), max_digits=14, decimal_places=0
    )
    purpose = models.TextField(_("purpose"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PREPARING
    )
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    survey_on = models.DateField(_("site survey on"), null=True, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    disbursed_on = models.DateField(_("disbursed on"), null=True, blank=True)
    amount_approved = models.DecimalField(
        _("amount approved (Rp)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    rate_percent_per_year = models.DecimalField(
        _("interest rate (% per year)"), max_digits=7, decimal_places=4, null=True, blank=True
    )
    tenor_months = models.PositiveSmallIntegerField(_("term (months)"), null=True, blank=True)
    documents = models.JSONField(_("documents ready"), default=list, blank=True)  # Document keys
    notes = models.TextField(_("notes"), blank=True)
    token = models.UUIDField(default=uuid.uuid4, unique=True)  # the form's: a retry adds nothing
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        verbose_name = _("credit application")
        verbose_name_plural = _("credit applications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["business", "status"], name="credit_business_status")]

    def __str__(self):
        return f"{self.lender_name} · {self.business}"

    @property
    def lender_name(self) -> str:
        return self.other_lender_name if self.lender.is_other else self.lender.name
