"""Everything that writes people, businesses and memberships."""

from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from . import roles
from .identifiers import new_join_code, normalise_join_code
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
        raise ValidationError({"join_code": JOIN_CODE_UNKNOWN})
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
    """Set a password the person chose themselves; a temporary one no longer needs replacing."""
    user.set_password(new_password)
    user.must_change_password = False
    user.save(update_fields=["password", "must_change_password"])


def temporary_password_set(*, actor: User, user: User, password: str) -> None:
    """A mentor or coordinator gives a learner who cannot reset by email a temporary password;
    the learner is asked to choose their own at the next sign-in."""
    if not actor.has_perm("lms.set_temporary_password"):
        raise PermissionDenied
    if user.is_staff or user.is_superuser or user.groups.exclude(name=roles.LEARNERS).exists():
        raise ValidationError({"learner": NOT_A_LEARNER})
    try:
        validate_password(password, user=user)
    except ValidationError as error:
        raise ValidationError({"password": error.error_list}) from error
    user.set_password(password)
    user.must_change_password = True
    user.save(update_fields=["password", "must_change_password"])
