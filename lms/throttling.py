"""Throttling against password guessing and sign-up floods: the keys it counts by and the page
that asks people to wait.

django-axes counts failed sign-ins (settings ``AXES_*``); django-ratelimit counts sign-up and
password-reset POSTs per address (``SIGN_UP_RATE``, ``PASSWORD_RESET_RATE``). Both answer with
the same friendly page and status 429.
"""

import math

from django.conf import settings
from django.shortcuts import render

from .identifiers import sign_in_key

TOO_MANY_STATUS = 429
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


def sign_in_username(request, credentials) -> str:
    """The account a sign-in attempt names, one spelling per account (``AXES_USERNAME_CALLABLE``):
    ``0812 3456 7890`` and ``+6281234567890`` count against the same account."""
    typed = (credentials or {}).get("username")
    if typed is None:
        typed = request.POST.get("username", "")
    return sign_in_key(typed)


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
