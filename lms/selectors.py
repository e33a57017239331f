"""Read-only queries about people and businesses."""

from django.core.exceptions import ValidationError
from django.db.models import CharField
from django.db.models.functions import Cast

from . import roles
from .identifiers import looks_like_phone, normalise_phone
from .models import Membership, User


def role_names(user) -> frozenset[str]:
    """The names of the user's groups (``lms.roles``), read once per user object (a request's):
    the admin's menu, scoping and views all ask."""
    if not hasattr(user, "_role_names"):
        user._role_names = frozenset(user.groups.values_list("name", flat=True))
    return user._role_names


def sees_every_class(user) -> bool:
    """Coordinators and superusers see every class, its learners and certificates; a mentor
    sees the classes they run."""
    return user.is_superuser or roles.COORDINATORS in role_names(user)


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


def log_object_ids(queryset):
    """``queryset``'s primary keys as Wagtail's log entries name objects (text), for
    ``object_id__in``: a subquery, not a list of every id."""
    return queryset.annotate(log_id=Cast("pk", CharField())).values("log_id")


def temporary_password_log_for(*, user, limit: int = 10) -> list:
    """The latest temporary passwords set for ``user`` (Wagtail action log entries, newest
    first), with who set each."""
    from wagtail.log_actions import registry

    from .audit import TEMPORARY_PASSWORD_ACTIONS

    return list(
        registry.get_logs_for_instance(user)
        .filter(action__in=TEMPORARY_PASSWORD_ACTIONS)
        .select_related("user")
        .order_by("-timestamp", "-pk")[:limit]
    )


def temporary_password_sets_visible_to(*, user, limit: int = 20) -> list[tuple]:
    """The latest temporary passwords set for learners ``user`` may reach (every learner for
    coordinators), newest first, as (log entry, learner) pairs: so coordinators, who cannot open
    people's admin pages, still see who set one for whom and when."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry

    from courses.selectors import learners_visible_to

    from .audit import TEMPORARY_PASSWORD_ACTIONS

    entries = ModelLogEntry.objects.filter(
        action__in=TEMPORARY_PASSWORD_ACTIONS, content_type=ContentType.objects.get_for_model(User)
    )
    if not sees_every_class(user):
        entries = entries.filter(object_id__in=log_object_ids(learners_visible_to(user)))
    entries = list(entries.select_related("user").order_by("-timestamp", "-pk")[:limit])
    learners = User.objects.in_bulk([int(entry.object_id) for entry in entries])
    return [(entry, learners.get(int(entry.object_id))) for entry in entries]
