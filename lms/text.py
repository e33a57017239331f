"""Text and numbers as they arrive from outside, made safe to store and show.

Browsers send UTF-8, but anyone can send a NUL (which PostgreSQL refuses in text), a lone
surrogate (from a JSON ``"\\ud800"`` escape, which no database or response can encode), digits
that are not ASCII (``"²"`` passes ``str.isdigit`` but not ``int``) or a megabyte of one word.
Free text goes through ``clean_text`` before it is stored; numbers typed into URLs and hidden
fields through ``strict_int``.
"""

import re

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_PLAIN_DIGITS = re.compile(r"[0-9]{1,18}")
PK_MAX = 2**63 - 1  # the largest primary key a bigint column holds


def clean_text(value: str) -> str:
    """``value`` without NUL characters and with each lone surrogate replaced by U+FFFD.

    Everything else (emoji, right-to-left marks, other scripts) is kept as typed.
    """
    return _LONE_SURROGATE.sub("\ufffd", value.replace("\x00", ""))


def is_clean_text(value: str) -> bool:
    return clean_text(value) == value


def strict_int(value, *, maximum: int) -> int | None:
    """The whole number 0..``maximum`` written in ASCII digits alone, else None.

    No sign, space, decimal point, superscript or other script's digits, and at most 18 digits,
    so a huge value costs nothing to refuse.
    """
    if not isinstance(value, str) or not _PLAIN_DIGITS.fullmatch(value):
        return None
    number = int(value)
    return number if number <= maximum else None


class IdConverter:
    """``<id:name>`` in a URL: a database id of 1 to 18 ASCII digits, which always fits a bigint.
    Django's ``<int:>`` takes any number of digits, and SQLite fails (a 500) on one past 2**63;
    here a longer number matches nothing, a 404 like any id that does not exist."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)
