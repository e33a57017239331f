"""Redis stopped or frozen: learners still sign up, sign in, read lessons, mark them done and submit
quizzes, slower; /healthz says "degraded"; and Redis coming back is used without a restart."""

import json
import logging
import shutil
import signal
import socket
import subprocess
import threading
import time
import uuid
from contextlib import contextmanager
from types import SimpleNamespace

import pytest
import requests
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from courses import services as course_services
from courses.models import LessonCompletion, WeekPage
from lms import cache as lms_cache
from lms.models import User
from quizzes.models import QuizAttempt
from tests.factories import (
    PASSWORD,
    RIGHT_ANSWERS,
    UserFactory,
    build_course,
    build_quiz,
    lessons_of,
)
from tests.lms.test_production import (
    UNREACHABLE_REDIS,
    app_servers,
    csrf_token,
    free_port,
    shared_environment,
)
from tests.lms.test_sign_up import new_business_data


@contextmanager
def frozen_redis():
    """A port that accepts connections and never answers, as a Redis stuck in a long command or
    a half-dead network path does; yields its redis:// URL."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    held = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            held.append(conn)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"redis://127.0.0.1:{listener.getsockname()[1]}/0"
    finally:
        stop.set()
        listener.close()
        for conn in held:
            conn.close()


def production_cache(location, **options):
    return {
        **settings.CACHES,  # the process-local "fragments" as in production
        "default": {
            "BACKEND": "lms.cache.RedisCache",
            "LOCATION": location,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5, **options},
        },
    }


@pytest.fixture(autouse=True)
def _fresh_breakers():
    lms_cache._breakers.clear()
    yield
    lms_cache._breakers.clear()


@pytest.fixture
def course_with_quiz(db):
    course = build_course(weeks=1, lessons_per_week=2, slug="tanpa-redis")
    quiz = build_quiz(WeekPage.objects.child_of(course).get(), attempts_allowed=2)
    return course, quiz


def learner_journey(client, course, quiz, learner):
    """Sign in, start the course, read a lesson, mark it done, open and submit the quiz; every
    response's status in order."""
    first, second = lessons_of(course)
    credentials = {"username": learner.phone, "password": PASSWORD}
    signed_in = client.post(reverse("lms:sign_in"), credentials)
    assert signed_in.status_code == 302
    statuses = [client.get("/").status_code, signed_in.status_code]
    statuses.append(client.post(reverse("courses:course_start", args=[course.pk])).status_code)
    statuses.append(client.get(first.url).status_code)
    done = client.post(reverse("courses:lesson_done", args=[first.pk]), {"next": second.pk})
    statuses.append(done.status_code)
    statuses.append(client.get(quiz.url).status_code)
    submitted = client.post(
        reverse("quizzes:submit", args=[quiz.pk]), {**RIGHT_ANSWERS, "token": str(uuid.uuid4())}
    )
    statuses.append(submitted.status_code)
    return statuses


@pytest.mark.django_db
@pytest.mark.parametrize("redis", ["stopped", "frozen"])
def test_learners_sign_in_read_mark_done_and_submit_with_redis_down(
    client, owner, course_with_quiz, redis, caplog
):
    course, quiz = course_with_quiz
    with frozen_redis() as frozen_url:
        location = UNREACHABLE_REDIS if redis == "stopped" else frozen_url
        with (
            override_settings(
                CACHES=production_cache(location),
                SESSION_ENGINE="django.contrib.sessions.backends.cached_db",
            ),
            caplog.at_level(logging.WARNING, logger="lms.cache"),
        ):
            statuses = learner_journey(client, course, quiz, owner)
    assert all(status < 400 for status in statuses), statuses
    assert LessonCompletion.objects.filter(learner=owner).count() == 1
    assert QuizAttempt.objects.filter(learner=owner).count() == 1
    warnings = [r for r in caplog.records if r.name == "lms.cache"]
    assert warnings
    assert all(r.levelno == logging.WARNING for r in warnings)


@pytest.mark.django_db
def test_a_frozen_redis_costs_a_page_one_timeout_not_one_per_cache_call(
    client, owner, course_with_quiz
):
    """The breaker: after the first failed call, this process skips Redis until
    CACHE_RETRY_AFTER has passed."""
    course, _quiz = course_with_quiz
    course_services.enrolment_start(learner=owner, course=course)
    client.force_login(owner)
    with frozen_redis() as frozen_url, override_settings(CACHES=production_cache(frozen_url)):
        started = time.monotonic()
        response = client.get(course.url)
        elapsed = time.monotonic() - started
        assert response.status_code == 200
        assert elapsed < 2.0  # One 0.5 s socket timeout, then misses; without it, 0.5 s a call.
        assert cache.breaker.is_open()


@pytest.mark.django_db
def test_sign_up_throttle_fails_open_with_a_warning_when_redis_is_down(client, caplog):
    with (
        override_settings(
            CACHES=production_cache(UNREACHABLE_REDIS),
            RATELIMIT_FAIL_OPEN=True,  # As in production.
            SIGN_UP_RATE="1/h",
        ),
        caplog.at_level(logging.WARNING, logger="lms.cache"),
    ):
        first = client.post(reverse("lms:sign_up"), new_business_data())
        client.logout()
        second = client.post(reverse("lms:sign_up"), new_business_data(phone="0812 9999 0000"))
    assert (first.status_code, second.status_code) == (302, 302)
    assert User.objects.count() == 2
    assert [r.levelname for r in caplog.records if r.msg == lms_cache.UNAVAILABLE_WARNING] == [
        "WARNING"
    ]


@pytest.mark.django_db
def test_healthz_stays_in_rotation_but_says_degraded_when_redis_is_down(client, caplog):
    with override_settings(CACHES=production_cache(UNREACHABLE_REDIS)):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "error"}
    assert "Health check failed: cache" in caplog.text


@pytest.fixture
def redis_server(tmp_path):
    """A private redis-server that the test can stop and start again on the same port (losing
    its data), or freeze and thaw (SIGSTOP, SIGCONT: unreachable, keeping its data)."""
    executable = shutil.which("redis-server")
    if executable is None:
        pytest.skip("redis-server is not installed")
    port = free_port()
    processes = []

    def start():
        process = subprocess.Popen(  # noqa: S603 - the installed redis-server
            [executable, "--port", str(port), "--save", "", "--appendonly", "no"],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
        )
        processes.append(process)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise AssertionError("redis-server did not start")

    def stop():
        process = processes[-1]
        process.terminate()
        process.wait(timeout=10)

    def freeze():
        processes[-1].send_signal(signal.SIGSTOP)

    def thaw():
        processes[-1].send_signal(signal.SIGCONT)

    start()
    yield SimpleNamespace(
        url=f"redis://127.0.0.1:{port}/0", start=start, stop=stop, freeze=freeze, thaw=thaw
    )
    if processes[-1].poll() is None:
        thaw()
    for process in processes:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=10)


def test_the_cache_is_used_again_once_redis_is_back_without_a_restart(redis_server):
    with override_settings(CACHES=production_cache(redis_server.url), CACHE_RETRY_AFTER=0.3):
        cache.set("k", "before")
        assert cache.get("k") == "before"

        redis_server.stop()
        assert cache.get("k") is None
        cache.set("k", "during")  # Dropped, quietly.
        assert cache.breaker.is_open()

        redis_server.start()
        time.sleep(0.4)
        cache.set("k", "after")
        assert cache.get("k") == "after"
        assert not cache.breaker.is_open()


def test_entries_a_dropped_write_would_have_changed_are_gone_once_redis_is_back(redis_server):
    """A page unpublished or a session ended while Redis was unreachable (but kept its data):
    its old entry must not come back with Redis, or an unpublished lesson would still be served
    and a signed-out session would sign in again."""
    with override_settings(CACHES=production_cache(redis_server.url), CACHE_RETRY_AFTER=0.3):
        cache.set("pagetree:version", "old")
        cache.set("django.contrib.sessions.cached_dbabc", {"_auth_user_id": "1"})

        redis_server.freeze()
        cache.set("pagetree:version", "new")  # Dropped.
        cache.delete("django.contrib.sessions.cached_dbabc")  # Dropped.

        redis_server.thaw()
        time.sleep(0.4)
        assert cache.get("pagetree:version") is None
        assert cache.get("django.contrib.sessions.cached_dbabc") is None
        cache.set("pagetree:version", "newer")
        assert cache.get("pagetree:version") == "newer"


def test_a_read_that_failed_alone_leaves_the_entries_when_redis_is_back(redis_server):
    with override_settings(CACHES=production_cache(redis_server.url), CACHE_RETRY_AFTER=0.3):
        cache.set("k", "kept")
        redis_server.freeze()
        assert cache.get("k") is None
        redis_server.thaw()
        time.sleep(0.4)
        assert cache.get("k") == "kept"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="production runs on PostgreSQL")
@pytest.mark.parametrize("redis", ["stopped", "frozen"])
def test_a_production_server_with_redis_down_serves_the_main_journeys(tmp_path, redis):
    """gunicorn with lms.settings.production and REDIS_URL at a closed (or frozen) port."""
    env, _redis_url, _prefix = shared_environment()
    # The test settings hash with MD5, which production does not accept.
    password = PBKDF2PasswordHasher().encode(PASSWORD, "garam-uji", iterations=1000)
    user = UserFactory(full_name="Sutarni Tanpa Redis", phone="+6281234567890")
    User.objects.filter(pk=user.pk).update(password=password)
    course = build_course(weeks=1, lessons_per_week=2, slug="tanpa-redis")
    quiz = build_quiz(WeekPage.objects.child_of(course).get(), attempts_allowed=2)

    first, second = lessons_of(course)
    with frozen_redis() as frozen_url:
        env["REDIS_URL"] = UNREACHABLE_REDIS if redis == "stopped" else frozen_url
        with app_servers(1, env, tmp_path) as (server,):
            session = requests.Session()
            timings, statuses = [], []

            def get(path):
                started = time.monotonic()
                response = session.get(f"{server}{path}", allow_redirects=False, timeout=30)
                timings.append(("GET", path, round(time.monotonic() - started, 2)))
                statuses.append(response.status_code)
                return response

            def post(path, data, *, form_on):
                """POST ``data`` to ``path`` with the CSRF token of the page ``form_on``."""
                token = csrf_token(get(form_on))
                started = time.monotonic()
                response = session.post(
                    f"{server}{path}",
                    data={"csrfmiddlewaretoken": token, **data},
                    allow_redirects=False,
                    timeout=30,
                )
                timings.append(("POST", path, round(time.monotonic() - started, 2)))
                statuses.append(response.status_code)
                return response

            get("/")
            sign_up = reverse("lms:sign_up")
            post(sign_up, new_business_data(phone="0813 1111 2222"), form_on=sign_up)
            session.cookies.clear()
            sign_in = reverse("lms:sign_in")
            credentials = {"username": "0812 3456 7890", "password": PASSWORD}
            assert post(sign_in, credentials, form_on=sign_in).status_code == 302
            post(reverse("courses:course_start", args=[course.pk]), {}, form_on=course.url)
            done = reverse("courses:lesson_done", args=[first.pk])
            post(done, {"next": second.pk}, form_on=first.url)
            answers = {"token": str(uuid.uuid4()), **RIGHT_ANSWERS}
            post(reverse("quizzes:submit", args=[quiz.pk]), answers, form_on=quiz.url)
            health = session.get(f"{server}/healthz", timeout=30)

    assert all(status < 400 for status in statuses), (statuses, timings)
    assert User.objects.filter(phone="+6281311112222").exists()  # Signed up.
    assert LessonCompletion.objects.filter(learner=user).count() == 1
    assert QuizAttempt.objects.filter(learner=user).count() == 1
    assert health.status_code == 200
    assert health.json() == {"status": "degraded", "database": "ok", "cache": "error"}
    log = [
        json.loads(line)
        for line in (tmp_path / "server-0.log").read_text().splitlines()
        if line.startswith("{")
    ]
    assert not [line for line in log if line.get("status", 0) >= 500]
    assert any(line["logger"] == "lms.cache" and line["level"] == "WARNING" for line in log)
    print("timings with Redis", redis, timings)  # noqa: T201 - reported with -s
