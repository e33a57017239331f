"""Loan maths for the financing course's loan simulator: plain values in, plain values out.

Amounts are whole rupiah (``Decimal``, rounded half up). Rates are annual, in percent.
"""

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from enum import Enum

from django.utils.translation import gettext_lazy as _

from lms import amounts

MAX_PRINCIPAL = Decimal(10_000_000_000)
MAX_RATE_PERCENT = Decimal(100)
MAX_RATE_DECIMALS = 4
MAX_TENOR_MONTHS = 360

INVALID_PRINCIPAL = _("Enter the loan amount in rupiah, for example 10.000.000 or 10,5 juta.")
PRINCIPAL_OUT_OF_RANGE = _("The loan amount must be more than Rp 0 and at most Rp 10.000.000.000.")
INVALID_RATE = _(
    "Enter the interest rate as a percentage from 0 to 100 with at most 4 decimals, "
    "for example 6 or 6,5."
)
INVALID_TENOR = _("Enter the loan term as a whole number of months from 1 to 360.")
INVALID_METHOD = _("Choose flat or annuity (effective) interest.")

_RUPIAH = Decimal(1)
_CENT = Decimal("0.01")
_RATE_STEP = Decimal(1).scaleb(-MAX_RATE_DECIMALS)
# Significant digits for the schedule: a balance times a rate has under 20, so exact halves
# (which decide ROUND_HALF_UP) survive the division by 1200.
_PRECISION = 50


class Method(str, Enum):  # noqa: UP042 - a str mixin keeps `Method("flat")` and `== "flat"` plain
    FLAT = "flat"
    ANNUITY = "annuity"  # "bunga efektif anuitas": equal instalments on a declining balance


@dataclass(frozen=True)
class Instalment:
    month: int  # 1-based
    principal: Decimal
    interest: Decimal
    payment: Decimal
    balance: Decimal  # principal still owed after this payment


@dataclass(frozen=True)
class LoanResult:
    monthly_instalment: Decimal  # the regular payment; the last one absorbs the rounding
    total_interest: Decimal
    total_paid: Decimal
    schedule: tuple[Instalment, ...]
    equivalent_flat_rate: Decimal  # annual flat rate, percent to 2 places, with the same interest


class LoanInputError(ValueError):
    """An input the simulator refuses; ``field`` names it, ``message`` is translatable."""

    def __init__(self, field: str, message):
        super().__init__(message)
        self.field = field
        self.message = message


def simulate(*, principal, annual_rate_percent, tenor_months, method) -> LoanResult:
    """Instalment schedule and totals for a loan.

    Inputs may be int, Decimal or text as typed in a form (the principal is read by
    parse_rupiah, rates may use a decimal comma). Raises LoanInputError for the first bad field.
    """
    principal = _principal(principal)
    rate = _rate(annual_rate_percent)
    tenor = _tenor(tenor_months)
    method = _method(method)
    with localcontext() as context:
        context.prec = _PRECISION
        if method is Method.FLAT:
            payment, schedule = _flat(principal, rate, tenor)
        else:
            payment, schedule = _annuity(principal, rate, tenor)
        total_interest = sum((row.interest for row in schedule), Decimal(0))
        equivalent = total_interest * 1200 / (principal * tenor)
        return LoanResult(
            monthly_instalment=payment,
            total_interest=total_interest,
            total_paid=sum((row.payment for row in schedule), Decimal(0)),
            schedule=schedule,
            equivalent_flat_rate=equivalent.quantize(_CENT, rounding=ROUND_HALF_UP),
        )


def parse_rupiah(text: str) -> Decimal:
    """Whole rupiah from Indonesian writing (``lms.amounts.parse_rupiah``).

    Raises LoanInputError(field="principal") when the text is not an amount.
    """
    try:
        return amounts.parse_rupiah(text)
    except amounts.InvalidAmount as error:
        raise LoanInputError("principal", INVALID_PRINCIPAL) from error


def _flat(principal: Decimal, rate: Decimal, tenor: int):
    """Same interest every month on the original principal; the last month absorbs rounding."""
    interest = _to_rupiah(principal * rate / 1200)
    regular_principal = _to_rupiah(principal / tenor)
    rows = []
    balance = principal
    for month in range(1, tenor + 1):
        part = balance if month == tenor else min(regular_principal, balance)
        balance -= part
        rows.append(Instalment(month, part, interest, part + interest, balance))
    return regular_principal + interest, tuple(rows)


def _annuity(principal: Decimal, rate: Decimal, tenor: int):
    """Equal payments; interest on the balance still owed; the last month pays off the rest."""
    payment = _annuity_payment(principal, rate, tenor)
    rows = []
    balance = principal
    for month in range(1, tenor + 1):
        interest = _to_rupiah(balance * rate / 1200)
        part = balance if month == tenor else min(payment - interest, balance)
        balance -= part
        rows.append(Instalment(month, part, interest, part + interest, balance))
    return payment, tuple(rows)


def _annuity_payment(principal: Decimal, rate: Decimal, tenor: int) -> Decimal:
    """P·r / (1 − (1 + r)^−n) with r = rate/1200, as P·rate·g / (1200·(g − b)) computed exactly.

    g = (1200 + rate)^n and b = 1200^n are exact at this precision, so a payment ending in
    exactly half a rupiah is rounded up rather than whichever way the last digit fell.
    """
    if not rate:
        return _to_rupiah(principal / tenor)
    with localcontext() as context:
        context.prec = tenor * (4 + MAX_RATE_DECIMALS) + _PRECISION
        growth = (1200 + rate) ** tenor
        base = Decimal(1200) ** tenor
        return _to_rupiah(principal * rate * growth / (1200 * (growth - base)))


def _to_rupiah(amount: Decimal) -> Decimal:
    return amount.quantize(_RUPIAH, rounding=ROUND_HALF_UP)


_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def _number(value, field: str, message) -> Decimal:
    """A finite Decimal from int, Decimal or text ("6", "6.5", "6,5"); anything else is refused."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
        raise LoanInputError(field, message)
    if isinstance(value, str):
        text = value.strip()
        if not _NUMBER.fullmatch(text):
            raise LoanInputError(field, message)
        value = text.replace(",", ".")
    number = Decimal(value)
    if not number.is_finite():
        raise LoanInputError(field, message)
    return number


def _principal(value) -> Decimal:
    if isinstance(value, str):
        amount = parse_rupiah(value)
    else:
        amount = _number(value, "principal", INVALID_PRINCIPAL)
    if not 0 < amount <= MAX_PRINCIPAL or not _to_rupiah(amount):
        raise LoanInputError("principal", PRINCIPAL_OUT_OF_RANGE)
    return _to_rupiah(amount)


def _rate(value) -> Decimal:
    if isinstance(value, str):
        value = value.strip().removesuffix("%").rstrip()
    rate = _number(value, "annual_rate_percent", INVALID_RATE)
    if not 0 <= rate <= MAX_RATE_PERCENT:
        raise LoanInputError("annual_rate_percent", INVALID_RATE)
    stepped = rate.quantize(_RATE_STEP)  # few enough digits for the annuity maths to stay exact
    if stepped != rate:
        raise LoanInputError("annual_rate_percent", INVALID_RATE)
    return abs(stepped)  # abs() turns a typed "-0" into 0


def _tenor(value) -> int:
    months = _number(value, "tenor_months", INVALID_TENOR)
    if months != months.to_integral_value() or not 1 <= months <= MAX_TENOR_MONTHS:
        raise LoanInputError("tenor_months", INVALID_TENOR)
    return int(months)


def _method(value) -> Method:
    try:
        return Method(value.strip().lower() if isinstance(value, str) else value)
    except ValueError as error:
        raise LoanInputError("method", INVALID_METHOD) from error
