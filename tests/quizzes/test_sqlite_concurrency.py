"""`make run` on SQLite: submissions of one quiz at the same instant answer without "database is
locked" (WAL, a busy timeout and immediate transactions, lms/settings/base.py)."""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.lms.test_production import clean_environment

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's own locking, as `make run` uses it"
)

# Run in a fresh interpreter on a file database (the test database is in memory), as runserver
# does: one connection per thread, five learners' taps released together.
PARALLEL_SUBMISSIONS = """
import json, uuid
import django
django.setup()
from django.db import connection, connections
from django.test import Client
from courses import services as course_services
from courses.models import WeekPage
from quizzes.models import QuizAttempt
from tests.concurrency import run_together
from tests.factories import RIGHT_ANSWERS, UserFactory, build_course, build_quiz

course = build_course(weeks=1, lessons_per_week=1)
quiz = build_quiz(WeekPage.objects.child_of(course).get(), attempts_allowed=1)
learner = UserFactory()
course_services.enrolment_start(learner=learner, course=course)
clients = []
for _ in range(5):
    client = Client(raise_request_exception=False)
    client.force_login(learner)
    client.get(quiz.url)
    clients.append(client)
connections.close_all()

def submit():
    response = clients.pop().post(
        f"/kuis/{quiz.pk}/kirim/", {**RIGHT_ANSWERS, "token": str(uuid.uuid4())}
    )
    return response.status_code

statuses = run_together(submit, times=5)
with connection.cursor() as cursor:
    cursor.execute("PRAGMA journal_mode")
    journal_mode = cursor.fetchone()[0]
print("RESULT " + json.dumps({
    "statuses": statuses,
    "attempts": QuizAttempt.objects.filter(learner=learner).count(),
    "journal_mode": journal_mode,
}))
"""


def test_sqlite_database_options_are_wal_a_busy_timeout_and_immediate_transactions():
    options = settings.DATABASES["default"]["OPTIONS"]
    assert "PRAGMA journal_mode=WAL" in options["init_command"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 10


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # Nothing uncommitted to copy.
def test_five_simultaneous_submissions_of_one_quiz_on_sqlite_record_one_attempt(tmp_path):
    # A copy of the migrated test database in a file, as db.sqlite3 is under `make run`.
    database = tmp_path / "db.sqlite3"
    target = sqlite3.connect(database)
    connection.ensure_connection()
    connection.connection.backup(target)
    target.close()

    result = subprocess.run(  # noqa: S603 - this interpreter, code written in this module
        [sys.executable, "-c", PARALLEL_SUBMISSIONS],
        cwd=ROOT,
        env=clean_environment(
            DJANGO_SETTINGS_MODULE="lms.settings.test", DATABASE_URL=f"sqlite:///{database}"
        ),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.split("RESULT ", 1)[1])
    assert len(outcome["statuses"]) == 5
    assert all(status < 500 for status in outcome["statuses"]), (outcome, result.stderr[-3000:])
    assert outcome["attempts"] == 1
    assert outcome["journal_mode"] == "wal"
