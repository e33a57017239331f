import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from lms.identifiers import (
    INVALID_PHONE,
    INVALID_SIBAKUL,
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    format_phone,
    new_join_code,
    normalise_join_code,
    normalise_phone,
    normalise_sibakul_number,
)


@pytest.mark.parametrize(
    "typed",
    [
        "0812 3456 7890",
        "081234567890",
        "81234567890",
        "+6281234567890",
        "62 812-3456-7890",
        "+62 812.3456.7890",
        "(0812) 3456-7890",
    ],
)
def test_every_common_way_of_writing_a_number_is_stored_the_same(typed):
    assert normalise_phone(typed) == "+6281234567890"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "0274 512345",  # Yogyakarta landline
        "021 5551234",  # Jakarta landline
        "0812",
        "0812 3456 7890 1234 5",
        "+1 202 555 0143",  # not Indonesian
        "+60 12-345 6789",  # Malaysian mobile
        "0812-3456-789O",  # letter O typed for zero
        "nomor saya 0812 3456 7890",
    ],
)
def test_what_is_not_an_indonesian_mobile_number_is_refused(typed):
    with pytest.raises(ValidationError) as error:
        normalise_phone(typed)
    assert error.value.messages == [str(INVALID_PHONE)]


@given(
    subscriber=st.integers(min_value=10_000_000, max_value=99_999_999),
    prefix=st.sampled_from(["812", "813", "821", "852", "857", "878", "895"]),
    style=st.sampled_from(["0{p} {a} {b}", "{p}{a}{b}", "+62{p}{a}{b}", "62 {p}-{a}-{b}"]),
)
def test_normalised_number_does_not_depend_on_how_it_was_typed(subscriber, prefix, style):
    digits = str(subscriber)
    typed = style.format(p=prefix, a=digits[:4], b=digits[4:])
    assert normalise_phone(typed) == f"+62{prefix}{digits}"


def test_display_form_is_readable():
    assert format_phone("+6281234567890") == "+62 812-3456-7890"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("340100012345", "340100012345"), ("3401-0001-2345", "340100012345"), (" 3401 00 ", "340100")],
)
def test_sibakul_numbers_keep_only_their_digits(typed, stored):
    assert normalise_sibakul_number(typed) == stored


@pytest.mark.parametrize("typed", ["12345", "SB-340100012345", "1" * 21, "3401/0001"])
def test_malformed_sibakul_numbers_are_refused(typed):
    with pytest.raises(ValidationError) as error:
        normalise_sibakul_number(typed)
    assert error.value.messages == [str(INVALID_SIBAKUL)]


def test_join_codes_avoid_characters_that_are_easy_to_confuse():
    codes = {new_join_code() for _ in range(200)}
    assert len(codes) > 190
    for code in codes:
        assert len(code) == JOIN_CODE_LENGTH
        assert set(code) <= set(JOIN_CODE_ALPHABET)
        assert not set(code) & set("01OIL")


def test_join_code_as_typed_is_tolerated():
    assert normalise_join_code(" abc-23k ") == "ABC23K"
