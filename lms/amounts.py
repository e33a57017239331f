"""Amounts as people type them: the one parser behind quiz numbers, loans, check-ins and books.

Indonesian writing: a dot separates thousands and a comma starts the decimals, so "1.500.000"
is one and a half million and "1,5" is one and a half. A dot is never a decimal point: "1.5 juta"
and "10.5" are refused rather than guessed (a reader cannot tell "1.500" from "1.5" otherwise).
An optional "Rp"/"Rp." comes first, ",-" or ",00" may close whole rupiah, and a unit may follow,
with or without a space: "rb"/"ribu"/"k" (thousand), "jt"/"juta" (million), "miliar"/"milyar"
(billion) or "rupiah". Case and surrounding spaces do not matter.
"""

import re
from decimal import ROUND_HALF_UP, Decimal, localcontext

from django import forms
from django.utils.translation import gettext_lazy as _

from lms.text import clean_text

INVALID_AMOUNT = _("Enter an amount in rupiah, for example 250.000, 250rb or 1,5 juta.")
AMOUNT_TOO_LONG = _("An amount can have at most %(limit)d characters.")
AMOUNT_MAX_LENGTH = 40  # "Rp 1.000.000.000.000,-" has 22

_PRECISION = 50
_RUPIAH = Decimal(1)

_AMOUNT = re.compile(
    r"""(?:rp\.?)?\s*
    (?P<sign>-)?
    (?P<whole>[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)   # dots separate thousands
    (?:,(?P<fraction>[0-9]+|-))?            # decimal comma; "Rp 10.000,-" means whole rupiah
    \s*(?P<unit>[a-z]*)""",
    re.VERBOSE,
)
UNITS = {
    "": 1,
    "rupiah": 1,
    "k": 1_000,
    "rb": 1_000,
    "ribu": 1_000,
    "jt": 1_000_000,
    "juta": 1_000_000,
    "miliar": 1_000_000_000,
    "milyar": 1_000_000_000,
}


class InvalidAmount(ValueError):
    """Text that is not an amount; ``message`` is translatable."""

    def __init__(self, text: str = "", message=INVALID_AMOUNT):
        super().__init__(text)
        self.message = message


def parse_amount(text: str) -> Decimal:
    """The exact number in Indonesian writing: "1.500.000", "Rp 10.000.000,-", "3,28", "1,5 juta",
    "250rb", "250k". Raises InvalidAmount (a ValueError) for anything else."""
    text = str(text).strip().lower()
    match = _AMOUNT.fullmatch(text)
    if not match or match["unit"] not in UNITS:
        raise InvalidAmount(text)
    number = match["whole"].replace(".", "")
    if match["fraction"] and match["fraction"] != "-":
        number += "." + match["fraction"]
    with localcontext() as context:
        context.prec = len(text) + _PRECISION  # exact, however many digits were typed
        amount = Decimal(number) * UNITS[match["unit"]]
    return -amount if match["sign"] else amount


def to_rupiah(amount: Decimal) -> Decimal:
    """``amount`` rounded half up to whole rupiah."""
    with localcontext() as context:
        context.prec = max(len(str(amount)), 1) + _PRECISION
        return amount.quantize(_RUPIAH, rounding=ROUND_HALF_UP)


def parse_rupiah(text: str) -> Decimal:
    """Whole rupiah (rounded half up) from Indonesian writing: "10.000.000", "Rp 10.000.000,-",
    "10,5 juta", "1,5jt", "250rb", "250 ribu", "250k". Raises InvalidAmount otherwise."""
    return to_rupiah(parse_amount(text))


class RupiahField(forms.CharField):
    """A form field for whole rupiah typed as people type them; cleans to an int or None.

    ``max_value`` refuses larger amounts with ``too_large`` (a message taking ``%(limit)s``).
    """

    def __init__(self, *, max_value: int, too_large=None, **kwargs):
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"inputmode": "decimal", "maxlength": AMOUNT_MAX_LENGTH}),
        )
        super().__init__(**kwargs)
        self.max_value = max_value
        self.too_large = too_large

    def to_python(self, value):
        text = clean_text(super().to_python(value) or "")
        if not text:
            return None
        if len(text) > AMOUNT_MAX_LENGTH:
            raise forms.ValidationError(
                AMOUNT_TOO_LONG, code="max_length", params={"limit": AMOUNT_MAX_LENGTH}
            )
        try:
            amount = parse_rupiah(text)
        except InvalidAmount as error:
            raise forms.ValidationError(error.message, code="invalid") from error
        if amount < 0:
            raise forms.ValidationError(INVALID_AMOUNT, code="invalid")
        if amount > self.max_value:
            raise forms.ValidationError(
                self.too_large or INVALID_AMOUNT,
                code="max_value",
                params={"limit": format_rupiah(self.max_value)},
            )
        return int(amount)


def format_rupiah(amount: int) -> str:
    """``1500000`` as "Rp 1.500.000", the way it is written in Indonesia (and read back here)."""
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp {abs(int(amount)):,}".replace(",", ".")
