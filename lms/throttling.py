"""Throttling against password guessing and sign-up floods: the keys it counts by and the page
that asks people to wait.

django-axes counts failed sign-ins (settings ``AXES_*``) through ``SignInFailureHandler``: 5 lock
an account, from anywhere or from one address, but only ``SIGN_IN_ADDRESS_FAILURE_LIMIT`` lock an
address alone, so a class on one Wi-Fi doesn't lock itself out. django-ratelimit counts sign-up
and password-reset POSTs per address (``SIGN_UP_RATE``, ``PASSWORD_RESET_RATE``). Both answer
with the same friendly page and status 429.

Every limit counts an address by ``address_key``: an IPv4 address as it is, an IPv6 address by
its /64 network, since one home or phone connection is handed a whole /64 and could otherwise
take a fresh address for every guess.

A sign-in attempt is counted before its password is checked (``SignInFailureHandler.is_allowed``
claims it with an atomic increment, then compares): attempts sent together cannot all read a
count below the limit and all be checked.
"""

import contextlib
import ipaddress
import math

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit, get_lockout_parameters
from axes.models import AccessAttempt
from django.conf import settings
from django.core.cache import caches
from django.db import router, transaction
from django.db.models import F, Sum
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django_ratelimit import ALL
from django_ratelimit.core import _SIMPLE_KEYS, _get_window, _make_cache_key, _split_rate, get_usage

from .identifiers import UNKNOWN_JOIN_CODE, sign_in_key
from .selectors import user_by_identifier
from .text import is_clean_text

TOO_MANY_STATUS = 429
JOIN_CODE_THROTTLED_CODE = "join_code_throttled"  # The form error while join codes are refused.
TEMPLATE = "lms/locked_out.html"
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


# The address counted when a request names none that parses (a misconfigured proxy): one shared
# count, rather than an error page.
UNKNOWN_ADDRESS = "0.0.0.0"  # noqa: S104 - a key, never bound
# Every address in one IPv6 network this size belongs to one connection.
IPV6_PREFIX_LENGTH = 64


def _parsed(value: str | None):
    try:
        return ipaddress.ip_address((value or "").rsplit(",", 1)[-1].strip())
    except ValueError:
        return None


def client_ip(request) -> str:
    """The exact address a request comes from, as logs show it.

    ``REMOTE_ADDR`` unless ``CLIENT_IP_HEADER`` names the header the reverse proxy sets (nginx:
    ``X-Real-IP $remote_addr``, read as ``HTTP_X_REAL_IP``); set it only when the app can be
    reached through that proxy alone, or anyone could pick their own address. Of a list, the
    right-most entry is the one the proxy added. A value that is no address falls back to
    ``REMOTE_ADDR``, then to ``UNKNOWN_ADDRESS``.
    """
    address = _parsed(request.META.get(settings.CLIENT_IP_HEADER)) or _parsed(
        request.META.get("REMOTE_ADDR")
    )
    return str(address) if address else UNKNOWN_ADDRESS


def address_group(address: str) -> str:
    """The address a limit counts ``address`` (a valid one) under: IPv4 as it is (an IPv4-mapped
    IPv6 address as its IPv4 address), IPv6 as the first address of its /64 network."""
    parsed = ipaddress.ip_address(address)
    if parsed.version == 6 and parsed.ipv4_mapped:
        return str(parsed.ipv4_mapped)
    if parsed.version == 6:
        network = ipaddress.ip_network(f"{parsed}/{IPV6_PREFIX_LENGTH}", strict=False)
        return str(network.network_address)
    return str(parsed)


def address_key(request) -> str:
    """The address a request's limits count under (``AXES_CLIENT_IP_CALLABLE``,
    ``RATELIMIT_IP_META_KEY``): ``address_group`` of ``client_ip``."""
    return address_group(client_ip(request))


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


def claim_admitted(counts, limits) -> bool:
    """Whether an attempt already counted in each of ``counts`` (once) may be checked: before
    it, no count had reached its own limit."""
    return all(count <= own for count, own in zip(counts, limits, strict=True))


class SignInFailureHandler(AxesDatabaseHandler):
    """django-axes' database handler (``AXES_HANDLER``) with a limit for each lockout parameter
    (``failure_limit_for``), a success that clears only the signed-in account's failures, and
    attempts counted before their password is checked.

    Stock axes holds every parameter to one ``AXES_FAILURE_LIMIT`` and, on success, deletes the
    failures of every parameter, the address's included: one address could then try 4 passwords
    on any number of accounts, signing in to its own between each. It also compares the count
    with the limit before the password check and adds the failure after it, so attempts sent
    together all read the same count and all get their password checked.
    """

    def _counts(self, request, credentials) -> tuple[list[int], list[int], int]:
        """Each lockout parameter's failures, its limit, and the account limit."""
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
        return counts, limits, limit

    def get_failures(self, request, credentials=None) -> int:
        counts, limits, limit = self._counts(request, credentials)
        return scaled_failures(counts, limits, limit)

    def is_allowed(self, request, credentials=None) -> bool:
        """Whether a sign-in attempt may have its password checked (``AxesStandaloneBackend``
        asks). Past axes' own checks, the attempt is counted as a failure first
        (``attempt_claim``); the failure or success that answers it settles the count."""
        if not super().is_allowed(request, credentials):
            return False
        if credentials is None or self.is_whitelisted(request, credentials):
            return True  # axes' view decorators ask with no credentials: nothing is checked.
        return self.attempt_claim(request, credentials)

    def attempt_claim(self, request, credentials) -> bool:
        """Count the attempt as a failure with one atomic increment, then compare the counts
        with their limits: of attempts sent together, each sees those counted before it, so no
        more are checked than the limit allows. A refused attempt's count is taken back (a
        refusal during a lock is not a failure); an admitted one is remembered on the request
        for ``user_login_failed``, and a success deletes it with the account's failures."""
        self.clean_expired_user_attempts(request, credentials)
        using = router.db_for_write(AccessAttempt)
        with transaction.atomic(using=using):
            attempt, created = AccessAttempt.objects.select_for_update().get_or_create(
                username=get_client_username(request, credentials),
                ip_address=request.axes_ip_address,
                user_agent=request.axes_user_agent,
                defaults={
                    "get_data": "",
                    "post_data": "",
                    "http_accept": request.axes_http_accept,
                    "path_info": request.axes_path_info,
                    "failures_since_start": 1,
                    "attempt_time": request.axes_attempt_time,
                },
            )
            if not created:
                claimed = F("failures_since_start") + 1
                AccessAttempt.objects.filter(pk=attempt.pk).update(failures_since_start=claimed)
        counts, limits, _limit = self._counts(request, credentials)
        if claim_admitted(counts, limits):
            request.sign_in_claim = attempt.pk
            return True
        AccessAttempt.objects.filter(pk=attempt.pk).update(
            failures_since_start=F("failures_since_start") - 1
        )
        return False

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        """Record the failure as axes does. An attempt already counted by ``attempt_claim``
        gives its count back in the same transaction, so the total never dips below it."""
        claim = request.__dict__.pop("sign_in_claim", None) if request is not None else None
        if claim is None:
            return super().user_login_failed(sender, credentials, request, **kwargs)
        with transaction.atomic(using=router.db_for_write(AccessAttempt)):
            AccessAttempt.objects.filter(pk=claim).update(
                failures_since_start=F("failures_since_start") - 1
            )
            return super().user_login_failed(sender, credentials, request, **kwargs)

    def user_logged_in(self, sender, request, user, **kwargs):
        super().user_logged_in(sender, request, user, **kwargs)  # The access log.
        request.__dict__.pop("sign_in_claim", None)
        account_unlock(user)  # The attempt's own count goes with the account's failures.


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


def _usage_cache_key(request, group: str, key: str, rate: str) -> str:
    """The cache key django-ratelimit (4.1) counts ``get_usage(group, key, rate)`` under now."""
    value = _SIMPLE_KEYS[key](request)
    window = _get_window(value, _split_rate(rate)[1])
    return _make_cache_key(group, window, rate, value, ALL)


def _give_back(claims) -> None:
    cache = caches[getattr(settings, "RATELIMIT_USE_CACHE", "default")]
    for cache_key in claims:
        with contextlib.suppress(ValueError):  # The window ended in between, and its count.
            cache.decr(cache_key)


def join_code_wait(request) -> int | None:
    """The minutes before a POSTed business or class code may be checked again, or None when it
    may be now: once wrong codes from this account or address reach their rate, every code is
    refused (a right one too, or guessing would go on) until that window passes.

    The code is counted first, with the cache's atomic increment, and compared after: codes
    sent together each see the ones counted before them, so no more than the rate are checked.
    ``join_code_tried`` gives the count back unless the code named nothing; a refused code's
    count is given back at once."""
    if request.method != "POST":
        return None
    waits, claims = [], []
    for group, key, rate in _join_code_limits(request):
        usage = get_usage(request, group=group, key=key, rate=rate, increment=True)
        if usage is None:
            continue  # Counting is off, or the cache failed and is told to fail open.
        if usage["limit"]:  # A failed cache answers with limit 0: nothing was counted.
            claims.append(_usage_cache_key(request, group, key, rate))
        if usage["should_limit"]:
            waits.append(usage["time_left"])
    if waits:
        _give_back(claims)
        return max(1, math.ceil(max(waits) / 60))
    request.join_code_claims = claims
    return None


def join_code_joined(request) -> None:
    """A code that joined gives its count back: a class signing up together is never slowed by
    its own right codes."""
    _give_back(request.__dict__.pop("join_code_claims", []))


def join_code_tried(request, form) -> int:
    """Keep the count of a code the join form refused as naming nothing (``join_code_wait``
    counted it), give any other's back, and return the status to answer with: 429 while the
    form refuses codes because of ``join_code_wait``, else 200."""
    claims = request.__dict__.pop("join_code_claims", [])
    if not form.has_error("join_code", UNKNOWN_JOIN_CODE):
        _give_back(claims)
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
