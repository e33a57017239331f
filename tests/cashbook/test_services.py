import datetime
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from cashbook import services
from cashbook.models import Entry, EntryChange, MonthNotes
from tests.factories import build_cash_entry

pytestmark = pytest.mark.django_db


def add_sale(membership, **overrides):
    values = {
        "kind": "sale",
        "day": timezone.localdate(),
        "amount": "250rb",
        "channel": "online",
    }
    values.update(overrides)
    return services.entry_add(membership=membership, **values)


def field_errors(excinfo) -> dict:
    return excinfo.value.message_dict


def test_a_sale_typed_as_people_type_it_is_stored_in_whole_rupiah(owner):
    entry = add_sale(owner.membership, amount="1,5 juta", units=3, note="  pesanan arisan ")
    entry.refresh_from_db()
    assert entry.amount == 1_500_000
    assert (entry.kind, entry.channel, entry.units, entry.category) == ("sale", "online", 3, "")
    assert entry.note == "pesanan arisan"
    assert entry.author == owner
    assert entry.business == owner.membership.business


def test_units_default_to_one(owner):
    assert add_sale(owner.membership, units=None).units == 1


def test_a_cost_has_a_category_and_no_units_or_channel(member):
    entry = services.entry_add(
        membership=member.membership,
        kind="cost",
        day=timezone.localdate(),
        amount="Rp 75.000",
        category="advertising",
        channel="online",
        units=5,
    )
    assert (entry.amount, entry.category, entry.channel, entry.units) == (
        75_000,
        "advertising",
        "",
        0,
    )


def test_second_submit_with_same_token_records_one_entry(owner):
    token = uuid.uuid4()
    first = add_sale(owner.membership, token=token)
    second = add_sale(owner.membership, token=token, amount="999rb")
    assert first.pk == second.pk
    assert Entry.objects.count() == 1
    assert Entry.objects.get().amount == 250_000


def test_a_token_of_another_business_is_refused(owner, other_owner):
    token = uuid.uuid4()
    add_sale(other_owner.membership, token=token)
    with pytest.raises(ValidationError) as excinfo:
        add_sale(owner.membership, token=token)
    assert excinfo.value.messages == [str(services.TOKEN_TAKEN)]
    assert Entry.objects.filter(business=owner.membership.business).count() == 0


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("0", services.AMOUNT_NOT_POSITIVE),
        (0, services.AMOUNT_NOT_POSITIVE),
        ("-5.000", services.AMOUNT_NOT_POSITIVE),
        (-5, services.AMOUNT_NOT_POSITIVE),
        ("2 miliar", services.AMOUNT_TOO_LARGE),
        (1_000_000_001, services.AMOUNT_TOO_LARGE),
        ("sepuluh ribu", services.AMOUNT_INVALID),
        ("²", services.AMOUNT_INVALID),
        ("1.5 juta", services.AMOUNT_INVALID),
        ("", services.AMOUNT_INVALID),
        ("9" * 100_000, services.AMOUNT_INVALID),
        (True, services.AMOUNT_INVALID),
    ],
)
def test_bad_amounts_are_refused_and_nothing_is_recorded(owner, amount, message):
    with pytest.raises(ValidationError) as excinfo:
        add_sale(owner.membership, amount=amount)
    assert field_errors(excinfo)["amount"] == [str(message)]
    assert not Entry.objects.exists()


def test_a_nul_inside_an_amount_is_dropped(owner):
    assert add_sale(owner.membership, amount="1\x00.000").amount == 1_000


def test_a_day_after_today_is_refused(owner):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as excinfo:
        add_sale(owner.membership, day=tomorrow)
    assert field_errors(excinfo)["day"] == [str(services.DAY_IN_FUTURE)]
    assert not Entry.objects.exists()


def test_a_day_before_2000_is_refused(owner):
    with pytest.raises(ValidationError) as excinfo:
        add_sale(owner.membership, day=datetime.date(1999, 12, 31))
    assert field_errors(excinfo)["day"] == [str(services.DAY_TOO_EARLY)]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"channel": "tiktok"}, "channel", services.CHANNEL_INVALID),
        ({"channel": ""}, "channel", services.CHANNEL_INVALID),
        ({"units": 0}, "units", services.UNITS_INVALID),
        ({"units": 100_001}, "units", services.UNITS_INVALID),
        ({"note": "x" * 100_000}, "note", services.NOTE_TOO_LONG),
        ({"kind": "cost", "category": "gambling"}, "category", services.CATEGORY_INVALID),
        ({"kind": "transfer"}, "kind", services.KIND_INVALID),
    ],
)
def test_other_bad_values_are_refused(owner, overrides, field, message):
    with pytest.raises(ValidationError) as excinfo:
        add_sale(owner.membership, **overrides)
    assert field_errors(excinfo)[field] == [str(message)]
    assert not Entry.objects.exists()


def test_nul_and_lone_surrogates_in_a_note_are_cleaned(owner):
    entry = add_sale(owner.membership, note="ok\x00e \ud800 bakpia")
    entry.refresh_from_db()
    assert entry.note == "oke \ufffd bakpia"


def test_the_author_edits_an_entry_and_the_history_keeps_what_it_was(member):
    entry = build_cash_entry(member.membership.business, author=member, amount=20_000)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    services.entry_edit(
        membership=member.membership,
        entry_id=entry.pk,
        day=yesterday,
        amount="25.000",
        units=2,
        channel="online",
        note="dua kotak",
    )
    entry.refresh_from_db()
    assert (entry.amount, entry.units, entry.channel, entry.day) == (25_000, 2, "online", yesterday)
    change = EntryChange.objects.get()
    assert change.action == "edited"
    assert change.changed_by == member
    assert change.before["amount"] == 20_000
    assert change.before["day"] == timezone.localdate().isoformat()
    assert change.after["amount"] == 25_000
    assert change.after["note"] == "dua kotak"


def test_an_edit_that_changes_nothing_records_no_change(owner):
    entry = build_cash_entry(owner.membership.business, author=owner)
    services.entry_edit(
        membership=owner.membership,
        entry_id=entry.pk,
        day=entry.day,
        amount=entry.amount,
        units=1,
        channel="offline",
    )
    assert not EntryChange.objects.exists()


def test_the_owner_deletes_a_members_entry_and_it_is_kept(owner, member):
    entry = build_cash_entry(owner.membership.business, author=member)
    services.entry_delete(membership=owner.membership, entry_id=entry.pk)
    entry.refresh_from_db()
    assert entry.deleted_at is not None
    change = EntryChange.objects.get()
    assert (change.action, change.changed_by, change.after) == ("deleted", owner, {})
    assert change.before["amount"] == 10_000


def test_a_member_cannot_change_another_members_entry(owner, member):
    entry = build_cash_entry(owner.membership.business, author=owner)
    with pytest.raises(PermissionDenied) as excinfo:
        services.entry_delete(membership=member.membership, entry_id=entry.pk)
    assert str(excinfo.value) == str(services.NOT_YOURS)
    with pytest.raises(PermissionDenied):
        services.entry_edit(
            membership=member.membership,
            entry_id=entry.pk,
            day=entry.day,
            amount=1,
            channel="offline",
        )
    entry.refresh_from_db()
    assert (entry.deleted_at, entry.amount) == (None, 10_000)
    assert not EntryChange.objects.exists()


def test_another_business_entry_cannot_be_changed(owner, other_owner):
    entry = build_cash_entry(other_owner.membership.business, author=other_owner)
    with pytest.raises(Entry.DoesNotExist):
        services.entry_delete(membership=owner.membership, entry_id=entry.pk)
    with pytest.raises(Entry.DoesNotExist):
        services.entry_edit(
            membership=owner.membership,
            entry_id=entry.pk,
            day=entry.day,
            amount=1,
            channel="offline",
        )
    entry.refresh_from_db()
    assert (entry.deleted_at, entry.amount) == (None, 10_000)


def test_a_deleted_entry_cannot_be_edited_or_deleted_again(owner):
    entry = build_cash_entry(owner.membership.business, author=owner)
    services.entry_delete(membership=owner.membership, entry_id=entry.pk)
    with pytest.raises(Entry.DoesNotExist):
        services.entry_delete(membership=owner.membership, entry_id=entry.pk)
    assert EntryChange.objects.count() == 1


def test_a_bad_edit_changes_nothing(owner):
    entry = build_cash_entry(owner.membership.business, author=owner)
    with pytest.raises(ValidationError):
        services.entry_edit(
            membership=owner.membership,
            entry_id=entry.pk,
            day=entry.day,
            amount="0",
            channel="offline",
        )
    entry.refresh_from_db()
    assert entry.amount == 10_000
    assert not EntryChange.objects.exists()


def test_the_owner_writes_the_months_notes_once_per_month(owner):
    month = datetime.date(2026, 10, 17)
    services.month_notes_save(membership=owner.membership, month=month, notes="Modal \x00naik")
    services.month_notes_save(membership=owner.membership, month=month, notes="Omzet naik")
    notes = MonthNotes.objects.get()
    assert (notes.month, notes.notes) == (datetime.date(2026, 10, 1), "Omzet naik")


def test_only_the_owner_writes_the_notes(member):
    with pytest.raises(PermissionDenied) as excinfo:
        services.month_notes_save(
            membership=member.membership, month=datetime.date(2026, 10, 1), notes="x"
        )
    assert str(excinfo.value) == str(services.NOT_OWNER)
    assert not MonthNotes.objects.exists()


def test_notes_too_long_are_refused(owner):
    with pytest.raises(ValidationError) as excinfo:
        services.month_notes_save(
            membership=owner.membership, month=datetime.date(2026, 10, 1), notes="x" * 100_000
        )
    assert excinfo.value.message_dict["notes"] == [str(services.NOTES_TOO_LONG)]
    assert not MonthNotes.objects.exists()
