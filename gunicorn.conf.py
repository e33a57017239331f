"""gunicorn's settings for the web process: `gunicorn lms.wsgi` reads this file from the working
directory. Every value can be changed from the environment; docs/deploy.md explains the sizing.

No access log: lms.middleware.RequestLogMiddleware already writes one JSON line per request.
"""

import gc
import os
from pathlib import Path


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# WEB_CONCURRENCY is the name gunicorn itself (and most platforms) use for the process count.
workers = _int("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1) + 1)
# Threads let a worker keep serving while one request waits on PostgreSQL or Redis.
threads = _int("GUNICORN_THREADS", 4)
worker_class = "gthread" if threads > 1 else "sync"
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)  # Behind nginx, which reuses upstream connections.
# Recycle workers now and then so slow leaks never add up; jitter keeps them from all restarting
# at once.
max_requests = _int("GUNICORN_MAX_REQUESTS", 10000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 1000)
# Not preloaded: `kill -HUP` (systemctl reload) then starts workers on freshly imported code.
preload_app = False
# Workers' heartbeat files in memory, not on a possibly slow disk (gunicorn's own advice).
if Path("/dev/shm").is_dir():  # noqa: S108
    worker_tmp_dir = "/dev/shm"  # noqa: S108

# gunicorn 25+ opens a control socket at one path per user: off unless a path is given, so
# several instances on one host (blue/green, tests) never fight over it.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
control_socket_disable = not control_socket

accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = "pintar-umkm"


# The garbage collector's full passes walk every object the process holds: Django's, Wagtail's
# and their modules' (about 250,000), which costs a lesson page about a tenth of its CPU. Frozen
# once the app is loaded, and again once the first requests have filled the templates, URL
# patterns and translations, only what requests make is walked (Python's gc.freeze()).
WARM_REQUESTS = 200
_frozen_when_warm = False


def post_worker_init(worker):
    gc.freeze()


def post_request(worker, req, environ, resp):
    global _frozen_when_warm
    if not _frozen_when_warm and worker.nr >= WARM_REQUESTS:
        _frozen_when_warm = True
        gc.freeze()
