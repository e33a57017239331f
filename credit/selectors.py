"""Everything that reads credit applications, and who may read or change them."""

from django.db.models import Case, Value, When

from courses.selectors import businesses_visible_to
from lms.models import Business
from lms.selectors import membership_for

from .models import CreditApplication, Lender, LenderKind
from .rules import NEXT_STEPS


def business_readable_by(*, user, business_id: int) -> Business | None:
    """The business if ``user`` is one of its members, or staff who see it; else None."""
    membership = membership_for(user=user)
    if membership is not None and membership.business_id == business_id:
        return membership.business
    return businesses_visible_to(user).filter(pk=business_id).first()


def applications_for(*, business) -> list[CreditApplication]:
    return list(
        CreditApplication.objects.filter(business=business).select_related("lender", "business")
    )


def application_readable_by(*, user, application_id: int) -> CreditApplication | None:
    """The application if ``user`` may read its business (``business_readable_by``)."""
    application = (
        CreditApplication.objects.select_related("lender", "business")
        .filter(pk=application_id)
        .first()
    )
    if application is None:
        return None
    if business_readable_by(user=user, business_id=application.business_id) is None:
        return None
    return application


def may_change(*, user, application) -> bool:
    """Members of the application's business add and change it; staff only read."""
    membership = membership_for(user=user)
    return membership is not None and membership.business_id == application.business_id


def lenders_to_choose():
    """Active lenders by name, "other" last."""
    last = Case(When(kind=LenderKind.OTHER, then=Value(1)), default=Value(0))
    return Lender.objects.filter(active=True).order_by(last, "name")


def next_steps(application) -> tuple[str, ...]:
    return NEXT_STEPS.get(application.status, ())
