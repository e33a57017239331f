"""The loan simulator's maths: loans checked by hand, properties of every loan, refused inputs."""

import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from courses.loans import (
    INVALID_METHOD,
    INVALID_PRINCIPAL,
    INVALID_RATE,
    INVALID_TENOR,
    PRINCIPAL_OUT_OF_RANGE,
    LoanInputError,
    Method,
    parse_rupiah,
    simulate,
)

TEN_MILLION = 10_000_000


def rows(result):
    """A schedule as plain (month, principal, interest, payment, balance) tuples."""
    return [(r.month, r.principal, r.interest, r.payment, r.balance) for r in result.schedule]


# --- An independent reference: the same rules in exact fractions, written another way ---------


def half_up(amount: Fraction) -> int:
    return math.floor(amount + Fraction(1, 2))


def reference_schedule(principal: int, rate: Fraction, tenor: int, method: Method):
    """(regular payment, rows) for a loan, in exact rational arithmetic."""
    monthly = rate / 1200
    if method is Method.FLAT or not rate:
        interest = half_up(principal * monthly)
        regular = half_up(Fraction(principal, tenor))
        # Principal repaid by the end of month m: regular * m, capped, and all of it at the end.
        repaid = [min(regular * m, principal) for m in range(tenor)] + [principal]
        schedule = []
        for month in range(1, tenor + 1):
            part = repaid[month] - repaid[month - 1]
            schedule.append((month, part, interest, part + interest, principal - repaid[month]))
        return regular + interest, schedule
    payment = half_up(principal * monthly / (1 - (1 + monthly) ** -tenor))
    schedule, owed = [], principal
    for month in range(1, tenor + 1):
        interest = half_up(owed * monthly)
        part = owed if month == tenor else min(payment - interest, owed)
        owed -= part
        schedule.append((month, part, interest, part + interest, owed))
    return payment, schedule


def reference_flat_rate_hundredths(total_interest: int, principal: int, tenor: int) -> int:
    return half_up(Fraction(total_interest * 1200 * 100, principal * tenor))


# --- Loans computed by hand ---------------------------------------------------------------------


def test_flat_loan_of_ten_million_at_six_percent_matches_hand_computation():
    result = simulate(
        principal=TEN_MILLION, annual_rate_percent=6, tenor_months=12, method=Method.FLAT
    )

    # 10,000,000 / 12 = 833,333.33 -> 833,333; 10,000,000 * 6% / 12 = 50,000 every month.
    expected = [(m, 833_333, 50_000, 883_333, TEN_MILLION - 833_333 * m) for m in range(1, 12)]
    expected.append((12, 833_337, 50_000, 883_337, 0))  # 10,000,000 - 11 * 833,333
    assert rows(result) == expected
    assert result.monthly_instalment == 883_333
    assert result.total_interest == 600_000
    assert result.total_paid == 10_600_000
    assert result.equivalent_flat_rate == Decimal("6.00")


# Checked against the reference above and by hand: payment 860,664 each month; interest is
# 0.5% of the balance owed, rounded; month 12 pays the 856,387 left plus 4,282 interest.
TEN_MILLION_ANNUITY = [
    (1, 810_664, 50_000, 860_664, 9_189_336),
    (2, 814_717, 45_947, 860_664, 8_374_619),
    (3, 818_791, 41_873, 860_664, 7_555_828),
    (4, 822_885, 37_779, 860_664, 6_732_943),
    (5, 826_999, 33_665, 860_664, 5_905_944),
    (6, 831_134, 29_530, 860_664, 5_074_810),
    (7, 835_290, 25_374, 860_664, 4_239_520),
    (8, 839_466, 21_198, 860_664, 3_400_054),
    (9, 843_664, 17_000, 860_664, 2_556_390),
    (10, 847_882, 12_782, 860_664, 1_708_508),
    (11, 852_121, 8_543, 860_664, 856_387),
    (12, 856_387, 4_282, 860_669, 0),
]


def test_annuity_loan_of_ten_million_at_six_percent_matches_hand_computation():
    result = simulate(
        principal=TEN_MILLION, annual_rate_percent=6, tenor_months=12, method=Method.ANNUITY
    )

    assert rows(result) == TEN_MILLION_ANNUITY
    assert result.monthly_instalment == 860_664
    assert result.total_interest == 327_973
    assert result.total_paid == 10_327_973
    assert result.equivalent_flat_rate == Decimal("3.28")  # 327,973 / 10,000,000 / 1 year


def test_annuity_payment_for_ten_million_is_the_textbook_formula_rounded_to_rupiah():
    exact = TEN_MILLION * Fraction(5, 1000) / (1 - Fraction(1005, 1000) ** -12)

    assert Fraction("860664.29") < exact < Fraction("860664.30")
    assert half_up(exact) == 860_664
    payment, schedule = reference_schedule(TEN_MILLION, Fraction(6), 12, Method.ANNUITY)
    assert (payment, schedule) == (860_664, TEN_MILLION_ANNUITY)
    assert sum(interest for _, _, interest, _, _ in schedule) == 327_973


def test_kur_loan_of_fifty_million_at_six_percent_effective_over_three_years():
    annuity = simulate(
        principal="Rp 50.000.000", annual_rate_percent="6", tenor_months=36, method="annuity"
    )
    flat = simulate(principal="50 juta", annual_rate_percent="6", tenor_months=36, method="flat")

    # 50,000,000 * 0.005 / (1 - 1.005^-36) = 1,521,096.87
    assert annuity.monthly_instalment == 1_521_097
    assert {row.payment for row in annuity.schedule[:-1]} == {1_521_097}
    assert rows(annuity)[-1] == (36, 1_513_525, 7_568, 1_521_093, 0)
    assert annuity.total_interest == 4_759_488
    assert annuity.total_paid == 54_759_488
    assert annuity.equivalent_flat_rate == Decimal("3.17")
    # The same 6% quoted flat: 250,000 interest a month and 1,388,889 principal (last 1,388,885).
    assert flat.monthly_instalment == 1_638_889
    assert rows(flat)[-1] == (36, 1_388_885, 250_000, 1_638_885, 0)
    assert flat.total_interest == 9_000_000
    assert flat.equivalent_flat_rate == Decimal("6.00")


@pytest.mark.parametrize("method", list(Method))
def test_interest_free_loan_repays_the_principal_in_equal_parts(method):
    result = simulate(principal=TEN_MILLION, annual_rate_percent=0, tenor_months=12, method=method)

    expected = [(m, 833_333, 0, 833_333, TEN_MILLION - 833_333 * m) for m in range(1, 12)]
    expected.append((12, 833_337, 0, 833_337, 0))
    assert rows(result) == expected
    assert result.monthly_instalment == 833_333
    assert result.total_interest == 0
    assert result.total_paid == TEN_MILLION
    assert result.equivalent_flat_rate == Decimal("0.00")


@pytest.mark.parametrize("method", list(Method))
def test_one_month_loan_repays_principal_plus_one_month_of_interest(method):
    result = simulate(principal=TEN_MILLION, annual_rate_percent=6, tenor_months=1, method=method)

    assert rows(result) == [(1, TEN_MILLION, 50_000, 10_050_000, 0)]
    assert result.monthly_instalment == 10_050_000
    assert result.total_interest == 50_000
    assert result.equivalent_flat_rate == Decimal("6.00")


@pytest.mark.parametrize(
    ("principal", "rate", "tenor", "exact", "expected"),
    [
        # 1,002,500 at 0.5% a month: payment 505,012.5, interest 5,012.5 then 2,512.5.
        (
            1_002_500,
            6,
            2,
            Fraction("505012.5"),
            [(1, 500_000, 5_013, 505_013, 502_500), (2, 502_500, 2_513, 505_013, 0)],
        ),
        (
            1_338_925,
            24,
            3,
            Fraction("464278.5"),
            [
                (1, 437_500, 26_779, 464_279, 901_425),
                (2, 446_250, 18_029, 464_279, 455_175),
                (3, 455_175, 9_104, 464_279, 0),
            ],
        ),
    ],
)
def test_annuity_payment_of_exactly_half_a_rupiah_more_is_rounded_up(
    principal, rate, tenor, exact, expected
):
    # Evaluated with 50 significant digits, the textbook formula lands a hair under these halves.
    monthly = Fraction(rate, 1200)
    assert principal * monthly / (1 - (1 + monthly) ** -tenor) == exact

    result = simulate(
        principal=principal, annual_rate_percent=rate, tenor_months=tenor, method=Method.ANNUITY
    )

    assert result.monthly_instalment == exact + Fraction(1, 2)
    assert rows(result) == expected


@pytest.mark.parametrize("method", list(Method))
def test_interest_of_exactly_half_a_rupiah_more_is_rounded_up(method):
    # 4% a year is 1/300 a month, which never ends as a decimal: 2,747,150,550 / 300 = 9,157,168.5.
    assert Fraction(2_747_150_550, 300) == Fraction("9157168.5")

    result = simulate(
        principal="2.747.150.550", annual_rate_percent=4, tenor_months=1, method=method
    )

    assert rows(result) == [(1, 2_747_150_550, 9_157_169, 2_756_307_719, 0)]
    assert result.monthly_instalment == 2_756_307_719


def test_tiny_flat_loan_never_repays_more_than_is_owed():
    result = simulate(principal=13, annual_rate_percent=0, tenor_months=8, method=Method.FLAT)

    # 13 / 8 = 1.625 -> 2 a month would overshoot; the seventh month takes the last rupiah.
    assert [row.principal for row in result.schedule] == [2, 2, 2, 2, 2, 2, 1, 0]
    assert [row.balance for row in result.schedule] == [11, 9, 7, 5, 3, 1, 0, 0]


@pytest.mark.parametrize(
    ("typed", "rounded"), [("1000000.5", 1_000_001), ("1000000.49", 1_000_000)]
)
def test_principal_in_fractions_of_a_rupiah_is_rounded_half_up(typed, rounded):
    result = simulate(
        principal=Decimal(typed), annual_rate_percent=0, tenor_months=1, method=Method.FLAT
    )

    assert rows(result) == [(1, rounded, 0, rounded, 0)]


def test_form_text_gives_the_same_loan_as_numbers():
    from_form = simulate(
        principal="Rp 10.000.000,-",
        annual_rate_percent="6,5 %",
        tenor_months=" 12 ",
        method="Annuity ",
    )
    from_numbers = simulate(
        principal=Decimal(TEN_MILLION),
        annual_rate_percent=Decimal("6.5"),
        tenor_months=12,
        method=Method.ANNUITY,
    )

    assert from_form == from_numbers


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("principal", 1),
        ("principal", 10_000_000_000),
        ("principal", "10 miliar"),
        ("annual_rate_percent", 0),
        ("annual_rate_percent", 100),
        ("annual_rate_percent", "6,1234"),
        ("annual_rate_percent", Decimal("6.50000000")),
        ("tenor_months", 1),
        ("tenor_months", 360),
        ("tenor_months", "12.0"),
        ("tenor_months", Decimal("12.00")),
    ],
)
def test_values_at_the_edges_of_what_is_allowed_are_accepted(field, value):
    loan = {
        "principal": TEN_MILLION,
        "annual_rate_percent": 6,
        "tenor_months": 12,
        "method": Method.FLAT,
    }

    result = simulate(**{**loan, field: value})

    assert result.schedule[-1].balance == 0


# --- Properties of every valid loan -------------------------------------------------------------

principals = st.integers(min_value=1, max_value=10_000_000_000)
rates = st.one_of(
    st.integers(min_value=0, max_value=30).map(Decimal),
    st.decimals(min_value=0, max_value=100, places=4),
)
tenors = st.integers(min_value=1, max_value=360)
methods = st.sampled_from(Method)


@given(principal=principals, rate=rates, tenor=tenors, method=methods)
def test_every_loan_is_repaid_exactly_over_its_tenor(principal, rate, tenor, method):
    result = simulate(
        principal=principal, annual_rate_percent=rate, tenor_months=tenor, method=method
    )

    assert [row.month for row in result.schedule] == list(range(1, tenor + 1))
    assert sum(row.principal for row in result.schedule) == principal
    assert result.schedule[-1].balance == 0


@given(principal=principals, rate=rates, tenor=tenors, method=methods)
def test_balance_never_goes_negative_or_up(principal, rate, tenor, method):
    result = simulate(
        principal=principal, annual_rate_percent=rate, tenor_months=tenor, method=method
    )

    owed = principal
    for row in result.schedule:
        assert row.principal >= 0
        assert row.interest >= 0
        assert row.payment == row.principal + row.interest
        assert row.balance == owed - row.principal
        assert 0 <= row.balance <= owed
        owed = row.balance


@given(principal=principals, rate=rates, tenor=tenors, method=methods)
def test_totals_reconcile_with_the_schedule_to_the_rupiah(principal, rate, tenor, method):
    result = simulate(
        principal=principal, annual_rate_percent=rate, tenor_months=tenor, method=method
    )

    assert result.total_interest == sum(row.interest for row in result.schedule)
    assert result.total_paid == sum(row.payment for row in result.schedule)
    assert result.total_paid == principal + result.total_interest
    amounts = [result.monthly_instalment, result.total_interest, result.total_paid]
    amounts += [amount for row in rows(result) for amount in row[1:]]
    assert all(amount == amount.to_integral_value() for amount in amounts)


@given(principal=principals, rate=rates, tenor=tenors, method=methods)
def test_every_loan_matches_the_exact_rational_reference(principal, rate, tenor, method):
    result = simulate(
        principal=principal, annual_rate_percent=rate, tenor_months=tenor, method=method
    )

    payment, schedule = reference_schedule(principal, Fraction(rate), tenor, method)
    assert result.monthly_instalment == payment
    assert rows(result) == schedule
    hundredths = reference_flat_rate_hundredths(int(result.total_interest), principal, tenor)
    assert result.equivalent_flat_rate == Decimal(hundredths) / 100


@given(
    principal=principals,
    rate=rates.filter(bool),
    tenor=st.integers(min_value=2, max_value=360),
)
def test_annuity_never_costs_more_interest_than_flat_at_the_same_rate(principal, rate, tenor):
    loan = {"principal": principal, "annual_rate_percent": rate, "tenor_months": tenor}

    annuity = simulate(**loan, method=Method.ANNUITY)
    flat = simulate(**loan, method=Method.FLAT)

    assert annuity.total_interest <= flat.total_interest
    assert annuity.equivalent_flat_rate <= flat.equivalent_flat_rate


# Rounding each month's flat interest moves the equivalent rate by up to 600 / principal points,
# so from Rp 1 million up it stays within the 0.01 that two decimal places can show.
@given(
    principal=st.integers(min_value=1_000_000, max_value=10_000_000_000), rate=rates, tenor=tenors
)
def test_flat_loan_equivalent_flat_rate_is_its_own_rate(principal, rate, tenor):
    result = simulate(
        principal=principal, annual_rate_percent=rate, tenor_months=tenor, method=Method.FLAT
    )

    assert abs(result.equivalent_flat_rate - rate) <= Decimal("0.01")


@given(principal=principals, rate=rates, tenor=tenors, method=methods)
def test_indonesian_form_text_gives_the_same_loan_as_numbers(principal, rate, tenor, method):
    as_numbers = simulate(
        principal=principal, annual_rate_percent=rate, tenor_months=tenor, method=method
    )
    as_text = simulate(
        principal=f"Rp {principal:,}".replace(",", "."),
        annual_rate_percent=str(rate).replace(".", ","),
        tenor_months=str(tenor),
        method=method.value,
    )

    assert as_text == as_numbers


# --- Reading amounts written the Indonesian way -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("10.000.000", 10_000_000),
        ("10000000", 10_000_000),
        ("Rp 10.000.000", 10_000_000),
        ("Rp10.000.000", 10_000_000),
        ("Rp. 10.000.000,-", 10_000_000),
        ("rp 10.000.000,00", 10_000_000),
        ("  10.000  ", 10_000),
        ("10.000.000 rupiah", 10_000_000),
        ("10,5 juta", 10_500_000),
        ("1,5jt", 1_500_000),
        ("2 juta", 2_000_000),
        ("2 JT", 2_000_000),
        ("750 ribu", 750_000),
        ("750rb", 750_000),
        ("1,25 miliar", 1_250_000_000),
        ("1.234,5", 1_235),
        ("1.234,49", 1_234),
    ],
)
def test_amounts_written_the_indonesian_way_are_read_as_whole_rupiah(text, amount):
    parsed = parse_rupiah(text)

    assert isinstance(parsed, Decimal)
    assert parsed == amount
    assert parsed == parsed.to_integral_value()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "Rp",
        "juta",
        "1.5jt",  # the dot separates thousands, so this is no amount
        "10.5",
        "10.00.000",
        "10.000.000.00",
        "10,000,000",
        "10 juta juta",
        "10 dollar",
        "1e6",
        "NaN",
        "Infinity",
    ],
)
def test_text_that_is_not_an_amount_is_refused(text):
    with pytest.raises(LoanInputError) as error:
        parse_rupiah(text)

    assert error.value.field == "principal"
    assert str(error.value) == str(INVALID_PRINCIPAL)


@given(amount=st.integers(min_value=0, max_value=10_000_000_000), style=st.integers(0, 3))
def test_any_amount_written_with_thousands_dots_reads_back_unchanged(amount, style):
    dotted = f"{amount:,}".replace(",", ".")
    text = ["{}", "Rp {}", "Rp. {},-", "{},00"][style].format(dotted)

    assert parse_rupiah(text) == amount


# --- Refused inputs -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("principal", "abc", INVALID_PRINCIPAL),
        ("principal", "", INVALID_PRINCIPAL),
        ("principal", "1.5jt", INVALID_PRINCIPAL),
        ("principal", "NaN", INVALID_PRINCIPAL),
        ("principal", Decimal("NaN"), INVALID_PRINCIPAL),
        ("principal", Decimal("sNaN"), INVALID_PRINCIPAL),
        ("principal", Decimal("Infinity"), INVALID_PRINCIPAL),
        ("principal", None, INVALID_PRINCIPAL),
        ("principal", 1_000_000.0, INVALID_PRINCIPAL),
        ("principal", True, INVALID_PRINCIPAL),
        ("principal", 0, PRINCIPAL_OUT_OF_RANGE),
        ("principal", "0", PRINCIPAL_OUT_OF_RANGE),
        ("principal", "-10.000.000", PRINCIPAL_OUT_OF_RANGE),
        ("principal", -1, PRINCIPAL_OUT_OF_RANGE),
        ("principal", Decimal("0.4"), PRINCIPAL_OUT_OF_RANGE),
        ("principal", 10_000_000_001, PRINCIPAL_OUT_OF_RANGE),
        ("principal", "10.000.000.001", PRINCIPAL_OUT_OF_RANGE),
        ("principal", Decimal("1E+40"), PRINCIPAL_OUT_OF_RANGE),
        ("annual_rate_percent", "abc", INVALID_RATE),
        ("annual_rate_percent", "", INVALID_RATE),
        ("annual_rate_percent", "%", INVALID_RATE),
        ("annual_rate_percent", "-1", INVALID_RATE),
        ("annual_rate_percent", -1, INVALID_RATE),
        ("annual_rate_percent", "100,01", INVALID_RATE),
        ("annual_rate_percent", Decimal("100.0001"), INVALID_RATE),
        ("annual_rate_percent", "6.12345", INVALID_RATE),
        ("annual_rate_percent", "1e1", INVALID_RATE),
        ("annual_rate_percent", "NaN", INVALID_RATE),
        ("annual_rate_percent", Decimal("Infinity"), INVALID_RATE),
        ("annual_rate_percent", 6.5, INVALID_RATE),
        ("annual_rate_percent", None, INVALID_RATE),
        ("tenor_months", "12.5", INVALID_TENOR),
        ("tenor_months", "12,5", INVALID_TENOR),
        ("tenor_months", Decimal("12.5"), INVALID_TENOR),
        ("tenor_months", 0, INVALID_TENOR),
        ("tenor_months", 361, INVALID_TENOR),
        ("tenor_months", -12, INVALID_TENOR),
        ("tenor_months", "", INVALID_TENOR),
        ("tenor_months", "abc", INVALID_TENOR),
        ("tenor_months", "12 bulan", INVALID_TENOR),
        ("tenor_months", "Infinity", INVALID_TENOR),
        ("tenor_months", Decimal("NaN"), INVALID_TENOR),
        ("tenor_months", 12.0, INVALID_TENOR),
        ("tenor_months", True, INVALID_TENOR),
        ("tenor_months", None, INVALID_TENOR),
        ("method", "", INVALID_METHOD),
        ("method", "efektif", INVALID_METHOD),
        ("method", "flat rate", INVALID_METHOD),
        ("method", None, INVALID_METHOD),
        ("method", 1, INVALID_METHOD),
    ],
)
def test_invalid_input_is_refused_naming_the_field(field, value, message):
    loan = {
        "principal": TEN_MILLION,
        "annual_rate_percent": 6,
        "tenor_months": 12,
        "method": Method.ANNUITY,
    }

    with pytest.raises(LoanInputError) as error:
        simulate(**{**loan, field: value})

    assert isinstance(error.value, ValueError)
    assert error.value.field == field
    assert str(error.value) == str(message)
