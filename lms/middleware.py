"""Site-wide middleware: one log line per request, the admin's Content-Security-Policy, and
the forced change of a temporary password."""

import codecs
import logging
import time

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import empty

from . import critical_css

request_log = logging.getLogger("lms.requests")


class RequestLogMiddleware:
    """Log every request once, when its response is ready, with fields a log pipeline can query:
    ``method``, ``path``, ``status``, ``duration_ms``, ``user_id`` (and ``request_id`` when the
    proxy sends ``X-Request-ID``). Production formats them as one JSON line on stdout. Put it
    first in MIDDLEWARE so the duration covers the whole stack."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        start = time.perf_counter()
        response = self.get_response(request)
        fields = {
            "method": request.method,
            "path": request.path,
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - start) * 1000, 1),
            "user_id": _known_user_id(request),
        }
        if request_id := request.headers.get("X-Request-ID"):
            fields["request_id"] = request_id
        request_log.info("%(method)s %(path)s %(status)s %(duration_ms)sms", fields, extra=fields)
        return response


def _known_user_id(request):
    """The signed-in user's id if the request already looked them up. Never looks them up just
    to log it: that would cost a session read for every static file and health check, and raise
    again when the session store is the thing that failed."""
    user = getattr(request, "user", None)
    user = getattr(user, "_wrapped", user)  # AuthenticationMiddleware's lazy object
    if user is None or user is empty:
        return None
    return user.pk if user.is_authenticated else None


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the Wagtail admin's extra sources.

    Learner pages get ``CONTENT_SECURITY_POLICY`` as it stands. The admin (and the page previews
    it frames) ships inline scripts and styles, data: and blob: images for uploads, and frames
    its own previews, so paths under the admin get ``ADMIN_CONTENT_SECURITY_POLICY_UPDATE``
    added to the same policy: looser there, but still limited to the site itself.
    """

    def __init__(self, get_response):
        super().__init__(get_response)
        self.admin_prefix = None

    def _is_admin(self, request) -> bool:
        if self.admin_prefix is None:
            self.admin_prefix = reverse("wagtailadmin_home")
        return request.path_info.startswith(self.admin_prefix)

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.update is None:
            if self._is_admin(request):
                parts.update = settings.ADMIN_CONTENT_SECURITY_POLICY_UPDATE
            else:  # The critical CSS inlined in <head>, by its hash (lms/critical_css.py).
                parts.update = {"style-src": [critical_css.csp_source()]}
        return parts


class PasswordChangeRequiredMiddleware:
    """While a person must replace a temporary password, every request but the change form,
    sign-out, health check and static or media files goes to the change form, whatever its
    method: nothing else is shown or written until they choose their own password. It holds for
    the whole session (and every other session of that person), not at sign-in only. The change
    form in the other language counts as the change form, so the language switch works."""

    OPEN_VIEWS = frozenset({"lms:password_change", "lms:sign_out", "healthz"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in self.OPEN_VIEWS:
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.must_change_password:
            return None
        return redirect("lms:password_change")


class Utf8OnlyMiddleware:
    """Refuse (400) a request that declares a charset other than UTF-8 or ASCII.

    Browsers send forms in UTF-8, and Django reads UTF-8 with invalid bytes replaced. Other
    charsets let a client smuggle text no page or database can hold: UTF-7's ``+2AA-`` decodes
    to a lone surrogate, which makes the next write or the page echoing it fail. Put it before
    anything reads ``request.GET`` or ``request.POST``."""

    ALLOWED = frozenset({"utf-8", "ascii"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        charset = request.encoding  # set from the Content-Type header's charset, if any
        if charset and codecs.lookup(charset).name not in self.ALLOWED:
            return HttpResponseBadRequest()
        return self.get_response(request)
