"""Reading a cash book: who may open it, a day's entries, a month's summary and the figures of
a period (for the business check-ins)."""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Sum
from django.http import Http404

from courses.selectors import businesses_visible_to
from lms.models import Business, Membership
from lms.selectors import membership_for

from .models import Category, Channel, Entry, EntryChange, Kind, MonthNotes

HISTORY_LIMIT = 100


@dataclass
class Book:
    """A person's access to one business's cash book. ``membership`` is theirs in this business
    (None for a mentor or coordinator, who only read); ``url_kwargs`` go into every link."""

    business: Business
    membership: Membership | None
    url_kwargs: dict = field(default_factory=dict)

    @property
    def can_add(self) -> bool:
        return self.membership is not None

    @property
    def is_owner(self) -> bool:
        return self.membership is not None and self.membership.is_owner

    def can_change(self, entry: Entry) -> bool:
        """The entry's author or the business's owner, while the entry stands."""
        return (
            self.membership is not None
            and entry.deleted_at is None
            and (self.membership.is_owner or entry.author_id == self.membership.user_id)
        )


def book_for(*, user, business_id: int | None = None) -> Book | None:
    """The cash book ``user`` may open: their own business's without ``business_id`` (None when
    they have no business); with it, that business's if they are a member or it is among
    ``businesses_visible_to(user)``. Raises Http404 for any other business."""
    membership = membership_for(user=user)
    if business_id is None:
        return Book(membership.business, membership) if membership else None
    kwargs = {"business_id": business_id}
    if membership is not None and membership.business_id == business_id:
        return Book(membership.business, membership, kwargs)
    business = businesses_visible_to(user).filter(pk=business_id).first()
    if business is None:
        raise Http404
    return Book(business, None, kwargs)


def day_entries(*, business, day: datetime.date) -> list[Entry]:
    """The day's standing entries, in the order they were written."""
    return list(
        Entry.objects.filter(business=business, day=day, deleted_at=None)
        .select_related("author")
        .order_by("created_at", "pk")
    )


@dataclass(frozen=True)
class Totals:
    money_in: int
    money_out: int

    @property
    def balance(self) -> int:
        return self.money_in - self.money_out


def totals_of(entries) -> Totals:
    money_in = sum(e.amount for e in entries if e.kind == Kind.SALE)
    money_out = sum(e.amount for e in entries if e.kind == Kind.COST)
    return Totals(money_in, money_out)


@dataclass(frozen=True)
class MonthSummary:
    """A month of the cash book. ``costs`` lists every category in order, with 0 for none;
    ``online_share`` is the percent of revenue sold online (None without revenue)."""

    month: datetime.date
    revenue: int
    online_revenue: int
    costs: list[tuple[str, str, int]]  # (category, label, amount)
    sales: int
    units: int
    entries: int

    @property
    def offline_revenue(self) -> int:
        return self.revenue - self.online_revenue

    @property
    def total_costs(self) -> int:
        return sum(amount for *_, amount in self.costs)

    @property
    def profit(self) -> int:
        return self.revenue - self.total_costs

    @property
    def advertising(self) -> int:
        return next(amount for key, _, amount in self.costs if key == Category.ADVERTISING)

    @property
    def online_share(self) -> Decimal | None:
        return percent(self.online_revenue, self.revenue)


def percent(part: int, whole: int) -> Decimal | None:
    """``part`` as a percent of ``whole`` to one decimal place, None when ``whole`` is 0."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def month_bounds(month: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first day of ``month`` and the first day of the next."""
    start = month.replace(day=1)
    following = (start + datetime.timedelta(days=32)).replace(day=1)
    return start, following


def _grouped(*, business, start, end_exclusive):
    """One grouped aggregate over the standing entries in [start, end_exclusive)."""
    return (
        Entry.objects.filter(
            business=business, deleted_at=None, day__gte=start, day__lt=end_exclusive
        )
        .values("kind", "channel", "category")
        .annotate(total=Sum("amount"), units=Sum("units"), count=Count("id"))
        .order_by()
    )


def month_summary(*, business, month: datetime.date) -> MonthSummary:
    """The month's revenue, costs by category, sales and units, in one query."""
    start, following = month_bounds(month)
    revenue = online = sales = units = entries = 0
    costs = dict.fromkeys(Category.values, 0)
    for row in _grouped(business=business, start=start, end_exclusive=following):
        entries += row["count"]
        if row["kind"] == Kind.SALE:
            revenue += row["total"]
            sales += row["count"]
            units += row["units"]
            if row["channel"] == Channel.ONLINE:
                online += row["total"]
        else:
            costs[row["category"] or Category.OTHER] += row["total"]
    return MonthSummary(
        month=start,
        revenue=revenue,
        online_revenue=online,
        costs=[(key, label, costs[key]) for key, label in Category.choices],
        sales=sales,
        units=units,
        entries=entries,
    )


@dataclass(frozen=True)
class PeriodFigures:
    """Means over every day of a period (days without entries count as zero)."""

    days: int
    revenue_per_day: int  # whole rupiah, rounded half up
    units_per_day: Decimal  # one decimal place
    online_share: Decimal | None  # percent of revenue sold online, None without revenue
    advertising: int  # rupiah spent on advertising in the period


def period_figures(*, business, start: datetime.date, end: datetime.date) -> PeriodFigures | None:
    """The check-in figures of ``start`` to ``end`` (both included) from the cash book; None when
    the book has no entry in the period (or the period is empty)."""
    if end < start:
        return None
    days = (end - start).days + 1
    revenue = online = units = advertising = entries = 0
    for row in _grouped(
        business=business, start=start, end_exclusive=end + datetime.timedelta(days=1)
    ):
        entries += row["count"]
        if row["kind"] == Kind.SALE:
            revenue += row["total"]
            units += row["units"]
            if row["channel"] == Channel.ONLINE:
                online += row["total"]
        elif row["category"] == Category.ADVERTISING:
            advertising += row["total"]
    if not entries:
        return None
    return PeriodFigures(
        days=days,
        revenue_per_day=int((Decimal(revenue) / days).quantize(Decimal(1), ROUND_HALF_UP)),
        units_per_day=(Decimal(units) / days).quantize(Decimal("0.1"), ROUND_HALF_UP),
        online_share=percent(online, revenue),
        advertising=advertising,
    )


def month_notes(*, business, month: datetime.date) -> str:
    notes = MonthNotes.objects.filter(business=business, month=month.replace(day=1)).first()
    return notes.notes if notes else ""


def book_history(*, business) -> list[EntryChange]:
    """The latest edits and deletions in the book, newest first."""
    return list(
        EntryChange.objects.filter(entry__business=business)
        .select_related("entry", "changed_by")
        .order_by("-changed_at", "-pk")[:HISTORY_LIMIT]
    )
