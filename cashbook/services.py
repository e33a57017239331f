"""Writing in a cash book: add an entry (a double tap records once), edit or delete one (the
author or the owner; each change kept), and the owner's notes on a month's report."""

import datetime
import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.amounts import AMOUNT_MAX_LENGTH, parse_rupiah
from lms.text import clean_text

from .models import (
    NOTE_MAX_LENGTH,
    REPORT_NOTES_MAX_LENGTH,
    Category,
    Channel,
    Entry,
    EntryChange,
    Kind,
    MonthNotes,
)

MAX_AMOUNT = 1_000_000_000  # Rp 1 miliar: more in one line of a micro business's book is a typo
MAX_UNITS = 100_000
FIRST_DAY = datetime.date(2000, 1, 1)

AMOUNT_INVALID = _("Type the amount in rupiah, for example 25.000, 250rb or 1,5 juta.")
AMOUNT_NOT_POSITIVE = _("The amount must be more than 0.")
AMOUNT_TOO_LARGE = _("That amount is more than Rp 1 miliar. Please check it again.")
UNITS_INVALID = _("Units sold must be a whole number from 1 to 100.000.")
DAY_INVALID = _("Choose a day.")
DAY_IN_FUTURE = _("That day has not come yet. Choose today or an earlier day.")
DAY_TOO_EARLY = _("Choose a day from the year 2000 onwards.")
CHANNEL_INVALID = _("Choose online or offline.")
CATEGORY_INVALID = _("Choose what the money was spent on.")
KIND_INVALID = _("Choose money in or money out.")
NOTE_TOO_LONG = _("Keep the note under 500 characters.")
NOTES_TOO_LONG = _("Keep the notes under 2000 characters.")
TOKEN_TAKEN = _("This form was already used. Please open it again.")
NOT_YOURS = _("Only the person who wrote an entry or the business owner can change it.")
NOT_OWNER = _("Only the business owner can write the report's notes.")

# The fields an entry's change records before and after.
SNAPSHOT_FIELDS = ("day", "kind", "amount", "units", "channel", "category", "note")


def read_amount(value) -> int:
    """Whole rupiah from a number or from text as people type it (``lms.amounts``);
    raises ValidationError for text that is not an amount, 0 or less, or implausibly large."""
    if isinstance(value, bool):
        raise ValidationError(AMOUNT_INVALID, code="invalid")
    if isinstance(value, int):
        amount = value
    else:
        text = clean_text(str(value)).strip()
        if len(text) > AMOUNT_MAX_LENGTH:
            raise ValidationError(AMOUNT_INVALID, code="invalid")
        try:
            amount = int(parse_rupiah(text))
        except (ValueError, ArithmeticError):
            raise ValidationError(AMOUNT_INVALID, code="invalid") from None
    if amount <= 0:
        raise ValidationError(AMOUNT_NOT_POSITIVE, code="not_positive")
    if amount > MAX_AMOUNT:
        raise ValidationError(AMOUNT_TOO_LARGE, code="too_large")
    return amount


def _clean(*, kind, day, amount, units, channel, category, note) -> dict:
    """The entry's fields made ready to store; a ValidationError naming each bad field."""
    errors = {}
    values = {"kind": kind, "day": day}
    if kind not in Kind.values:
        raise ValidationError({"kind": KIND_INVALID})
    if not isinstance(day, datetime.date) or isinstance(day, datetime.datetime):
        errors["day"] = DAY_INVALID
    elif day > timezone.localdate():
        errors["day"] = DAY_IN_FUTURE
    elif day < FIRST_DAY:
        errors["day"] = DAY_TOO_EARLY
    try:
        values["amount"] = read_amount(amount)
    except ValidationError as error:
        errors["amount"] = error.messages[0]
    if kind == Kind.SALE:
        units = 1 if units in (None, "") else units
        if not isinstance(units, int) or isinstance(units, bool) or not 1 <= units <= MAX_UNITS:
            errors["units"] = UNITS_INVALID
        if channel not in Channel.values:
            errors["channel"] = CHANNEL_INVALID
        values.update(units=units, channel=channel, category="")
    else:
        if category not in Category.values:
            errors["category"] = CATEGORY_INVALID
        values.update(units=0, channel="", category=category)
    note = clean_text(note or "").strip()
    if len(note) > NOTE_MAX_LENGTH:
        errors["note"] = NOTE_TOO_LONG
    values["note"] = note
    if errors:
        raise ValidationError(errors)
    return values


def entry_add(
    *,
    membership,
    kind: str,
    day: datetime.date,
    amount,
    units=None,
    channel: str = "",
    category: str = "",
    note: str = "",
    token: uuid.UUID | None = None,
) -> Entry:
    """Write an entry in the book of ``membership``'s business, by its member. The same
    ``token`` again (a double tap, a retry) returns the entry it recorded and records nothing.
    Raises ValidationError ({field: message}) for bad values."""
    business = membership.business
    values = _clean(
        kind=kind,
        day=day,
        amount=amount,
        units=units,
        channel=channel,
        category=category,
        note=note,
    )
    token = token or uuid.uuid4()
    try:
        with transaction.atomic():
            return Entry.objects.create(
                business=business, author_id=membership.user_id, token=token, **values
            )
    except IntegrityError:
        existing = Entry.objects.filter(token=token, business=business).first()
        if existing is None:
            raise ValidationError(TOKEN_TAKEN, code="token") from None
        return existing


def snapshot(entry: Entry) -> dict:
    values = {name: getattr(entry, name) for name in SNAPSHOT_FIELDS}
    values["day"] = entry.day.isoformat()
    return values


def _locked_entry(membership, entry_id: int) -> Entry:
    """The standing entry of the member's business, locked; Entry.DoesNotExist for any other
    (deleted, or another business's). PermissionDenied(NOT_YOURS) unless the member wrote it
    or owns the business."""
    entry = Entry.objects.select_for_update().get(
        pk=entry_id, business_id=membership.business_id, deleted_at=None
    )
    if not (membership.is_owner or entry.author_id == membership.user_id):
        raise PermissionDenied(NOT_YOURS)
    return entry


def entry_edit(
    *,
    membership,
    entry_id: int,
    day: datetime.date,
    amount,
    units=None,
    channel: str = "",
    category: str = "",
    note: str = "",
) -> Entry:
    """Change an entry (not its kind), keeping what it was as an EntryChange; nothing is
    recorded when nothing changed."""
    with transaction.atomic():
        entry = _locked_entry(membership, entry_id)
        values = _clean(
            kind=entry.kind,
            day=day,
            amount=amount,
            units=units,
            channel=channel,
            category=category,
            note=note,
        )
        before = snapshot(entry)
        for name, value in values.items():
            setattr(entry, name, value)
        after = snapshot(entry)
        if after != before:
            entry.save(update_fields=[name for name in SNAPSHOT_FIELDS if name != "kind"])
            EntryChange.objects.create(
                entry=entry,
                action=EntryChange.Action.EDITED,
                changed_by_id=membership.user_id,
                before=before,
                after=after,
            )
    return entry


def entry_delete(*, membership, entry_id: int) -> Entry:
    """Take an entry out of the book; it stays, marked deleted, with an EntryChange."""
    with transaction.atomic():
        entry = _locked_entry(membership, entry_id)
        entry.deleted_at = timezone.now()
        entry.save(update_fields=["deleted_at"])
        EntryChange.objects.create(
            entry=entry,
            action=EntryChange.Action.DELETED,
            changed_by_id=membership.user_id,
            changed_at=entry.deleted_at,
            before=snapshot(entry),
        )
    return entry


def month_notes_save(*, membership, month: datetime.date, notes: str) -> MonthNotes:
    """The owner's notes under the month's financial report."""
    if not membership.is_owner:
        raise PermissionDenied(NOT_OWNER)
    notes = clean_text(notes or "").strip()
    if len(notes) > REPORT_NOTES_MAX_LENGTH:
        raise ValidationError({"notes": NOTES_TOO_LONG})
    record, _created = MonthNotes.objects.update_or_create(
        business_id=membership.business_id,
        month=month.replace(day=1),
        defaults={"notes": notes, "updated_at": timezone.now()},
    )
    return record
