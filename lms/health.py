"""``/healthz``: can this app server reach what it shares with the others, PostgreSQL and Redis?

Load balancers and process supervisors poll it. 200 with ``{"database": "ok", "cache": "ok"}``
when both answer; 503 with the failing one marked ``"error"`` otherwise (the reason is logged,
never shown).
"""

import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

OK, ERROR = "ok", "error"


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache() -> None:
    key, token = "healthz", secrets.token_hex(8)
    cache.set(key, token, timeout=30)
    if cache.get(key) != token:
        raise RuntimeError("the cache did not return the value just stored")


CHECKS = {"database": _database, "cache": _cache}


@never_cache
@require_safe
def healthz(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:  # Whatever the driver raises, the answer is "not healthy".
            logger.exception("Health check failed: %s", name)
            results[name] = ERROR
        else:
            results[name] = OK
    healthy = all(result == OK for result in results.values())
    return JsonResponse(results, status=200 if healthy else 503)
