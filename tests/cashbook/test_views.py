import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from cashbook import services, views
from cashbook.models import Entry, EntryChange, MonthNotes
from tests.factories import UserFactory, build_cash_entry

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(f"cashbook:{name}", kwargs=kwargs)


def sale(amount="25.000", channel="offline", **extra):
    return {
        "amount": amount,
        "channel": channel,
        "day": timezone.localdate().isoformat(),
        "token": str(uuid.uuid4()),
        **extra,
    }


def text_of(response) -> str:
    return response.content.decode()


def test_signed_out_people_are_sent_to_sign_in(client):
    response = client.get(url("day"))
    assert response.status_code == 302
    assert "masuk" in response["Location"] or "login" in response["Location"]


def test_a_learner_without_a_business_is_told_how_to_get_one(client, learners_group):
    client.force_login(UserFactory(groups=[learners_group]))
    for target in (url("day"), url("month", month="2026-10"), url("sale_add")):
        response = client.get(target)
        assert response.status_code == 200
        assert reverse("lms:business_register") in text_of(response)
        assert reverse("lms:business_join") in text_of(response)


def test_todays_page_lists_entries_and_totals(client, owner, member):
    business = owner.membership.business
    build_cash_entry(business, author=member, amount=30_000, note="pesanan Bu RT")
    build_cash_entry(business, author=owner, kind="cost", amount=12_500)
    build_cash_entry(business, author=owner, amount=999_999, deleted_at=timezone.now())
    client.force_login(owner)
    response = client.get(url("day"))
    assert response.status_code == 200
    page = text_of(response)
    assert "Rp 30.000" in page
    assert "Rp 12.500" in page
    assert "Rp 17.500" in page
    assert "pesanan Bu RT" in page
    assert "999.999" not in page
    assert url("sale_add") in page
    assert url("cost_add") in page
    assert "private" in response["Cache-Control"]


def test_day_picker_goes_back_but_not_past_today(client, owner):
    client.force_login(owner)
    today = timezone.localdate()
    page = text_of(client.get(url("day")))
    assert url("day", day=today - datetime.timedelta(days=1)) in page
    assert url("day", day=today + datetime.timedelta(days=1)) not in page
    earlier = today - datetime.timedelta(days=3)
    build_cash_entry(owner.membership.business, author=owner, day=earlier, amount=44_000)
    page = text_of(client.get(url("day", day=earlier)))
    assert "Rp 44.000" in page
    assert url("day", day=earlier + datetime.timedelta(days=1)) in page


@pytest.mark.parametrize(
    "bad", ["2026-02-30", "2026-13-01", "0000-01-01", "0001-01-01", "²026-01-01"]
)
def test_a_day_that_does_not_exist_is_a_404(client, owner, bad):
    client.force_login(owner)
    assert client.get(f"{url('day')}hari/{bad}/").status_code == 404


@pytest.mark.parametrize("bad", ["2026-13", "2026-00", "0001-01", "1999-12", "9999-12"])
def test_a_month_out_of_range_is_a_404(client, owner, bad):
    client.force_login(owner)
    for suffix in ("", "laporan/", "laporan.pdf"):
        assert client.get(f"{url('day')}bulan/{bad}/{suffix}").status_code == 404


def test_a_sale_is_the_amount_and_one_tap(client, owner, django_assert_max_num_queries):
    client.force_login(owner)
    data = {"amount": "250rb", "channel": "online", "day": timezone.localdate().isoformat()}
    with django_assert_max_num_queries(10):
        response = client.post(url("sale_add"), data)
    assert response.status_code == 302
    assert response["Location"] == url("day", day=timezone.localdate())
    entry = Entry.objects.get()
    assert (entry.amount, entry.channel, entry.units, entry.author) == (250_000, "online", 1, owner)


def test_the_sale_page_offers_amount_then_big_buttons(client, owner):
    client.force_login(owner)
    page = text_of(client.get(url("sale_add")))
    assert 'name="amount"' in page
    assert 'name="token"' in page
    assert 'name="channel" value="online"' in page
    assert 'name="channel" value="offline"' in page
    assert 'name="units"' in page
    assert 'name="note"' in page


def test_a_double_tap_records_one_sale(client, member):
    client.force_login(member)
    data = sale()
    assert client.post(url("sale_add"), data).status_code == 302
    assert client.post(url("sale_add"), data).status_code == 302
    assert Entry.objects.count() == 1


def test_a_cost_is_the_amount_and_one_tap(client, member):
    client.force_login(member)
    data = {"amount": "Rp 75.000", "category": "stock", "day": timezone.localdate().isoformat()}
    assert client.post(url("cost_add"), data).status_code == 302
    entry = Entry.objects.get()
    assert (entry.kind, entry.category, entry.amount) == ("cost", "stock", 75_000)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"amount": "²"}, services.AMOUNT_INVALID),
        ({"amount": "0"}, services.AMOUNT_NOT_POSITIVE),
        ({"amount": "1" * 100_000}, services.AMOUNT_INVALID),
        ({"channel": "tiktok"}, services.CHANNEL_INVALID),
        ({"units": "²"}, services.UNITS_INVALID),
        ({"day": (timezone.localdate() + datetime.timedelta(days=2)).isoformat()}, None),
    ],
)
def test_bad_input_gets_a_message_and_records_nothing(client, owner, data, message):
    client.force_login(owner)
    response = client.post(url("sale_add"), sale(**data))
    assert response.status_code == 200
    if message is None:
        with translation.override("id"):
            message = services.DAY_IN_FUTURE
    with translation.override("id"):
        assert str(message) in text_of(response)
    assert not Entry.objects.exists()


def test_a_note_of_100000_characters_is_refused(client, owner):
    client.force_login(owner)
    response = client.post(url("sale_add"), sale(note="x" * 100_000))
    assert response.status_code == 200
    assert not Entry.objects.exists()


def test_nul_in_a_note_is_dropped(client, owner):
    client.force_login(owner)
    response = client.post(url("sale_add"), sale(note="bak\x00pia"))
    assert response.status_code == 302
    assert Entry.objects.get().note == "bakpia"


def test_the_form_replaces_lone_surrogates_and_refuses_one_as_an_amount(owner):
    from cashbook.forms import EntryForm

    form = EntryForm(sale(note="oven \ud800", amount="\ud800"), kind="sale")
    assert form.is_valid()
    assert form.cleaned_data["note"] == "oven \ufffd"
    with pytest.raises(services.ValidationError) as excinfo:
        services.entry_add(membership=owner.membership, kind="sale", **form.service_arguments())
    assert excinfo.value.message_dict["amount"] == [str(services.AMOUNT_INVALID)]
    assert not Entry.objects.exists()


def test_author_edits_with_the_history_kept(client, member):
    entry = build_cash_entry(member.membership.business, author=member, amount=20_000)
    client.force_login(member)
    page = text_of(client.get(url("entry_edit", entry_id=entry.pk)))
    assert "Rp 20.000" in page
    assert f'value="{entry.day.isoformat()}"' in page  # what a date input reads
    data = {"amount": "22.000", "channel": "online", "units": "2", "note": "", "day": entry.day}
    response = client.post(url("entry_edit", entry_id=entry.pk), data)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.amount, entry.channel, entry.units) == (22_000, "online", 2)
    assert EntryChange.objects.get().before["amount"] == 20_000
    history = text_of(client.get(url("history")))
    assert "Rp 20.000" in history
    assert "Rp 22.000" in history


def test_delete_asks_first_then_keeps_the_entry_in_the_history(client, owner, member):
    entry = build_cash_entry(owner.membership.business, author=member, amount=33_000)
    client.force_login(owner)
    response = client.get(url("entry_delete", entry_id=entry.pk))
    assert response.status_code == 200
    assert Entry.objects.get().deleted_at is None
    response = client.post(url("entry_delete", entry_id=entry.pk))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.deleted_at is not None
    assert "Rp 33.000" not in text_of(client.get(url("day")))
    assert "Rp 33.000" in text_of(client.get(url("history")))


def test_a_member_cannot_edit_or_delete_the_owners_entry(client, owner, member):
    entry = build_cash_entry(owner.membership.business, author=owner)
    client.force_login(member)
    page = text_of(client.get(url("day")))
    assert url("entry_edit", entry_id=entry.pk) not in page
    for name in ("entry_edit", "entry_delete"):
        assert client.get(url(name, entry_id=entry.pk)).status_code == 404
        assert client.post(url(name, entry_id=entry.pk), sale()).status_code == 404
    entry.refresh_from_db()
    assert (entry.deleted_at, entry.amount) == (None, 10_000)


def _fill_month(business, author, count):
    month = datetime.date(2026, 10, 1)
    Entry.objects.bulk_create(
        Entry(
            business=business,
            author=author,
            day=month + datetime.timedelta(days=n % 31),
            kind="sale" if n % 3 else "cost",
            amount=1_000 + n,
            units=1 if n % 3 else 0,
            channel=("online" if n % 2 else "offline") if n % 3 else "",
            category="" if n % 3 else "advertising",
        )
        for n in range(count)
    )


def test_month_summary_page_shows_the_figures(client, owner):
    business = owner.membership.business
    october = datetime.date(2026, 10, 1)
    build_cash_entry(business, day=october, amount=100_000, units=4, channel="online")
    build_cash_entry(business, day=october, amount=300_000, units=6)
    build_cash_entry(business, day=october, kind="cost", category="advertising", amount=50_000)
    client.force_login(owner)
    page = text_of(client.get(url("month", month=october)))
    for figure in ("Rp 400.000", "Rp 50.000", "Rp 350.000", "25,0%", ">2<", ">10<"):
        assert figure in page


def test_month_summary_queries_do_not_grow_with_entries(
    client, owner, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    business = owner.membership.business
    client.force_login(owner)
    _fill_month(business, owner, 5)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url("month", month="2026-10")).status_code == 200
    _fill_month(business, owner, 495)
    with django_assert_max_num_queries(len(small)):
        assert client.get(url("month", month="2026-10")).status_code == 200


def test_owner_writes_notes_and_the_member_only_reads_them(client, owner, member):
    client.force_login(owner)
    response = client.post(url("report", month="2026-10"), {"notes": "Omzet naik \x00 lebaran"})
    assert response.status_code == 302
    assert MonthNotes.objects.get().notes == "Omzet naik  lebaran"
    client.force_login(member)
    page = text_of(client.get(url("report", month="2026-10")))
    assert "Omzet naik" in page
    assert 'name="notes"' not in page
    assert client.post(url("report", month="2026-10"), {"notes": "x"}).status_code == 404
    assert MonthNotes.objects.get().notes == "Omzet naik  lebaran"


def test_notes_too_long_get_a_message(client, owner):
    client.force_login(owner)
    response = client.post(url("report", month="2026-10"), {"notes": "x" * 100_000})
    assert response.status_code == 200
    assert not MonthNotes.objects.exists()


def test_the_report_pdf_is_an_attachment_kept_private(client, owner):
    owner.membership.business.name = "Bakpia Sumarni & Putri"
    owner.membership.business.save()
    client.force_login(owner)
    response = client.get(url("report_pdf", month="2026-10"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="laporan-keuangan-bakpia-sumarni-putri-2026-10.pdf"'
    )
    assert "private" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF")


def test_report_filename_of_a_name_without_letters():
    from types import SimpleNamespace

    name = views.report_filename(SimpleNamespace(name="★★★"), datetime.date(2026, 1, 1))
    assert name == "laporan-keuangan-usaha-2026-01.pdf"


# ---------------------------------------------------------------------------------------------
# Scope: every page, through the URLs with the business's id


def _targets(entry):
    return [
        ("day", {}),
        ("day", {"day": timezone.localdate()}),
        ("history", {}),
        ("month", {"month": "2026-10"}),
        ("report", {"month": "2026-10"}),
        ("report_pdf", {"month": "2026-10"}),
        ("sale_add", {}),
        ("cost_add", {}),
        ("entry_edit", {"entry_id": entry.pk}),
        ("entry_delete", {"entry_id": entry.pk}),
    ]


READ_ONLY = {"day", "history", "month", "report", "report_pdf"}


def test_members_of_another_business_and_other_mentors_get_404_everywhere(
    client, two_classes, owner, other_owner, other_mentor
):
    business = owner.membership.business
    entry = build_cash_entry(business, author=owner)
    for outsider in (other_owner, other_mentor):
        client.force_login(outsider)
        for name, kwargs in _targets(entry):
            target = url(name, business_id=business.pk, **kwargs)
            assert client.get(target).status_code == 404, (outsider, name)
            assert client.post(target, sale()).status_code == 404, (outsider, name)
    assert Entry.objects.count() == 1
    assert Entry.objects.get().deleted_at is None


def test_another_business_entry_by_its_id_is_a_404_in_my_own_book(client, owner, other_owner):
    theirs = build_cash_entry(other_owner.membership.business, author=other_owner)
    client.force_login(owner)
    for name in ("entry_edit", "entry_delete"):
        assert client.get(url(name, entry_id=theirs.pk)).status_code == 404
        assert client.post(url(name, entry_id=theirs.pk), sale()).status_code == 404
    theirs.refresh_from_db()
    assert theirs.deleted_at is None


def test_the_classes_mentor_and_coordinators_read_but_do_not_write(
    client, two_classes, owner, mentor, coordinator
):
    business = owner.membership.business
    entry = build_cash_entry(business, author=owner, amount=41_000)
    for reader in (mentor, coordinator):
        client.force_login(reader)
        for name, kwargs in _targets(entry):
            target = url(name, business_id=business.pk, **kwargs)
            expected = 200 if name in READ_ONLY else 404
            assert client.get(target).status_code == expected, (reader, name)
        page = text_of(client.get(url("day", business_id=business.pk)))
        assert "Rp 41.000" in page
        assert url("month", business_id=business.pk, month=timezone.localdate()) in page
        assert url("sale_add", business_id=business.pk) not in page
        assert client.post(url("sale_add", business_id=business.pk), sale()).status_code == 404
        assert (
            client.post(
                url("report", business_id=business.pk, month="2026-10"), {"notes": "x"}
            ).status_code
            == 404
        )
    assert Entry.objects.count() == 1
    assert not MonthNotes.objects.exists()


def test_a_member_may_use_the_urls_with_their_business_id(client, member):
    business = member.membership.business
    client.force_login(member)
    response = client.post(url("sale_add", business_id=business.pk), sale())
    assert response.status_code == 302
    assert response["Location"] == url("day", business_id=business.pk, day=timezone.localdate())
    assert Entry.objects.get().author == member


def test_each_pdf_download_is_in_the_audit_log(client, two_classes, owner, mentor):
    from wagtail.models import ModelLogEntry

    from lms import audit

    business = owner.membership.business
    client.force_login(mentor)
    response = client.get(url("report_pdf", business_id=business.pk, month="2026-10"))
    assert response.status_code == 200
    entry = ModelLogEntry.objects.get(action=audit.EXPORT_PERSONAL_DATA)
    assert entry.user_id == mentor.pk
    assert entry.data["report"] == views.REPORT_EXPORT
    assert entry.data["format"] == "pdf"
    assert entry.data["filters"]["month"] == "2026-10"
    assert str(business.pk) in entry.data["filters"]["business"]


def test_the_first_and_last_pages_in_range_render_without_links_out_of_it(client, owner):
    client.force_login(owner)
    for target in (
        url("day", day=datetime.date(2000, 1, 1)),
        url("day", day=datetime.date(2999, 12, 31)),
        url("month", month="2000-01"),
        url("report", month="2000-01"),
        url("month", month="2999-12"),
    ):
        assert client.get(target).status_code == 200, target
