"""Age bands for the reports, as a pure rule on a birth year and the current year.

A learner's age is the age they reach this year (``year - birth_year``). A birth year that
gives an age outside ``PLAUSIBLE_AGES`` (a typo, a year in the future) counts as unknown, as
does none at all.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class AgeBand:
    key: str  # also its label: "18-24"
    youngest: int | None  # ages, both ends included; None: open-ended
    oldest: int | None


AGE_BANDS = (
    AgeBand("<18", None, 17),
    AgeBand("18-24", 18, 24),
    AgeBand("25-34", 25, 34),
    AgeBand("35-44", 35, 44),
    AgeBand("45-54", 45, 54),
    AgeBand("55+", 55, None),
)
PLAUSIBLE_AGES = range(10, 101)  # 10 to 100 years old


def age_band(birth_year: int | None, year: int) -> str | None:
    """The key of the band the learner's age falls in this ``year``; None when unknown."""
    if birth_year is None:
        return None
    age = year - birth_year
    if age not in PLAUSIBLE_AGES:
        return None
    for band in AGE_BANDS:
        if (band.youngest is None or age >= band.youngest) and (
            band.oldest is None or age <= band.oldest
        ):
            return band.key
    return None


def birth_years(band: AgeBand, year: int) -> tuple[int, int]:
    """The first and last birth year of ``band`` in ``year`` (within the plausible ages)."""
    youngest = max(band.youngest or PLAUSIBLE_AGES.start, PLAUSIBLE_AGES.start)
    oldest = min(band.oldest or PLAUSIBLE_AGES.stop - 1, PLAUSIBLE_AGES.stop - 1)
    return year - oldest, year - youngest
