"""Production settings and processes: what they refuse, `check --deploy`, the security headers and
request log of a production response, /healthz, and two app servers sharing sessions."""

import json
import os
import re
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from tests.factories import PASSWORD, UserFactory, build_course

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k" * 20 + "-production-secret-" + "z" * 20
REQUIRED = {
    "SECRET_KEY": GOOD_KEY,
    "ALLOWED_HOSTS": "umkm.example.org",
    "DATABASE_URL": "postgres://pintar@127.0.0.1:5432/pintar",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}
UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"  # Nothing listens on port 1.
PRODUCTION_LIKE = "tests.lms.production_settings"


def clean_environment(**env) -> dict:
    """This process's environment without any setting the production settings read, plus env."""
    read = re.compile(
        r"(DJANGO_SETTINGS_MODULE|SECRET_KEY|ALLOWED_HOSTS|CSRF_TRUSTED_ORIGINS|DEBUG|.*_URL"
        r"|SECURE_.*|AWS_.*|MEDIA_.*|STATIC_ROOT|CONN_MAX_AGE|CLIENT_IP_HEADER|BENCH_HELLO"
        r"|LOG_LEVEL|CACHE_KEY_PREFIX|DJANGO_ALLOW_ASYNC_UNSAFE|GUNICORN_.*|WEB_CONCURRENCY"
        r"|REDIS_.*|CACHE_RETRY_AFTER|TASK_STALE_.*)"
    )
    clean = {key: value for key, value in os.environ.items() if not read.fullmatch(key)}
    return {**clean, **env}


def run_python(code: str, settings="lms.settings.production", **env):
    """Run ``code`` after django.setup() in a fresh interpreter with only ``env`` configured."""
    return subprocess.run(  # noqa: S603 - this interpreter, code written in this module
        [sys.executable, "-c", f"import django; django.setup()\n{code}"],
        cwd=ROOT,
        env=clean_environment(DJANGO_SETTINGS_MODULE=settings, **env),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def settings_values(*names, **env) -> dict:
    code = (
        "import json; from django.conf import settings\n"
        f"print(json.dumps({{n: getattr(settings, n) for n in {list(names)!r}}}, default=str))"
    )
    result = run_python(code, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("missing", ["DATABASE_URL", "REDIS_URL"])
def test_production_refuses_to_start_without_postgres_or_redis(missing):
    env = {key: value for key, value in REQUIRED.items() if key != missing}
    result = run_python("", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_production_refuses_plain_http_cookies_for_a_public_host():
    result = run_python("", **REQUIRED, SECURE_COOKIES="false")
    assert result.returncode != 0
    assert "SECURE_COOKIES" in result.stderr

    local = run_python(
        "", **{**REQUIRED, "ALLOWED_HOSTS": "127.0.0.1,localhost"}, SECURE_COOKIES="0"
    )
    assert local.returncode == 0, local.stderr


def test_production_keeps_cache_and_sessions_in_redis_and_media_on_disk():
    values = settings_values(
        "CACHES", "SESSION_ENGINE", "STORAGES", "WAGTAILSEARCH_BACKENDS", "DEBUG",
        "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_SSL_REDIRECT", "DATABASES",
        "RATELIMIT_FAIL_OPEN", "MEDIA_ROOT",
        **REQUIRED,
    )  # fmt: skip
    cache = values["CACHES"]["default"]
    assert cache["BACKEND"] == "lms.cache.RedisCache"  # django-redis, misses when Redis is down
    assert cache["OPTIONS"]["SOCKET_CONNECT_TIMEOUT"] <= 1
    assert cache["OPTIONS"]["SOCKET_TIMEOUT"] <= 1
    assert values["RATELIMIT_FAIL_OPEN"] is True
    assert cache["LOCATION"] == REQUIRED["REDIS_URL"]
    assert values["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"
    assert values["STORAGES"]["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert values["STORAGES"]["default"]["BACKEND"] == (
        "django.core.files.storage.FileSystemStorage"
    )
    private = values["STORAGES"]["private"]
    assert private["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert not private["OPTIONS"]["location"].startswith(values["MEDIA_ROOT"])
    assert values["WAGTAILSEARCH_BACKENDS"]["default"]["BACKEND"] == (
        "wagtail.search.backends.database"
    )
    assert values["DATABASES"]["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert values["DATABASES"]["default"]["CONN_HEALTH_CHECKS"] is True
    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] is values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_SSL_REDIRECT"] is True


def test_a_web_worker_starts_without_loading_the_pdf_library():
    """WeasyPrint takes half a second and about 20 MB to import: a worker loads it with the
    first PDF it renders, not at start-up with the URL patterns."""
    code = (
        "import sys; from django.urls import get_resolver\n"
        "get_resolver().url_patterns\n"
        "from lms.wsgi import application\n"
        "print('weasyprint' in sys.modules)"
    )
    result = run_python(code, **REQUIRED)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


S3 = {
    "AWS_STORAGE_BUCKET_NAME": "pintar-media",
    "AWS_S3_ENDPOINT_URL": "https://s3.example.net",
    "AWS_S3_REGION_NAME": "ap-southeast-3",
    "AWS_QUERYSTRING_AUTH": "false",
}


def test_a_bucket_name_moves_media_to_s3_compatible_storage_and_into_the_policy():
    code = (
        "import json; from django.conf import settings\n"
        "from django.core.files.storage import storages\n"
        "print(json.dumps({'backend': type(storages['default']).__name__,"
        " 'url': storages['default'].url('images/bakpia.jpg'),"
        " 'private_url': storages['private'].url('certificates/AB12.pdf'),"
        " 'private_acl': storages['private'].default_acl,"
        " 'csp': settings.CONTENT_SECURITY_POLICY['DIRECTIVES']}))"
    )
    keys = {"AWS_ACCESS_KEY_ID": "test-key", "AWS_SECRET_ACCESS_KEY": "test-secret"}
    result = run_python(code, **REQUIRED, **S3, **keys)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["backend"] == "S3Storage"
    assert values["url"] == "https://s3.example.net/pintar-media/media/images/bakpia.jpg"
    # Certificates and evaluation reports: their own prefix, private, reachable only signed.
    assert values["private_url"].startswith(
        "https://s3.example.net/pintar-media/private/certificates/AB12.pdf?"
    )
    assert "Signature" in values["private_url"]
    assert values["private_acl"] == "private"
    for directive in ("img-src", "media-src"):
        assert "https://s3.example.net" in values["csp"][directive]
    assert values["csp"]["script-src"] == ["'self'"]


@pytest.mark.parametrize("media", ["local disk", "S3"])
def test_check_deploy_reports_nothing(media):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "INFO"],
        cwd=ROOT,
        env=clean_environment(
            DJANGO_SETTINGS_MODULE="lms.settings.production",
            **REQUIRED,
            **(S3 if media == "S3" else {}),
        ),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_response_has_security_headers_and_one_json_log_line():
    code = """
import json, sys
from django.test import Client
client = Client(HTTP_HOST="umkm.example.org")
response = client.get("/akun/masuk/", secure=True)
plain = client.get("/akun/masuk/")
sys.stderr.write("RESULT " + json.dumps({
    "status": response.status_code,
    "headers": dict(response.headers),
    "csrf_cookie_secure": bool(response.cookies["csrftoken"]["secure"]),
    "plain": [plain.status_code, plain.get("Location")],
}) + "\\n")
"""
    result = run_python(code, settings=PRODUCTION_LIKE, **REQUIRED)
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stderr.split("RESULT ", 1)[1])
    headers = outcome["headers"]
    assert outcome["status"] == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "frame-src https://www.youtube-nocookie.com" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert outcome["csrf_cookie_secure"] is True
    assert outcome["plain"] == [301, "https://umkm.example.org/akun/masuk/"]

    lines = [json.loads(line) for line in result.stdout.splitlines()]
    requests_logged = [line for line in lines if line["logger"] == "lms.requests"]
    assert len(requests_logged) == 2  # One line per request, nothing else for a 200 or a 301.
    assert requests_logged[0] | {"duration_ms": 0, "time": ""} == {
        "time": "",
        "level": "INFO",
        "logger": "lms.requests",
        "message": requests_logged[0]["message"],
        "method": "GET",
        "path": "/akun/masuk/",
        "status": 200,
        "duration_ms": 0,
        "user_id": None,
    }
    assert requests_logged[0]["duration_ms"] > 0
    assert requests_logged[1]["status"] == 301


@pytest.mark.django_db
def test_each_request_is_logged_once_with_its_user(client, owner, caplog):
    client.force_login(owner)
    with caplog.at_level("INFO", logger="lms.requests"):
        client.get("/akun/profil/")
        client.get("/healthz")
    logged = [
        (record.method, record.path, record.status, record.user_id)
        for record in caplog.records
        if record.name == "lms.requests"
    ]
    assert logged == [("GET", "/akun/profil/", 200, owner.pk), ("GET", "/healthz", 200, None)]
    assert all(record.duration_ms > 0 for record in caplog.records)


@pytest.mark.django_db
def test_the_benchmarks_hello_view_is_off_unless_asked_for(client):
    assert client.get("/bench/hello/").status_code == 404
    assert client.get("/bench/hello/signed-in/").status_code == 404


@pytest.mark.django_db
def test_healthz_answers_ok_when_database_and_cache_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_fails_when_the_database_is_unreachable():
    """A real production process whose PostgreSQL does not answer; over plain HTTP, because load
    balancers probe that way and /healthz is exempt from the HTTPS redirect."""
    code = """
import sys
from django.test import Client, override_settings
locmem = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
with override_settings(CACHES=locmem):
    response = Client(HTTP_HOST="umkm.example.org").get("/healthz")
sys.stderr.write(f"RESULT {response.status_code} {response.content.decode()}\\n")
"""
    result = run_python(
        code,
        settings=PRODUCTION_LIKE,
        **{**REQUIRED, "DATABASE_URL": "postgres://postgres@127.0.0.1:1/pintar"},
    )
    assert result.returncode == 0, result.stderr
    assert 'RESULT 503 {"status": "error", "database": "error", "cache": "ok"}' in result.stderr
    assert "Health check failed: database" in result.stdout  # Logged, never shown.


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def app_servers(count: int, env: dict, log_dir: Path):
    """``count`` gunicorn processes (one worker each) on free loopback ports; yields base URLs."""
    gunicorn = Path(sys.executable).parent / "gunicorn"
    servers = []
    try:
        for n in range(count):
            port = free_port()
            log = open(log_dir / f"server-{n}.log", "w")  # noqa: SIM115 - closed below
            process = subprocess.Popen(  # noqa: S603
                [str(gunicorn), "lms.wsgi"],
                cwd=ROOT,
                env={
                    **env,
                    "GUNICORN_BIND": f"127.0.0.1:{port}",
                    "WEB_CONCURRENCY": "1",
                    "GUNICORN_THREADS": "2",
                },
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            servers.append((f"http://127.0.0.1:{port}", process, log))
        deadline = time.monotonic() + 30
        for base, process, _log in servers:
            while True:
                try:
                    if requests.get(f"{base}/healthz", timeout=5).status_code == 200:
                        break
                except requests.RequestException:  # Not listening yet, or still importing.
                    pass
                assert process.poll() is None, (log_dir / "server-0.log").read_text()
                assert time.monotonic() < deadline, f"{base} never became healthy"
                time.sleep(0.2)
        yield [base for base, _process, _log in servers]
    finally:
        for _base, process, log in servers:
            process.terminate()
            process.wait(timeout=30)
            log.close()


def csrf_token(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text).group(1)


def shared_environment():
    """Production-like settings for app servers on the test database and a fresh Redis prefix."""
    db = connection.settings_dict
    database_url = (
        f"postgres://{quote(db['USER'] or '')}:{quote(db['PASSWORD'] or '')}"
        f"@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    redis_url = "redis://127.0.0.1:6379/15"
    env = clean_environment(
        DJANGO_SETTINGS_MODULE=PRODUCTION_LIKE,
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX=prefix,
        CONN_MAX_AGE="0",  # The test database is dropped at the end of the run.
    )
    return env, redis_url, prefix


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="app servers share a server database")
def test_two_app_servers_share_sessions_through_redis(tmp_path):
    import redis

    env, redis_url, prefix = shared_environment()
    # The test settings hash with MD5, which production does not accept.
    password = PBKDF2PasswordHasher().encode(PASSWORD, "garam-uji", iterations=1000)
    user = UserFactory(full_name="Sutarni Dua Server", phone="+6281234567890")
    type(user).objects.filter(pk=user.pk).update(password=password)

    with app_servers(2, env, tmp_path) as (server_a, server_b):
        on_a = requests.Session()
        form = on_a.get(f"{server_a}/akun/masuk/")
        signed_in = on_a.post(
            f"{server_a}/akun/masuk/",
            data={
                "csrfmiddlewaretoken": csrf_token(form),
                "username": "0812 3456 7890",
                "password": PASSWORD,
            },
            allow_redirects=False,
        )
        assert signed_in.status_code == 302, signed_in.text
        session_key = on_a.cookies["sessionid"]
        cached = f"{prefix}:1:django.contrib.sessions.cached_db{session_key}"
        assert redis.Redis.from_url(redis_url).exists(cached)

        on_b = requests.Session()
        on_b.cookies.set("sessionid", session_key)
        profile = on_b.get(f"{server_b}/akun/profil/", allow_redirects=False)
        assert profile.status_code == 200
        assert "Sutarni Dua Server" in profile.text

        signed_out = on_b.post(
            f"{server_b}/akun/keluar/",
            data={"csrfmiddlewaretoken": csrf_token(profile)},
            cookies={"csrftoken": on_b.cookies.get("csrftoken")},
            allow_redirects=False,
        )
        assert signed_out.status_code == 302
        again = on_a.get(f"{server_a}/akun/profil/", allow_redirects=False)
        assert again.status_code == 302
        assert again.headers["Location"].startswith("/akun/masuk/")

    log_lines = [
        json.loads(line)
        for line in (tmp_path / "server-0.log").read_text().splitlines()
        if line.startswith("{")
    ]
    sign_in_line = next(
        line
        for line in log_lines
        if line.get("path") == "/akun/masuk/" and line["method"] == "POST"
    )
    assert sign_in_line["status"] == 302
    assert sign_in_line["user_id"] == user.pk


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="app servers share a server database")
def test_a_page_change_reaches_every_app_server_at_once(tmp_path, settings):
    """Both servers route the course from the shared page-tree cache; unpublishing it (here, in
    a third process on the same Redis) retires that for both."""
    env, redis_url, prefix = shared_environment()
    course = build_course(weeks=1, lessons_per_week=1, slug="dua-server")
    with app_servers(2, env, tmp_path) as servers:
        for server in servers:
            page = requests.get(f"{server}{course.url}", timeout=10)
            assert page.status_code == 200
            assert course.title in page.text
        settings.CACHES = {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": redis_url,
                "KEY_PREFIX": prefix,
            }
        }
        course.unpublish()
        for server in servers:
            assert requests.get(f"{server}{course.url}", timeout=10).status_code == 404
