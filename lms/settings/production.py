"""Production: every value comes from the environment and unsafe defaults refuse to start.

App servers share nothing but PostgreSQL (DATABASE_URL), Redis (REDIS_URL: cache, sessions,
throttling counters) and the media store (local disk, or S3-compatible object storage when
AWS_STORAGE_BUCKET_NAME is set), so any number of them can run behind a load balancer.
docs/deploy.md lists every variable.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *

DEBUG = False

if not SECRET_KEY or SECRET_KEY.startswith(("dev-only", "test-only")) or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters in production."
    )
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names in production.")
if not env("DATABASE_URL", default=""):
    raise ImproperlyConfigured(
        "DATABASE_URL must name the PostgreSQL database in production, "
        "e.g. postgres://pintar:secret@127.0.0.1:5432/pintar."
    )
REDIS_URL = env("REDIS_URL", default="")
if not REDIS_URL:
    raise ImproperlyConfigured(
        "REDIS_URL must name the Redis shared by every app server in production, "
        "e.g. redis://127.0.0.1:6379/0."
    )

# Keep connections between requests (each gunicorn thread holds one), checked before reuse so
# a restarted PostgreSQL costs one reconnect, not an error. Fail fast when it is unreachable.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)

CACHES = {
    **CACHES,  # noqa: F405 - base's process-local "fragments"
    "default": {
        # django-redis keeps one client per process; Django's own backend builds one per call,
        # which cost a lesson page a quarter of its time. lms.cache.RedisCache turns a stopped
        # or frozen Redis into cache misses (logged) instead of errors: the site keeps working
        # on PostgreSQL alone, slower.
        "BACKEND": "lms.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="pintar"),
        # Redis answers in a millisecond; one that does not within these costs a request at
        # most one timeout, after which CACHE_RETRY_AFTER skips it.
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": env.float("REDIS_CONNECT_TIMEOUT", default=0.5),
            "SOCKET_TIMEOUT": env.float("REDIS_SOCKET_TIMEOUT", default=0.5),
        },
    },
}
# Seconds an app process skips Redis after a call to it failed, before trying it again.
CACHE_RETRY_AFTER = env.float("CACHE_RETRY_AFTER", default=5)
# With Redis down, sign-up and password-reset throttles let requests through (lms.cache logs a
# warning) rather than refuse everyone; sign-in lockouts (django-axes) count in PostgreSQL.
RATELIMIT_FAIL_OPEN = True
# Redis is shared and atomic; django-ratelimit lists django-redis but not lms.cache's subclass
# of it, so its "not officially supported" warning is the only one silenced.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
# Sessions are read from Redis and written through to PostgreSQL: any app server can serve any
# request, and a Redis restart or eviction does not sign everybody out (a learner with only a
# phone number cannot reset a forgotten password alone). Writes happen at sign-in and sign-out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES["staticfiles"] = {
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}
# Pages, JSON and CSV go out gzipped (lms/compression.py: text only, with Django's BREACH
# padding); after WhiteNoise, which sends static files already compressed. Off with
# COMPRESS_HTML=false when nginx compresses proxied responses itself.
if env.bool("COMPRESS_HTML", default=True):
    MIDDLEWARE.insert(
        MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
        "lms.compression.TextGZipMiddleware",
    )

# Media: the local MEDIA_ROOT unless an S3-compatible bucket is named. Credentials come from the
# standard AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables, read by boto3 itself.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", default="")
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", default="")
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN", default="")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": AWS_S3_ENDPOINT_URL or None,
            "region_name": AWS_S3_REGION_NAME or None,
            "custom_domain": AWS_S3_CUSTOM_DOMAIN or None,
            "location": env("AWS_LOCATION", default="media"),
            # Signed, expiring URLs unless the bucket (or its CDN) is public.
            "querystring_auth": env.bool("AWS_QUERYSTRING_AUTH", default=True),
            "file_overwrite": False,
        },
    }
    # The same bucket, under its own prefix, never public: only signed URLs could reach a file,
    # and the site hands these out through its own views.
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **STORAGES["default"]["OPTIONS"],
            "custom_domain": None,
            "location": env("AWS_PRIVATE_LOCATION", default="private"),
            "default_acl": "private",
            "querystring_auth": True,
        },
    }
    if AWS_S3_CUSTOM_DOMAIN:
        _media_origins = [f"https://{AWS_S3_CUSTOM_DOMAIN}"]
    elif AWS_S3_ENDPOINT_URL:
        _endpoint = urlsplit(AWS_S3_ENDPOINT_URL)  # path-style, or bucket.host virtual-hosted
        _media_origins = [
            f"{_endpoint.scheme}://{_endpoint.netloc}",
            f"{_endpoint.scheme}://*.{_endpoint.netloc}",
        ]
    else:
        _media_origins = [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"] + (
            [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{AWS_S3_REGION_NAME}.amazonaws.com"]
            if AWS_S3_REGION_NAME
            else []
        )
    # Images and uploaded videos then load from the bucket: let the policy name it.
    for _directive in ("img-src", "media-src"):
        CONTENT_SECURITY_POLICY["DIRECTIVES"][_directive] = [
            *CONTENT_SECURITY_POLICY["DIRECTIVES"][_directive],
            *env.list("MEDIA_ORIGINS", default=_media_origins),
        ]

# Uploaded images from MEDIA_ROOT through the app itself (lms/media.py), for `make serve-prod`
# and a one-machine deployment with nothing in front; behind nginx, nginx serves /media/.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False) and not AWS_STORAGE_BUCKET_NAME

# HTTPS: TLS ends at the reverse proxy, which says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # Load balancers probe over plain HTTP.
SECURE_COOKIES = env.bool("SECURE_COOKIES", default=True)
_LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
if not SECURE_COOKIES and not set(ALLOWED_HOSTS) <= _LOOPBACK:
    raise ImproperlyConfigured(
        "SECURE_COOKIES=false only serves plain HTTP on this machine (make serve-prod): "
        "ALLOWED_HOSTS may then list only 127.0.0.1, localhost and ::1."
    )
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# One JSON object per line on stdout: lms.middleware.RequestLogMiddleware writes one per request
# (method, path, status, duration_ms, user_id); errors carry their traceback in exc_info.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(message)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": "time",  # ISO 8601, UTC
        },
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
        },
    },
    "root": {"handlers": ["stdout"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # 4xx responses are already in the request line; 5xx keep their traceback here.
        "django.request": {"level": "ERROR"},
        "axes": {"level": "WARNING"},  # Failures and lockouts, not every step of the handler.
        "weasyprint.progress": {"level": "WARNING"},  # Not each step of every PDF render.
    },
}
