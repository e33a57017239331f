import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k" * 20 + "-production-secret-" + "z" * 20


def load_production(**env):
    """Import the production settings in a fresh interpreter with only ``env`` set."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "DEBUG"}
    }
    clean.update(DJANGO_SETTINGS_MODULE="lms.settings.production", **env)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings;"
            "print(settings.DEBUG, settings.DATABASES['default']['ENGINE'],"
            " settings.CACHES['default']['BACKEND'])",
        ],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    "env",
    [
        {"ALLOWED_HOSTS": "umkm.example.org"},
        {"ALLOWED_HOSTS": "umkm.example.org", "SECRET_KEY": "dev-only-insecure-key-do-not-deploy"},
        {"ALLOWED_HOSTS": "umkm.example.org", "SECRET_KEY": "short"},
        {"SECRET_KEY": GOOD_KEY},
    ],
    ids=["no-secret-key", "dev-secret-key", "short-secret-key", "no-allowed-hosts"],
)
def test_production_refuses_to_start_with_unsafe_defaults(env):
    result = load_production(**env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr


def test_production_reads_database_and_cache_from_the_environment():
    result = load_production(
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="umkm.example.org",
        DATABASE_URL="postgres://pintar@127.0.0.1:5432/pintar",
        REDIS_URL="redis://127.0.0.1:6379/1",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "django.db.backends.postgresql",
        "lms.cache.RedisCache",  # django-redis, misses when Redis is down
    ]
