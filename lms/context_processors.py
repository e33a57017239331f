from functools import lru_cache

from django.conf import settings
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from . import pagetree


@lru_cache(maxsize=2048)
def _language_links(path: str, current: str) -> tuple:
    """The links for ``path`` seen in ``current``: resolved and reversed once per process for
    each address (the URL patterns do not change while it runs; a page's address is the
    same URL pattern whatever the page)."""
    return tuple(
        {"code": code, "name": name, "url": translate_url(path, code)}
        for code, name in settings.LANGUAGES
        if code != current
    )


def language_switch(request):
    """Links to the current page in each other language the site speaks."""
    return {"language_links": _language_links(request.get_full_path(), get_language())}


def tree_version(request):
    """The page-tree version, which the rendered parts kept per version (``lms/fragments.py``)
    name in their keys: read only by a template that uses it, and while a page is served it is
    the version ``lms.pagetree.serve`` holds."""
    return {"tree_version": SimpleLazyObject(pagetree.version)}
