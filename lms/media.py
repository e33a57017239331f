"""Uploaded media (images and their renditions) served by the app, for a deployment with nothing
in front: `make serve-prod`, or one small machine (SERVE_MEDIA=true; docs/deploy.md).

Why this and not something else: WhiteNoise serves only the files it found when the process
started, so a newly uploaded image or a rendition made a minute ago would answer 404 until a
restart. Django's ``django.views.static.serve`` reads the file from MEDIA_ROOT on each request,
refuses any path outside it (``safe_join``), lists no directories, answers ``If-Modified-Since``
with 304, and hands the open file to gunicorn, which sends it with ``sendfile``. Django calls it
"not for production" because a dedicated web server is faster: behind nginx, leave SERVE_MEDIA
off and let nginx serve /media/ (docs/deploy.md). For one machine and pictures of a few tens of
KB, it is the simple, safe choice.

Every answer carries the headers nginx's /media/ location sets: a policy under which a file
opened on its own can run nothing, ``nosniff`` (SecurityMiddleware), and a week of caching.
PRIVATE_MEDIA_ROOT (certificates, reports, hand-ins) is another folder and is never served here.
"""

from django.conf import settings
from django.http import Http404, HttpResponseNotFound
from django.urls import re_path
from django.views.decorators.http import require_safe
from django.views.static import serve as static_serve

MEDIA_POLICY = "default-src 'none'; sandbox"
MAX_AGE = 7 * 24 * 60 * 60


@require_safe
def serve(request, path):
    try:
        response = static_serve(request, path, document_root=settings.MEDIA_ROOT)
    except Http404:  # a plain answer: a missing image needs no page, nor the database
        response = HttpResponseNotFound(b"Not found", content_type="text/plain")
    response["Content-Security-Policy"] = MEDIA_POLICY
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response


def urlpatterns() -> list:
    """The /media/ route, when SERVE_MEDIA is on."""
    prefix = settings.MEDIA_URL.lstrip("/")
    return [re_path(rf"^{prefix}(?P<path>.+)$", serve, name="media")]
