"""Benchmarks: `make bench`, `make bench-load`, `make bench-reports`, `make bench-imports`."""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django() -> None:
    """Django with the test settings, on a temporary SQLite file unless DATABASE_URL names
    another database (whose tables a bench creates and fills: never point it at real data)."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    import django

    django.setup()
