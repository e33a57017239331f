"""The import's pure rules: cells, headings, regencies, sectors and birth years."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onboarding import rows as rules

THIS_YEAR = 2026


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        (None, ""),
        ("  Bakpia   Pathok\t25 \n", "Bakpia Pathok 25"),
        (81234567805.0, "81234567805"),
        (1980, "1980"),
        (12.5, "12.5"),
        (datetime.datetime(1975, 3, 4, 0, 0), "1975-03-04"),
        (datetime.date(1975, 3, 4), "1975-03-04"),
        ("Caf\x00e", "Cafe"),
    ],
)
def test_cell_text(cell, text):
    assert rules.cell_text(cell) == text


@given(st.text())
def test_cell_text_is_always_storable(value):
    text = rules.cell_text(value)
    assert "\x00" not in text
    assert not any("\ud800" <= ch <= "\udfff" for ch in text)
    assert len(text) <= rules.CELL_MAX_LENGTH
    assert text == text.strip()


def test_mapping_from_english_headings_and_unknown_columns():
    headers = ["No", "Business", "Owner", "Phone", "SiBakul Number", "Regency", "Catatan"]
    assert rules.guess_mapping(headers) == {
        "business_name": 1,
        "owner_name": 2,
        "phone": 3,
        "sibakul_number": 4,
        "regency": 5,
        "district": None,
        "sector": None,
        "birth_year": None,
    }


def test_mapping_from_sibakul_style_headings_with_punctuation():
    headers = ["NAMA UMKM", "Nama Lengkap", "No. HP/WA", "ID SiBakul", "Kab/Kota", "Kecamatan"]
    mapping = rules.guess_mapping(headers)
    assert [mapping[name] for name in rules.FIELDS[:6]] == [0, 1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    ("text", "regency"),
    [
        ("Sleman", "sleman"),
        ("Kab. Sleman", "sleman"),
        ("KABUPATEN BANTUL", "bantul"),
        ("Kota Yogyakarta", "kota_yogyakarta"),
        ("Kota Jogja", "kota_yogyakarta"),
        ("Kulonprogo", "kulon_progo"),
        ("Gunung Kidul", "gunungkidul"),
        ("Klaten", None),
        ("", None),
    ],
)
def test_regency_of(text, regency):
    assert rules.regency_of(text) == regency


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Kuliner", "culinary"),
        ("Makanan dan Minuman", "culinary"),
        ("BATIK", "fashion"),
        ("Kerajinan", "craft"),
        ("Jasa", "services"),
        ("Lain-lain", "other"),
        ("Pertambangan", None),
    ],
)
def test_sector_of(text, sector):
    assert rules.sector_of(text) == sector


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("1980", 1980),
        ("1975-03-04", 1975),
        ("04/03/1975", 1975),
        ("4-3-1975", 1975),
        ("1926", 1926),  # 100 years old
        ("1925", None),
        ("2011", 2011),  # 15 years old
        ("2012", None),
        ("80", None),
        ("¹⁹⁸⁰", None),
        ("", None),
    ],
)
def test_birth_year_of(text, year):
    assert rules.birth_year_of(text, this_year=THIS_YEAR) == year


def test_phone_of_the_same_business_owner_is_an_update_not_a_refusal():
    row = {
        "business_name": "Jamu",
        "owner_name": "Ibu Jamu",
        "phone": "0812 3456 7809",
        "sibakul_number": "340400009999",
        "regency": "Gunungkidul",
    }
    same_owner = rules.check_rows(
        [row],
        existing_sibakul={"340400009999": "+6281234567809"},
        phone_holders={"+6281234567809": "340400009999"},
        this_year=THIS_YEAR,
    )
    assert (same_owner[0].outcome, same_owner[0].problems) == (rules.UPDATE, [])
    a_member = rules.check_rows(
        [row],
        existing_sibakul={},
        phone_holders={"+6281234567809": None},
        this_year=THIS_YEAR,
    )
    assert (a_member[0].outcome, a_member[0].problems) == (rules.REFUSED, [rules.PHONE_TAKEN])


def test_a_row_missing_every_required_field_lists_each():
    [row] = rules.check_rows([{}], existing_sibakul={}, phone_holders={}, this_year=THIS_YEAR)
    assert row.outcome == rules.REFUSED
    assert len(row.problems) == len(rules.REQUIRED)
    assert row.values["sector"] == "other"


def test_too_long_names_are_refused():
    row = rules.check_row(
        2,
        {
            "business_name": "B" * 151,
            "owner_name": "Siti",
            "phone": "081234567801",
            "sibakul_number": "340400001111",
            "regency": "Sleman",
        },
        this_year=THIS_YEAR,
    )
    assert row.problems == [
        rules.TOO_LONG % {"field": rules.FIELD_LABELS["business_name"], "limit": 150}
    ]
