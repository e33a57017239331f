"""Fast, isolated settings for the test suite."""

from .base import *

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {**CACHES, "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".test-media"
PRIVATE_MEDIA_ROOT = BASE_DIR / ".test-private"
STORAGES = {
    **STORAGES,
    "private": {**STORAGES["private"], "OPTIONS": {"location": PRIVATE_MEDIA_ROOT}},
}  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# The suite signs up far more people from 127.0.0.1 than a class would; tests of the limits
# lower these with override_settings.
SIGN_UP_RATE = PASSWORD_RESET_RATE = "10000/h"  # noqa: S105 - a rate, not a password
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
