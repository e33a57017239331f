"""Spreadsheet exports that never hand a spreadsheet a formula (CSV injection).

A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by
Excel, LibreOffice and Google Sheets as a formula, so a business called
``=HYPERLINK("http://…?d="&A1,"Klik")`` would run in a coordinator's spreadsheet. Following
OWASP's recommendation, such a CSV cell gets a leading single quote; spreadsheets show the
text, and a reader can still see what was typed. Numbers, dates and empty cells are left as
they are (-3 stays the number -3). In XLSX files every text cell is written as text (never as
a formula, nor as an error value such as ``#N/A``) and keeps its text unchanged.

`install()` (from the app's ready()) puts this into Wagtail's `SpreadsheetExportMixin`, which
makes every CSV and XLSX export of the admin: the reports, the certificate list and Wagtail's
own reports (site history, for one, shows learners' names).
"""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value):
    """``value`` as a CSV cell that no spreadsheet reads as a formula: text starting with a
    formula character gets a leading ``'``; anything else comes back as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def install() -> None:
    """Make Wagtail's `SpreadsheetExportMixin`, which every admin export uses, neutralise its
    CSV cells and headings and write every XLSX text cell as text. Idempotent."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, "cells_neutralised", False):
        return
    preprocess_field_value = SpreadsheetExportMixin.preprocess_field_value
    generate_xlsx_row = SpreadsheetExportMixin.generate_xlsx_row
    get_heading = SpreadsheetExportMixin.get_heading

    def safe_preprocess_field_value(self, field, value, export_format):
        value = preprocess_field_value(self, field, value, export_format)
        return neutralise_cell(value) if export_format == self.FORMAT_CSV else value

    def safe_generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in generate_xlsx_row(self, worksheet, row_dict, date_format=date_format):
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl would make "=…" a formula, "#N/A" an error
            yield cell

    def safe_get_heading(self, queryset, field):
        return neutralise_cell(get_heading(self, queryset, field))

    SpreadsheetExportMixin.preprocess_field_value = safe_preprocess_field_value
    SpreadsheetExportMixin.generate_xlsx_row = safe_generate_xlsx_row
    SpreadsheetExportMixin.get_heading = safe_get_heading
    SpreadsheetExportMixin.cells_neutralised = True
