"""Sends a signed-in person who has not agreed to the current privacy notice (an older one, or
none yet) to it first."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from . import selectors
from .services import SESSION_KEY


class NoticeConsentMiddleware:
    """While the current notice is newer than the one this session's person agreed to (none
    counts as version 0, so an account made by staff or by an import is asked too), every site
    page goes to the agreement page (with ``?next=``) first. Not the admin, documents, static
    or media files, sign-out, the password change, the health check, nor the privacy pages
    themselves. Cost per request: one cache read and one session value; the database is
    read once per session (at sign-in, ``services.notice_check_on_sign_in``, or here for a
    session started before that existed)."""

    # Also open: seeing, downloading and deleting one's data (lms.data_rights), which nobody
    # should have to agree to anything first for.
    OPEN_VIEWS = frozenset(
        {
            "lms:sign_out",
            "lms:password_change",
            "healthz",
            "lms:data_mine",
            "lms:data_download",
            "lms:account_delete",
            "lms:account_deleted",
        }
    )
    OPEN_NAMESPACE = "privacy"

    def __init__(self, get_response):
        self.get_response = get_response
        self.open_prefixes = None

    def __call__(self, request):
        return self.get_response(request)

    def _is_open_path(self, path: str) -> bool:
        if self.open_prefixes is None:
            self.open_prefixes = (
                settings.STATIC_URL,
                settings.MEDIA_URL,
                reverse("wagtailadmin_home"),
                "/documents/",
            )
        return path.startswith(self.open_prefixes)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if self._is_open_path(request.path_info):
            return None
        match = request.resolver_match
        if match is not None and (
            match.view_name in self.OPEN_VIEWS or self.OPEN_NAMESPACE in match.namespaces
        ):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        current = selectors.current_notice_version()
        if current is None:
            return None
        agreed = request.session.get(SESSION_KEY)
        if agreed is None:  # a session from before the check at sign-in
            agreed = selectors.agreed_notice_version(user=user)
            request.session[SESSION_KEY] = agreed
        if agreed >= current:
            return None
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse('privacy:agree')}?{query}")
