"""Did the businesses get better? Their check-ins before the course and after it, paired, with
their credit applications (issue 15, item 5).

Only reads. Every figure starts from a report ``Scope`` (one course, the enrolments the viewer
may see and has filtered): the businesses of those enrolments, each counted once. A business's
"before" is its check-in at the moment ``before`` of the course; its "after" is the check-in
at the moment the coordinator compares with (``end``, ``month_1`` or ``month_3``), by default
the latest of those it filled. A business with both is a pair.

Four queries whatever the number of businesses: the businesses, their check-ins for the course
(a row each), their credit applications, and the first enrolment in the course of each business
that applied. Medians, means and shares are worked out here in Python over those rows: 15,000
pairs are a few small lists.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from django.db import connections
from django.db.models import Case, IntegerField, Min, Q, TextField, Value, When
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import Enrolment
from credit.models import CreditApplication, Status
from lms.models import Business, Membership, Regency, Sector
from outcomes import rules
from outcomes.models import Channel, CheckIn, Moment

from . import selectors

LATEST = ""  # compare "before" with the latest of END, MONTH_1 and MONTH_3 each business filled
AFTER_MOMENTS = (rules.END, rules.MONTH_1, rules.MONTH_3)
COMPARE_CHOICES = [
    (rules.END, Moment.END.label),
    (rules.MONTH_1, Moment.MONTH_1.label),
    (rules.MONTH_3, Moment.MONTH_3.label),
]
COMPARE_LATEST_LABEL = _("The latest check-in after the course")

# The figures paired before and after: (key, the check-in's field, label).
METRICS = (
    ("revenue", "revenue_per_day", _("Revenue on a typical day (Rp)")),
    ("products", "products_per_day", _("Products sold on a typical day")),
    ("online_share", "online_share_percent", _("Share of sales made online (%)")),
    ("ad_spend", "ad_spend_last_month", _("Advertising spend last month (Rp)")),
)
# Yes/no figures shared before and after: (key, label).
SHARES = (
    ("online", _("Selling online")),
    ("books", _("Keeping written books")),
    ("monthly_report", _("Having a monthly financial report")),
)
FLAG_FIELDS = {"books": "keeps_books", "monthly_report": "has_monthly_report"}

# Beyond preparing documents: the application reached the lender.
SUBMITTED = (Status.SUBMITTED, Status.SURVEY, Status.APPROVED, Status.REFUSED, Status.DISBURSED)
APPROVED = (Status.APPROVED, Status.DISBURSED)
# A business's credit status in the table: the furthest any of its applications got.
FURTHEST = (
    Status.PREPARING,
    Status.SUBMITTED,
    Status.SURVEY,
    Status.REFUSED,
    Status.APPROVED,
    Status.DISBURSED,
)
ONLINE_CHANNELS = [channel for channel in Channel.values if channel != Channel.OFFLINE]

COMPARE_NOTE = _(
    "Each business is counted once. “Before”: its check-in before the course; “after”: %(after)s. "
    "A business with both is a pair; each change is after minus before for the same business, "
    "over the pairs that answered that question both times (unanswered questions are left out). "
    "Selling online: a share of online sales above 0 or an online channel (WhatsApp, Instagram, "
    "TikTok, Facebook, marketplaces)."
)
CREDIT_NOTE = _(
    "Credit applications: every application of a business counted here that was submitted "
    "(or, not yet submitted, recorded) on or after the business's first enrolment in this course. "
    "Submitted: past preparing documents; approved: approved or disbursed. “At OJK-supervised "
    "lenders”: of those, how many went to a lender licensed and supervised by OJK."
)


def after_label(compare: str) -> str:
    """What "after" means for ``compare``, as the page says it."""
    if compare in AFTER_MOMENTS:
        return str(Moment(compare).label).lower()
    return str(_("the latest check-in the business filled after the course"))


class CheckInValues(NamedTuple):
    """One check-in's figures (None: not answered). A tuple: tens of thousands are made for a
    province, and a frozen dataclass costs several times as much to make."""

    revenue: int | None
    products: int | None
    online_share: int | None
    ad_spend: int | None
    online: bool | None  # a share above 0 or an online channel; None: neither answered
    books: bool | None
    monthly_report: bool | None


@dataclass
class BusinessOutcome:
    """One business of the scope: its before and after check-ins and its credit applications."""

    pk: int
    name: str
    sibakul_number: str | None
    regency: str
    district: str
    sector: str
    enrolled_from: datetime.datetime | None = None  # first enrolment in the course (credit)
    before: CheckInValues | None = None
    after: CheckInValues | None = None
    after_moment: str | None = None
    applications: list[tuple[str, bool]] = field(default_factory=list)  # (status, at OJK)

    @property
    def paired(self) -> bool:
        return self.before is not None and self.after is not None

    @property
    def credit_status(self) -> str | None:
        """The furthest status any of its applications reached (None: no application)."""
        if not self.applications:
            return None
        return max((status for status, _ojk in self.applications), key=FURTHEST.index)

    @property
    def regency_label(self) -> str:
        return Regency(self.regency).label if self.regency in Regency.values else self.regency

    @property
    def sector_label(self) -> str:
        return Sector(self.sector).label if self.sector in Sector.values else self.sector


@dataclass(slots=True)
class _Outcome:
    """What ``summarise`` reads of a business (as of a ``BusinessOutcome``): its check-ins
    before and after and its credit applications."""

    before: CheckInValues | None = None
    after: CheckInValues | None = None
    after_moment: str | None = None
    enrolled_from: datetime.datetime | None = None
    applications: list[tuple[str, bool]] = field(default_factory=list)


@dataclass(frozen=True)
class MetricFigures:
    """A figure over the pairs that answered it before and after."""

    key: str
    label: str
    n: int
    before_median: Decimal | None
    before_mean: Decimal | None
    after_median: Decimal | None
    after_mean: Decimal | None
    median_change: Decimal | None  # the median of each pair's after minus before
    mean_change: Decimal | None


@dataclass(frozen=True)
class ShareFigures:
    """How many of the pairs that answered before and after said yes, before and after."""

    key: str
    label: str
    n: int
    before: int
    after: int

    @property
    def before_percent(self) -> Decimal | None:
        return selectors.percent(self.before, self.n)

    @property
    def after_percent(self) -> Decimal | None:
        return selectors.percent(self.after, self.n)


@dataclass(frozen=True)
class CreditFigures:
    """Applications of the businesses (``CREDIT_NOTE``), and of those at OJK-supervised
    lenders."""

    submitted: int = 0
    submitted_ojk: int = 0
    approved: int = 0
    approved_ojk: int = 0
    disbursed: int = 0
    disbursed_ojk: int = 0
    businesses_submitted: int = 0  # businesses with at least one submitted application


@dataclass(frozen=True)
class OutcomeSummary:
    compare: str  # LATEST or one of AFTER_MOMENTS
    businesses: int
    with_before: int
    with_after: int
    pairs: int
    metrics: list[MetricFigures]
    shares: list[ShareFigures]
    credit: CreditFigures

    def metric(self, key: str) -> MetricFigures:
        return next(figures for figures in self.metrics if figures.key == key)

    def share(self, key: str) -> ShareFigures:
        return next(figures for figures in self.shares if figures.key == key)


@dataclass(frozen=True)
class OutcomeGroup:
    """One group of a breakdown (a regency or a sector) with its summary."""

    key: str | None
    label: str
    summary: OutcomeSummary


# Reading the rows.


def business_ids(scope: selectors.Scope):
    """The businesses of the scope's enrolments (a subquery). Their learners' memberships are
    read directly: through the enrolment, the business is joined via the user row."""
    return Membership.objects.filter(user__in=scope.learners()).values("business")


def _online() -> Case:
    """1 when a check-in says the business sells online (a share above 0 or an online channel),
    0 when it says it does not, NULL when it answered neither question. Worked out in the
    database, so the channels' JSON is never decoded here."""
    channels = Cast("channels", TextField())
    online_channel = Q()
    for channel in ONLINE_CHANNELS:
        online_channel |= Q(channels_text__contains=f'"{channel}"')
    # A list holding any channel has a quote in its text; "[]" has none.
    answered = Q(online_share_percent__isnull=False) | Q(channels_text__contains='"')
    return channels, Case(
        When(Q(online_share_percent__gt=0) | online_channel, then=Value(1)),
        When(answered, then=Value(0)),
        output_field=IntegerField(),
    )


CHECKIN_COLUMNS = (
    "business_id",
    "moment",
    "revenue_per_day",
    "products_per_day",
    "online_share_percent",
    "ad_spend_last_month",
    "keeps_books",
    "has_monthly_report",
    "online",  # the annotation last, where any Django version selects it
)


def _plain_rows(queryset) -> list[tuple]:
    """``queryset``'s rows as the database driver returns them: Django's per-value converters
    cost more than the query itself at 20,000 businesses, and these columns (integers, text,
    booleans; 0/1 on SQLite) need none."""
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _flag(value) -> bool | None:
    return None if value is None else bool(value)


def _day(moment, zone) -> datetime.date | None:
    """The day of ``moment`` in ``zone`` (``timezone.localdate`` with the zone read once)."""
    return timezone.localdate(moment, zone) if moment else None


def outcome_rows(scope: selectors.Scope, *, compare: str = LATEST) -> list[BusinessOutcome]:
    """One ``BusinessOutcome`` per business of the scope, by name then id. Four queries: the
    businesses, their check-ins for the course, their credit applications, and the first
    enrolment in the course of each business that applied."""
    businesses = (
        Business.objects.filter(pk__in=business_ids(scope))
        .order_by("name", "pk")
        .values_list("pk", "name", "sibakul_number", "regency", "district", "sector")
    )
    rows = {values[0]: BusinessOutcome(*values) for values in _plain_rows(businesses)}
    if rows:
        _read_outcomes(scope, compare, rows.get)
    return list(rows.values())


def _read_outcomes(scope: selectors.Scope, compare: str, row_for) -> None:
    """Fill in the check-ins and credit applications of the scope's businesses, each on the
    row ``row_for(business pk)`` gives (None: leave that business out). Three queries: the
    check-ins for the course, the credit applications, and the first enrolment in the course
    of each business that applied."""
    if compare not in AFTER_MOMENTS:
        compare = LATEST
    course = scope.course
    in_scope = business_ids(scope)
    after_moments = AFTER_MOMENTS if compare == LATEST else (compare,)
    channels, online = _online()
    checkins = (
        CheckIn.objects.filter(
            course=course, business__in=in_scope, moment__in=(rules.BEFORE, *after_moments)
        )
        .alias(channels_text=channels)
        .annotate(online=online)
        .order_by()
        .values_list(*CHECKIN_COLUMNS)
    )
    latest = {}  # business → the position in after_moments of the after check-in kept
    plain = _plain_rows(checkins)
    for business, moment, revenue, products, share, ads, books, report, sells_online in plain:
        row = row_for(business)
        if row is None:
            continue
        values = CheckInValues(
            revenue, products, share, ads, _flag(sells_online), _flag(books), _flag(report)
        )
        if moment == rules.BEFORE:
            row.before = values
            continue
        position = after_moments.index(moment)
        if position >= latest.get(business, -1):  # the latest filled
            latest[business] = position
            row.after, row.after_moment = values, moment
    applications = (
        CreditApplication.objects.filter(business__in=in_scope)
        .order_by()
        .values_list("business", "status", "submitted_on", "created_at", "lender__ojk_supervised")
    )
    applications = list(applications)
    # Each applying business's first enrolment in the course, whoever of its members enrolled.
    first_enrolments = dict(
        Enrolment.objects.filter(
            course=course,
            learner__membership__business__in=CreditApplication.objects.values("business"),
        )
        .order_by()
        .values("learner__membership__business")
        .annotate(first=Min("enrolled_at"))
        .values_list("learner__membership__business", "first")
    )
    zone = timezone.get_current_timezone()
    for business, status, submitted_on, created_at, ojk in applications:
        enrolled_from = first_enrolments.get(business)
        if enrolled_from is None:
            continue
        row = row_for(business)
        if row is None:
            continue
        row.enrolled_from = enrolled_from
        if (submitted_on or _day(created_at, zone)) >= _day(enrolled_from, zone):
            row.applications.append((status, ojk))


# The figures: plain rows in, plain figures out.


def median(values: list) -> Decimal | None:
    """The middle value of ``values`` (the mean of the middle two for an even count)."""
    if not values:
        return None
    ordered = sorted(values)  # whole numbers: sorted as they are, far faster than Decimals
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return Decimal(ordered[middle])
    return (Decimal(ordered[middle - 1]) + Decimal(ordered[middle])) / 2


def mean(values: list) -> Decimal | None:
    return Decimal(sum(values)) / len(values) if values else None


def metric_figures(key: str, label, pairs: list[tuple[int, int]]) -> MetricFigures:
    """The figures over ``pairs`` of (before, after) values."""
    before = [pair[0] for pair in pairs]
    after = [pair[1] for pair in pairs]
    changes = [pair[1] - pair[0] for pair in pairs]
    return MetricFigures(
        key=key,
        label=str(label),
        n=len(pairs),
        before_median=median(before),
        before_mean=mean(before),
        after_median=median(after),
        after_mean=mean(after),
        median_change=median(changes),
        mean_change=mean(changes),
    )


def credit_figures(rows: Iterable[BusinessOutcome]) -> CreditFigures:
    counts = dict.fromkeys(
        ("submitted", "submitted_ojk", "approved", "approved_ojk", "disbursed", "disbursed_ojk"), 0
    )
    businesses = 0
    for row in rows:
        submitted_any = False
        for status, ojk in row.applications:
            for name, statuses in (
                ("submitted", SUBMITTED),
                ("approved", APPROVED),
                ("disbursed", (Status.DISBURSED,)),
            ):
                if status in statuses:
                    counts[name] += 1
                    counts[f"{name}_ojk"] += bool(ojk)
            submitted_any = submitted_any or status in SUBMITTED
        businesses += submitted_any
    return CreditFigures(**counts, businesses_submitted=businesses)


def summarise(
    rows: list[BusinessOutcome],
    *,
    compare: str = LATEST,
    metrics=METRICS,
    shares=SHARES,
    businesses: int | None = None,
) -> OutcomeSummary:
    """The summary of ``rows`` (``outcome_rows``): the figures of ``metrics`` and ``shares``
    (all by default; a breakdown's tables need fewer). ``businesses``: how many businesses
    are counted, when ``rows`` leaves out those with neither a check-in nor an application
    (by default, one for each row)."""
    pairs = [
        (row.before, row.after) for row in rows if row.before is not None and row.after is not None
    ]

    def answered_both(key):
        at = CheckInValues._fields.index(key)
        return [
            (before[at], after[at])
            for before, after in pairs
            if before[at] is not None and after[at] is not None
        ]

    metric_rows = [metric_figures(key, label, answered_both(key)) for key, _name, label in metrics]
    share_rows = []
    for key, label in shares:
        known = answered_both(key)
        share_rows.append(
            ShareFigures(
                key=key,
                label=str(label),
                n=len(known),
                before=sum(1 for before, _after in known if before),
                after=sum(1 for _before, after in known if after),
            )
        )
    return OutcomeSummary(
        compare=compare if compare in AFTER_MOMENTS else LATEST,
        businesses=len(rows) if businesses is None else businesses,
        with_before=sum(1 for row in rows if row.before is not None),
        with_after=sum(1 for row in rows if row.after is not None),
        pairs=len(pairs),
        metrics=metric_rows,
        shares=share_rows,
        credit=credit_figures(rows),
    )


def outcome_summary(scope: selectors.Scope, *, compare: str = LATEST) -> OutcomeSummary:
    """``summarise`` over the scope's businesses, the same figures as over ``outcome_rows``
    without reading each business: four queries (how many businesses, then as
    ``outcome_rows``), and only the businesses with a check-in or an application held."""
    businesses = Business.objects.filter(pk__in=business_ids(scope)).count()
    rows = defaultdict(_Outcome)  # a business's row made when first read
    if businesses:
        _read_outcomes(scope, compare, rows.__getitem__)
    return summarise(list(rows.values()), compare=compare, businesses=businesses)


BREAKDOWNS = {
    "regency": ("group_regency", "regency"),
    "sector": ("group_sector", "sector"),
}
BREAKDOWN_LABELS = {"regency": _("Regency or city"), "sector": _("Sector")}
# What a breakdown's table shows: revenue, then selling online and keeping books.
BREAKDOWN_METRICS = METRICS[:1]
BREAKDOWN_SHARES = SHARES[:2]


def breakdown(
    rows: list[BusinessOutcome], dimension: str, *, compare: str = LATEST
) -> list[OutcomeGroup]:
    """``rows`` grouped by the business's regency or sector (``dimension``), each group with the
    figures its table shows (``BREAKDOWN_METRICS``, ``BREAKDOWN_SHARES``, credit), in the
    choices' order as the learning reports' breakdowns show them."""
    name, attribute = BREAKDOWNS[dimension]
    _names, describe = selectors._grouping(dimension)
    groups = {}
    for row in rows:
        groups.setdefault(getattr(row, attribute) or None, []).append(row)
    described = []
    for key, members in groups.items():
        sort_key, filter_key, label = describe({name: key})
        described.append(
            (
                sort_key,
                OutcomeGroup(
                    filter_key,
                    str(label),
                    summarise(
                        members,
                        compare=compare,
                        metrics=BREAKDOWN_METRICS,
                        shares=BREAKDOWN_SHARES,
                    ),
                ),
            )
        )
    return [group for _sort, group in sorted(described, key=lambda pair: pair[0])]


def summary_rows(summary: OutcomeSummary) -> list[tuple[str, object]]:
    """The summary as (label, value) rows, for the evaluation report's files: money and counts
    as whole numbers, the rest to one decimal."""

    def rounded(value, digits):
        return None if value is None else round(value, digits)

    rows = [
        (_("Businesses counted"), summary.businesses),
        (_("Businesses with a check-in before"), summary.with_before),
        (_("Businesses with a check-in after"), summary.with_after),
        (_("Businesses with both (pairs)"), summary.pairs),
    ]
    for figures in summary.metrics:
        digits = 0 if figures.key in ("revenue", "ad_spend") else 1
        label = figures.label
        rows += [
            (_("%(figure)s: pairs") % {"figure": label}, figures.n),
            (
                _("%(figure)s: median before") % {"figure": label},
                rounded(figures.before_median, digits),
            ),
            (
                _("%(figure)s: median after") % {"figure": label},
                rounded(figures.after_median, digits),
            ),
            (
                _("%(figure)s: median change") % {"figure": label},
                rounded(figures.median_change, digits),
            ),
            (
                _("%(figure)s: mean change") % {"figure": label},
                rounded(figures.mean_change, digits),
            ),
        ]
    for share in summary.shares:
        rows += [
            (
                _("%(figure)s, before (%%)") % {"figure": share.label},
                rounded(share.before_percent, 1),
            ),
            (
                _("%(figure)s, after (%%)") % {"figure": share.label},
                rounded(share.after_percent, 1),
            ),
        ]
    credit = summary.credit
    rows += [
        (_("Credit applications submitted"), credit.submitted),
        (_("Credit applications submitted at OJK-supervised lenders"), credit.submitted_ojk),
        (_("Credit applications approved"), credit.approved),
        (_("Credit applications approved at OJK-supervised lenders"), credit.approved_ojk),
        (_("Credit applications disbursed"), credit.disbursed),
        (_("Credit applications disbursed at OJK-supervised lenders"), credit.disbursed_ojk),
    ]
    return [(str(label), value) for label, value in rows]
