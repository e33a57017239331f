"""``/healthz``: can this app server reach what it shares with the others, PostgreSQL and Redis?

Load balancers and process supervisors poll it. Each check is ``"ok"`` or ``"error"`` (the reason
is logged, never shown), and ``status`` sums them up:

- ``"ok"``, 200: both answer.
- ``"degraded"``, 200: PostgreSQL answers, Redis does not. The site still works without Redis
  (``lms.cache``), slower, and Redis is shared by every app server, so taking them all out of
  rotation for it would turn a slowdown into an outage. Alert on ``status``, not on the code.
- ``"error"``, 503: PostgreSQL does not answer, so this server can serve nothing.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

OK, ERROR, DEGRADED = "ok", "error", "degraded"
REQUIRED = {"database"}  # Without these this server is out of service; without the rest, slower.


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
    if any(results[name] == ERROR for name in REQUIRED):
        status = ERROR
    elif any(result == ERROR for result in results.values()):
        status = DEGRADED
    else:
        status = OK
    return JsonResponse({"status": status, **results}, status=503 if status == ERROR else 200)
