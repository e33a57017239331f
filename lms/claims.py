"""Claim links: how an imported owner (an account with no password yet) takes over their account.

Staff issue a link per owner (``claim_links_issue``); the link carries a random token, of which
only the SHA-256 is stored, and an 8-character short code to type where a link cannot be
opened. The owner confirms their name, consents and chooses a password (``claim_link_redeem``),
once. Reads (which accounts are unclaimed, which link a token names) are here too.
"""

import hashlib
import secrets
import urllib.parse
from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from privacy import services as privacy_services

from . import audit
from .models import ClaimLink, User
from .selectors import sees_every_class

# No 0/O, 1/I/L, U/V: nothing two people could read differently off a paper slip.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
CODE_LENGTH = 8
TOKEN_BYTES = 32

LINK_UNKNOWN = _("This link or code is not valid. Check it with the office that sent it to you.")
LINK_USED = _("This link has already been used. Sign in with the password you chose.")
LINK_EXPIRED = _(
    "This link has expired or has been replaced. Ask your mentor or the office for a new one."
)
NOT_VISIBLE = _("You can only issue links for learners in your own classes.")
ALREADY_CLAIMED = _("Some of these people already have a password: they need no link.")

# The WhatsApp messages go to owners: always in Indonesian (MESSAGE_LANGUAGE), whatever the
# language of the admin that sends them.
MESSAGE_LANGUAGE = "id"
WHATSAPP_MESSAGE = _(
    "Hello %(name)s, your Pintar UMKM account is ready. Open this link to choose your "
    "password: %(link)s . Or open %(claim_page)s and type the code %(code)s . "
    "Valid until %(until)s."
)
WHATSAPP_REMINDER = _(
    "Hello %(name)s, your Pintar UMKM account is waiting. Open %(link)s and type the code "
    "%(code)s to choose your password. Valid until %(until)s."
)


def token_hash(token: str) -> str:
    """The stored form of a link's token (a random 256-bit value: a plain hash suffices)."""
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(raw: str) -> str:
    """A typed short code as stored: spaces and dashes dropped, upper case, common misreadings
    (O→0 is not in the alphabet; the letter O is read as zero's absence) left to fail."""
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())[: CODE_LENGTH * 2]


def code_display(code: str) -> str:
    """A short code as printed and sent: two groups of four, ``K7M2-QX4P``."""
    return f"{code[:4]}-{code[4:]}" if len(code) == CODE_LENGTH else code


def code_page_url(code: str = "") -> str:
    """The page to type a short code on; with ``code``, the page with it filled in."""
    path = reverse("lms:claim_code")
    return site_url(f"{path}?kode={code}" if code else path)


def site_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def whatsapp_url(*, phone: str | None, message: str) -> str:
    """A wa.me link that opens a chat with ``phone`` (stored as +62…) with ``message`` typed."""
    number = (phone or "").lstrip("+")
    return f"https://wa.me/{number}?text={urllib.parse.quote(message)}"


@dataclass
class IssuedLink:
    """A link just issued, with its raw token (never stored) for the message and the slip."""

    link: ClaimLink
    token: str

    @property
    def user(self):
        return self.link.user

    @property
    def url(self) -> str:
        return site_url(reverse("lms:claim", kwargs={"token": self.token}))

    @property
    def code_page_url(self) -> str:
        return code_page_url()

    @property
    def code(self) -> str:
        return code_display(self.link.code)

    @property
    def whatsapp_url(self) -> str:
        until = timezone.localtime(self.link.expires_at).strftime("%d-%m-%Y")
        with translation.override(MESSAGE_LANGUAGE):
            template = str(WHATSAPP_MESSAGE)
        message = template % {
            "name": self.user.full_name,
            "link": self.url,
            "claim_page": self.code_page_url,
            "code": self.code,
            "until": until,
        }
        return whatsapp_url(phone=self.user.phone, message=message)


def reminder_whatsapp_url(link: ClaimLink) -> str:
    """For a live link issued earlier (its token is gone): a message with the code page, the
    code filled in, and the code."""
    code = code_display(link.code)
    until = timezone.localtime(link.expires_at).strftime("%d-%m-%Y")
    with translation.override(MESSAGE_LANGUAGE):
        template = str(WHATSAPP_REMINDER)
    message = template % {
        "name": link.user.full_name,
        "link": code_page_url(link.code),
        "code": code,
        "until": until,
    }
    return whatsapp_url(phone=link.user.phone, message=message)


# --- selectors ---------------------------------------------------------------------------


def unclaimed(users: QuerySet) -> QuerySet:
    """Of ``users``, the accounts never claimed: no usable password, never signed in."""
    return users.filter(
        password__startswith=UNUSABLE_PASSWORD_PREFIX, last_login__isnull=True, is_active=True
    )


def import_batches_for(user) -> QuerySet | list:
    """The imports whose owners ``user`` may filter the list by: coordinators only (imports
    are theirs), and only where the onboarding app is installed (lms does not depend on it)."""
    if not apps.is_installed("onboarding") or not sees_every_class(user):
        return []
    batch_model = apps.get_model("onboarding", "ImportBatch")
    return batch_model.objects.filter(imported_at__isnull=False).order_by("-imported_at")


def unclaimed_visible_to(user, *, cohort=None, batch=None) -> QuerySet:
    """The unclaimed learner accounts ``user`` may issue links for (mentors: their classes'),
    optionally those enrolled in ``cohort`` or imported by ``batch`` (an onboarding
    ImportBatch)."""
    from courses.selectors import learners_visible_to

    users = unclaimed(learners_visible_to(user))
    if cohort is not None:
        users = users.filter(enrolments__cohort=cohort)
    if batch is not None:
        users = users.filter(pk__in=batch.owners.values("pk"))
    return users.select_related("membership__business").distinct().order_by("full_name", "pk")


def live_links_for(users) -> dict[int, ClaimLink]:
    """Each user's live (unused, not voided) link, by user id."""
    links = ClaimLink.objects.select_related("user").filter(
        user__in=users, used_at__isnull=True, voided_at__isnull=True
    )
    return {link.user_id: link for link in links}


def link_problem(link: ClaimLink | None, *, now=None):
    """Why ``link`` cannot be used (a message), or None when it can."""
    now = now or timezone.now()
    if link is None:
        return LINK_UNKNOWN
    if link.used_at is not None:
        return LINK_USED
    if link.voided_at is not None or link.expires_at <= now:
        return LINK_EXPIRED
    return None


def link_by_token(token: str) -> ClaimLink | None:
    return ClaimLink.objects.select_related("user").filter(token_hash=token_hash(token)).first()


def link_by_code(code: str) -> ClaimLink | None:
    """The live link with this short code (an old, used or voided one may share it)."""
    code = normalise_code(code)
    if len(code) != CODE_LENGTH:
        return None
    return (
        ClaimLink.objects.select_related("user")
        .filter(code=code, used_at__isnull=True, voided_at__isnull=True)
        .first()
    )


def landing_url_for(user) -> str:
    """Where a claimed account lands: its class's course page, else the dashboard."""
    from courses.models import Enrolment

    enrolment = (
        Enrolment.objects.filter(learner=user, course__live=True)
        .select_related("course")
        .order_by("-cohort_id", "-pk")
        .first()
    )
    if enrolment is not None and enrolment.course.url:
        return enrolment.course.url
    return reverse("courses:dashboard")


# --- services ----------------------------------------------------------------------------


def _issue_one(*, user, issued_by, now) -> IssuedLink:
    ClaimLink.objects.filter(user=user, used_at__isnull=True, voided_at__isnull=True).update(
        voided_at=now
    )
    expires_at = now + timedelta(days=settings.CLAIM_LINK_DAYS)
    for _attempt in range(5):  # a live code taken by someone else: draw another
        token = new_token()
        try:
            with transaction.atomic():
                link = ClaimLink.objects.create(
                    user=user,
                    token_hash=token_hash(token),
                    code=new_code(),
                    issued_by=issued_by,
                    issued_at=now,
                    expires_at=expires_at,
                )
        except IntegrityError:
            continue
        return IssuedLink(link=link, token=token)
    raise IntegrityError("no free claim code after 5 draws")


def claim_links_issue(*, users, issued_by) -> list[IssuedLink]:
    """Issue a claim link for each of ``users`` (never-claimed accounts ``issued_by`` may see),
    voiding any link issued before; one audit entry per person, without token or code.
    Refuses, issuing nothing, when any of them is not visible to ``issued_by`` or already
    claimed."""
    from courses.selectors import learners_visible_to

    users = list(users)
    ids = {user.pk for user in users}
    visible = learners_visible_to(issued_by).filter(pk__in=ids)
    if ids - set(visible.values_list("pk", flat=True)):
        raise ValidationError(NOT_VISIBLE, code="not_visible")
    if ids - set(unclaimed(visible).values_list("pk", flat=True)):
        raise ValidationError(ALREADY_CLAIMED, code="already_claimed")
    now = timezone.now()
    issued = []
    with transaction.atomic():
        for user in sorted(users, key=lambda u: (u.full_name, u.pk)):
            one = _issue_one(user=user, issued_by=issued_by, now=now)
            log(
                instance=user,
                action=audit.CLAIM_LINK_ISSUE,
                user=issued_by,
                data={"expires_at": one.link.expires_at.isoformat()},
            )
            issued.append(one)
    return issued


def claim_link_redeem(
    *,
    link_id: int,
    full_name: str,
    password: str,
    birth_year: int | None,
    research: bool,
    guardian_name: str = "",
    guardian_statement: bool = False,
) -> User:
    """Claim the account ``link_id`` names: its name, birth year, password and consents, once.
    The link's row is locked, so two submits at once make one claim; the second is refused."""
    with transaction.atomic():
        link = (
            ClaimLink.objects.select_for_update().filter(pk=link_id).select_related("user").first()
        )
        problem = link_problem(link)
        if problem is None and link.user.has_usable_password():
            problem = LINK_USED
        if problem is not None:
            raise ValidationError(problem, code="claim_refused")
        now = timezone.now()
        user = link.user
        user.full_name = full_name
        if birth_year is not None:
            user.birth_year = birth_year
        user.set_password(password)
        user.save(update_fields=["full_name", "birth_year", "password"])
        privacy_services.sign_up_consents_record(
            user=user,
            research=research,
            guardian_name=guardian_name,
            guardian_statement=guardian_statement,
        )
        ClaimLink.objects.filter(pk=link.pk).update(used_at=now)
        ClaimLink.objects.filter(
            Q(user=user) & Q(used_at__isnull=True) & Q(voided_at__isnull=True)
        ).update(voided_at=now)
    return user


def claim_links_expired_delete(*, now=None, dry_run: bool = False) -> int:
    """Delete the links that can never be used again (expired, or voided by a reissue); for
    the retention run. Returns how many (would have) gone."""
    now = now or timezone.now()
    gone = ClaimLink.objects.filter(Q(expires_at__lte=now) | Q(voided_at__isnull=False))
    if dry_run:
        return gone.count()
    return gone.delete()[0]
