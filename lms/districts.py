"""The kapanewon and kemantren of the Special Region of Yogyakarta (DIY), per regency or city.

Source: Keputusan Menteri Dalam Negeri No. 100.1.1-6117 Tahun 2022 tentang Pemberian dan
Pemutakhiran Kode, Data Wilayah Administrasi Pemerintahan, dan Pulau (the Permendagri/Kepmendagri
"kode dan data wilayah administrasi pemerintahan"), province 34 (DIY): Kulon Progo 34.01,
Bantul 34.02, Gunungkidul 34.03, Sleman 34.04, Kota Yogyakarta 34.71; the same names as
BPS Provinsi DIY publishes them ("Daerah Istimewa Yogyakarta Dalam Angka"). 78 in all: Kota
Yogyakarta 14 kemantren, Sleman 17, Bantul 17, Kulon Progo 12 and Gunungkidul 18 kapanewon
(DIY calls its kecamatan kapanewon, and the city's kemantren, since Perdais DIY No. 1 Tahun 2018).

Names are in their official spelling without the "Kapanewon"/"Kemantren" prefix, alphabetical
within each regency. Jetis is both a kemantren of Kota Yogyakarta and a kapanewon of Bantul.

Plain data and one pure function: migrations import this module (lms 0005_official_districts),
so it must not import models.
"""

import re
import unicodedata

DISTRICTS: dict[str, tuple[str, ...]] = {  # keyed by lms.models.Regency values
    "kota_yogyakarta": (
        "Danurejan",
        "Gedongtengen",
        "Gondokusuman",
        "Gondomanan",
        "Jetis",
        "Kotagede",
        "Kraton",
        "Mantrijeron",
        "Mergangsan",
        "Ngampilan",
        "Pakualaman",
        "Tegalrejo",
        "Umbulharjo",
        "Wirobrajan",
    ),
    "sleman": (
        "Berbah",
        "Cangkringan",
        "Depok",
        "Gamping",
        "Godean",
        "Kalasan",
        "Minggir",
        "Mlati",
        "Moyudan",
        "Ngaglik",
        "Ngemplak",
        "Pakem",
        "Prambanan",
        "Seyegan",
        "Sleman",
        "Tempel",
        "Turi",
    ),
    "bantul": (
        "Bambanglipuro",
        "Banguntapan",
        "Bantul",
        "Dlingo",
        "Imogiri",
        "Jetis",
        "Kasihan",
        "Kretek",
        "Pajangan",
        "Pandak",
        "Piyungan",
        "Pleret",
        "Pundong",
        "Sanden",
        "Sedayu",
        "Sewon",
        "Srandakan",
    ),
    "kulon_progo": (
        "Galur",
        "Girimulyo",
        "Kalibawang",
        "Kokap",
        "Lendah",
        "Nanggulan",
        "Panjatan",
        "Pengasih",
        "Samigaluh",
        "Sentolo",
        "Temon",
        "Wates",
    ),
    "gunungkidul": (
        "Gedangsari",
        "Girisubo",
        "Karangmojo",
        "Ngawen",
        "Nglipar",
        "Paliyan",
        "Panggang",
        "Patuk",
        "Playen",
        "Ponjong",
        "Purwosari",
        "Rongkop",
        "Saptosari",
        "Semanu",
        "Semin",
        "Tanjungsari",
        "Tepus",
        "Wonosari",
    ),
}

# What people type before the name: "Kapanewon Depok", "Kemantren Kraton", "Kecamatan Sewon",
# "Kec. Wates".
_PREFIX = re.compile(r"^(?:kapanewon|kemantren|kecamatan|kec\.|kec(?=\s))\s*")
_LONGEST = 100  # no name, with a prefix and stray spaces, comes near this


def _key(text: str) -> str:
    """``text`` without case, spaces or prefix: "  KAPANEWON  Kota gede " -> "kotagede"."""
    folded = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return "".join(_PREFIX.sub("", folded).split())


_BY_KEY = {regency: {_key(name): name for name in names} for regency, names in DISTRICTS.items()}


def official_district(regency: str, text: str) -> str | None:
    """The official name of the kapanewon/kemantren of ``regency`` (a Regency value) that
    ``text`` names, whatever its case and spaces and with or without a "Kapanewon",
    "Kemantren" or "Kecamatan" prefix; None when it names none of that regency's."""
    if not isinstance(text, str) or len(text) > _LONGEST:
        return None
    return _BY_KEY.get(regency, {}).get(_key(text))


def regencies_of(text: str) -> list[str]:
    """The regencies (Regency values, in DISTRICTS order) that have a district ``text`` names."""
    return [regency for regency in DISTRICTS if official_district(regency, text)]


def grouped_choices(regencies=None) -> list:
    """Choices for a <select> with one <optgroup> per regency or city (its label), in the order
    of lms.models.Regency: ``[(label, [(name, name), ...]), ...]``; only ``regencies`` (Regency
    values) when given."""
    from .models import Regency  # not at import: migrations import this module

    return [
        (Regency(regency).label, [(name, name) for name in DISTRICTS[regency]])
        for regency, _label in Regency.choices
        if regency in DISTRICTS and (regencies is None or regency in regencies)
    ]
