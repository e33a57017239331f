"""The business-outcome figures (issue 15, item 5), worked out on paper.

The province (tests/reports/conftest.py) has four businesses with a learner enrolled: A (a1 and
a2, Sleman, culinary), B (b1, Bantul, craft), D (d1, Bantul, culinary), E (e1, Kulon Progo,
trade); C (Sleman, fashion) is not enrolled. ``record_outcomes`` gives them these check-ins
(revenue / products / online share / ad spend / books / monthly report; channels):

- A before: 100.000 / 10 / 0 / 0 / no / no; offline only.
  A end: 150.000 / 12 / 20 / 50.000 / yes / no; WhatsApp.
  A month 1: 200.000 / 15 / 30 / 100.000 / yes / yes; WhatsApp.
- B before: 50.000 / – / – / – / – / no; no channel.  B end: 40.000 / – / 10 / 20.000 / yes / no.
- D before: 80.000 / 8 / 0 / 0 / no / no; no channel. No check-in after.
- E before: 300.000 / 30 / 50 / 200.000 / yes / yes; marketplace.
  E month 3: 360.000 / 33 / 60 / 150.000 / yes / yes.
- C (not enrolled) before and end, and A in another course: never counted.

Credit: A approved at Bank BPD DIY (submitted 5 Oct, after a1 enrolled on 1 Oct), A preparing,
A disbursed but submitted 1 Sep (before enrolling: left out); B refused at BRI (submitted
today, the day b1 enrolled); E disbursed at a savings cooperative (not OJK-supervised); C
approved (not counted).
"""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from courses.models import Enrolment
from outcomes.models import CheckIn
from reports import charts, outcomes, selectors
from tests.factories import build_course, build_credit_application

pytestmark = pytest.mark.django_db

D = Decimal
FIELDS = (
    "revenue_per_day",
    "products_per_day",
    "online_share_percent",
    "ad_spend_last_month",
    "keeps_books",
    "has_monthly_report",
)


def checkin(business, course, moment, figures, channels=()):
    return CheckIn.objects.create(
        business=business,
        course=course,
        moment=moment,
        channels=list(channels),
        **dict(zip(FIELDS, figures, strict=True)),
    )


def record_outcomes(province):
    """The check-ins and credit applications above."""
    course = province.course
    a, b, c, d, e = (
        getattr(province, name).membership.business for name in ("a1", "b1", "c1", "d1", "e1")
    )
    checkin(a, course, "before", (100_000, 10, 0, 0, False, False), ["offline"])
    checkin(a, course, "end", (150_000, 12, 20, 50_000, True, False), ["whatsapp"])
    checkin(a, course, "month_1", (200_000, 15, 30, 100_000, True, True), ["whatsapp"])
    checkin(b, course, "before", (50_000, None, None, None, None, False))
    checkin(b, course, "end", (40_000, None, 10, 20_000, True, False), ["instagram"])
    checkin(d, course, "before", (80_000, 8, 0, 0, False, False))
    checkin(e, course, "before", (300_000, 30, 50, 200_000, True, True), ["marketplace"])
    checkin(e, course, "month_3", (360_000, 33, 60, 150_000, True, True), ["marketplace"])
    checkin(c, course, "before", (1, 1, 1, 1, True, True))
    checkin(c, course, "end", (9_999_999, 99, 99, 99, True, True))
    other = build_course(weeks=1, lessons_per_week=1, slug="kursus-lain")
    checkin(a, other, "before", (1, 1, 1, 1, True, True))
    checkin(a, other, "end", (9_999_999, 99, 99, 99, True, True))
    today = timezone.localdate()
    build_credit_application(
        a, status="approved", submitted_on=datetime.date(2026, 10, 5), lender="Bank BPD DIY"
    )
    build_credit_application(a)  # preparing documents
    build_credit_application(a, status="disbursed", submitted_on=datetime.date(2026, 9, 1))
    build_credit_application(
        b, status="refused", submitted_on=today, lender="BRI (Bank Rakyat Indonesia)"
    )
    build_credit_application(
        e,
        status="disbursed",
        submitted_on=datetime.date(2026, 10, 20),
        lender="Koperasi simpan pinjam (KSP/KSPPS)",
    )
    build_credit_application(c, status="approved", submitted_on=today)
    return province


@pytest.fixture
def recorded(province):
    return record_outcomes(province)


def scope_of(province, **filters):
    enrolments = Enrolment.objects.filter(course=province.course, **filters)
    return selectors.scope_for(course=province.course, enrolments=enrolments)


def test_businesses_are_counted_once_with_their_before_and_latest_after(recorded):
    rows = outcomes.outcome_rows(scope_of(recorded))
    by_name = {row.name: row for row in rows}
    assert sorted(by_name) == ["A", "B", "D", "E"]  # A once for a1 and a2; C not enrolled
    assert by_name["A"].after_moment == "month_1"
    assert by_name["A"].after.revenue == 200_000
    assert by_name["B"].after_moment == "end"
    assert by_name["D"].before.revenue == 80_000
    assert by_name["D"].after is None
    assert by_name["E"].after_moment == "month_3"


def test_each_answer_reaches_its_own_figure(recorded):
    d = recorded.d1.membership.business
    CheckIn.objects.filter(business=d, moment="before").update(
        keeps_books=True, has_monthly_report=None
    )
    rows = {row.name: row for row in outcomes.outcome_rows(scope_of(recorded))}
    assert rows["D"].before == outcomes.CheckInValues(80_000, 8, 0, 0, False, True, None)
    assert rows["B"].before == outcomes.CheckInValues(50_000, None, None, None, None, None, False)
    assert rows["B"].after == outcomes.CheckInValues(40_000, None, 10, 20_000, True, True, False)


def test_summary_counts_businesses_with_before_after_and_both(recorded):
    summary = outcomes.outcome_summary(scope_of(recorded))
    assert (summary.businesses, summary.with_before, summary.with_after, summary.pairs) == (
        4,
        4,
        3,
        3,
    )


def test_revenue_medians_and_means_over_three_pairs(recorded):
    revenue = outcomes.outcome_summary(scope_of(recorded)).metric("revenue")
    # Before 50k, 100k, 300k; after 40k, 200k, 360k; changes -10k, +100k, +60k.
    assert revenue.n == 3
    assert revenue.before_median == D(100_000)
    assert revenue.before_mean == D(150_000)
    assert revenue.after_median == D(200_000)
    assert revenue.after_mean == D(200_000)
    assert revenue.median_change == D(60_000)
    assert revenue.mean_change == D(50_000)


def test_an_unanswered_figure_leaves_its_pair_out_and_an_even_median_is_the_middle_two(
    recorded,
):
    summary = outcomes.outcome_summary(scope_of(recorded))
    products = summary.metric("products")  # B did not say: A 10 → 15, E 30 → 33
    assert (products.n, products.before_median, products.after_median) == (2, D(20), D(24))
    assert (products.median_change, products.mean_change) == (D(4), D(4))
    online = summary.metric("online_share")  # A 0 → 30, E 50 → 60
    assert (online.n, online.before_median, online.after_median) == (2, D(25), D(45))
    assert (online.median_change, online.before_mean) == (D(20), D(25))
    ads = summary.metric("ad_spend")  # A 0 → 100k, E 200k → 150k
    assert (ads.n, ads.before_median, ads.after_median) == (2, D(100_000), D(125_000))
    assert (ads.median_change, ads.mean_change) == (D(25_000), D(25_000))


def test_shares_selling_online_keeping_books_and_reporting_before_and_after(recorded):
    summary = outcomes.outcome_summary(scope_of(recorded))
    online = summary.share("online")  # B before: neither share nor channel, left out
    assert (online.n, online.before, online.after) == (2, 1, 2)
    assert (online.before_percent, online.after_percent) == (D(50), D(100))
    books = summary.share("books")  # B before unanswered
    assert (books.n, books.before, books.after) == (2, 1, 2)
    report = summary.share("monthly_report")  # A no → yes, B no → no, E yes → yes
    assert (report.n, report.before, report.after) == (3, 1, 2)
    assert round(report.before_percent, 1) == D("33.3")


def test_credit_applications_since_enrolment_submitted_approved_disbursed_and_at_ojk(recorded):
    credit = outcomes.outcome_summary(scope_of(recorded)).credit
    assert credit == outcomes.CreditFigures(
        submitted=3,  # A approved, B refused, E disbursed
        submitted_ojk=2,  # BPD DIY, BRI
        approved=2,  # A approved, E disbursed
        approved_ojk=1,
        disbursed=1,
        disbursed_ojk=0,  # a savings cooperative
        businesses_submitted=3,
    )


def test_the_business_credit_status_is_the_furthest_of_its_applications(recorded):
    rows = {row.name: row for row in outcomes.outcome_rows(scope_of(recorded))}
    assert rows["A"].credit_status == "approved"  # the earlier disbursal predates enrolling
    assert rows["B"].credit_status == "refused"
    assert rows["D"].credit_status is None


@pytest.mark.parametrize(
    ("compare", "pairs", "before_median", "after_median", "median_change"),
    [
        ("end", 2, D(75_000), D(95_000), D(20_000)),  # A 100k → 150k, B 50k → 40k
        ("month_1", 1, D(100_000), D(200_000), D(100_000)),  # A
        ("month_3", 1, D(300_000), D(360_000), D(60_000)),  # E
        ("", 3, D(100_000), D(200_000), D(60_000)),  # the latest
    ],
)
def test_compare_with_a_chosen_moment(
    recorded, compare, pairs, before_median, after_median, median_change
):
    summary = outcomes.outcome_summary(scope_of(recorded), compare=compare)
    revenue = summary.metric("revenue")
    assert summary.pairs == pairs
    assert (revenue.before_median, revenue.after_median, revenue.median_change) == (
        before_median,
        after_median,
        median_change,
    )


def test_the_shared_filters_narrow_the_businesses(recorded):
    summary = outcomes.outcome_summary(
        scope_of(recorded, learner__membership__business__regency="bantul")
    )
    assert (summary.businesses, summary.pairs) == (2, 1)  # B and D; B paired
    assert summary.credit.submitted == 1


def test_breakdown_by_regency_and_sector_in_the_choices_order(recorded):
    rows = outcomes.outcome_rows(scope_of(recorded))
    regencies = outcomes.breakdown(rows, "regency")
    assert [(g.key, g.summary.businesses, g.summary.pairs) for g in regencies] == [
        ("sleman", 1, 1),
        ("bantul", 2, 1),
        ("kulon_progo", 1, 1),
    ]
    bantul = regencies[1].summary
    assert bantul.metric("revenue").median_change == D(-10_000)
    assert bantul.credit.submitted == 1
    assert bantul.credit.approved == 0
    sectors = outcomes.breakdown(rows, "sector")
    assert [g.key for g in sectors] == ["culinary", "craft", "trade"]
    assert sectors[0].summary.businesses == 2  # A and D


def test_no_business_gives_empty_figures(province):
    summary = outcomes.outcome_summary(scope_of(province))
    assert (summary.businesses, summary.pairs) == (4, 0)
    revenue = summary.metric("revenue")
    assert (revenue.n, revenue.before_median, revenue.mean_change) == (0, None, None)
    assert summary.share("online").before_percent is None
    assert summary.credit == outcomes.CreditFigures()


def test_the_figures_take_four_queries(recorded, django_assert_num_queries):
    scope = scope_of(recorded)
    with django_assert_num_queries(4):
        outcomes.outcome_rows(scope)


@pytest.mark.parametrize(
    ("values", "expected"),
    [([], None), ([7], D(7)), ([3, 1, 2], D(2)), ([4, 1, 3, 2], D("2.5")), ([-5, 5], D(0))],
)
def test_median(values, expected):
    assert outcomes.median(values) == expected


def test_summary_rows_name_every_figure_rounded(recorded):
    with translation.override("en"):
        rows = dict(outcomes.summary_rows(outcomes.outcome_summary(scope_of(recorded))))
    assert rows["Businesses with both (pairs)"] == 3
    assert rows["Revenue on a typical day (Rp): median change"] == 60_000
    assert rows["Selling online, after (%)"] == D("100.0")
    assert rows["Credit applications approved at OJK-supervised lenders"] == 1


def test_paired_bars_draw_before_and_after_with_the_change_in_the_table():
    spec = charts.paired_bars(
        "Pendapatan", [("Sleman", 100, 200), ("Bantul", 50, None)], before_label="Sebelum"
    )
    assert spec.kind == "paired"
    assert spec.svg_template == "reports/charts/paired.svg.html"
    sleman, bantul = spec.rows
    assert [bar.width for bar in sleman.bars] == ["50%", "100%"]
    assert sleman.bars[0].series == "Sebelum"
    assert bantul.bars[1].value is None
    assert [cell.value for cell in spec.table.rows[0].cells] == [100, 200, 100]
    assert spec.table.rows[1].cells[2].value is None
    assert not spec.empty
    with pytest.raises(ValueError, match="negative"):
        charts.paired_bars("x", [("a", -1, 2)])
    assert charts.paired_bars("x", [("a", None, None)]).empty


@pytest.mark.parametrize(
    ("compare", "with_after"),
    [(outcomes.LATEST, 3), ("end", 2), ("month_1", 1), ("month_3", 1)],  # A B E; A B; A; E
)
def test_the_summary_reads_no_business_row_and_equals_the_summary_of_the_rows(
    recorded, compare, with_after, django_assert_num_queries
):
    """The evaluation report's summary counts the businesses and reads only the check-ins and
    applications; its figures are those of ``summarise`` over every business row."""
    chosen = scope_of(recorded)
    with django_assert_num_queries(4):  # the count, check-ins, applications, first enrolments
        summary = outcomes.outcome_summary(chosen, compare=compare)

    assert summary == outcomes.summarise(
        outcomes.outcome_rows(chosen, compare=compare), compare=compare
    )
    assert (summary.businesses, summary.with_before, summary.with_after) == (4, 4, with_after)


def test_the_summary_counts_a_business_with_neither_check_in_after_nor_credit(recorded):
    summary = outcomes.outcome_summary(scope_of(recorded, learner=recorded.d1))  # D: before only
    assert (summary.businesses, summary.with_before, summary.with_after) == (1, 1, 0)
    assert summary.credit == outcomes.CreditFigures()
