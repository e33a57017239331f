"""The cash book's pages on the phone: a day's entries with totals, adding a sale or a cost,
editing and deleting (with the history kept), the month's summary and its simple financial
report as a page and as a PDF. A business's members read and write; the mentors of its
classes and coordinators read, through the URLs with the business's id."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from lms import audit
from lms.amounts import format_rupiah

from . import selectors, services
from .forms import EntryForm, NotesForm
from .models import Entry, Kind
from .services import FIRST_DAY

REPORT_EXPORT = "cashbook.financial_report"  # the audit log's name for the report's PDF
SALE_SAVED = gettext_lazy("Sale recorded: %(amount)s.")
COST_SAVED = gettext_lazy("Cost recorded: %(amount)s.")
ENTRY_CHANGED = gettext_lazy("Entry changed. What it was is kept in the history.")
ENTRY_DELETED = gettext_lazy("Entry deleted. It is kept in the history.")
NOTES_SAVED = gettext_lazy("Notes saved.")


def _book(request, business_id):
    """The book the person may open, or None (no business: the friendly page)."""
    return selectors.book_for(user=request.user, business_id=business_id)


def _no_business(request):
    return render(request, "cashbook/no_business.html")


def _url(book, name, **kwargs) -> str:
    return reverse(f"cashbook:{name}", kwargs={**book.url_kwargs, **kwargs})


def _month_label(month: datetime.date) -> str:
    return formats.date_format(month, "F Y")


def _shift_month(month: datetime.date, months: int) -> datetime.date:
    index = month.year * 12 + month.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


@never_cache
@login_required
def day(request, day=None, business_id=None):
    """A day's entries (today's by default) with money in, out and the balance."""
    book = _book(request, business_id)
    if book is None:
        return _no_business(request)
    today = timezone.localdate()
    day = day or today
    entries = selectors.day_entries(business=book.business, day=day)
    rows = [(entry, book.can_change(entry)) for entry in entries]
    return render(
        request,
        "cashbook/day.html",
        {
            "book": book,
            "day": day,
            "is_today": day == today,
            "rows": rows,
            "totals": selectors.totals_of(entries),
            "previous_day": day - datetime.timedelta(days=1) if day > FIRST_DAY else None,
            "next_day": day + datetime.timedelta(days=1) if day < today else None,
            "month": day.replace(day=1),
        },
    )


def _initial_day(request) -> datetime.date:
    """The ``hari`` the add page was opened from (a day up to today), else today."""
    today = timezone.localdate()
    try:
        chosen = datetime.date.fromisoformat(str(request.GET.get("hari", ""))[:10])
    except ValueError:
        return today
    return chosen if chosen <= today else today


def _add(request, business_id, kind):
    book = _book(request, business_id)
    if book is None:
        return _no_business(request)
    if not book.can_add:
        raise Http404
    if request.method == "POST":
        form = EntryForm(request.POST, kind=kind)
        if form.is_valid():
            try:
                entry = services.entry_add(
                    membership=book.membership,
                    kind=kind,
                    token=form.token_value(),
                    **form.service_arguments(),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                saved = SALE_SAVED if kind == Kind.SALE else COST_SAVED
                messages.success(request, saved % {"amount": format_rupiah(entry.amount)})
                return redirect(_url(book, "day", day=entry.day))
    else:
        form = EntryForm(kind=kind, initial={"day": _initial_day(request)})
    return render(
        request,
        "cashbook/entry_form.html",
        {"book": book, "form": form, "kind": kind, "token": form.token_value()},
    )


@never_cache
@login_required
def sale_add(request, business_id=None):
    """Money in: type the amount, tap online or offline (units and a note are optional)."""
    return _add(request, business_id, Kind.SALE)


@never_cache
@login_required
def cost_add(request, business_id=None):
    """Money out: type the amount, tap what it was spent on."""
    return _add(request, business_id, Kind.COST)


def _changeable(book, entry_id) -> Entry:
    entry = get_object_or_404(Entry, pk=entry_id, business=book.business, deleted_at=None)
    if not book.can_change(entry):
        raise Http404
    return entry


@never_cache
@login_required
def entry_edit(request, entry_id, business_id=None):
    book = _book(request, business_id)
    if book is None:
        raise Http404
    entry = _changeable(book, entry_id)
    if request.method == "POST":
        form = EntryForm(request.POST, kind=entry.kind)
        if form.is_valid():
            try:
                services.entry_edit(
                    membership=book.membership, entry_id=entry.pk, **form.service_arguments()
                )
            except (Entry.DoesNotExist, PermissionDenied):
                raise Http404 from None
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, ENTRY_CHANGED)
                return redirect(_url(book, "day", day=form.cleaned_data["day"]))
    else:
        form = EntryForm(
            kind=entry.kind,
            initial={
                "amount": format_rupiah(entry.amount),
                "channel": entry.channel,
                "category": entry.category,
                "units": entry.units or None,
                "note": entry.note,
                "day": entry.day,
            },
        )
    return render(request, "cashbook/entry_edit.html", {"book": book, "form": form, "entry": entry})


@never_cache
@login_required
def entry_delete(request, entry_id, business_id=None):
    """A confirmation page; the POST deletes (the entry and its history stay)."""
    book = _book(request, business_id)
    if book is None:
        raise Http404
    entry = _changeable(book, entry_id)
    if request.method == "POST":
        try:
            services.entry_delete(membership=book.membership, entry_id=entry.pk)
        except (Entry.DoesNotExist, PermissionDenied):
            raise Http404 from None
        messages.success(request, ENTRY_DELETED)
        return redirect(_url(book, "day", day=entry.day))
    return render(request, "cashbook/entry_delete.html", {"book": book, "entry": entry})


@never_cache
@login_required
def history(request, business_id=None):
    """The latest edits and deletions: who, when, before and after."""
    book = _book(request, business_id)
    if book is None:
        return _no_business(request)
    return render(
        request,
        "cashbook/history.html",
        {"book": book, "changes": selectors.book_history(business=book.business)},
    )


def _month_context(book, month) -> dict:
    current = timezone.localdate().replace(day=1)
    following = _shift_month(month, 1)
    return {
        "book": book,
        "month": month,
        "month_label": _month_label(month),
        "summary": selectors.month_summary(business=book.business, month=month),
        "previous_month": _shift_month(month, -1) if month > FIRST_DAY else None,
        "next_month": following if following <= current else None,
    }


@never_cache
@login_required
def month(request, month, business_id=None):
    """The month's revenue, costs by category, profit, online share, advertising, sales."""
    book = _book(request, business_id)
    if book is None:
        return _no_business(request)
    return render(request, "cashbook/month.html", _month_context(book, month))


@never_cache
@login_required
def report(request, month, business_id=None):
    """The month's simple financial report; the owner writes its notes here."""
    book = _book(request, business_id)
    if book is None:
        return _no_business(request)
    notes = selectors.month_notes(business=book.business, month=month)
    if request.method == "POST":
        if not book.is_owner:
            raise Http404
        form = NotesForm(request.POST)
        if form.is_valid():
            try:
                services.month_notes_save(
                    membership=book.membership, month=month, notes=form.cleaned_data["notes"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, NOTES_SAVED)
                return redirect(_url(book, "report", month=month))
    else:
        form = NotesForm(initial={"notes": notes})
    context = _month_context(book, month)
    context.update(notes=notes, form=form if book.is_owner else None)
    return render(request, "cashbook/report.html", context)


def report_filename(business, month: datetime.date) -> str:
    """``laporan-keuangan-bakpia-sutarni-2026-11.pdf``."""
    name = slugify(business.name)[:60].strip("-") or "usaha"
    return f"laporan-keuangan-{name}-{month:%Y-%m}.pdf"


@never_cache
@login_required
def report_pdf(request, month, business_id=None):
    """The report as a PDF to download (and take to a bank); each download is audited."""
    from .pdf import render_report_pdf  # WeasyPrint: half a second to import, so only here

    book = _book(request, business_id)
    if book is None:
        return _no_business(request)
    content = render_report_pdf(business=book.business, month=month)
    audit.export_log(
        user=request.user,
        report=REPORT_EXPORT,
        export_format="pdf",
        filters={"business": book.business, "month": f"{month:%Y-%m}"},
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{report_filename(book.business, month)}"'
    )
    return response
