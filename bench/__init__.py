"""Benchmarks: `make bench`, `make bench-load`, `make bench-reports`, `make bench-imports`."""

import os
import sys
import tempfile
from contextlib import contextmanager
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


@contextmanager
def server_connection(url: str):
    """An autocommit psycopg connection to the PostgreSQL server of ``url``, through its
    ``postgres`` database, and ``url``'s database name: for creating or dropping that database."""
    import environ
    import psycopg

    config = environ.Env.db_url_config(url)
    with psycopg.connect(
        dbname="postgres",
        user=config.get("USER") or None,
        password=config.get("PASSWORD") or None,
        host=config.get("HOST") or None,
        port=config.get("PORT") or None,
        autocommit=True,
    ) as conn:
        yield conn, config["NAME"]
