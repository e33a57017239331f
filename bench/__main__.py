"""`make bench`: build a throwaway database, then print timings, query counts and page weights.

Runs on a temporary SQLite file unless DATABASE_URL names another database (whose tables it
creates and fills: never point it at real data).
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

RUNS = 30


def measure(client, method, url, data=None):
    """Median milliseconds, queries of the last run, and response bytes."""
    timings = []
    for _ in range(RUNS):
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = getattr(client, method)(url, data or {})
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code in (200, 302), (url, response.status_code)
    return statistics.median(timings), len(queries), len(response.content)


def main():
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115

    from courses import services
    from courses.models import CoursePage, LessonPage
    from lms.models import User
    from tests.factories import build_course, lessons_of

    learner = User.objects.get(email="agus@pintar-umkm.test")
    big = CoursePage.objects.filter(slug="bench-4x10").first() or build_course(
        weeks=4, lessons_per_week=10, slug="bench-4x10"
    )
    services.enrolment_start(learner=learner, course=big)
    lessons = lessons_of(big)
    for lesson in lessons[:15]:
        services.lesson_mark_done(learner=learner, lesson=lesson)
    from quizzes.models import QuizPage

    quiz = QuizPage.objects.live().first()
    simulator = next(
        lesson
        for lesson in LessonPage.objects.live()
        if any(block.block_type == "loan_simulator" for block in lesson.body)
    )

    client = Client()
    client.force_login(learner)
    mentor = Client()
    mentor.force_login(User.objects.get(email="mentor@pintar-umkm.test"))
    assets = sum((ROOT / "static" / p).stat().st_size for p in ("css/main.css", "js/lesson.js"))

    rows = [
        ("course page (4x10)", *measure(client, "get", big.url)),
        ("lesson page (4x10)", *measure(client, "get", lessons[20].url)),
        (
            "mark lesson done (repeat)",
            *measure(client, "post", f"/belajar/pelajaran/{lessons[0].pk}/selesai/"),
        ),
        ("learner dashboard", *measure(client, "get", "/belajar/")),
        ("loan simulator lesson", *measure(mentor, "get", simulator.url)),
        ("week quiz page", *measure(client, "get", quiz.url)),
    ]
    print(f"database: {connection.vendor}; median of {RUNS} runs through Django's test client")
    print(f"{'what':<28} {'median ms':>10} {'queries':>8} {'KB':>7}")
    for name, ms, queries, size in rows:
        print(f"{name:<28} {ms:>10.1f} {queries:>8} {size / 1024:>7.1f}")
    heaviest = max(len(client.get(lesson.url).content) for lesson in lessons[:5])
    print(f"lesson HTML + CSS + JS: {(heaviest + assets) / 1024:.1f} KB (budget 40 KB)")


if __name__ == "__main__":
    main()
