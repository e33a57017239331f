"""Read-only queries about people and businesses."""

from django.core.exceptions import ValidationError

from . import roles
from .identifiers import looks_like_phone, normalise_phone
from .models import Membership, User


def sees_every_class(user) -> bool:
    """Coordinators and superusers see every class, its learners and certificates; a mentor
    sees the classes they run."""
    return user.is_superuser or user.groups.filter(name=roles.COORDINATORS).exists()


def membership_for(*, user) -> Membership | None:
    return Membership.objects.select_related("business").filter(user=user).first()


def business_members_for(*, owner) -> list[Membership]:
    """The members of the business ``owner`` owns, owner first; empty for anyone else."""
    return list(
        Membership.objects.filter(
            business__memberships__user=owner, business__memberships__is_owner=True
        )
        .select_related("user")
        .order_by("-is_owner", "joined_at")
    )


def user_by_identifier(raw: str) -> User | None:
    """The account a typed mobile number (any common form) or email names, if any."""
    raw = (raw or "").strip()
    if not raw:
        return None
    if looks_like_phone(raw):
        try:
            lookup = {"phone": normalise_phone(raw)}
        except ValidationError:
            return None
    else:
        lookup = {"email__iexact": raw}
    return User._default_manager.filter(**lookup).first()
