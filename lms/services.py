"""Everything that writes people, businesses and memberships."""

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import log_actions

from . import audit, roles
from .identifiers import UNKNOWN_JOIN_CODE, new_join_code, normalise_join_code
from .models import Business, Membership, User

PHONE_TAKEN = _("This mobile number is already registered. Sign in instead.")
EMAIL_TAKEN = _("This email is already registered. Sign in instead.")
SIBAKUL_TAKEN = _(
    "A business with this SiBakul number is already registered. Ask its owner for the join code."
)
JOIN_CODE_UNKNOWN = _("No business has this join code. Check it with the business owner.")
ALREADY_MEMBER = _("You already belong to a business.")
NOT_OWNER = _("Only the business owner can do this.")
OWNER_CANNOT_BE_REMOVED = _("The owner cannot be removed from their own business.")
NOT_A_LEARNER = _("Temporary passwords can only be set for learners, not for staff.")
# The same words for an unknown number and for a learner outside the mentor's classes, so the
# refusal does not tell a mentor whether someone else's learner has an account.
LEARNER_NOT_FOUND = _("No learner in your classes has this mobile number or email.")
HAS_EMAIL = _(
    "This learner has an email, so they can choose a new password themselves: ask them to tap "
    "“Forgot your password?” on the sign-in page."
)
TEMPORARY_PASSWORD_NOTICE = _(
    "Your password was reset by %(name)s on %(when)s. Choose your own password now."
)
TEMPORARY_PASSWORD_ACTION = audit.TEMPORARY_PASSWORD
# The User fields that hold a temporary password: its hash, when and by whom it was set, its use.
TEMPORARY_PASSWORD_FIELDS = [
    "temporary_password",
    "temporary_password_set_at",
    "temporary_password_set_by",
    "temporary_password_used_at",
]


def _join_code_unused():
    while True:
        code = new_join_code()
        if not Business.objects.filter(join_code=code).exists():
            return code


_REFUSALS = [
    ("phone", {"phone": PHONE_TAKEN}),
    ("email", {"email": EMAIL_TAKEN}),
    ("sibakul", {"sibakul_number": SIBAKUL_TAKEN}),
    ("membership", ALREADY_MEMBER),
]


def _refusal(error: IntegrityError) -> ValidationError:
    """The message for a uniqueness rule the database enforced when a form check was outrun."""
    text = str(error).lower()
    for marker, message in _REFUSALS:
        if marker in text:
            return ValidationError(message)
    raise error


@transaction.atomic
def learner_sign_up(
    *,
    full_name: str,
    password: str,
    phone: str | None = None,
    email: str | None = None,
    birth_year: int | None = None,
    business: dict | None = None,
    join_code: str | None = None,
) -> User:
    """Create a learner and either register their new business or join an existing one.

    ``business`` holds the new business's fields (name, sibakul_number, sector, regency, district);
    otherwise ``join_code`` names the business to join. Nothing is created unless all of it is.
    """
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                email=email,
                password=password,
                phone=phone,
                full_name=full_name,
                birth_year=birth_year,
            )
    except IntegrityError as error:
        raise _refusal(error) from error
    user.groups.add(Group.objects.get(name=roles.LEARNERS))
    if business is not None:
        business_register(owner=user, **business)
    else:
        business_join(user=user, join_code=join_code or "")
    return user


def business_register(
    *, owner: User, name: str, sector: str, regency: str, sibakul_number=None, district=""
) -> Business:
    """Register a business with ``owner`` as its owner and first member."""
    if Membership.objects.filter(user=owner).exists():
        raise ValidationError(ALREADY_MEMBER)
    try:
        with transaction.atomic():
            business = Business.objects.create(
                name=name.strip(),
                sibakul_number=sibakul_number or None,
                sector=sector,
                regency=regency,
                district=district.strip(),
                join_code=_join_code_unused(),
            )
            Membership.objects.create(user=owner, business=business, is_owner=True)
    except IntegrityError as error:
        raise _refusal(error) from error
    return business


def business_join(*, user: User, join_code: str) -> Membership:
    business = Business.objects.filter(join_code=normalise_join_code(join_code)).first()
    if business is None:
        raise ValidationError(
            {"join_code": ValidationError(JOIN_CODE_UNKNOWN, code=UNKNOWN_JOIN_CODE)}
        )
    try:
        with transaction.atomic():
            return Membership.objects.create(user=user, business=business)
    except IntegrityError as error:
        raise _refusal(error) from error


@transaction.atomic
def business_member_remove(*, owner: User, member_id: int) -> None:
    """Remove a member from the owner's business. Raises Membership.DoesNotExist for anyone
    who is not a member of that business, so ids of other businesses' members reveal nothing."""
    own = Membership.objects.select_for_update().filter(user=owner, is_owner=True).first()
    if own is None:
        raise PermissionDenied(NOT_OWNER)
    membership = Membership.objects.get(business_id=own.business_id, user_id=member_id)
    if membership.is_owner:
        raise ValidationError(OWNER_CANNOT_BE_REMOVED)
    membership.delete()


def profile_update(
    *, user: User, full_name: str, phone: str | None, email: str | None, birth_year: int | None
) -> User:
    user.full_name = full_name
    user.phone = phone or None
    user.email = email.lower() if email else None
    user.birth_year = birth_year
    try:
        with transaction.atomic():
            user.save(update_fields=["full_name", "phone", "email", "birth_year"])
    except IntegrityError as error:
        raise _refusal(error) from error
    return user


def password_change(*, user: User, new_password: str) -> None:
    """Set a password the person chose themselves; a temporary one, used or not, ends here."""
    user.set_password(new_password)
    user.must_change_password = False
    user.temporary_password = ""
    user.temporary_password_set_at = None
    user.temporary_password_set_by = None
    user.temporary_password_used_at = None
    user.save(update_fields=["password", "must_change_password", *TEMPORARY_PASSWORD_FIELDS])


@transaction.atomic
def temporary_password_set(*, actor: User, user: User, password: str) -> None:
    """A mentor (for a learner in their own classes) or a coordinator (for any learner) gives a
    learner without an email a one-time password, valid for TEMPORARY_PASSWORD_MAX_AGE. It
    sits beside the learner's own password, which keeps working until they choose a new one.
    Each set is recorded in Wagtail's action log."""
    from courses.selectors import learners_visible_to  # courses builds on lms

    if not actor.has_perm("lms.set_temporary_password"):
        raise PermissionDenied
    if user.is_staff or user.is_superuser or user.groups.exclude(name=roles.LEARNERS).exists():
        raise ValidationError({"learner": NOT_A_LEARNER})
    if not learners_visible_to(actor).filter(pk=user.pk).exists():
        raise ValidationError({"learner": LEARNER_NOT_FOUND})
    if user.email:
        raise ValidationError({"learner": HAS_EMAIL})
    try:
        validate_password(password, user=user)
    except ValidationError as error:
        raise ValidationError({"password": error.error_list}) from error
    user.temporary_password = make_password(password)
    user.temporary_password_set_at = timezone.now()
    user.temporary_password_set_by = actor
    user.temporary_password_used_at = None
    user.save(update_fields=TEMPORARY_PASSWORD_FIELDS)
    log_actions.log(instance=user, action=TEMPORARY_PASSWORD_ACTION, user=actor)


def temporary_password_is_current(*, set_at, now, max_age) -> bool:
    """A temporary password signs in only within ``max_age`` of being set."""
    return set_at is not None and set_at <= now < set_at + max_age


def temporary_password_use(*, user: User) -> bool:
    """Spend the learner's temporary password on this sign-in; from now on every page asks them
    to choose their own. False if it was already spent (say by a sign-in a moment earlier)."""
    now = timezone.now()
    spent = User.objects.filter(
        pk=user.pk, temporary_password_used_at__isnull=True, temporary_password_set_at__isnull=False
    ).update(temporary_password_used_at=now, must_change_password=True)
    if spent:
        user.temporary_password_used_at = now
        user.must_change_password = True
    return bool(spent)


def temporary_password_notice(user: User) -> str:
    """What the learner reads after signing in with a temporary password: who set it, when."""
    when = formats.date_format(
        timezone.localtime(user.temporary_password_set_at), "DATETIME_FORMAT"
    )
    name = str(user.temporary_password_set_by) if user.temporary_password_set_by else "-"
    return gettext(TEMPORARY_PASSWORD_NOTICE) % {"name": name, "when": when}
