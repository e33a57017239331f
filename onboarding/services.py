"""Everything the import writes: the uploaded sheet, its mapping, and the import itself."""

import secrets

import tablib
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from tablib.exceptions import InvalidDimensions
from wagtail.log_actions import log

from courses.services import enrolment_start
from lms import audit, roles
from lms.identifiers import JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH
from lms.models import Business, Membership, User

from . import rows as rules
from . import selectors
from .models import ImportBatch

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
FILE_TOO_BIG = _("The file is larger than 5 MB. Split it into smaller sheets.")
FILE_TYPE = _("Upload a CSV or an Excel (.xlsx) file.")
FILE_UNREADABLE = _("This file could not be read as a CSV or Excel sheet.")
FILE_EMPTY = _("The sheet has no rows below its headings.")
TOO_MANY_ROWS = _("The sheet has more than %(limit)d rows. Split it into smaller sheets.")
ALREADY_IMPORTED = _("This sheet has already been imported.")
MAPPING_REQUIRED = _("Choose a column for %(field)s.")
MAPPING_TWICE = _("One column cannot hold two fields.")
CHANGED_MEANWHILE = _(
    "Someone changed these businesses or people while you were importing. Nothing was "
    "imported; check the rows again."
)


def _csv_text(content: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(FILE_UNREADABLE, code="unreadable")


def _blank_lines_kept(text: str, delimiter: str) -> str:
    """The CSV with each empty line (outside a quoted cell) holding one delimiter: tablib skips
    empty lines, which would shift the row numbers the preview shows."""
    lines = text.split("\n")
    quoted = False
    for index, line in enumerate(lines):
        if not quoted and not line.strip("\r"):
            lines[index] = delimiter + line
        quoted ^= line.count('"') % 2 == 1  # a quote inside a quoted cell is doubled
    return "\n".join(lines)


def _dataset(extension: str, content: bytes) -> tuple[tablib.Dataset, int]:
    """The sheet as tablib reads it, and how many rows were skipped above it: a title row
    narrower than the table below it makes tablib refuse the sheet, so up to
    ``HEADER_SEARCH_ROWS`` first rows are skipped until it reads."""
    if extension == "csv":
        source = _csv_text(content)
        first_lines = "\n".join(source.split("\n", rules.HEADER_SEARCH_ROWS)[:-1] or [source])
        delimiter = ";" if first_lines.count(";") > first_lines.count(",") else ","
        source = _blank_lines_kept(source, delimiter)
        options = {"format": "csv", "delimiter": delimiter}
    elif extension == "xlsx":
        source, options = content, {"format": "xlsx"}
    else:
        raise ValidationError(FILE_TYPE, code="file_type")
    for skip in range(rules.HEADER_SEARCH_ROWS):
        dataset = tablib.Dataset()
        try:
            dataset.load(source, headers=False, skip_lines=skip, **options)
        except InvalidDimensions:
            continue
        except Exception as error:  # noqa: BLE001 - any parser failure is one clear message
            raise ValidationError(FILE_UNREADABLE, code="unreadable") from error
        return dataset, skip
    raise ValidationError(FILE_UNREADABLE, code="unreadable")


def sheet_read(*, name: str, content: bytes) -> tuple[list[str], list[list[str]], list[int]]:
    """The headings, the data rows and each data row's number in the sheet, from a CSV (``;``
    or ``,`` separated) or XLSX file; every cell as trimmed text. The headings are the first
    rows' best match for our fields' names, so a title and blank rows above them are skipped;
    empty rows are dropped.
    Raises ValidationError with a clear message."""
    if len(content) > MAX_BYTES:
        raise ValidationError(FILE_TOO_BIG, code="too_big")
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    dataset, skipped = _dataset(extension, content)
    numbered = [
        (skipped + index + 1, cells)
        for index, cells in enumerate([rules.cell_text(cell) for cell in row] for row in dataset)
        if any(cells)
    ]
    if numbered:
        header_at = rules.header_row_index([cells for _, cells in numbered])
        numbered = numbered[header_at:]
    if len(numbered) < 2:
        raise ValidationError(FILE_EMPTY, code="empty")
    if len(numbered) - 1 > MAX_ROWS:
        raise ValidationError(TOO_MANY_ROWS % {"limit": MAX_ROWS}, code="too_many_rows")
    width = max(len(cells) for _, cells in numbered)
    table = [cells + [""] * (width - len(cells)) for _, cells in numbered]
    return table[0], table[1:], [number for number, _ in numbered[1:]]


def batch_upload(*, user, name: str, content: bytes) -> ImportBatch:
    headers, data, numbers = sheet_read(name=name, content=content)
    return ImportBatch.objects.create(
        file_name=rules.cell_text(name)[:255],
        uploaded_by=user,
        headers=headers,
        rows=data,
        row_numbers=numbers,
        mapping=rules.guess_mapping(headers),
    )


def batch_map(*, batch: ImportBatch, mapping: dict[str, int | None]) -> ImportBatch:
    """Keep the column chosen for each field; every required field needs one, and no column
    serves two fields."""
    if batch.imported_at:
        raise ValidationError(ALREADY_IMPORTED, code="imported")
    width = len(batch.headers)
    clean = {}
    for name in rules.FIELDS:
        index = mapping.get(name)
        clean[name] = index if isinstance(index, int) and 0 <= index < width else None
    for name in rules.REQUIRED:
        if clean[name] is None:
            raise ValidationError(
                MAPPING_REQUIRED % {"field": rules.FIELD_LABELS[name]}, code="mapping"
            )
    chosen = [index for index in clean.values() if index is not None]
    if len(chosen) != len(set(chosen)):
        raise ValidationError(MAPPING_TWICE, code="mapping")
    batch.mapping = clean
    batch.save(update_fields=["mapping"])
    return batch


def batch_discard(*, batch: ImportBatch) -> None:
    """Delete a sheet that was not imported, and the personal data in its cells."""
    if batch.imported_at:
        raise ValidationError(ALREADY_IMPORTED, code="imported")
    batch.delete()


def _join_codes(count: int) -> list[str]:
    """``count`` join codes unused so far and distinct from each other."""
    codes: set[str] = set()
    while len(codes) < count:
        fresh = {
            "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))
            for _ in range(count - len(codes))
        }
        fresh -= codes
        taken = set()
        fresh_list = list(fresh)
        for start in range(0, len(fresh_list), 900):
            taken |= set(
                Business.objects.filter(join_code__in=fresh_list[start : start + 900]).values_list(
                    "join_code", flat=True
                )
            )
        codes |= fresh - taken
    return list(codes)


def _unclaimed(user: User) -> bool:
    return not user.has_usable_password() and user.last_login is None


def batch_import(*, batch: ImportBatch, user, cohort=None) -> dict[str, int]:
    """Create or update every row that passes its checks, in one transaction; refused rows
    change nothing. Idempotent by SiBakul number: a business already there is updated (its
    owner's name, phone and birth year too while the owner has never claimed the account).
    Owners get an unusable password; with ``cohort``, everyone imported is enrolled in it.
    Logs one ``pintar.import`` action. The sheet's cells are then dropped (only the counts and
    the owners imported stay). Returns the counts."""
    try:
        with transaction.atomic():
            return _batch_import(batch=batch, user=user, cohort=cohort)
    except IntegrityError as error:  # another import or sign-up took a number meanwhile
        raise ValidationError(CHANGED_MEANWHILE, code="changed") from error


def _batch_import(*, batch: ImportBatch, user, cohort) -> dict[str, int]:
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.imported_at:
        raise ValidationError(ALREADY_IMPORTED, code="imported")
    checks = selectors.batch_checks(batch=batch)
    accepted = [row for row in checks if row.outcome != rules.REFUSED]
    now = timezone.now()

    existing = {
        business.sibakul_number: business
        for business in selectors.businesses_by_sibakul(
            [row.values["sibakul_number"] for row in accepted if row.outcome == rules.UPDATE]
        )
    }
    owners = selectors.owners_of(existing.values())

    new_rows = [row for row in accepted if row.outcome == rules.NEW]
    users = [
        User(
            full_name=row.values["owner_name"],
            phone=row.values["phone"],
            birth_year=row.values["birth_year"],
            password=make_password(None),
            date_joined=now,
        )
        for row in new_rows
    ]
    User.objects.bulk_create(users, batch_size=1000)
    if any(u.pk is None for u in users):  # a backend that does not return keys
        by_phone = dict(
            User.objects.filter(phone__in=[u.phone for u in users]).values_list("phone", "pk")
        )
        for u in users:
            u.pk = by_phone[u.phone]
    businesses = [
        Business(
            name=row.values["business_name"],
            sibakul_number=row.values["sibakul_number"],
            sector=row.values["sector"],
            regency=row.values["regency"],
            district=row.values["district"],
            join_code=code,
            created_at=now,
        )
        for row, code in zip(new_rows, _join_codes(len(new_rows)), strict=True)
    ]
    Business.objects.bulk_create(businesses, batch_size=1000)
    if any(b.pk is None for b in businesses):
        by_number = dict(
            Business.objects.filter(
                sibakul_number__in=[b.sibakul_number for b in businesses]
            ).values_list("sibakul_number", "pk")
        )
        for b in businesses:
            b.pk = by_number[b.sibakul_number]
    memberships = [
        Membership(user=u, business=b, is_owner=True, joined_at=now)
        for u, b in zip(users, businesses, strict=True)
    ]

    changed_businesses, changed_users = [], []
    imported_owners = list(users)
    for row in accepted:
        if row.outcome != rules.UPDATE:
            continue
        business = existing[row.values["sibakul_number"]]
        business.name = row.values["business_name"]
        business.sector = row.values["sector"]
        business.regency = row.values["regency"]
        business.district = row.values["district"]
        changed_businesses.append(business)
        owner = owners.get(business.pk)
        if owner is None:  # a business without an owner gets the sheet's
            owner = User(
                full_name=row.values["owner_name"],
                phone=row.values["phone"],
                birth_year=row.values["birth_year"],
                password=make_password(None),
                date_joined=now,
            )
            owner.save()
            memberships.append(Membership(user=owner, business=business, is_owner=True))
        elif _unclaimed(owner):
            owner.full_name = row.values["owner_name"]
            owner.phone = row.values["phone"]
            if row.values["birth_year"]:
                owner.birth_year = row.values["birth_year"]
            changed_users.append(owner)
        imported_owners.append(owner)
    Membership.objects.bulk_create(memberships, batch_size=1000)
    Business.objects.bulk_update(
        changed_businesses, ["name", "sector", "regency", "district"], batch_size=1000
    )
    User.objects.bulk_update(changed_users, ["full_name", "phone", "birth_year"], batch_size=1000)

    learners = Group.objects.get(name=roles.LEARNERS)
    through = User.groups.through
    through.objects.bulk_create(
        [through(user_id=u.pk, group_id=learners.pk) for u in imported_owners],
        batch_size=1000,
        ignore_conflicts=True,
    )
    owners_through = ImportBatch.owners.through
    owners_through.objects.bulk_create(
        [owners_through(importbatch_id=batch.pk, user_id=u.pk) for u in imported_owners],
        batch_size=1000,
        ignore_conflicts=True,
    )
    if cohort is not None:
        for owner in imported_owners:
            enrolment_start(learner=owner, course=cohort.course, cohort=cohort)

    tally = rules.counts(checks)
    batch.imported_at = now
    batch.imported_by = user
    batch.cohort = cohort
    batch.created_count = tally[rules.NEW]
    batch.updated_count = tally[rules.UPDATE]
    batch.refused_count = tally[rules.REFUSED]
    batch.rows = []  # personal data kept no longer than needed
    batch.row_numbers = []
    batch.save()
    log(
        instance=batch,
        action=audit.IMPORT,
        user=user,
        data={
            "file_name": batch.file_name,
            "new": tally[rules.NEW],
            "updated": tally[rules.UPDATE],
            "refused": tally[rules.REFUSED],
            "class": f"{cohort} (#{cohort.pk})" if cohort else "",
        },
    )
    return tally
