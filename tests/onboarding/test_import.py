"""Importing businesses and owners from a messy SiBakul-style sheet: every row's outcome."""

import datetime
import io

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import ModelLogEntry

from lms import audit
from lms.models import Business, Membership, User
from onboarding import rows as rules
from onboarding import selectors, services
from onboarding.models import ImportBatch
from tests.factories import BusinessFactory, MembershipFactory

HEADINGS = (
    "Nama Usaha ;Nama Pemilik;No HP;Nomor SiBakul;Kabupaten/Kota;Kapanewon/Kecamatan;"
    "Bidang Usaha;Tahun Lahir"
)
MESSY = [
    # 2: new, every field messy but fine
    "Bakpia Pathok 25  ; Siti Aminah  ;0812-3456-7801;3404.0000.1111;Sleman;Kapanewon Depok;"
    "Kuliner;1980",
    # 3: new, +62 phone, an Excel date written out, a kemantren in lower case
    "Batik Kraton;Budi;+62 812 3456 7802;340400002222;Kota Yogyakarta;kraton;Fashion;1975-03-04",
    # 4: new, 62 812-… phone, "Kab." prefix, no birth year
    "Gerabah Kasongan;Wahyu;62 812-3456-7803;340400003333;Kab. Bantul;Kasihan;Kerajinan;",
    # 5: the same row again
    "Bakpia Pathok 25  ; Siti Aminah  ;0812-3456-7801;3404.0000.1111;Sleman;Kapanewon Depok;"
    "Kuliner;1980",
    # 6: Kotagede is in Kota Yogyakarta, not Sleman
    "Toko Maju;Ani;0812 3456 7804;340400004444;Sleman;Kota Gede;Perdagangan;1990",
    # 7: not a phone number
    "Warung Sari;Sari;12345;340400005555;Bantul;Sewon;Kuliner;1985",
    # 8: no business name
    ";Tanpa Usaha;0812 3456 7806;340400006666;Bantul;Sewon;Jasa;1985",
    # 9: already in the database: an update
    "Jamu Sehat Baru;Ibu Jamu;0812 3456 7809;340400009999;Gunung Kidul;Wonosari;Kuliner;1970",
    # 10: the phone of another business's owner (filled in by the fixture)
    "Kopi Merapi;Pak Kopi;{taken};340400007777;Sleman;Pakem;Kuliner;1982",
]


@pytest.fixture
def existing(db):
    """A business from an earlier import, its owner never signed in."""
    owner = User.objects.create_user(phone="+6281234567899", full_name="Jamu Lama")
    owner.set_unusable_password()
    owner.save()
    business = BusinessFactory(name="Jamu Sehat", sibakul_number="340400009999")
    MembershipFactory(user=owner, business=business, is_owner=True)
    return business


def messy_csv(taken_phone: str) -> bytes:
    lines = [HEADINGS, *MESSY]
    text = "\r\n".join(lines).replace("{taken}", taken_phone)
    return ("\ufeff" + text).encode("utf-8")


@pytest.fixture
def batch(coordinator, other_owner, existing):
    return services.batch_upload(
        user=coordinator, name="sibakul.csv", content=messy_csv(other_owner.phone)
    )


def outcomes(batch):
    return {row.number: (row.outcome, row.problems) for row in selectors.batch_checks(batch=batch)}


def test_mapping_is_guessed_from_indonesian_headings(batch):
    assert batch.mapping == {
        "business_name": 0,
        "owner_name": 1,
        "phone": 2,
        "sibakul_number": 3,
        "regency": 4,
        "district": 5,
        "sector": 6,
        "birth_year": 7,
    }
    assert batch.headers[0] == "Nama Usaha"  # trailing spaces gone


def test_every_row_of_a_messy_sheet_gets_its_outcome(batch):
    result = outcomes(batch)
    assert result[2] == (rules.NEW, [])
    assert result[3] == (rules.NEW, [])
    assert result[4] == (rules.NEW, [])
    assert result[5] == (
        rules.REFUSED,
        [rules.DUPLICATE_SIBAKUL % {"row": 2}, rules.DUPLICATE_PHONE % {"row": 2}],
    )
    assert result[6] == (
        rules.REFUSED,
        [rules.DISTRICT_UNKNOWN % {"value": "Kota Gede", "regency": "Sleman"}],
    )
    assert result[7] == (rules.REFUSED, [rules.PHONE_INVALID])
    assert result[8] == (
        rules.REFUSED,
        [rules.MISSING % {"field": rules.FIELD_LABELS["business_name"]}],
    )
    assert result[9] == (rules.UPDATE, [])
    assert result[10] == (rules.REFUSED, [rules.PHONE_TAKEN])
    assert rules.counts(selectors.batch_checks(batch=batch)) == {
        "new": 3,
        "update": 1,
        "refused": 5,
    }


def test_import_creates_owners_without_passwords_and_updates_by_sibakul(
    batch, coordinator, existing
):
    before = Business.objects.count()
    tally = services.batch_import(batch=batch, user=coordinator)

    assert tally == {"new": 3, "update": 1, "refused": 5}
    assert Business.objects.count() == before + 3
    bakpia = Business.objects.get(sibakul_number="340400001111")
    assert (bakpia.name, bakpia.sector, bakpia.regency, bakpia.district) == (
        "Bakpia Pathok 25",
        "culinary",
        "sleman",
        "Depok",
    )
    siti = Membership.objects.get(business=bakpia, is_owner=True).user
    assert (siti.full_name, siti.phone, siti.birth_year) == ("Siti Aminah", "+6281234567801", 1980)
    assert not siti.has_usable_password()
    assert siti.last_login is None
    assert siti.groups.filter(name="Learners").exists()
    budi = User.objects.get(phone="+6281234567802")
    assert budi.birth_year == 1975
    assert budi.membership.business.district == "Kraton"
    assert User.objects.get(phone="+6281234567803").membership.business.regency == "bantul"

    existing.refresh_from_db()
    assert (existing.name, existing.regency, existing.district) == (
        "Jamu Sehat Baru",
        "gunungkidul",
        "Wonosari",
    )
    owner = existing.memberships.get(is_owner=True).user
    assert (owner.full_name, owner.phone) == ("Ibu Jamu", "+6281234567809")  # never claimed

    # Refused rows changed nothing.
    for number in ("340400004444", "340400005555", "340400006666", "340400007777"):
        assert not Business.objects.filter(sibakul_number=number).exists()
    assert not User.objects.filter(full_name__in=["Ani", "Sari", "Tanpa Usaha", "Pak Kopi"])

    batch.refresh_from_db()
    assert (batch.created_count, batch.updated_count, batch.refused_count) == (3, 1, 5)
    assert batch.owners.count() == 4
    assert batch.rows == []  # the sheet's personal data is not kept after the import
    entry = ModelLogEntry.objects.get(action=audit.IMPORT)
    assert entry.user == coordinator
    assert entry.data["file_name"] == "sibakul.csv"
    assert (entry.data["new"], entry.data["updated"], entry.data["refused"]) == (3, 1, 5)


def test_second_import_of_the_same_sheet_updates_and_never_duplicates(
    coordinator, other_owner, existing
):
    content = messy_csv(other_owner.phone)
    first = services.batch_upload(user=coordinator, name="a.csv", content=content)
    services.batch_import(batch=first, user=coordinator)
    businesses, users = Business.objects.count(), User.objects.count()

    second = services.batch_upload(user=coordinator, name="a.csv", content=content)
    tally = services.batch_import(batch=second, user=coordinator)

    assert tally == {"new": 0, "update": 4, "refused": 5}
    assert (Business.objects.count(), User.objects.count()) == (businesses, users)


def test_a_claimed_owner_keeps_their_own_name_and_number(coordinator, existing):
    owner = existing.memberships.get(is_owner=True).user
    owner.set_password("kata-sandi-sendiri-1")
    owner.save()
    sheet = f"{HEADINGS}\n{MESSY[7]}".encode()
    batch = services.batch_upload(user=coordinator, name="b.csv", content=sheet)

    services.batch_import(batch=batch, user=coordinator)

    owner.refresh_from_db()
    existing.refresh_from_db()
    assert (owner.full_name, owner.phone) == ("Jamu Lama", "+6281234567899")
    assert existing.name == "Jamu Sehat Baru"


def test_a_batch_imports_once(batch, coordinator):
    services.batch_import(batch=batch, user=coordinator)
    with pytest.raises(ValidationError) as error:
        services.batch_import(batch=batch, user=coordinator)
    assert error.value.messages == [str(services.ALREADY_IMPORTED)]


def test_import_enrols_every_imported_owner_into_the_class(batch, coordinator, two_classes):
    services.batch_import(batch=batch, user=coordinator, cohort=two_classes.mine)

    enrolled = set(two_classes.mine.enrolments.values_list("learner__phone", flat=True))
    assert {
        "+6281234567801",
        "+6281234567802",
        "+6281234567803",
        "+6281234567809",
    } <= enrolled
    assert two_classes.mine.enrolments.count() == 1 + 4  # the owner already in it, and four


def test_xlsx_with_excel_numbers_and_dates(coordinator):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Nama Usaha", "Nama Pemilik", "No HP", "Nomor SiBakul", "Kabupaten/Kota",
                  "Kapanewon/Kecamatan", "Bidang Usaha", "Tanggal Lahir"])  # fmt: skip
    sheet.append(["Sate Klathak ", "Pak Pong", 81234567805, 340400006666.0, "Bantul", "Pleret",
                  "Kuliner", datetime.datetime(1968, 8, 17)])  # fmt: skip
    out = io.BytesIO()
    book.save(out)

    batch = services.batch_upload(user=coordinator, name="DATA.XLSX", content=out.getvalue())
    assert batch.rows == [
        ["Sate Klathak", "Pak Pong", "81234567805", "340400006666", "Bantul", "Pleret",
         "Kuliner", "1968-08-17"]
    ]  # fmt: skip
    services.batch_import(batch=batch, user=coordinator)

    pong = User.objects.get(phone="+6281234567805")
    assert pong.birth_year == 1968
    assert pong.membership.business.sibakul_number == "340400006666"
    assert pong.membership.business.district == "Pleret"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("data.pdf", b"%PDF-1.4", services.FILE_TYPE),
        ("data.xlsx", b"not a workbook", services.FILE_UNREADABLE),
        ("data.csv", b"Nama Usaha;No HP\r\n", services.FILE_EMPTY),
        ("data.csv", b"x" * (services.MAX_BYTES + 1), services.FILE_TOO_BIG),
    ],
)
def test_bad_files_are_refused_with_a_message(coordinator, name, content, message):
    with pytest.raises(ValidationError) as error:
        services.batch_upload(user=coordinator, name=name, content=content)
    assert error.value.messages == [str(message)]
    assert not selectors.batches_recent().exists()


def test_nul_characters_go_and_a_windows_csv_is_read(coordinator):
    sheet = f"{HEADINGS}\nKopi Caf\u00e9\x00 ;Siti;0812 3456 7801;340400001111;Sleman;Depok;;"
    for content in (sheet.encode("utf-8"), sheet.encode("cp1252")):
        batch = services.batch_upload(user=coordinator, name="x.csv", content=content)
        assert batch.rows[0][0] == "Kopi Caf\u00e9"


def test_the_audit_log_shows_the_file_and_counts(batch, coordinator):
    services.batch_import(batch=batch, user=coordinator)
    entry = ModelLogEntry.objects.get(action=audit.IMPORT)
    with translation.override("en"):
        assert audit.entry_details(entry) == "File: sibakul.csv; New: 3; Updated: 1; Refused: 5"
    assert entry.user_display_name == "Bambang"


def test_checking_rows_takes_the_same_queries_for_ten_or_five_hundred_rows(
    coordinator, django_assert_max_num_queries
):
    def sheet(count):
        lines = [HEADINGS] + [
            f"Usaha {n};Pemilik {n};0813 2222 {n:04d};5600{n:06d};Sleman;Depok;Kuliner;1980"
            for n in range(count)
        ]
        return "\n".join(lines).encode()

    for count in (10, 500):
        batch = services.batch_upload(user=coordinator, name="q.csv", content=sheet(count))
        with django_assert_max_num_queries(2):
            checks = selectors.batch_checks(batch=batch)
        assert rules.counts(checks) == {"new": count, "update": 0, "refused": 0}


def test_a_comma_separated_csv_with_quoted_cells(coordinator):
    sheet = (
        "Nama Usaha,Nama Pemilik,No HP,Nomor SiBakul,Kabupaten/Kota\r\n"
        '"Bakpia, Pia & Co",Siti,081234567801,340400001111,Sleman\r\n'
    )
    batch = services.batch_upload(user=coordinator, name="k.csv", content=sheet.encode())
    assert batch.rows == [["Bakpia, Pia & Co", "Siti", "081234567801", "340400001111", "Sleman"]]
    assert rules.counts(selectors.batch_checks(batch=batch)) == {
        "new": 1,
        "update": 0,
        "refused": 0,
    }


def test_retention_deletes_sheets_left_unimported_and_keeps_the_rest(batch, coordinator, settings):
    from datetime import timedelta

    from django.utils import timezone

    from lms import data_rights

    services.batch_import(batch=batch, user=coordinator)
    old = timezone.now() - timedelta(days=settings.RETENTION_DRAFT_DAYS + 1)
    ImportBatch.objects.filter(pk=batch.pk).update(uploaded_at=old)
    left = services.batch_upload(user=coordinator, name="lupa.csv", content=messy_csv("0"))
    recent = services.batch_upload(user=coordinator, name="baru.csv", content=messy_csv("0"))
    ImportBatch.objects.filter(pk=left.pk).update(uploaded_at=old)

    assert data_rights.retention_run(dry_run=True)["sheets"] == 1
    assert data_rights.retention_run()["sheets"] == 1

    assert set(ImportBatch.objects.values_list("pk", flat=True)) == {batch.pk, recent.pk}


def test_an_imported_owners_own_data_names_the_sheet_they_came_from(batch, coordinator):
    from lms import data_rights

    services.batch_import(batch=batch, user=coordinator)
    owner = User.objects.get(phone="+6281234567801")

    [sheet] = data_rights.personal_data_for(user=owner)["imports"]

    assert sheet["file_name"] == "sibakul.csv"
    assert sheet["imported_at"] is not None
