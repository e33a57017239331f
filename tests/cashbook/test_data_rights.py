import pytest

from cashbook import services
from cashbook.models import Entry, EntryChange
from lms import data_rights
from tests.factories import build_cash_entry

pytestmark = pytest.mark.django_db


def test_the_entries_and_changes_a_person_wrote_are_in_their_download(owner, member):
    business = owner.membership.business
    mine = build_cash_entry(business, author=member, amount=15_000, note="titipan warung")
    build_cash_entry(business, author=owner, amount=99_000)
    services.entry_delete(membership=owner.membership, entry_id=mine.pk)
    data = data_rights.personal_data_for(user=member)
    assert [(row["entry_id"], row["amount"], row["note"]) for row in data["cash_book"]] == [
        (mine.pk, 15_000, "titipan warung")
    ]
    assert data["cash_book_changes"] == []
    owners = data_rights.personal_data_for(user=owner)
    assert [row["action"] for row in owners["cash_book_changes"]] == ["deleted"]
    assert "titipan warung" in owners["cash_book_changes"][0]["before"]


def test_anonymising_keeps_the_figures_and_clears_name_and_notes(owner, member):
    business = owner.membership.business
    entry = build_cash_entry(business, author=member, amount=15_000, note="titipan warung")
    services.entry_edit(
        membership=member.membership,
        entry_id=entry.pk,
        day=entry.day,
        amount="16.000",
        channel="offline",
        note="titipan Bu Sri",
    )
    assert data_rights.account_anonymise(user=member, by=data_rights.BY_SELF)
    entry.refresh_from_db()
    assert (entry.author, entry.note, entry.amount, entry.business) == (None, "", 16_000, business)
    change = EntryChange.objects.get()
    assert change.changed_by is None
    assert (change.before["note"], change.after["note"]) == ("", "")
    assert (change.before["amount"], change.after["amount"]) == (15_000, 16_000)
    assert Entry.objects.count() == 1
