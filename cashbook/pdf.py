"""The month's simple financial report (laporan keuangan sederhana) as an A4 PDF, in
Indonesian, with the packaged fonts and no network (``certificates.pdf``'s setup)."""

import datetime

from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from weasyprint import HTML

from certificates.pdf import offline_fetcher, packaged_fonts

from . import selectors

LANGUAGE = "id"
TEMPLATE = "cashbook/report_pdf.html"


def render_report_pdf(*, business, month: datetime.date) -> bytes:
    """The report of ``business`` for ``month``: income, costs by category, profit, the owner's
    notes, the business's name and SiBakul number, the month and the day it was printed."""
    summary = selectors.month_summary(business=business, month=month)
    notes = selectors.month_notes(business=business, month=month)
    with translation.override(LANGUAGE):
        html = render_to_string(
            TEMPLATE,
            {
                "business": business,
                "summary": summary,
                "notes": notes,
                "month_label": formats.date_format(summary.month, "F Y"),
                "printed_on": formats.date_format(timezone.localdate(), "j F Y"),
            },
        )
        stylesheet, font_config = packaged_fonts()
        return HTML(string=html, url_fetcher=offline_fetcher()).write_pdf(
            stylesheets=[stylesheet], font_config=font_config, full_fonts=True
        )
