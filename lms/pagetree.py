"""The published page tree, cached between requests.

Every learner request reads the same slow-changing things: which site and page a URL routes
to (with the page's ancestors), a course's outline, a page's view restrictions, a lesson's
rendered body. Each is kept in the cache (Redis in production, shared by every app server) under
the current *tree version*, a random token replaced whenever a page is saved, published,
unpublished, moved or deleted, a view restriction or a site changes, or an image or a document
(which lesson bodies show) changes. So no entry outlives the tree it was read from, and a lost
version (Redis restarted) only means one cold request per entry. Entries also expire after
``TIMEOUT`` to bound anything a bulk ``update()`` changes behind the signals' back.

Each process also keeps the entries it has read as live objects (``_kept``), under the same
versioned keys: a warm request then neither fetches nor unpickles them (a course outline holds a
dozen pages). So every value here is shared by the process's requests and threads: read it,
never change it.
"""

import contextvars
import hashlib
import time
import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "pagetree:version"
TIMEOUT = 60 * 60
KEY_MAX_LENGTH = 160  # with the prefix and version, under the 250 characters memcached allows


_request_version = contextvars.ContextVar("pagetree_version", default=None)
# While ``serve`` runs: the entries fetched in one ``get_many`` with the route, and the keys
# read (the route's "companions", fetched together on its next request).
_request_memo = contextvars.ContextVar("pagetree_memo", default=None)
COMPANIONS_MAX = 24
USER = "{user}"  # in a companion key: the signed-in learner's id
# The tree version whose entries this process keeps, since when, and those entries by full key.
# One version's only, and for ``TIMEOUT`` at most, as in the shared cache.
_kept: tuple[str | None, float, dict] = (None, 0.0, {})
KEPT_MAX = 2000


def version() -> str:
    """The current tree version: read once per page request (``serve`` holds it)."""
    return _request_version.get() or cache.get_or_set(VERSION_KEY, lambda: uuid.uuid4().hex, None)


def tree_changed(**kwargs) -> None:
    """Retire every entry: the next reader builds it again from the database. Again once the
    change commits, or a request reading the tree meanwhile could keep the old state under the
    new version."""
    _new_version()
    transaction.on_commit(_new_version)


def _new_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def _key(kind: str, key) -> str:
    """The cache key of one entry; a long key (a route typed at length) is kept as its digest,
    within the length every cache backend accepts."""
    key = str(key)
    if len(key) > KEY_MAX_LENGTH:
        key = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
    return f"pagetree:{version()}:{kind}:{key}"


def _kept_entries(full_key: str) -> dict | None:
    """This process's kept entries of the tree version in ``full_key`` (None for a key that is
    not a tree entry: a learner's entries are retired by deleting them, so never kept)."""
    global _kept
    prefix, _, rest = full_key.partition(":")
    tree_version, versioned, _ = rest.partition(":")
    if prefix != "pagetree" or not versioned:
        return None
    held, since, entries = _kept
    now = time.monotonic()
    if held != tree_version or now - since > TIMEOUT:
        entries = {}
        _kept = (tree_version, now, entries)
    return entries


def _keep(full_key: str, value) -> None:
    entries = _kept_entries(full_key)
    if entries is not None and value is not None and len(entries) < KEPT_MAX:
        entries[full_key] = value


def _fetch(keys) -> dict:
    """The cache's values for ``keys``: the tree's entries this process keeps, the rest in one
    ``get_many`` (and the tree's among them kept from now on)."""
    found = {}
    for full_key in keys:
        entries = _kept_entries(full_key)
        if entries is not None and full_key in entries:
            found[full_key] = entries[full_key]
    missing = [full_key for full_key in keys if full_key not in found]
    if missing:
        fetched = cache.get_many(missing)
        for full_key, value in fetched.items():
            _keep(full_key, value)
        found.update(fetched)
    return found


def _read(full_key: str, template: str):
    """The cache's value for ``full_key`` (None when missing): from the request's prefetched
    entries when they include it, else kept or read; noted as one of the route's companions."""
    memo = _request_memo.get()
    if memo is not None:
        memo["read"].add(template)
        if full_key in memo["asked"]:
            return memo["found"].get(full_key)
    return _fetch([full_key]).get(full_key)


def remember(full_key: str, value) -> None:
    """A value just written to the cache under ``full_key``: later reads in this request see it
    rather than the miss prefetched before."""
    memo = _request_memo.get()
    if memo is not None and full_key in memo["asked"]:
        memo["found"][full_key] = value


def learner_entry(template: str, learner_id):
    """The cache's value (None when missing) for ``template`` with ``{user}`` replaced by
    ``learner_id``: a per-learner entry (not retired by the tree version), read with the
    page's entries when the learner is the one signed in."""
    full_key = template.replace(USER, str(learner_id))
    memo = _request_memo.get()
    if memo is None or memo["user"] != learner_id:
        return cache.get(full_key)
    return _read(full_key, template)


def learner_cached(template: str, learner_id, build, *, timeout: int, none=None):
    """``build()``'s value for the learner's entry ``template`` (``learner_entry``), stored for
    ``timeout`` seconds on a miss. ``none``: the marker stored when ``build()`` gives None, so
    that answer is kept too (without one, ``build()`` must never give None)."""
    value = learner_entry(template, learner_id)
    if value is None:
        value = build()
        stored = none if value is None else value
        full_key = template.replace(USER, str(learner_id))
        cache.set(full_key, stored, timeout)
        remember(full_key, stored)
        return value
    return None if none is not None and value == none else value


def learner_entries_retire(keys) -> None:
    """Deletes per-learner entries now, and again once the write under way commits, so a page
    read between the write and the commit cannot put the old value back for longer than that."""
    keys = list(keys)
    if keys:
        cache.delete_many(keys)
        transaction.on_commit(lambda: cache.delete_many(keys))


def cached(kind: str, key, build):
    """``build()``'s value for ``key``, read from the current tree version's entry when there is
    one. ``build`` must return a picklable value other than None."""
    full_key = _key(kind, key)
    value = _read(full_key, full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, TIMEOUT)
        remember(full_key, value)
        _keep(full_key, value)
    return value


def serve(request, path):
    """Wagtail's page view, routed from the cache.

    Routing a lesson URL through the tree costs a query per level plus the site's; here a hit
    costs one cache read. The entry holds the site and the specific page with its ancestors
    attached (``_cached_parent_obj``), as routing left them before serving, and is handed to
    Wagtail through the per-request attributes it keeps its own lookups in. Only plain routes
    (a live page, no extra arguments) are kept.

    The route's "companions", the keys its page read last time (the course outline, the
    learner's progress, the unread badge...), are read with one ``get_many`` before serving,
    instead of one round trip each; the tree's among them, and the route itself, usually come
    from this process's kept entries."""
    from wagtail.views import serve as wagtail_serve  # needs the app registry ready

    holding = _request_version.set(version())
    user = getattr(request, "user", None)
    memo = {
        "found": {},
        "asked": set(),
        "read": set(),
        "user": user.pk if user is not None and user.is_authenticated else None,
    }
    holding_memo = _request_memo.set(memo)
    try:
        route_name = f"{request.get_host()}:{path}"
        full_key, companions_key = _key("route", route_name), _key("companions", route_name)
        found = _fetch([full_key, companions_key])
        entry, companions = found.get(full_key), found.get(companions_key) or ()
        cacheable = entry is not None
        if entry is not None:
            _prefetch(memo, companions)
            request._wagtail_site, page = entry
            request._wagtail_route_for_request = page.route(request, [])
        else:
            route = Page.route_for_request(request, path)
            if route is not None and not route.args and not route.kwargs:
                entry = (Site.find_for_request(request), route.page)
                cache.set(full_key, entry, TIMEOUT)
                _keep(full_key, entry)
                cacheable = True
        # Wagtail's own copy costs a cache read per page: the tree's comes with the others.
        request._wagtail_cached_site_root_paths = cached(
            "root-paths", "all", lambda: list(Site.get_site_root_paths())
        )
        response = wagtail_serve(request, path)
        if hasattr(response, "render"):  # a TemplateResponse renders lazily, after the view
            response.render()
        if cacheable and not memo["read"] <= set(companions):
            keys = tuple(sorted(set(companions) | memo["read"])[:COMPANIONS_MAX])
            cache.set(companions_key, keys, TIMEOUT)
            _keep(companions_key, keys)
        return response
    finally:
        _request_memo.reset(holding_memo)
        _request_version.reset(holding)


def _prefetch(memo: dict, companions) -> None:
    """Read the route's companion entries in one ``get_many`` into the request's memo."""
    keys = [
        key.replace(USER, str(memo["user"]))
        for key in companions
        if USER not in key or memo["user"] is not None
    ]
    if keys:
        memo["found"] = _fetch(keys)
        memo["asked"] = set(keys)


class CachedViewRestrictionsMixin:
    """Page view restrictions (Wagtail's privacy settings) without queries for the pages that
    have none, which is nearly every page: Wagtail looks them up, with two queries, before
    serving any page. The cache knows which subtrees are restricted; aliases, whose
    restrictions are their source's, take Wagtail's own lookup."""

    def get_view_restrictions(self):
        restricted_paths, any_alias = cached("restricted", "tree", _restricted_paths)
        if any_alias or any(self.path.startswith(path) for path in restricted_paths):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()


def _restricted_paths():
    paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    return paths, Page.objects.filter(alias_of__isnull=False).exists()


def _page_saved_or_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        tree_changed()


def connect_signals() -> None:
    post_save.connect(_page_saved_or_deleted, dispatch_uid="pagetree-save")
    post_delete.connect(_page_saved_or_deleted, dispatch_uid="pagetree-delete")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(tree_changed, dispatch_uid=f"pagetree-{id(signal)}")
    for model in (PageViewRestriction, Site, get_image_model(), get_document_model()):
        post_save.connect(tree_changed, sender=model, dispatch_uid=f"pagetree-{model.__name__}")
        post_delete.connect(
            tree_changed, sender=model, dispatch_uid=f"pagetree-{model.__name__}-delete"
        )
