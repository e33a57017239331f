"""Local development: `make run`. Never used in production."""

from .base import *

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-do-not-deploy")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
# One process: the in-memory cache (without REDIS_URL) is shared by everything that counts, so
# django-ratelimit's objections to it (not shared, not on its list) do not apply.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
