"""Real-world sheets the import reads: a title and blank rows above the headings, Excel date
serials and typed dates, and numbers Excel wrote as ``3.40412E+15`` or ``…1.0``."""

import datetime
import io

import openpyxl
import pytest
from django.utils import timezone

from lms.models import Business, User
from onboarding import rows as rules
from onboarding import selectors, services

THIS_YEAR = 2026
HEADINGS = (
    "Nama Usaha;Nama Pemilik;No HP;Nomor SiBakul;Kabupaten/Kota;Kapanewon;Bidang Usaha;"
    "Tanggal Lahir"
)
ROWS = [
    # 4: a birth date as the serial number Excel turns a date into in a CSV (1980-05-12)
    "Bakpia Ani;Ani;0812 3456 7801;340400001111;Sleman;Depok;Kuliner;29353",
    # 5: a date typed day/month/year
    "Batik Budi;Budi;0812 3456 7802;340400002222;Sleman;Mlati;Fashion;12/05/1980",
    # 6: a blank row, as Excel writes one
    ";;;;;;;",
    # 7: an ISO date
    "Gerabah Citra;Citra;0812 3456 7803;340400003333;Sleman;Gamping;Kerajinan;1980-05-12",
    # 8: a SiBakul number Excel shortened; the two-digit-year date alone would pass
    "Kopi Dewi;Dewi;0812 3456 7804;3.40412E+15;Sleman;Pakem;Kuliner;12-5-80",
    # 9: numbers a script wrote as floats: their digits are whole
    "Jamu Eko;Eko;81234567805.0;3404120000000001.0;Sleman;Ngaglik;Kuliner;",
    # 10: a date that is nobody's birth date (2023, or 1923 with a two-digit year)
    "Tahu Fajar;Fajar;0812 3456 7806;340400006666;Sleman;Depok;Kuliner;17-7-23",
    # 11: a registration date's serial in the birth date column (2023-07-16)
    "Tempe Gita;Gita;0812 3456 7807;340400007777;Sleman;Depok;Kuliner;45123",
    # 12: not a date
    "Sate Hadi;Hadi;0812 3456 7808;340400008888;Sleman;Depok;Kuliner;30/02/1980",
    # 13: a phone Excel shortened too
    "Roti Indah;Indah;8.12346E+10;340400009999;Sleman;Depok;Kuliner;1980",
]


def _shortened(field, value):
    return rules.NUMBER_SHORTENED % {"field": rules.FIELD_LABELS[field], "value": value}


def _year_invalid(value):
    year = timezone.localdate().year
    return rules.BIRTH_YEAR_INVALID % {
        "value": value,
        "oldest": year - rules.OLDEST_AGE,
        "youngest": year - rules.YOUNGEST_AGE,
    }


EXPECTED = {
    4: (rules.NEW, []),
    5: (rules.NEW, []),
    7: (rules.NEW, []),
    8: (rules.REFUSED, [_shortened("sibakul_number", "3.40412E+15")]),
    9: (rules.NEW, []),
    10: (rules.REFUSED, [_year_invalid("17-7-23")]),
    11: (rules.REFUSED, [_year_invalid("45123")]),
    12: (rules.REFUSED, [_year_invalid("30/02/1980")]),
    13: (rules.REFUSED, [_shortened("phone", "8.12346E+10")]),
}


def _outcomes(batch):
    return {row.number: (row.outcome, row.problems) for row in selectors.batch_checks(batch=batch)}


@pytest.mark.parametrize(
    "title",
    [
        "Data UMKM Sleman 2026\r\n\r\n",  # typed by hand: a lone title, an empty line
        "Data UMKM Sleman 2026;;;;;;;\r\n;;;;;;;\r\n",  # as Excel saves it
    ],
    ids=["hand-made", "excel"],
)
def test_a_csv_with_a_title_row_blank_rows_excel_dates_and_numbers(coordinator, title):
    content = (title + "\r\n".join([HEADINGS, *ROWS]) + "\r\n").encode("utf-8-sig")
    batch = services.batch_upload(user=coordinator, name="umkm_sleman.csv", content=content)

    assert batch.headers[0] == "Nama Usaha"
    assert batch.mapping["birth_year"] == 7
    assert batch.row_numbers == [4, 5, 7, 8, 9, 10, 11, 12, 13]  # as the sheet numbers them
    assert _outcomes(batch) == EXPECTED

    tally = services.batch_import(batch=batch, user=coordinator)
    assert tally == {"new": 4, "update": 0, "refused": 5}
    years = dict(User.objects.filter(import_batches=batch).values_list("full_name", "birth_year"))
    assert years == {"Ani": 1980, "Budi": 1980, "Citra": 1980, "Eko": None}
    eko = Business.objects.get(name="Jamu Eko")
    assert eko.sibakul_number == "3404120000000001"
    assert eko.memberships.get().user.phone == "+6281234567805"
    assert not Business.objects.filter(name__in=["Kopi Dewi", "Tahu Fajar", "Roti Indah"])
    assert not User.objects.filter(full_name__in=["Dewi", "Fajar", "Gita", "Hadi", "Indah"])


def test_a_comma_csv_below_a_title_is_read_with_commas(coordinator):
    sheet = (
        "Daftar peserta pelatihan\n"
        "Nama Usaha,Nama Pemilik,No HP,Nomor SiBakul,Kabupaten/Kota\n"
        '"Bakpia; Pia & Co",Siti,081234567801,340400001111,Sleman\n'
    )
    batch = services.batch_upload(user=coordinator, name="k.csv", content=sheet.encode())
    assert batch.rows == [["Bakpia; Pia & Co", "Siti", "081234567801", "340400001111", "Sleman"]]
    assert _outcomes(batch) == {3: (rules.NEW, [])}


def test_an_empty_line_inside_a_quoted_cell_stays_in_the_cell(coordinator):
    sheet = (
        "Nama Usaha;Nama Pemilik;No HP;Nomor SiBakul;Kabupaten/Kota\n"
        '"Bakpia\n\nPathok";Siti;081234567801;340400001111;Sleman\n'
        "Batik;Budi;081234567802;340400002222;Sleman\n"
    )
    batch = services.batch_upload(user=coordinator, name="q.csv", content=sheet.encode())
    assert [row[0] for row in batch.rows] == ["Bakpia Pathok", "Batik"]
    assert batch.row_numbers == [2, 3]


def test_an_xlsx_with_a_title_blank_rows_date_serials_and_a_sixteen_digit_number(coordinator):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "Data UMKM Sleman 2026"
    sheet.append([])
    sheet.append(HEADINGS.split(";"))
    sheet.append(["Bakpia Ani", "Ani", "081234567801", "340400001111", "Sleman", "Depok",
                  "Kuliner", 29353])  # fmt: skip
    sheet.append(["Batik Budi", "Budi", 81234567802, 340400002222, "Sleman", "Mlati",
                  "Fashion", datetime.datetime(1975, 3, 4)])  # fmt: skip
    sheet.append([])
    sheet.append(["Kopi Dewi", "Dewi", "081234567804", 3404120000000001, "Sleman", "Pakem",
                  "Kuliner", "1980"])  # fmt: skip
    out = io.BytesIO()
    book.save(out)

    batch = services.batch_upload(user=coordinator, name="umkm.xlsx", content=out.getvalue())
    assert batch.row_numbers == [4, 5, 7]
    assert batch.rows[2][3] == "3.40412E+15"  # as Excel shows it: its last digit is gone
    assert _outcomes(batch) == {
        4: (rules.NEW, []),
        5: (rules.NEW, []),
        7: (rules.REFUSED, [_shortened("sibakul_number", "3.40412E+15")]),
    }
    services.batch_import(batch=batch, user=coordinator)
    assert User.objects.get(full_name="Ani").birth_year == 1980
    assert User.objects.get(full_name="Budi").birth_year == 1975


def test_a_title_row_alone_above_no_headings_is_taken_as_the_headings(coordinator):
    """Without a recognised heading the first row is the headings, as before: the mapping
    form then lets the coordinator choose the columns."""
    sheet = "Kolom A;Kolom B\nSiti;0812\n"
    batch = services.batch_upload(user=coordinator, name="x.csv", content=sheet.encode())
    assert batch.headers == ["Kolom A", "Kolom B"]
    assert batch.row_numbers == [2]


def test_a_batch_uploaded_before_row_numbers_were_kept_counts_from_row_two(coordinator):
    content = "\r\n".join([HEADINGS, ROWS[0], ROWS[1]]).encode()
    batch = services.batch_upload(user=coordinator, name="old.csv", content=content)
    batch.row_numbers = []
    batch.save(update_fields=["row_numbers"])
    assert sorted(_outcomes(batch)) == [2, 3]


# The pure rules.


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("29353", 1980),  # an Excel serial: 1980-05-12
        ("29353.5", 1980),  # with a time of day
        ("45123", None),  # 2023-07-16: too young
        ("1980.0", 1980),
        ("1980-05-12 00:00:00", 1980),
        ("12/05/1980", 1980),
        ("05/12/1980", 1980),  # month first, as an American Excel writes it
        ("12-5-80", 1980),
        ("12.5.80", 1980),
        ("1-1-05", 2005),  # 21 this year
        ("1-1-15", None),  # 2015 would be 11, 1915 is over 100
        ("17-7-23", None),
        ("30/02/1980", None),
        ("1980-13-01", None),
        ("12/05/19800", None),
        ("123456", None),
    ],
)
def test_birth_year_of_dates_and_serials(text, year):
    assert rules.birth_year_of(text, this_year=THIS_YEAR) == year


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("3404120000000001.0", ("3404120000000001", False)),
        ("81234567805.0", ("81234567805", False)),
        ("3.40412E+15", ("3.40412E+15", True)),
        ("3,40412E+15", ("3,40412E+15", True)),
        ("3404E15", ("3404E15", True)),
        ("3404.0000.1111", ("3404.0000.1111", False)),  # dotted groups, not a float
        ("3404120000000001.5", ("3404120000000001.5", False)),
        ("0812-3456-7801", ("0812-3456-7801", False)),
    ],
)
def test_number_text(text, result):
    assert rules.number_text(text) == result


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        (3404120000000001, "3.40412E+15"),
        (3404120000000000.0, "3.40412E+15"),
        (999999999999999, "999999999999999"),  # 15 digits: Excel keeps them all
        (340400001111.0, "340400001111"),
    ],
)
def test_cell_text_of_long_numbers(cell, text):
    assert rules.cell_text(cell) == text


def test_header_row_index_skips_titles_and_notes():
    rows = [
        ["Data UMKM Sleman 2026", "", ""],
        ["Sumber: SiBakul, diunduh 1 Juli", "", ""],
        ["Nama Usaha", "No HP", "Nomor SiBakul"],
        ["Usaha", "0812", "3404"],  # a data row naming a heading once
    ]
    assert rules.header_row_index(rows) == 2
    assert rules.header_row_index([["a", "b"], ["c", "d"]]) == 0
    assert rules.header_row_index([]) == 0
