"""Throttling against password guessing and sign-up floods: the keys it counts by and the page
that asks people to wait.

django-axes counts failed sign-ins (settings ``AXES_*``) through ``SignInFailureHandler``: 5 lock
an account, from anywhere or from one address, but only ``SIGN_IN_ADDRESS_FAILURE_LIMIT`` lock an
address alone, so a class on one Wi-Fi doesn't lock itself out. django-ratelimit counts sign-up
and password-reset POSTs per address (``SIGN_UP_RATE``, ``PASSWORD_RESET_RATE``). Both answer
with the same friendly page and status 429.
"""

import math

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit, get_lockout_parameters
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import get_usage

from .identifiers import UNKNOWN_JOIN_CODE, sign_in_key
from .selectors import user_by_identifier
from .text import is_clean_text

TOO_MANY_STATUS = 429
JOIN_CODE_THROTTLED_CODE = "join_code_throttled"  # The form error while join codes are refused.
TEMPLATE = "lms/locked_out.html"
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def client_ip(request) -> str:
    """The address a request comes from (``AXES_CLIENT_IP_CALLABLE``, ``RATELIMIT_IP_META_KEY``).

    ``REMOTE_ADDR`` unless ``CLIENT_IP_HEADER`` names the header the reverse proxy sets (nginx:
    ``X-Real-IP $remote_addr``, read as ``HTTP_X_REAL_IP``); set it only when the app can be
    reached through that proxy alone, or anyone could pick their own address. Of a list, the
    right-most entry is the one the proxy added.
    """
    value = request.META.get(settings.CLIENT_IP_HEADER) or request.META.get("REMOTE_ADDR") or ""
    return value.rsplit(",", 1)[-1].strip()


# django-axes' username columns hold 255 characters; no phone number or email is longer.
USERNAME_KEY_MAX_LENGTH = 255
# The lockout parameter that names no account: it gets its own, much higher, limit.
ADDRESS = "ip_address"


def account_key(user) -> str:
    """The key an account's failed sign-ins are counted under, whichever of its number or email
    was typed. It names the account by id, so django-axes' records hold no number or email."""
    return f"account:{user.pk}"


def sign_in_username(request, credentials) -> str:
    """The key a sign-in attempt is counted under (``AXES_USERNAME_CALLABLE``): the account it
    names (``account_key``), so ``0812 3456 7890``, ``+6281234567890`` and the account's email
    all count against one limit; for a name that matches no account, that name in one spelling
    (``sign_in_key``), cut to what the attempt's row holds, so a name of any length is a counted
    failure, not an error. Looked up once per request: axes asks several times."""
    typed = (credentials or {}).get("username")
    if typed is None:
        typed = request.POST.get("username", "")
    keys = request.__dict__.setdefault("sign_in_keys", {})
    if typed not in keys:
        lookable = len(typed) <= USERNAME_KEY_MAX_LENGTH and is_clean_text(typed)
        user = user_by_identifier(typed) if lookable else None
        keys[typed] = account_key(user) if user else sign_in_key(typed)[:USERNAME_KEY_MAX_LENGTH]
    return keys[typed]


def account_keys(user) -> set[str]:
    """Every key an account's failures may be counted under: its own, and the spellings of its
    number and email that records from before accounts were keyed by id used."""
    return {account_key(user)} | {sign_in_key(value) for value in (user.phone, user.email) if value}


def account_unlock(user) -> int:
    """Remove the failures counted against ``user``'s account (a lock lifts with them); how
    many records went."""
    deleted, _by_model = AccessAttempt.objects.filter(username__in=account_keys(user)).delete()
    return deleted


def failure_limit_for(parameter, *, account_limit: int, address_limit: int) -> int:
    """How many failures one lockout parameter (``AXES_LOCKOUT_PARAMETERS``) allows: an address
    alone gets ``address_limit``; anything naming an account, ``account_limit``."""
    return address_limit if parameter == ADDRESS else account_limit


def scaled_failures(counts, limits, limit: int) -> int:
    """The failures to compare with ``limit``: each count scaled from its own limit to ``limit``,
    the highest of them. Reaches ``limit`` exactly when some count reaches its own limit."""
    return max((count * limit // own for count, own in zip(counts, limits, strict=True)), default=0)


class SignInFailureHandler(AxesDatabaseHandler):
    """django-axes' database handler (``AXES_HANDLER``) with a limit for each lockout parameter
    (``failure_limit_for``) and a success that clears only the signed-in account's failures.

    Stock axes holds every parameter to one ``AXES_FAILURE_LIMIT`` and, on success, deletes the
    failures of every parameter, the address's included: one address could then try 4 passwords
    on any number of accounts, signing in to its own between each.
    """

    def get_failures(self, request, credentials=None) -> int:
        limit = get_failure_limit(request, credentials)
        limits = [
            failure_limit_for(
                parameter,
                account_limit=limit,
                address_limit=settings.SIGN_IN_ADDRESS_FAILURE_LIMIT,
            )
            for parameter in get_lockout_parameters(request, credentials)
        ]
        counts = [
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        ]
        return scaled_failures(counts, limits, limit)

    def user_logged_in(self, sender, request, user, **kwargs):
        super().user_logged_in(sender, request, user, **kwargs)  # The access log.
        account_unlock(user)


def _rate(request, rate: str) -> str:
    request.throttle_rate = rate  # For rate_limited(): how long to ask the person to wait.
    return rate


def sign_up_rate(group, request) -> str:
    """Sign-up POSTs allowed per address (django-ratelimit ``rate``), read at request time."""
    return _rate(request, settings.SIGN_UP_RATE)


def password_reset_rate(group, request) -> str:
    """Password-reset POSTs (each may send an email) allowed per address."""
    return _rate(request, settings.PASSWORD_RESET_RATE)


def certificate_verify_rate(group, request) -> str:
    """Certificate verification lookups allowed per address: codes can't be guessed by trying."""
    return _rate(request, settings.CERTIFICATE_VERIFY_RATE)


JOIN_CODE_THROTTLED = _(
    "Too many wrong codes have been tried. To keep businesses and classes safe, "
    "please wait %(minutes)s minutes, then check the code with the person who gave it to you."
)


def _join_code_limits(request) -> list[tuple[str, str, str]]:
    """(group, key, rate) for django-ratelimit: wrong codes per address, and per account."""
    limits = [("join_code:address", "ip", settings.JOIN_CODE_ADDRESS_RATE)]
    if request.user.is_authenticated:
        limits.append(("join_code:account", "user", settings.JOIN_CODE_RATE))
    return limits


def join_code_wait(request) -> int | None:
    """The minutes before a POSTed business or class code may be checked again, or None when it
    may be now: once wrong codes from this account or address reach their rate, every code is
    refused (a right one too, or guessing would go on) until that window passes."""
    if request.method != "POST":
        return None
    waits = []
    for group, key, rate in _join_code_limits(request):
        usage = get_usage(request, group=group, key=key, rate=rate)
        # should_limit alone: the cache failed (django-ratelimit fails open if told to).
        if usage and (usage["should_limit"] or usage["count"] >= usage["limit"]):
            waits.append(usage["time_left"])
    return max(1, math.ceil(max(waits) / 60)) if waits else None


def join_code_tried(request, form) -> int:
    """Count the code a join form refused as naming nothing, and return the status to answer
    with: 429 while the form refuses codes because of ``join_code_wait``, else 200."""
    if form.has_error("join_code", UNKNOWN_JOIN_CODE):
        for group, key, rate in _join_code_limits(request):
            get_usage(request, group=group, key=key, rate=rate, increment=True)
    return TOO_MANY_STATUS if form.has_error("join_code", JOIN_CODE_THROTTLED_CODE) else 200


def _period_minutes(rate: str) -> int:
    """The longest wait a django-ratelimit rate such as ``30/h`` or ``5/15m`` can impose."""
    period = rate.partition("/")[2]
    count = int(period[:-1] or 1)
    return max(1, math.ceil(count * _SECONDS[period[-1]] / 60))


def _too_many(request, *, minutes: int, password_help: bool):
    context = {"wait_minutes": minutes, "password_help": password_help}
    return render(request, TEMPLATE, context, status=TOO_MANY_STATUS)


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a locked account or address (``AXES_LOCKOUT_CALLABLE``)."""
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    return _too_many(request, minutes=minutes, password_help=True)


def rate_limited(request, exception):
    """django-ratelimit's answer when an address posts too often (``RATELIMIT_VIEW``)."""
    rate = getattr(request, "throttle_rate", None) or settings.SIGN_UP_RATE
    return _too_many(request, minutes=_period_minutes(rate), password_help=False)
