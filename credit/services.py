"""Everything that writes credit applications."""

import datetime
import uuid
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import CreditApplication, Document, Lender, Status
from .rules import DATE_FIELD, can_follow

MAX_AMOUNT = Decimal(10_000_000_000)

FORM_OUT_OF_DATE = _("The form is out of date. Reload the page and try again.")
LENDER_NAME_REQUIRED = _("Write the name of the lender.")
LENDER_UNAVAILABLE = _("Choose a lender from the list.")
AMOUNT_OUT_OF_RANGE = _("The amount must be more than Rp 0 and at most Rp 10.000.000.000.")
STEP_NOT_ALLOWED = _("That step cannot come next. Move the application one step at a time.")
DISBURSE_BEFORE_APPROVAL = _("An application is disbursed only after it has been approved.")
APPROVAL_NEEDS_AMOUNT = _("Enter the amount approved, more than Rp 0.")
DATE_IN_FUTURE = _("The date cannot be in the future.")
DATE_BEFORE_PREVIOUS = _("The date cannot be before the date of the previous step.")

# Fields the application form writes; status and its dates only change one step at a time.
EDITABLE = (
    "lender",
    "other_lender_name",
    "product",
    "amount_requested",
    "purpose",
    "amount_approved",
    "rate_percent_per_year",
    "tenor_months",
    "documents",
    "notes",
)


def _checked(values: dict, *, status: str) -> dict:
    """``values`` made consistent, or ValidationError naming the field."""
    lender = values["lender"]
    if not isinstance(lender, Lender) or not lender.active:
        raise ValidationError({"lender": LENDER_UNAVAILABLE})
    values["other_lender_name"] = values.get("other_lender_name", "").strip()
    if lender.is_other and not values["other_lender_name"]:
        raise ValidationError({"other_lender_name": LENDER_NAME_REQUIRED})
    if not lender.is_other:
        values["other_lender_name"] = ""
    for field in ("amount_requested", "amount_approved"):
        amount = values.get(field)
        if amount is not None and not Decimal(0) < amount <= MAX_AMOUNT:
            raise ValidationError({field: AMOUNT_OUT_OF_RANGE})
    if values.get("amount_requested") is None:
        raise ValidationError({"amount_requested": AMOUNT_OUT_OF_RANGE})
    if status in {Status.APPROVED, Status.DISBURSED} and not values.get("amount_approved"):
        raise ValidationError({"amount_approved": APPROVAL_NEEDS_AMOUNT})
    keys = set(values.get("documents") or ())
    values["documents"] = [key for key in Document.values if key in keys]
    return values


def application_create(*, business, by, token=None, **values) -> CreditApplication:
    """A new application at the first step, preparing documents.

    The same ``token`` again (a retry, a double tap) returns the application already recorded.
    """
    token = token or uuid.uuid4()
    existing = _by_token(token, business)
    if existing is not None:
        return existing
    values = _checked({key: values.get(key) for key in EDITABLE if key in values}, status="")
    try:
        with transaction.atomic():
            return CreditApplication.objects.create(
                business=business, created_by=by, token=token, **values
            )
    except IntegrityError:
        existing = _by_token(token, business)  # the same tap won the race a moment ago
        if existing is None:
            raise
        return existing


def _by_token(token, business) -> CreditApplication | None:
    """The application a form's token already recorded; a token another business used is
    refused."""
    existing = CreditApplication.objects.filter(token=token).first()
    if existing is not None and existing.business_id != business.pk:
        raise ValidationError(FORM_OUT_OF_DATE, code="token")
    return existing


def application_update(*, application, **values) -> CreditApplication:
    """The application's details as the form sent them; its step and dates stay."""
    values = _checked(
        {key: values.get(key) for key in EDITABLE if key in values}, status=application.status
    )
    for key, value in values.items():
        setattr(application, key, value)
    application.updated_at = timezone.now()
    application.save(update_fields=[*values, "updated_at"])
    return application


def application_documents_set(*, application, documents) -> CreditApplication:
    """The ticked documents of the checklist; unknown keys are ignored."""
    keys = set(documents)
    application.documents = [key for key in Document.values if key in keys]
    application.updated_at = timezone.now()
    application.save(update_fields=["documents", "updated_at"])
    return application


def _previous_date(application) -> datetime.date | None:
    for field in ("disbursed_on", "decided_on", "survey_on", "submitted_on"):
        value = getattr(application, field)
        if value is not None:
            return value
    return None


def application_advance(
    *, application, step, on: datetime.date, from_step=None, amount_approved=None
) -> CreditApplication:
    """Move the application to ``step`` reached ``on``; one step at a time.

    ``from_step`` is the step the person saw: when the application has already moved from it
    to ``step`` (a retry, a double tap) it is returned unchanged. Approval needs the amount
    approved (more than Rp 0) unless one is already recorded.
    """
    with transaction.atomic():
        locked = CreditApplication.objects.select_for_update().get(pk=application.pk)
        if from_step is not None and locked.status == step and from_step != step:
            return locked
        if step == Status.DISBURSED and locked.status != Status.APPROVED:
            raise ValidationError(DISBURSE_BEFORE_APPROVAL, code="step")
        if not can_follow(locked.status, step):
            raise ValidationError(STEP_NOT_ALLOWED, code="step")
        if on > timezone.localdate():
            raise ValidationError({"on": DATE_IN_FUTURE})
        previous = _previous_date(locked)
        if previous is not None and on < previous:
            raise ValidationError({"on": DATE_BEFORE_PREVIOUS})
        fields = ["status", DATE_FIELD[step], "updated_at"]
        if step == Status.APPROVED:
            amount = amount_approved if amount_approved is not None else locked.amount_approved
            if amount is None or not Decimal(0) < amount <= MAX_AMOUNT:
                raise ValidationError({"amount_approved": APPROVAL_NEEDS_AMOUNT})
            locked.amount_approved = amount
            fields.append("amount_approved")
        locked.status = step
        setattr(locked, DATE_FIELD[step], on)
        locked.updated_at = timezone.now()
        locked.save(update_fields=fields)
    return locked
