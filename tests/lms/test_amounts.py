"""The one amount parser: Indonesian writing, units, refusals, and amounts that read back."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from lms.amounts import (
    AMOUNT_TOO_LONG,
    INVALID_AMOUNT,
    InvalidAmount,
    RupiahField,
    format_rupiah,
    parse_amount,
    parse_rupiah,
)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("250rb", 250_000),
        ("250 rb", 250_000),
        ("250 ribu", 250_000),
        ("250RB", 250_000),
        ("250k", 250_000),
        ("250 K", 250_000),
        ("1,5jt", 1_500_000),
        ("1,5 juta", 1_500_000),
        ("Rp 250.000", 250_000),
        ("Rp250.000,-", 250_000),
        ("rp. 250.000,00", 250_000),
        ("Rp\xa0250.000", 250_000),
        ("  12.500  ", 12_500),
        ("2,5k", 2_500),
        ("1,25 miliar", 1_250_000_000),
        ("0", 0),
        ("1.234,5", 1_235),
        ("1.234,49", 1_234),
    ],
)
def test_amounts_as_people_type_them_are_read_as_whole_rupiah(text, amount):
    parsed = parse_rupiah(text)

    assert isinstance(parsed, Decimal)
    assert parsed == amount


def test_parse_amount_keeps_decimals():
    assert parse_amount("3,28") == Decimal("3.28")
    assert parse_amount("-1,5") == Decimal("-1.5")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "rb",
        "Rp",
        "1.5 juta",  # a dot separates thousands: never a decimal point
        "1.5jt",
        "10.5",
        "250.00",
        "10,000,000",
        "250 ribu ribu",
        "250 dollar",
        "²",
        "2²",
        "٣",
        "1e6",
        "NaN",
        "250\x00",
    ],
)
def test_text_that_is_not_an_amount_is_refused(text):
    with pytest.raises(InvalidAmount) as error:
        parse_rupiah(text)

    assert isinstance(error.value, ValueError)
    assert error.value.message == INVALID_AMOUNT


_SCALED = st.sampled_from([(1_000, "rb"), (1_000, " ribu"), (1_000, "k"), (1_000_000, " juta")])


@given(amount=st.integers(min_value=0, max_value=10**13), style=st.integers(0, 4))
def test_an_amount_written_with_thousands_dots_reads_back(amount, style):
    text = ["{}", "Rp {}", "Rp{},-", "{},00", "Rp. {}"][style].format(
        f"{amount:,}".replace(",", ".")
    )

    assert parse_rupiah(text) == amount
    assert parse_rupiah(format_rupiah(amount)) == amount


@given(count=st.integers(min_value=0, max_value=10**6), unit=_SCALED, tenths=st.booleans())
def test_an_amount_written_in_thousands_or_millions_reads_back_when_exact(count, unit, tenths):
    size, word = unit
    if tenths:  # "1,5 juta": one decimal of the unit, exact for rb/juta
        text = f"{count // 10},{count % 10}{word}"
        expected = count * size // 10
    else:
        text = f"{count}{word}"
        expected = count * size

    assert parse_rupiah(text) == expected


def test_the_shared_form_field_cleans_to_whole_rupiah_or_a_clear_message():
    field = RupiahField(max_value=1_000_000, required=False)

    assert field.clean("250rb") == 250_000
    assert field.clean("") is None
    assert field.clean("  ") is None
    for bad in ("abc", "-5", "²", "x" * 100_000, "\ud800"):
        with pytest.raises(ValidationError) as error:
            field.clean(bad)
        assert error.value.code in {"invalid", "max_length"}
    with pytest.raises(ValidationError) as error:
        field.clean("1" * 41)
    assert str(AMOUNT_TOO_LONG % {"limit": 40}) in error.value.messages[0]
    with pytest.raises(ValidationError) as error:
        field.clean("2 juta")
    assert error.value.code == "max_value"
