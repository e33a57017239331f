"""`make bench-load`: the production stack under simulated learners, on this machine.

Starts what `make serve-prod` starts (gunicorn with two workers, lms.settings.production,
PostgreSQL and Redis on 127.0.0.1) against its own database, seeds learners through the ORM, then
drives it with locust (bench/locustfile.py), headless, at each concurrency in BENCH_LEVELS:

1. the learner journeys (course page, lesson page, mark done, week quiz, sign in) with 5–15 s
   of thinking;
2. lesson page alone, the course page alone, a week quiz page alone, then /bench/hello/ alone,
   then /bench/hello/signed-in/ alone, without thinking: what the processes serve at that
   concurrency, with the server's CPU per request. The signed-in hello reads the session and the
   user and nothing else: the most any page for a signed-in learner could reach. Each learner
   page's req/s over the signed-in hello's is printed beside its floor (issue 17: lesson 40 %,
   course and quiz 30 %).

Prints a Markdown report (the one in docs/benchmarks.md). Loopback only; every phase is bounded
(BENCH_JOURNEY_SECONDS, BENCH_CAPACITY_SECONDS), about four minutes in all with the defaults.
Never point BENCH_DATABASE_URL at real data: it creates accounts and sessions there.
"""

import csv
import json
import os
import platform
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.error import URLError
from urllib.request import Request, urlopen

from bench import server_connection

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pintar_bench"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/1")
LEVELS = [int(n) for n in os.environ.get("BENCH_LEVELS", "50,200,500").split(",")]
JOURNEY_SECONDS = int(os.environ.get("BENCH_JOURNEY_SECONDS", "30"))
CAPACITY_SECONDS = int(os.environ.get("BENCH_CAPACITY_SECONDS", "10"))
JOURNEY_RAMP_SECONDS = 10
WORKERS = int(os.environ.get("WEB_CONCURRENCY", "2"))
THREADS = int(os.environ.get("GUNICORN_THREADS", "4"))
ACCOUNTS = 100
PASSWORD = "bench-umkm-" + "2026"  # Throwaway accounts in a throwaway database.
COURSE_SLUG = "pemasaran-digital"  # The self-paced demo course: every lesson is open.
# The capacity phases, in the order they run: (endpoint name, locust user class, file slug).
CAPACITY_PHASES = [
    ("lesson page", "LessonReader", "lesson"),
    ("course page", "CourseReader", "course"),
    ("quiz page", "QuizReader", "quiz"),
    ("hello", "Hello", "hello"),
    ("signed-in hello", "SignedInHello", "signed-in-hello"),
]
# Issue 17: each learner page's req/s over the signed-in hello's, at least this share.
FLOORS = [("lesson page", 0.40), ("course page", 0.30), ("quiz page", 0.30)]
FLOORS_BY_NAME = dict(FLOORS)
EMPTY_ROW = {"requests": 0, "errors": 0, "rps": 0.0, "p50": "", "p95": "", "p99": ""}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def settings_environment(port: int) -> dict:
    """Production settings, driven over plain HTTP on loopback."""
    return {
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": "bench",
        "BENCH_HELLO": "true",
        "WEB_CONCURRENCY": str(WORKERS),
        "GUNICORN_THREADS": str(THREADS),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        # Idle keep-alive connections outlive the learners' thinking (no nginx in between), and
        # no worker is recycled mid-run, so the CPU accounting sees every request.
        "GUNICORN_KEEPALIVE": "30",
        "GUNICORN_MAX_REQUESTS": "0",
    }


def ensure_database(url: str) -> None:
    from psycopg import sql

    with server_connection(url) as (conn, name):
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def seed(sessions: int) -> dict:
    """Demo courses, ACCOUNTS enrolled learners and one session per simulated learner."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.urls import reverse

    from courses import demo as courses_demo
    from courses import services as course_services
    from courses.models import CourseCompletion, CoursePage, LessonCompletion, LessonPage
    from lms import demo as lms_demo
    from lms import pagetree, roles
    from lms.identifiers import normalise_phone
    from lms.models import User
    from privacy import selectors as privacy_selectors
    from privacy import services as privacy_services
    from privacy.services import SESSION_KEY as PRIVACY_SESSION_KEY
    from quizzes import demo as quizzes_demo
    from quizzes import services as quiz_services
    from quizzes.models import QuizAttempt, QuizPage

    lms_demo.seed()
    courses_demo.seed()
    quizzes_demo.seed()
    course = CoursePage.objects.get(slug=COURSE_SLUG)
    quizzes = QuizPage.objects.live().descendant_of(course).order_by("path")
    quizzes.update(attempts_allowed=0)  # Unlimited: learners answer again and again.
    pagetree.tree_changed()  # update() sends no signal: cached pages must not keep the old limit
    learners = Group.objects.get(name=roles.LEARNERS)
    password = make_password(PASSWORD)  # Hashed once: seeding stays fast.
    users = []
    for n in range(ACCOUNTS):
        phone = normalise_phone(f"0812 9{n:03d} 0000")
        user = User.objects.filter(phone=phone).first() or User(phone=phone)
        user.full_name, user.password = f"Peserta Bench {n}", password
        user.save()
        user.groups.add(learners)
        course_services.enrolment_start(learner=user, course=course)
        # Past the questionnaire before the course, as most learners are: a lesson URL then
        # serves the lesson, not the offer to answer it first.
        quiz_services.before_skip(learner=user, course=course)
        users.append(user)
    # They agreed to the privacy notice, as sign-up records: pages are measured, not redirects.
    privacy_services.notice_agreed_in_bulk(user_ids=[user.pk for user in users])
    agreed = privacy_selectors.current_notice_version() or 0
    # Every run starts from learners with nothing done, so the mix does not drift between runs.
    LessonCompletion.objects.filter(learner__in=users).delete()
    CourseCompletion.objects.filter(learner__in=users).delete()
    QuizAttempt.objects.filter(learner__in=users).delete()

    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    keys = []
    for slot in range(sessions):  # What login() and its privacy check store.
        user = users[slot % ACCOUNTS]
        store = store_class()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "lms.backends.PhoneOrEmailBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store[PRIVACY_SESSION_KEY] = agreed
        store.save()
        keys.append({"key": store.session_key, "account": slot % ACCOUNTS})

    lessons = LessonPage.objects.live().descendant_of(course).order_by("path")
    return {
        "host": "127.0.0.1",
        "password": PASSWORD,
        "accounts": [{"username": user.phone_display} for user in users],
        "sessions": keys,
        "course_url": course.url,
        "lessons": [
            {"url": lesson.url, "done_url": reverse("courses:lesson_done", args=[lesson.pk])}
            for lesson in lessons
        ],
        "quizzes": [
            {
                "url": quiz.url,
                "submit_url": reverse("quizzes:submit", args=[quiz.pk]),
                "answers": {
                    f"q-{qid}": values
                    for qid, values in quizzes_demo.answers_for(quiz, right=True).items()
                },
            }
            for quiz in quizzes
        ],
        "sign_in_url": reverse("lms:sign_in"),
        "hello_url": "/bench/hello/",
        "signed_in_hello_url": "/bench/hello/signed-in/",
    }


def wait_healthy(base: str, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urlopen(f"{base}/healthz", timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except (URLError, OSError):
            pass
        time.sleep(0.3)
    raise SystemExit(f"gunicorn did not become healthy at {base} within {seconds} s")


def warm_up(base: str, plan: dict) -> None:
    """Open every page a few times so each worker has compiled its templates."""
    cookie = {"Cookie": f"sessionid={plan['sessions'][0]['key']}"}
    urls = [
        plan["course_url"],
        plan["hello_url"],
        plan["signed_in_hello_url"],
        *(lesson["url"] for lesson in plan["lessons"]),
        *(quiz["url"] for quiz in plan["quizzes"]),
    ]
    for url in urls * WORKERS * 2:
        with urlopen(Request(base + url, headers=cookie), timeout=10) as response:  # noqa: S310
            response.read()


def server_cpu_seconds(pid: int) -> float:
    import psutil

    process = psutil.Process(pid)
    total = 0.0
    for proc in [process, *process.children(recursive=True)]:
        times = proc.cpu_times()
        total += times.user + times.system
    return total


def run_locust(user_class, users, seconds, prefix, env, base, server_pid, ramp=0) -> dict:
    """Run one headless locust phase: ``users`` arrive over ``ramp`` seconds (at once if 0),
    then stats count for ``seconds``. Returns per-endpoint rows and the server's CPU use."""
    spawn_rate = users / ramp if ramp else min(users, 100)
    seconds_total = seconds + ramp
    before = server_cpu_seconds(server_pid)
    command = [
        str(BIN / "locust"),
        "-f",
        str(ROOT / "bench" / "locustfile.py"),
        "--headless",
        "--host",
        base,
        "--users",
        str(users),
        "--spawn-rate",
        f"{spawn_rate:g}",
        "--run-time",
        f"{seconds_total}s",
        "--reset-stats",
        "--stop-timeout",
        "3",
        "--csv",
        str(prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
        user_class,
    ]
    with open(f"{prefix}.log", "w") as log:
        subprocess.run(  # noqa: S603 - our own venv's locust
            command,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            timeout=seconds_total + 60,
            check=False,
        )
    cpu = server_cpu_seconds(server_pid) - before
    rows = {}
    with open(f"{prefix}_stats.csv", newline="") as stats:
        for row in csv.DictReader(stats):
            rows[row["Name"]] = {
                "requests": int(row["Request Count"]),
                "errors": int(row["Failure Count"]),
                "rps": float(row["Requests/s"]),
                "p50": row["50%"],
                "p95": row["95%"],
                "p99": row["99%"],
            }
    failures = []
    with open(f"{prefix}_failures.csv", newline="") as handle:
        failures = [
            f"{r['Name']}: {r['Error']} ×{r['Occurrences']}" for r in csv.DictReader(handle)
        ]
    return {"rows": rows, "server_cpu": cpu, "failures": failures}


def machine(base_env) -> list[str]:
    cpu_model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    import redis

    redis_version = redis.Redis.from_url(REDIS_URL).info("server")["redis_version"]
    return [
        f"- CPU: {cpu_model}, nproc {os.cpu_count()}",
        f"- RAM: {mem_kb / 1024 / 1024:.1f} GiB",
        f"- Python {platform.python_version()}, PostgreSQL {postgres}, Redis {redis_version}, "
        f"all on 127.0.0.1; locust runs on the same cores as the server",
        f"- gunicorn: {WORKERS} workers × {THREADS} threads (gthread), lms.settings.production, "
        "JSON request log to a file",
    ]


def cpu_ms(phase: dict, row: dict) -> float:
    """The server's CPU time per request of a phase, in milliseconds."""
    return 1000 * phase["server_cpu"] / max(row["requests"], 1)


def table(rows: dict, names: list[str]) -> list[str]:
    lines = [
        "| endpoint | requests | req/s | p50 ms | p95 ms | p99 ms | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name in names:
        row = rows.get(name)
        if row:
            lines.append(
                f"| {name} | {row['requests']} | {row['rps']:.1f} | {row['p50']} | "
                f"{row['p95']} | {row['p99']} | {row['errors']} |"
            )
    return lines


def main() -> None:
    started = time.monotonic()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, **settings_environment(port)}
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    ensure_database(DATABASE_URL)

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    plan = seed(sessions=max(LEVELS))
    about = machine(env)
    from django.db import connections

    connections.close_all()

    work = Path(tempfile.mkdtemp(prefix="bench-load-"))
    plan_path = work / "plan.json"
    plan_path.write_text(json.dumps(plan))
    env["BENCH_PLAN"] = str(plan_path)
    server_log = work / "server.log"
    print(f"Seeded; starting gunicorn on {base} (log {server_log})", file=sys.stderr)
    with open(server_log, "w") as log:
        server = subprocess.Popen(  # noqa: S603
            [str(BIN / "gunicorn"), "lms.wsgi"], cwd=ROOT, env=env, stdout=log, stderr=log
        )
    try:
        wait_healthy(base)
        warm_up(base, plan)
        report = [
            "Machine:",
            *about,
            "",
        ]
        summary = []
        for users in LEVELS:
            print(f"{users} learners...", file=sys.stderr)
            load_before = os.getloadavg()[0]
            journeys = run_locust(
                "Learner",
                users,
                JOURNEY_SECONDS,
                work / f"journeys-{users}",
                env,
                base,
                server.pid,
                ramp=JOURNEY_RAMP_SECONDS,  # Learners arrive over time, not in one burst.
            )
            capacity = {
                name: run_locust(
                    user_class,
                    users,
                    CAPACITY_SECONDS,
                    work / f"{slug}-{users}",
                    env,
                    base,
                    server.pid,
                )
                for name, user_class, slug in CAPACITY_PHASES
            }
            rows = {name: capacity[name]["rows"].get(name) or EMPTY_ROW for name in capacity}
            hello_rps = rows["hello"]["rps"]
            signed_in_rps = rows["signed-in hello"]["rps"]

            def share(rps, of):
                return rps / of if of else 0

            ratio = share(rows["lesson page"]["rps"], hello_rps)
            ceiling = share(signed_in_rps, hello_rps)
            page_ratios = {name: share(rows[name]["rps"], signed_in_rps) for name, _floor in FLOORS}
            report += [
                f"### {users} concurrent learners",
                "",
                f"Load average (1 min) {load_before:.1f} before, {os.getloadavg()[0]:.1f} after "
                "(everything on the machine, this run included).",
                "",
                f"Journeys, 5–15 s thinking between steps, {JOURNEY_SECONDS} s after "
                f"{JOURNEY_RAMP_SECONDS} s of arrivals:",
                "",
                *table(
                    journeys["rows"],
                    [
                        "course page",
                        "lesson page",
                        "mark lesson done",
                        "quiz page",
                        "quiz submit",
                        "sign-in page",
                        "sign in",
                        "Aggregated",
                    ],
                ),
                "",
                f"Without thinking, one endpoint at a time, {CAPACITY_SECONDS} s each (server "
                "CPU per request beside each; the share of the signed-in hello's req/s, with "
                "its floor, for the three learner pages):",
                "",
                "| endpoint | requests | req/s | p50 ms | p95 ms | p99 ms | errors | "
                "server CPU ms/request | of signed-in hello |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
                *[
                    f"| {name} | {row['requests']} | {row['rps']:.1f} | {row['p50']} | "
                    f"{row['p95']} | {row['p99']} | {row['errors']} | "
                    f"{cpu_ms(capacity[name], row):.1f} | "
                    + (
                        f"{page_ratios[name]:.0%} (floor {FLOORS_BY_NAME[name]:.0%})"
                        if name in page_ratios
                        else ""
                    )
                    + " |"
                    for name, row in rows.items()
                ],
                "",
                "**"
                + ", ".join(
                    f"{name.removesuffix(' page')}/signed-in hello = {page_ratios[name]:.0%}"
                    for name, _floor in FLOORS
                )
                + f"** (lesson/hello = {ratio:.0%}, signed-in hello/hello = {ceiling:.0%})",
                "",
            ]
            phases = (journeys, *capacity.values())
            failures = [failure for phase in phases for failure in phase["failures"]]
            if failures:
                report += ["Errors:", *[f"- {failure}" for failure in failures], ""]
            errors = sum(phase["rows"].get("Aggregated", {}).get("errors", 0) for phase in phases)
            summary.append(
                f"| {users} | {journeys['rows']['Aggregated']['rps']:.1f} | "
                f"{journeys['rows']['lesson page']['p95']} | "
                + " | ".join(f"{rows[name]['rps']:.1f}" for name, _, _ in CAPACITY_PHASES)
                + " | "
                + " | ".join(f"{page_ratios[name]:.0%}" for name, _floor in FLOORS)
                + f" | {ceiling:.0%} | {errors} |"
            )
        report += [
            "### Summary",
            "",
            "| learners | journeys req/s | lesson p95 ms (journeys) | "
            + " | ".join(f"{name} req/s (alone)" for name, _, _ in CAPACITY_PHASES)
            + " | "
            + " | ".join(f"{name.removesuffix(' page')}/signed-in hello" for name, _ in FLOORS)
            + " | signed-in hello/hello | errors |",
            "|" + " ---: |" * (3 + len(CAPACITY_PHASES) + len(FLOORS) + 2),
            *summary,
            "",
            f"Total run time {time.monotonic() - started:.0f} s; locust CSVs and the server log "
            f"in {work}.",
        ]
        print("\n".join(report))
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
