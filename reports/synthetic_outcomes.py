"""Business outcomes for `seed_synthetic` (issue 15): check-ins, cash books and credit
applications for the businesses a run has just written.

Called by ``reports.synthetic.generate`` once the learners and their progress are in, inside
the same transaction. Its own ``random.Random`` (seeded from the run's generator) drives every
figure, so the same seed on the same database state and day gives the same books. Rows are
drawn a chunk of businesses at a time and written through the same ``Table`` (COPY on
PostgreSQL), so a million and a half cash-book lines never sit in memory together.

- Each course the run used gets a check-in plan (all four moments) unless it has one.
- Check-ins, per business and course it is in: "before" for most, "end" for most of those
  whose member completed the course, some one and three months after; each inside the window
  ``outcomes.rules`` opens for it, filled by a member. Revenue on a typical day is log-normal
  between Rp 50rb and Rp 5 juta, usually a little higher after the course, with more sold
  online and more keeping books.
- A six-month cash book (about ``entries_per_month`` lines a month, mostly sales) for
  ``cashbook_businesses`` businesses, those registered before the book starts first.
- Credit applications for about CREDIT_SHARE of the businesses, at OJK-supervised lenders
  for about OJK_SHARE of them, each at a step of the financing course with the dates and
  amounts that step needs.
"""

import calendar
import math
import random
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from cashbook import services as cashbook_services
from cashbook.models import Category, Entry, Kind
from cashbook.models import Channel as CashChannel
from courses.models import CourseCompletion
from credit.models import CreditApplication, Document, Lender, LenderKind, Status
from outcomes import rules as outcome_rules
from outcomes.models import Channel, CheckIn, CheckInPlan, Moment
from reports.synthetic import Table

DEFAULT_CASHBOOK_BUSINESSES = 5000
DEFAULT_ENTRIES_PER_MONTH = 60
CASHBOOK_MONTHS = 6
CHUNK = 150  # businesses a round: their members (at most 900) fit one SQL ``IN (...)``

# Who answers, as probabilities.
BEFORE_TAKEN = 0.8  # per business and course it is in
END_AFTER_BEFORE = 0.85  # of businesses whose member completed the course
END_WITHOUT_BEFORE = 0.35
MONTH_1_TAKEN = 0.5  # once its window has opened
MONTH_3_TAKEN = 0.35
LEFT_BLANK = 0.04  # each optional figure
CREDIT_SHARE = 0.08
OJK_SHARE = 0.7
SALE_SHARE = 0.75  # of cash-book lines
OWNER_WRITES = 0.65  # the rest by another member, when there is one

REVENUE_MIN, REVENUE_MAX = 50_000, 5_000_000
REVENUE_MEDIAN = 400_000
WORKING_DAYS = 26  # a month's sales, in typical days

COST_WEIGHTS = {
    Category.STOCK: 46,
    Category.TRANSPORT: 14,
    Category.OTHER: 11,
    Category.WAGES: 10,
    Category.ADVERTISING: 9,
    Category.RENT: 5,
    Category.LOAN: 5,
}
# A cost line's amount: (share of a typical day's revenue, or None for a flat amount; low; high)
COST_SIZES = {
    Category.STOCK: (True, 0.6, 2.5),
    Category.TRANSPORT: (False, 10_000, 90_000),
    Category.OTHER: (False, 10_000, 250_000),
    Category.WAGES: (True, 0.6, 1.6),
    Category.ADVERTISING: (False, 20_000, 200_000),
    Category.RENT: (True, 1.0, 4.0),
    Category.LOAN: (True, 1.0, 3.0),
}
# Content, not interface text: Indonesian as owners write their books.
COST_NOTES = {
    Category.STOCK: ["bahan baku", "belanja pasar", "kemasan", "tepung", "gula", "kain", ""],
    Category.TRANSPORT: ["bensin", "ongkos kirim", "ojek antar pesanan", ""],
    Category.OTHER: ["listrik", "pulsa dan kuota", "air galon", "perbaikan alat", ""],
    Category.WAGES: ["upah karyawan", "upah harian", ""],
    Category.ADVERTISING: ["iklan Instagram", "iklan Facebook", "promosi marketplace", ""],
    Category.RENT: ["sewa kios", "sewa lapak", ""],
    Category.LOAN: ["angsuran pinjaman", "angsuran KUR", ""],
}
SALE_NOTES = ["", "", "", "", "", "pesanan WhatsApp", "pelanggan tetap", "titip warung", "pasar"]
ONLINE_CHANNELS = [
    Channel.WHATSAPP,
    Channel.INSTAGRAM,
    Channel.MARKETPLACE,
    Channel.FACEBOOK,
    Channel.TIKTOK,
]
CHANNEL_CHANCE = [0.9, 0.5, 0.35, 0.3, 0.2]  # each channel, for a business selling online
SOCIAL = {Channel.INSTAGRAM, Channel.FACEBOOK, Channel.TIKTOK}

STATUS_WEIGHTS = {
    Status.PREPARING: 12,
    Status.SUBMITTED: 13,
    Status.SURVEY: 12,
    Status.APPROVED: 10,
    Status.REFUSED: 15,
    Status.DISBURSED: 38,
}
ROAD = [Status.PREPARING, Status.SUBMITTED, Status.SURVEY, Status.APPROVED, Status.DISBURSED]
NO_SURVEY = {LenderKind.PAWNSHOP, LenderKind.P2P_PLATFORM, LenderKind.COOPERATIVE}
PRODUCTS = {
    LenderKind.KUR_BANK: ["KUR Mikro", "KUR Mikro", "KUR Super Mikro"],
    LenderKind.REGIONAL_BANK: ["KUR Mikro", "Kredit Modal Kerja"],
    LenderKind.BANK: ["Kredit Modal Kerja"],
    LenderKind.PAWNSHOP: ["Gadai emas", "Pembiayaan usaha mikro"],
    LenderKind.NON_BANK: ["Mekaar", "ULaMM"],
    LenderKind.COOPERATIVE: ["Pinjaman anggota"],
    LenderKind.P2P_PLATFORM: ["Pinjaman modal usaha"],
    LenderKind.OTHER: ["Pinjaman usaha"],
}
RATES = {  # percent a year: (low, high)
    LenderKind.KUR_BANK: (6, 6),
    LenderKind.REGIONAL_BANK: (6, 11),
    LenderKind.BANK: (9, 13),
    LenderKind.PAWNSHOP: (12, 18),
    LenderKind.NON_BANK: (18, 26),
    LenderKind.COOPERATIVE: (12, 20),
    LenderKind.P2P_PLATFORM: (16, 24),
    LenderKind.OTHER: (24, 48),
}
OTHER_LENDERS = ["Koperasi karyawan", "BPR di kecamatan", "Arisan usaha kampung", "Bank keliling"]
PURPOSES = [
    "Menambah bahan baku menjelang ramai pembeli.",
    "Membeli alat produksi baru.",
    "Merenovasi tempat usaha.",
    "Membeli etalase dan rak.",
    "Menambah stok barang dagangan.",
    "Membeli sepeda motor untuk antar pesanan.",
]

MINUTE, HOUR, DAY = timedelta(minutes=1), timedelta(hours=1), timedelta(days=1)


@dataclass
class Profile:
    """How a business stood before its first course, and how it changes after."""

    revenue: float  # on a typical day, rupiah
    price: int  # of one product
    online: int  # percent of sales made online
    online_gain: int  # percentage points more after a course
    channels: list
    followers: int
    ad_spend: int  # last month
    keeps_books: bool
    has_report: bool
    growth: float  # revenue after a course, as a multiple of before
    book: bool = False  # keeps the site's cash book


def _round(amount: float, step: int) -> int:
    return max(step, int(round(amount / step)) * step)


def _rupiah(amount: float) -> int:
    """An amount as people say it: to Rp 5.000 from Rp 100rb, else to Rp 1.000."""
    return _round(amount, 5000 if amount >= 100_000 else 1000)


def _profile(rng: random.Random, book: bool) -> Profile:
    revenue = min(REVENUE_MAX, max(REVENUE_MIN, rng.lognormvariate(math.log(REVENUE_MEDIAN), 0.8)))
    online = 0 if rng.random() < 0.35 else rng.randint(5, 50)
    channels = [Channel.OFFLINE]
    if online:
        channels = [
            c for c, p in zip(ONLINE_CHANNELS, CHANNEL_CHANCE, strict=True) if rng.random() < p
        ]
        channels = channels or [Channel.WHATSAPP]
    social = bool(SOCIAL & set(channels))
    return Profile(
        revenue=revenue,
        price=_round(min(250_000, max(2_000, rng.lognormvariate(math.log(15_000), 0.9))), 500),
        online=online,
        online_gain=max(0, round(rng.gauss(10, 8))),
        channels=channels,
        followers=round(rng.lognormvariate(math.log(300), 1.2)) if social else 0,
        ad_spend=0 if rng.random() < 0.65 else _rupiah(rng.uniform(0.05, 0.5) * revenue),
        keeps_books=rng.random() < 0.3,
        has_report=rng.random() < 0.15,
        growth=min(2.5, max(0.7, rng.gauss(1.15, 0.2))),
        book=book,
    )


def _figures(rng: random.Random, profile: Profile, step: int, applied: bool) -> dict:
    """The figures of a check-in ``step`` moments after "before" (0 before, 1 end, 2 and 3 the
    follow-ups), as the check-in form would accept them without a second look."""
    after = step > 0
    growth = (profile.growth * (1 + 0.03 * (step - 1)) if after else 1) * rng.uniform(0.93, 1.07)
    revenue = min(REVENUE_MAX, max(REVENUE_MIN, _rupiah(profile.revenue * growth)))
    online = min(100, profile.online + (profile.online_gain if after else 0))
    channels = list(profile.channels)
    if after and online and channels == [Channel.OFFLINE]:
        channels = [Channel.WHATSAPP]
    if after and online and rng.random() < 0.4:
        extra = [c for c in ONLINE_CHANNELS if c not in channels]
        channels += extra[:1]
    channels = [c.value for c in Channel if c in channels]  # the form's order
    followers = profile.followers
    if SOCIAL & set(channels):
        followers = max(followers, 30) * (rng.uniform(1.2, 2.5) if after else 1)
    ad_spend = profile.ad_spend
    if after and (ad_spend or rng.random() < 0.35):
        ad_spend = _rupiah(max(ad_spend, 50_000) * rng.uniform(1.0, 1.8))
    figures = {
        "revenue_per_day": revenue,
        "products_per_day": max(1, round(revenue / profile.price)),
        "online_share_percent": online,
        "channels": channels,
        "followers": round(followers),
        "ad_spend_last_month": min(ad_spend, revenue * 31),
        "keeps_books": profile.keeps_books or (after and (profile.book or rng.random() < 0.45)),
        "has_monthly_report": profile.has_report or (after and rng.random() < 0.35),
        "applied_for_credit": applied or rng.random() < 0.05,
    }
    for name in ("products_per_day", "online_share_percent", "followers", "ad_spend_last_month"):
        if rng.random() < LEFT_BLANK:
            figures[name] = None
    for name in ("keeps_books", "has_monthly_report", "applied_for_credit"):
        if rng.random() < LEFT_BLANK:
            figures[name] = None
    return figures


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _month_starts(last_day: date, months: int) -> list[date]:
    first = last_day.replace(day=1)
    starts = [first]
    for _ in range(months - 1):
        first = (first - DAY).replace(day=1)
        starts.append(first)
    return starts[::-1]


class OutcomesWriter:
    """Check-ins, cash books and credit applications, a chunk of businesses at a time."""

    def __init__(self, rng, period, *, cashbook_businesses, entries_per_month, lenders):
        self.rng, self.period = rng, period
        self.entries_per_month = entries_per_month
        self.cashbook_businesses = cashbook_businesses
        self.last_day = period.local_date(period.end - MINUTE)
        self.book_months = _month_starts(self.last_day, CASHBOOK_MONTHS)
        self.supervised = [lender for lender in lenders if lender.ojk_supervised]
        self.unsupervised = [lender for lender in lenders if not lender.ojk_supervised]
        self.checkins = Table(
            CheckIn,
            (
                "business",
                "course",
                "moment",
                "products_per_day",
                "revenue_per_day",
                "online_share_percent",
                "channels",
                "followers",
                "ad_spend_last_month",
                "keeps_books",
                "has_monthly_report",
                "applied_for_credit",
                "filled_by",
                "filled_at",
                "updated_by",
                "updated_at",
            ),
            "check-ins",
        )
        self.entries = Table(
            Entry,
            (
                "business",
                "day",
                "kind",
                "amount",
                "units",
                "channel",
                "category",
                "note",
                "author",
                "token",
                "created_at",
            ),
            "cash book entries",
        )
        self.applications = Table(
            CreditApplication,
            (
                "business",
                "lender",
                "other_lender_name",
                "product",
                "amount_requested",
                "purpose",
                "status",
                "submitted_on",
                "survey_on",
                "decided_on",
                "disbursed_on",
                "amount_approved",
                "rate_percent_per_year",
                "tenor_months",
                "documents",
                "notes",
                "token",
                "created_by",
                "created_at",
                "updated_at",
            ),
            "credit applications",
        )
        self.businesses_with_checkins = 0

    def write(self, summary, batch_size: int) -> None:
        for table in (self.checkins, self.entries, self.applications):
            table.write(summary, batch_size)

    def _member(self, members: list, at: datetime) -> int:
        """The owner, or now and then another member who had joined by ``at``."""
        if len(members) == 1 or self.rng.random() < OWNER_WRITES:
            return members[0][0]
        others = [pk for pk, joined in members[1:] if joined <= at]
        return self.rng.choice(others) if others else members[0][0]

    def business(self, business, members, courses, plans, book: bool) -> None:
        """Everything one business recorded: ``courses`` maps each course it is in to (first
        enrolment, first completion or None)."""
        rng = self.rng
        profile = _profile(rng, book)
        applied_at = None
        if (self.supervised or self.unsupervised) and rng.random() < CREDIT_SHARE:
            applied_at = self.credit(business, members)
        wrote = False
        for course_id in sorted(courses):
            enrolled_at, completed_at = courses[course_id]
            wrote |= self.course_checkins(
                business,
                members,
                course_id,
                plans.get(course_id, ()),
                profile,
                applied_at,
                enrolled_at,
                completed_at,
            )
        self.businesses_with_checkins += wrote
        if book:
            self.cash_book(business, members, profile)

    # --- Check-ins ----------------------------------------------------------------------------

    def course_checkins(
        self, business, members, course_id, moments, profile, applied_at, enrolled_at, completed
    ) -> bool:
        rng, period = self.rng, self.period
        end = period.end
        filled = {}
        if Moment.BEFORE in moments and rng.random() < BEFORE_TAKEN:
            closes = period.midnight(period.local_date(completed)) if completed else end
            room = min(closes, end) - enrolled_at
            if room > 10 * MINUTE:
                at = enrolled_at + min(room - MINUTE, timedelta(minutes=rng.uniform(5, 10_080)))
                filled[Moment.BEFORE] = at
        if completed is not None:
            completed_on = period.local_date(completed)
            end_chance = END_AFTER_BEFORE if Moment.BEFORE in filled else END_WITHOUT_BEFORE
            windows = (
                (Moment.END, completed, end_chance, 29),
                (Moment.MONTH_1, None, MONTH_1_TAKEN, 59),
                (Moment.MONTH_3, None, MONTH_3_TAKEN, 89),
            )
            for moment, opens, chance, days in windows:
                if opens is None:
                    after = outcome_rules.OPENS_AFTER_COMPLETION[moment]
                    opens = period.midnight(completed_on + timedelta(days=after))
                if moment not in moments or opens >= end or rng.random() >= chance:
                    continue
                at = opens + timedelta(hours=rng.uniform(1, 24 * days))
                if at < end:
                    filled[moment] = at
        for step, moment in enumerate(outcome_rules.MOMENTS):
            if moment not in filled:
                continue
            at = filled[moment]
            applied = applied_at is not None and applied_at <= at
            figures = _figures(rng, profile, step, applied)
            person = self._member(members, at)
            self.checkins.add(
                business.pk,
                course_id,
                moment,
                figures["products_per_day"],
                figures["revenue_per_day"],
                figures["online_share_percent"],
                figures["channels"],
                figures["followers"],
                figures["ad_spend_last_month"],
                figures["keeps_books"],
                figures["has_monthly_report"],
                figures["applied_for_credit"],
                person,
                at,
                person,
                at,
            )
        return bool(filled)

    # --- The cash book ------------------------------------------------------------------------

    def cash_book(self, business, members, profile: Profile) -> None:
        """About ``entries_per_month`` lines in each of the book's months, from the day the
        business joined; sales at its prices, costs sized to its takings."""
        rng, period = self.rng, self.period
        first_day = period.local_date(business.created_at)
        revenue = profile.revenue * profile.growth
        per_month = max(1, self.entries_per_month)
        for month in self.book_months:
            days = calendar.monthrange(month.year, month.month)[1]
            start = max(month, first_day)
            last = min(month + timedelta(days=days - 1), self.last_day)
            if last < start:
                continue
            span = (last - start).days + 1
            lines = max(1, round(per_month * rng.uniform(0.8, 1.2) * span / days))
            sales = max(1, round(lines * SALE_SHARE))
            sale_size = revenue * WORKING_DAYS * span / days / sales
            for _ in range(lines):
                day = start + timedelta(days=rng.randrange(span))
                at = period.midnight(day) + timedelta(hours=rng.uniform(6, 21))
                if rng.random() < SALE_SHARE:
                    amount = sale_size * rng.lognormvariate(0, 0.35)
                    units = min(cashbook_services.MAX_UNITS, max(1, round(amount / profile.price)))
                    online = rng.random() * 100 < profile.online
                    row = (
                        Kind.SALE,
                        min(units * profile.price, cashbook_services.MAX_AMOUNT),
                        units,
                        CashChannel.ONLINE if online else CashChannel.OFFLINE,
                        "",
                        rng.choice(SALE_NOTES),
                    )
                else:
                    category = rng.choices(list(COST_WEIGHTS), weights=COST_WEIGHTS.values())[0]
                    scaled, low, high = COST_SIZES[category]
                    amount = rng.uniform(low, high) * (revenue if scaled else 1)
                    amount = min(_round(amount, 1000), cashbook_services.MAX_AMOUNT)
                    row = (Kind.COST, amount, 0, "", category, rng.choice(COST_NOTES[category]))
                self.entries.add(business.pk, day, *row, self._member(members, at), _uuid(rng), at)

    # --- Credit -------------------------------------------------------------------------------

    def credit(self, business, members) -> datetime | None:
        """One application at a step of the road, its dates each after the last and none after
        the period; returns when it was created (None when the period leaves no room)."""
        rng, period = self.rng, self.period
        pool = self.supervised if rng.random() < OJK_SHARE else self.unsupervised
        lender = rng.choice(pool or self.supervised or self.unsupervised)
        status = rng.choices(list(STATUS_WEIGHTS), weights=STATUS_WEIGHTS.values())[0]
        surveyed = lender.kind not in NO_SURVEY or rng.random() < 0.2
        if status == Status.SURVEY:
            surveyed = True
        gaps = {  # days from the step before
            Status.SUBMITTED: rng.randint(2, 30),
            Status.SURVEY: rng.randint(2, 14) if surveyed else None,
            "decided": rng.randint(2, 21),
            Status.DISBURSED: rng.randint(1, 14),
        }
        refused = status == Status.REFUSED
        reached = ROAD.index(Status.APPROVED if refused else status)
        plan = []  # (field, gap) up to the status
        for position, step in enumerate(ROAD[1:], start=1):
            if position > reached:
                break
            if step == Status.SURVEY and not surveyed:
                continue
            key = "decided" if step == Status.APPROVED else step
            plan.append((key, gaps[key]))
        span = sum(gap for _, gap in plan)
        earliest = max(business.created_at, period.start) + DAY
        latest = period.end - DAY * (span + 1)
        if latest <= earliest:
            return None
        created = earliest + (latest - earliest) * rng.random()
        dates = {}
        day = period.local_date(created)
        for key, gap in plan:
            day += timedelta(days=gap)
            dates[key] = day
        kind = lender.kind
        requested = _round(
            min(100_000_000, max(2_000_000, rng.lognormvariate(math.log(15e6), 0.7))), 500_000
        )
        approved = None
        if status in (Status.APPROVED, Status.DISBURSED):
            approved = _round(requested * rng.choice([1, 1, 1, 0.8, 0.5]), 500_000)
        low, high = RATES[kind]
        documents = [Document.KTP, Document.KK]
        if status != Status.PREPARING or rng.random() < 0.5:
            documents.append(Document.NIB)
        if rng.random() < (0.7 if status != Status.PREPARING else 0.3):
            documents.append(Document.FINANCIAL_REPORT)
        if rng.random() < 0.4:
            documents.append(Document.COLLATERAL)
        last_step = max(dates.values(), default=None)
        updated = (
            period.midnight(last_step) + timedelta(hours=rng.uniform(8, 20))
            if last_step
            else created
        )
        self.applications.add(
            business.pk,
            lender.pk,
            rng.choice(OTHER_LENDERS) if lender.is_other else "",
            rng.choice(PRODUCTS[kind]),
            Decimal(requested),
            rng.choice(PURPOSES),
            status,
            dates.get(Status.SUBMITTED),
            dates.get(Status.SURVEY),
            dates.get("decided"),
            dates.get(Status.DISBURSED),
            None if approved is None else Decimal(approved),
            Decimal(round(rng.uniform(low, high) * 2) / 2).quantize(Decimal("0.0001")),
            rng.choice([12, 18, 24, 36]),
            [key.value for key in Document if key in documents],
            "",
            _uuid(rng),
            self._member(members, created),
            created,
            min(updated, period.end - MINUTE),
        )
        return created


# --- The run ------------------------------------------------------------------------------------


def check_in_plans(courses) -> tuple[dict, int]:
    """Each course's moments, with a plan (all four) made for a course without one."""
    plans, created = {}, 0
    for spec in courses:
        plan, made = CheckInPlan.objects.get_or_create(course=spec.course)
        plans[spec.course.pk] = plan.moments
        created += made
    return plans, created


def _chosen_for_books(rng, businesses, first_month: date, period, number: int) -> set[int]:
    """Indexes of ``number`` businesses, drawn among those registered before the book's first
    month, then the earliest registered of the others."""
    early = [i for i, b in enumerate(businesses) if period.local_date(b.created_at) < first_month]
    number = min(number, len(businesses))
    if len(early) >= number:
        return set(rng.sample(early, number))
    later = sorted(
        (i for i, b in enumerate(businesses) if period.local_date(b.created_at) >= first_month),
        key=lambda i: businesses[i].created_at,
    )
    return set(early) | set(later[: number - len(early)])


def write(
    rng: random.Random,
    period,
    courses,
    businesses,
    learners,
    *,
    summary,
    cashbook_businesses: int = DEFAULT_CASHBOOK_BUSINESSES,
    entries_per_month: int = DEFAULT_ENTRIES_PER_MONTH,
    batch_size: int,
    report=None,
) -> None:
    """The outcomes of the written ``businesses`` and ``learners`` (their pks set); ``report``
    is called with a line of text after each tenth of the businesses."""
    rng = random.Random(rng.getrandbits(64))  # noqa: S311 - synthetic data, not secrets
    report = report or (lambda line: None)
    plans, created = check_in_plans(courses)
    summary.add("check-in plans", created)
    members = defaultdict(list)  # business index → (learner pk, joined), the owner first
    by_pk = {}
    for learner in learners:
        by_pk[learner.pk] = learner
        if learner.is_owner:
            members[learner.business].insert(0, (learner.pk, learner.date_joined))
        else:
            members[learner.business].append((learner.pk, learner.date_joined))
    lenders = list(Lender.objects.filter(active=True).order_by("pk"))
    writer = OutcomesWriter(
        rng,
        period,
        cashbook_businesses=cashbook_businesses,
        entries_per_month=entries_per_month,
        lenders=lenders,
    )
    books = _chosen_for_books(
        rng, businesses, writer.book_months[0], period, max(0, cashbook_businesses)
    )
    step = max(CHUNK, len(businesses) // 10 // CHUNK * CHUNK)
    for offset in range(0, len(businesses), CHUNK):
        indexes = range(offset, min(offset + CHUNK, len(businesses)))
        in_courses = defaultdict(dict)  # business index → {course id: [enrolled, completed]}
        chunk_learners = []
        for index in indexes:
            chunk_learners += [pk for pk, _joined in members[index]]
        for learner in (by_pk[pk] for pk in chunk_learners):
            for enrolment in learner.enrolments:
                slot = in_courses[learner.business].setdefault(
                    enrolment.course.course.pk, [enrolment.enrolled_at, None]
                )
                slot[0] = min(slot[0], enrolment.enrolled_at)
        completions = CourseCompletion.objects.filter(learner_id__in=chunk_learners)
        for learner_id, course_id, at in completions.values_list(
            "learner_id", "course_id", "completed_at"
        ):
            slot = in_courses[by_pk[learner_id].business].get(course_id)
            if slot is not None and (slot[1] is None or at < slot[1]):
                slot[1] = at
        for index in indexes:
            writer.business(
                businesses[index],
                members[index],
                {course: tuple(slot) for course, slot in in_courses[index].items()},
                plans,
                index in books,
            )
        writer.write(summary, batch_size)
        done = indexes.stop
        if done % step == 0 or done == len(businesses):
            report(f"outcomes of {done:,} of {len(businesses):,} businesses written")
    report(f"check-ins for {writer.businesses_with_checkins:,} businesses")
