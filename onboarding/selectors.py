"""What the import reads: who may import, the batches, and every row's outcome."""

from django.utils import timezone

from lms.models import Business, Membership, User
from lms.selectors import sees_every_class

from . import rows as rules
from .models import ImportBatch

CHUNK = 900  # values per IN (...): under SQLite's limit on query parameters


def can_import(user) -> bool:
    """Coordinators and superusers import; mentors and learners do not."""
    return user.is_authenticated and user.is_active and sees_every_class(user)


def batches_recent(*, limit: int = 20):
    return ImportBatch.objects.select_related("uploaded_by", "imported_by").defer(
        "rows", "headers"
    )[:limit]


def _chunks(values):
    values = list(values)
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def businesses_by_sibakul(numbers) -> list[Business]:
    found = []
    for chunk in _chunks(set(numbers)):
        found.extend(Business.objects.filter(sibakul_number__in=chunk))
    return found


def owners_of(businesses) -> dict[int, User]:
    """Each business's owner, by the business's id."""
    owners = {}
    for chunk in _chunks(b.pk for b in businesses):
        for membership in Membership.objects.select_related("user").filter(
            business_id__in=chunk, is_owner=True
        ):
            owners[membership.business_id] = membership.user
    return owners


def mapped_rows(*, batch: ImportBatch) -> list[dict[str, str]]:
    """The batch's rows as {field: cell text} through its mapping."""
    mapping = {name: index for name, index in batch.mapping.items() if index is not None}
    return [
        {name: row[index] if index < len(row) else "" for name, index in mapping.items()}
        for row in batch.rows
    ]


def batch_checks(*, batch: ImportBatch) -> list[rules.RowCheck]:
    """Every row's outcome and problems, against the file itself and the database."""
    data = mapped_rows(batch=batch)
    this_year = timezone.localdate().year
    numbers = batch.row_numbers or range(2, len(data) + 2)
    first = [
        rules.check_row(number, cells, this_year=this_year)
        for number, cells in zip(numbers, data, strict=True)
    ]
    numbers = {row.values["sibakul_number"] for row in first if row.values.get("sibakul_number")}
    phones = {row.values["phone"] for row in first if row.values.get("phone")}
    existing_sibakul: dict[str, str | None] = {}
    for chunk in _chunks(numbers):
        for number, phone in Business.objects.filter(sibakul_number__in=chunk).values_list(
            "sibakul_number", "memberships__user__phone"
        ):
            if existing_sibakul.get(number) is None:
                existing_sibakul[number] = phone
    phone_holders: dict[str, str | None] = {}
    for chunk in _chunks(phones):
        for phone, is_owner, number in User.objects.filter(phone__in=chunk).values_list(
            "phone", "membership__is_owner", "membership__business__sibakul_number"
        ):
            phone_holders[phone] = number if is_owner else None
    return rules.check_rows(
        data,
        existing_sibakul=existing_sibakul,
        phone_holders=phone_holders,
        this_year=this_year,
        checked=first,
    )
