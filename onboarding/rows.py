"""The rules for one imported sheet, as plain values in and out: no database, no request.

A sheet is a header row and data rows of cells (text, numbers, dates as Excel or a CSV gives
them), maybe below a title row or blank rows (``header_row_index`` finds the headings).
``cell_text`` turns any cell into trimmed text (``812345678.0`` -> ``"812345678"``, a date
-> ``"1980-05-12"``); ``guess_mapping`` pairs our fields with the sheet's headings;
``check_rows`` says, for every row, what it would do (new, update, refused) and why.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lms.districts import official_district
from lms.identifiers import normalise_phone, normalise_sibakul_number
from lms.models import FULL_NAME_MAX_LENGTH, Regency, Sector
from lms.text import clean_text

BUSINESS_NAME_MAX_LENGTH = 150
CELL_MAX_LENGTH = 500  # longer cells are cut before any check; no field holds more than 150
HEADER_SEARCH_ROWS = 20  # the headings are looked for in a sheet's first rows with anything
EXCEL_DIGITS = 15  # Excel keeps a number's first 15 digits and turns the rest into zeros
EXCEL_DAY_ZERO = datetime.date(1899, 12, 30)  # serial 1 is 1900-01-01 (day 60 is Excel's bug)

# Our fields, in the order the mapping form shows them.
FIELDS = (
    "business_name",
    "owner_name",
    "phone",
    "sibakul_number",
    "regency",
    "district",
    "sector",
    "birth_year",
)
REQUIRED = ("business_name", "owner_name", "phone", "sibakul_number", "regency")
FIELD_LABELS = {
    "business_name": _("Business name"),
    "owner_name": _("Owner's name"),
    "phone": _("Mobile number"),
    "sibakul_number": _("SiBakul number"),
    "regency": _("Regency or city"),
    "district": _("Kapanewon/kemantren"),
    "sector": _("Sector"),
    "birth_year": _("Birth year"),
}

# Headings seen in SiBakul exports and hand-made sheets, compared without case, spaces or
# punctuation.
HEADINGS = {
    "business_name": ("nama usaha", "nama umkm", "nama ukm", "usaha", "business name", "business"),
    "owner_name": ("nama pemilik", "pemilik", "nama", "owner name", "owner", "nama lengkap"),
    "phone": (
        "no hp",
        "nomor hp",
        "no hp wa",
        "no wa",
        "nomor whatsapp",
        "whatsapp",
        "telepon",
        "no telp",
        "hp",
        "phone",
        "mobile",
        "mobile number",
    ),
    "sibakul_number": (
        "nomor sibakul",
        "no sibakul",
        "sibakul",
        "id sibakul",
        "nomor registrasi",
        "sibakul number",
    ),
    "regency": (
        "kabupaten kota",
        "kabupaten",
        "kab kota",
        "kota",
        "regency",
        "regency city",
    ),
    "district": (
        "kapanewon kecamatan",
        "kapanewon",
        "kecamatan",
        "kemantren",
        "kapanewon kemantren",
        "district",
    ),
    "sector": ("bidang usaha", "sektor", "sektor usaha", "jenis usaha", "bidang", "sector"),
    "birth_year": ("tahun lahir", "tanggal lahir", "tgl lahir", "birth year", "date of birth"),
}

REGENCY_NAMES = {
    Regency.KOTA_YOGYAKARTA: ("kota yogyakarta", "yogyakarta", "kota jogja", "jogja", "yogya"),
    Regency.SLEMAN: ("sleman",),
    Regency.BANTUL: ("bantul",),
    Regency.KULON_PROGO: ("kulon progo", "kulonprogo"),
    Regency.GUNUNGKIDUL: ("gunungkidul", "gunung kidul"),
}

SECTOR_NAMES = {
    Sector.CULINARY: ("kuliner", "makanan", "minuman", "makanan dan minuman", "culinary", "food"),
    Sector.FASHION: ("fashion", "fesyen", "busana", "pakaian", "konveksi", "batik"),
    Sector.CRAFT: ("kerajinan", "kriya", "craft", "handicraft"),
    Sector.AGRIBUSINESS: (
        "agribisnis",
        "pertanian",
        "peternakan",
        "perikanan",
        "perkebunan",
        "agribusiness",
    ),
    Sector.TRADE: ("perdagangan", "dagang", "toko", "retail", "ritel", "trade"),
    Sector.SERVICES: ("jasa", "services", "service"),
    Sector.OTHER: ("lainnya", "lain lain", "other", "others"),
}

# What a row will do.
NEW = "new"
UPDATE = "update"
REFUSED = "refused"

# Problems (each refuses the row).
MISSING = _("%(field)s is empty.")
PHONE_INVALID = _("The mobile number is not a valid Indonesian mobile number.")
SIBAKUL_INVALID = _("The SiBakul number must have 6 to 20 digits.")
REGENCY_UNKNOWN = _("“%(value)s” is not a regency or city of the Special Region of Yogyakarta.")
DISTRICT_UNKNOWN = _("“%(value)s” is not a kapanewon/kemantren of %(regency)s.")
SECTOR_UNKNOWN = _("“%(value)s” is not a sector we know.")
BIRTH_YEAR_INVALID = _("“%(value)s” is not a birth year between %(oldest)d and %(youngest)d.")
NUMBER_SHORTENED = _(
    "%(field)s “%(value)s” was shortened by Excel, which keeps only 15 digits of a number. "
    "Format the column as text, type the numbers in full and upload the sheet again."
)
TOO_LONG = _("%(field)s is longer than %(limit)d characters.")
DUPLICATE_SIBAKUL = _("The same SiBakul number is already in row %(row)d.")
DUPLICATE_PHONE = _("The same mobile number is already in row %(row)d.")
PHONE_TAKEN = _("This mobile number belongs to someone who is not this business's owner.")

OLDEST_AGE = 100
YOUNGEST_AGE = 15


def _folded(text: str) -> str:
    """Lower case, accents and punctuation gone, single spaces: "No. HP/WA " -> "no hp wa"."""
    text = unicodedata.normalize("NFKD", text).casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", text).replace("_", " ").split())


def cell_text(value) -> str:
    """Any cell as trimmed text: numbers Excel stored as floats lose their ``.0``, a number of
    16 digits or more reads as Excel shows it (``3.40412E+15``: Excel has lost its last
    digits, so the row is refused), dates are ISO, NUL and lone surrogates go, and a huge cell
    is cut."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float) and abs(value) >= 10**EXCEL_DIGITS:
        return f"{value:.{EXCEL_DIGITS}G}"  # as Excel shows it: digits may be lost, see below
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = clean_text(str(value))[:CELL_MAX_LENGTH]
    return " ".join(text.split())  # trailing, leading and doubled spaces, tabs, line breaks


def guess_mapping(headers: list[str]) -> dict[str, int | None]:
    """Each field's column index (from the headings), or None when no heading names it; one
    column serves at most one field, and an exact heading wins over a field's later synonym."""
    folded = [_folded(h) for h in headers]
    mapping: dict[str, int | None] = {}
    used: set[int] = set()
    for name in FIELDS:
        mapping[name] = None
        for synonym in HEADINGS[name]:
            for index, heading in enumerate(folded):
                if heading == synonym and index not in used:
                    mapping[name] = index
                    used.add(index)
                    break
            if mapping[name] is not None:
                break
    return mapping


def _lookup(table: dict, text: str):
    key = _folded(text)
    key = re.sub(r"^(kabupaten|kab|kota madya|kotamadya)\s+", "", key)
    for value, names in table.items():
        if key in names or key == _folded(str(value)):
            return str(value)
    return None


def regency_of(text: str) -> str | None:
    """The Regency value ``text`` names ("Kab. Sleman", "KOTA JOGJA"), or None."""
    return _lookup(REGENCY_NAMES, text)


def sector_of(text: str) -> str | None:
    return _lookup(SECTOR_NAMES, text)


def header_row_index(rows: list[list[str]]) -> int:
    """Which of a sheet's first rows holds its headings: the first with the most cells that
    name one of our fields (a title such as "Data UMKM Sleman 2026" names none). The first row
    when no row names any."""
    best, best_count = 0, 0
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        count = sum(column is not None for column in guess_mapping(row).values())
        if count > best_count:
            best, best_count = index, count
    return best


_FLOAT_WHOLE = re.compile(r"(\d+)\.0")
_SCIENTIFIC = re.compile(r"\d+(?:[.,]\d+)?[eE]\+?\d+")


def number_text(text: str) -> tuple[str, bool]:
    """A number cell as a program wrote it into a CSV: ``"3404120000000001.0"`` becomes its
    digits; ``"3.40412E+15"`` (Excel's notation) has lost digits for good, which the second
    value says."""
    text = text.strip()
    whole = _FLOAT_WHOLE.fullmatch(text)
    if whole:
        return whole.group(1), False
    return text, bool(_SCIENTIFIC.fullmatch(text))


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_DAY_MONTH_YEAR = re.compile(
    r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?: \d{1,2}:\d{2}(?::\d{2})?)?"
)
_EXCEL_SERIAL = re.compile(r"(\d{5})(?:\.\d+)?")  # 10000 (1927) to 99999: a date as a number


def _real_date(year: int, first: int, second: int) -> bool:
    """Whether day/month or month/day makes a date in ``year``."""
    for day, month in ((first, second), (second, first)):
        try:
            datetime.date(year, month, day)
        except ValueError:
            continue
        return True
    return False


def _full_year(two_digits: int, this_year: int) -> int:
    """ "80" -> 1980, "05" -> 2005: this century unless that makes someone younger than 15."""
    year = this_year // 100 * 100 + two_digits
    return year if this_year - year >= YOUNGEST_AGE else year - 100


def birth_year_of(text: str, *, this_year: int) -> int | None:
    """A year from "1980", "1980.0", a date ("1980-05-12", "12/05/1980", "12-5-80", with or
    without a time) or an Excel date serial a CSV holds ("29353" is 1980-05-12)."""
    text = number_text(text)[0]
    year = None
    if re.fullmatch(r"\d{4}", text):
        year = int(text)
    elif match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
        try:
            datetime.date(year, month, day)
        except ValueError:
            year = None
    elif match := _DAY_MONTH_YEAR.fullmatch(text):
        first, second, year_text = match.groups()
        year = int(year_text)
        if len(year_text) == 2:
            year = _full_year(year, this_year)
        year = year if _real_date(year, int(first), int(second)) else None
    elif match := _EXCEL_SERIAL.fullmatch(text):
        year = (EXCEL_DAY_ZERO + datetime.timedelta(days=int(match.group(1)))).year
    if year is not None and this_year - OLDEST_AGE <= year <= this_year - YOUNGEST_AGE:
        return year
    return None


@dataclass
class RowCheck:
    """One data row: its number in the sheet (the header is row 1), its cleaned values, what it
    will do and the problems that refuse it."""

    number: int
    cells: dict[str, str]
    values: dict = field(default_factory=dict)
    outcome: str = NEW
    problems: list[str] = field(default_factory=list)

    @property
    def cells_in_order(self) -> list[str]:
        """The row's cells in FIELDS order, "" for a field the sheet lacks."""
        return [self.cells.get(name, "") for name in FIELDS]


def check_row(number: int, cells: dict[str, str], *, this_year: int) -> RowCheck:
    """The checks a row passes or fails on its own (no other row, no database)."""
    row = RowCheck(number=number, cells=cells)
    problems = row.problems
    for name in REQUIRED:
        if not cells.get(name):
            problems.append(MISSING % {"field": FIELD_LABELS[name]})
    values = row.values
    for name, limit in (
        ("business_name", BUSINESS_NAME_MAX_LENGTH),
        ("owner_name", FULL_NAME_MAX_LENGTH),
    ):
        if len(cells.get(name, "")) > limit:
            problems.append(TOO_LONG % {"field": FIELD_LABELS[name], "limit": limit})
        values[name] = cells.get(name, "")
    for name, normalise, invalid in (
        ("phone", normalise_phone, PHONE_INVALID),
        ("sibakul_number", normalise_sibakul_number, SIBAKUL_INVALID),
    ):
        if not cells.get(name):
            continue
        text, shortened = number_text(cells[name])
        if shortened:
            problems.append(
                NUMBER_SHORTENED % {"field": FIELD_LABELS[name], "value": cells[name][:60]}
            )
            continue
        try:
            values[name] = normalise(text)
        except ValidationError:
            problems.append(invalid)
    regency = None
    if cells.get("regency"):
        regency = regency_of(cells["regency"])
        if regency is None:
            problems.append(REGENCY_UNKNOWN % {"value": cells["regency"][:60]})
        values["regency"] = regency
    values["district"] = ""
    if cells.get("district") and regency:
        district = official_district(regency, cells["district"])
        if district is None:
            problems.append(
                DISTRICT_UNKNOWN
                % {"value": cells["district"][:60], "regency": Regency(regency).label}
            )
        values["district"] = district or ""
    values["sector"] = str(Sector.OTHER)
    if cells.get("sector"):
        sector = sector_of(cells["sector"])
        if sector is None:
            problems.append(SECTOR_UNKNOWN % {"value": cells["sector"][:60]})
        values["sector"] = sector
    values["birth_year"] = None
    if cells.get("birth_year"):
        year = birth_year_of(cells["birth_year"], this_year=this_year)
        if year is None:
            problems.append(
                BIRTH_YEAR_INVALID
                % {
                    "value": cells["birth_year"][:60],
                    "oldest": this_year - OLDEST_AGE,
                    "youngest": this_year - YOUNGEST_AGE,
                }
            )
        values["birth_year"] = year
    if problems:
        row.outcome = REFUSED
    return row


def check_rows(
    rows: list[dict[str, str]],
    *,
    existing_sibakul: dict[str, str | None],
    phone_holders: dict[str, str | None],
    this_year: int,
    checked: list[RowCheck] | None = None,
) -> list[RowCheck]:
    """Every row's outcome. ``existing_sibakul`` maps the SiBakul numbers already in the
    database to their owner's phone (None without an owner); ``phone_holders`` maps the phones
    already in the database to the SiBakul number of the business their holder owns (None when
    they own none). A phone held by someone else than the same business's owner refuses the
    row; a SiBakul number already in the file refuses later rows, and so does a phone.
    ``checked``: the rows' own checks (``check_row``), when the caller has made them already."""
    checks = []
    first_sibakul: dict[str, int] = {}
    first_phone: dict[str, int] = {}
    for index, cells in enumerate(rows):
        row = checked[index] if checked else check_row(index + 2, cells, this_year=this_year)
        sibakul = row.values.get("sibakul_number")
        phone = row.values.get("phone")
        if sibakul and sibakul in first_sibakul:
            row.problems.append(DUPLICATE_SIBAKUL % {"row": first_sibakul[sibakul]})
        if phone and phone in first_phone:
            row.problems.append(DUPLICATE_PHONE % {"row": first_phone[phone]})
        if sibakul:
            first_sibakul.setdefault(sibakul, row.number)
        if phone:
            first_phone.setdefault(phone, row.number)
        if phone and phone in phone_holders and phone_holders[phone] != sibakul:
            row.problems.append(PHONE_TAKEN)
        if row.problems:
            row.outcome = REFUSED
        elif sibakul in existing_sibakul:
            row.outcome = UPDATE
        checks.append(row)
    return checks


def counts(checks: list[RowCheck]) -> dict[str, int]:
    tally = {NEW: 0, UPDATE: 0, REFUSED: 0}
    for row in checks:
        tally[row.outcome] += 1
    return tally
