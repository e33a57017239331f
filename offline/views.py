"""The web app manifest, the service worker (/sw.js, root scope), the offline page and the list
of files "Save this week" keeps."""

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from lms import pagetree

from .selectors import week_files_for

THEME_COLOUR = "#0b5e55"  # --brand in static/css/main.css
BACKGROUND_COLOUR = "#ffffff"  # --paper
# Kept by the service worker when it starts: what every saved page needs to show.
PRECACHE = [
    "css/main.css",
    "js/storage.js",
    "js/offline.js",
    "js/offline-saved.js",
    "js/lesson.js",
    "img/favicon.svg",
]
OUTBOX_SCRIPT = "js/outbox.js"  # the outbox's (static/js/outbox.js), when it exists


@require_GET
@cache_control(public=True, max_age=86400)
def manifest(request):
    icons = [
        {"src": staticfiles_storage.url(f"img/{name}"), "sizes": size, "type": "image/png"}
        | ({"purpose": "maskable"} if "maskable" in name else {})
        for name, size in (
            ("icon-192.png", "192x192"),
            ("icon-512.png", "512x512"),
            ("icon-maskable-512.png", "512x512"),
        )
    ]
    data = {
        "id": "/",
        "name": "Pintar UMKM",
        "short_name": "Pintar UMKM",
        "description": _("Free online lessons for micro and small businesses in Yogyakarta."),
        "lang": get_language(),
        "start_url": reverse("courses:dashboard"),
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": icons,
    }
    return JsonResponse(
        data,
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False, "separators": (",", ":")},
    )


def _static_url(name: str) -> str:
    return staticfiles_storage.url(name) if finders.find(name) else ""


@lru_cache(maxsize=1)
def _version() -> str:
    """Changes when the worker or a static file it keeps changes: a new worker then replaces
    the old one and its kept static files (hashed names in production, plain ones in dev)."""
    digest = hashlib.sha256()
    files = [Path(settings.BASE_DIR, "templates/pwa/sw.js")]
    for root in settings.STATICFILES_DIRS:
        for folder in ("css", "js", "img"):
            if Path(root, folder).is_dir():
                files.extend(sorted(p for p in Path(root, folder).iterdir() if p.is_file()))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _course_tree_paths() -> list[str]:
    """Where courses live (the course list's URL), in every language the site speaks."""
    from courses.models import CourseIndexPage

    def build():
        with translation.override(settings.LANGUAGE_CODE):  # the other languages add a prefix
            return [page.url for page in CourseIndexPage.objects.live() if page.url] or [""]

    paths = [p for p in pagetree.cached("pwa-tree", "", build) if p]
    others = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    return paths + [f"/{code}{path}" for code in others for path in paths]


@require_GET
def service_worker(request):
    context = {
        "version": _version(),
        "settings": json.dumps(
            {
                "tree": _course_tree_paths(),
                "offline": reverse("offline:page"),
                "precache": [staticfiles_storage.url(name) for name in PRECACHE],
                "static": settings.STATIC_URL,
                "media": settings.MEDIA_URL,
            },
            separators=(",", ":"),
        ),
        "outbox": _static_url(OUTBOX_SCRIPT),
    }
    body = render_to_string("pwa/sw.js", context, request=request)
    etag = '"' + hashlib.sha256(body.encode()).hexdigest()[:16] + '"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
        response["ETag"] = etag
    patch_cache_control(response, no_cache=True)
    return response


@require_GET
def offline_page(request):
    response = render(request, "offline/offline_page.html")
    patch_cache_control(response, private=True, no_cache=True)
    return response


@require_GET
@login_required
def week_files(request, week_id):
    """The files "Save this week" keeps: 404 unless the learner may open the week."""
    files = week_files_for(week_id=week_id, user=request.user)
    if files is None:
        raise Http404
    response = JsonResponse(
        {
            "lessons": [{"url": url, "bytes": size} for url, size in files.lessons],
            "images": [
                [{"url": url, "width": width, "bytes": size} for url, width, size in group]
                for group in files.images
            ],
        }
    )
    patch_cache_control(response, private=True, no_cache=True)
    return response
