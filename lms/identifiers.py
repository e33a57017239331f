"""The identifiers people type: Indonesian mobile numbers, SiBakul numbers, business join codes."""

import re
import secrets

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

INVALID_PHONE = _(
    "Enter a valid Indonesian mobile number, for example 0812 3456 7890 or +62 812 3456 7890."
)

_ALLOWED = re.compile(r"\+?[\d\s.()-]+")


def normalise_phone(raw: str) -> str:
    """Return the E.164 form of an Indonesian mobile number, or raise ValidationError.

    Accepts ``0812…``, ``812…``, ``+62812…`` and ``62 812-…``, with spaces, dots or dashes.
    """
    text = (raw or "").strip()
    digits = "".join(ch for ch in text if ch.isdigit())
    if not digits or not _ALLOWED.fullmatch(text):
        raise ValidationError(INVALID_PHONE, code="invalid_phone")
    international = text.startswith("+") or digits.startswith("62")
    candidate = "+" + digits if international else digits
    try:
        number = phonenumbers.parse(candidate, "ID")
    except phonenumbers.NumberParseException as error:
        raise ValidationError(INVALID_PHONE, code="invalid_phone") from error
    is_mobile = phonenumbers.number_type(number) in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    )
    if number.country_code != 62 or not phonenumbers.is_valid_number(number) or not is_mobile:
        raise ValidationError(INVALID_PHONE, code="invalid_phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def looks_like_phone(raw: str) -> bool:
    """True when a sign-in identifier is meant as a phone number rather than an email."""
    return "@" not in (raw or "")


def sign_in_key(raw: str) -> str:
    """One spelling per account for what someone typed to sign in, for counting failed attempts.

    A mobile number in any common form becomes its E.164 form (``0812…`` and ``+62 812-…`` are one
    account); an email, or anything that is not a valid number, is trimmed and lower-cased.
    """
    text = (raw or "").strip()
    if looks_like_phone(text):
        try:
            return normalise_phone(text)
        except ValidationError:
            pass
    return text.lower()


def format_phone(e164: str) -> str:
    """Human form for display: ``+62 812-3456-7890``."""
    number = phonenumbers.parse(e164, None)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def national_phone(e164: str) -> str:
    """The number as people in Indonesia write it: ``0812-3456-7890`` (in a spreadsheet, a
    leading ``+`` would start a formula)."""
    number = phonenumbers.parse(e164, None)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


INVALID_SIBAKUL = _(
    "A SiBakul registration number has 6 to 20 digits (spaces, dots and dashes are ignored)."
)
_SIBAKUL = re.compile(r"\d{6,20}")


def normalise_sibakul_number(raw: str) -> str:
    """Return the SiBakul registration number as digits only, or raise ValidationError.

    The register issues numeric identifiers; separators people add when copying them are dropped.
    """
    text = (raw or "").strip()
    digits = re.sub(r"[\s.-]", "", text)
    if not _SIBAKUL.fullmatch(digits):
        raise ValidationError(INVALID_SIBAKUL, code="invalid_sibakul")
    return digits


# No 0/O, 1/I/L: a code read aloud or copied from a phone screen survives the trip.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 6


def new_join_code(choice=secrets.choice) -> str:
    """A random join code; ``choice`` picks each character (a seeded one for synthetic data)."""
    return "".join(choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


# The ValidationError code of a join code that names no business or class: a guess, counted by
# lms.throttling.join_code_tried.
UNKNOWN_JOIN_CODE = "join_code_unknown"


def normalise_join_code(raw: str) -> str:
    return re.sub(r"[\s-]", "", raw or "").upper()
