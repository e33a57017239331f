"""Recording a business's check-in."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import CheckIn
from .selectors import checkin_rows_for

NOT_DUE = _("This check-in is not open now. Open the check-ins page to see which one is due.")


class CheckInRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def checkin_save(*, business, course, moment: str, person, figures: dict) -> CheckIn:
    """Record the business's check-in for ``moment``, or change the one already recorded.

    A new check-in is taken only while its moment is due; any member may change a recorded one
    (who and when are kept). A double submit changes the same row: one check-in per moment.
    """
    rows = {row.moment: row for row in checkin_rows_for(business=business, course=course)}
    row = rows.get(moment)
    if row is None or (row.checkin is None and not row.is_due):
        raise CheckInRefused(NOT_DUE)
    now = timezone.now()
    try:
        with transaction.atomic():
            checkin = (
                CheckIn.objects.select_for_update()
                .filter(business=business, course=course, moment=moment)
                .first()
            )
            if checkin is None:
                return CheckIn.objects.create(
                    business=business,
                    course=course,
                    moment=moment,
                    filled_by=person,
                    filled_at=now,
                    updated_by=person,
                    updated_at=now,
                    **figures,
                )
            CheckIn.objects.filter(pk=checkin.pk).update(
                updated_by=person, updated_at=now, **figures
            )
    except IntegrityError:  # a simultaneous first submit won: change that row instead
        CheckIn.objects.filter(business=business, course=course, moment=moment).update(
            updated_by=person, updated_at=now, **figures
        )
    return CheckIn.objects.get(business=business, course=course, moment=moment)
