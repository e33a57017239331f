"""lms.settings.production for tests that run it in another process without collectstatic first:
static files keep their plain names (WhiteNoise's manifest would need the collected files)."""

from lms.settings.production import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
