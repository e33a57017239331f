"""The privacy rules as pure functions: who counts as a minor, and research pseudonyms."""

import hashlib
import hmac

# UU No. 27 Tahun 2022, Pasal 25: a child's data is processed with a parent's or guardian's consent.
ADULT_AGE = 18


def is_minor(birth_year: int | None, year: int) -> bool:
    """Whether someone born in ``birth_year`` is under 18 in ``year`` (the age they reach
    that year, as the reports count it). An unknown birth year is not a minor's."""
    return birth_year is not None and year - birth_year < ADULT_AGE


def pseudonym(user_id: int, *, key: bytes) -> str:
    """A stable id for a learner in research exports: the first 16 hex digits of the
    HMAC-SHA256 of their id under ``key``. Without the key it cannot be traced back to the id,
    and the same learner gets the same pseudonym in every export made with that key."""
    return hmac.new(key, str(user_id).encode(), hashlib.sha256).hexdigest()[:16]
