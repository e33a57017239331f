"""A task worker killed mid-render: the next worker (or a running one, within a minute) puts the
render back in the queue and does it; a render that keeps killing workers is given up."""

import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from certificates.models import Certificate
from certificates.tasks import certificate_render_task
from lms import worker

# The worker closes and reopens its connection between tasks, as a real one does: committed data.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def unrendered(certificate, settings):
    """The certificate as a killed worker left it: no PDF."""
    settings.TASKS = DATABASE_TASKS
    Certificate.objects.filter(pk=certificate.pk).update(pdf="")
    return certificate


def left_running(certificate, *, minutes_ago, claims=1):
    """A render claimed by a worker ``minutes_ago`` (``claims`` times in all) that never ended."""
    result = certificate_render_task.enqueue(certificate.pk)
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - timedelta(minutes=minutes_ago),
        worker_ids=[f"killed-{n}" for n in range(claims)],
    )
    return DBTaskResult.objects.get(pk=result.id)


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def test_a_worker_starting_requeues_a_render_left_running_and_renders_it(unrendered):
    stale = left_running(unrendered, minutes_ago=30)

    run_worker()

    stale.refresh_from_db()
    assert stale.status == TaskResultStatus.SUCCESSFUL
    assert stale.worker_ids[0] == "killed-0"
    assert len(stale.worker_ids) == 2
    unrendered.refresh_from_db()
    with unrendered.pdf.open("rb") as pdf:
        assert pdf.read().startswith(b"%PDF")


def test_a_render_running_for_less_than_the_limit_is_left_alone(unrendered, settings):
    settings.TASK_STALE_AFTER = timedelta(minutes=10)
    recent = left_running(unrendered, minutes_ago=3)

    run_worker()

    recent.refresh_from_db()
    assert recent.status == TaskResultStatus.RUNNING
    unrendered.refresh_from_db()
    assert unrendered.pdf.name == ""


def test_a_render_that_killed_every_worker_it_ran_on_is_given_up(unrendered, settings, caplog):
    settings.TASK_MAX_ATTEMPTS = 3
    poison = left_running(unrendered, minutes_ago=30, claims=3)

    run_worker()

    poison.refresh_from_db()
    assert poison.status == TaskResultStatus.FAILED
    assert poison.exception_class_path == "lms.worker.WorkerLost"
    assert poison.finished_at is not None
    assert "given up" in caplog.text


def test_one_check_requeues_a_stale_render_once(unrendered):
    stale = left_running(unrendered, minutes_ago=30)

    assert worker.stale_tasks_recover(backend_name="default") == (1, 0)
    assert worker.stale_tasks_recover(backend_name="default") == (0, 0)

    stale.refresh_from_db()
    assert stale.status == TaskResultStatus.READY


def test_a_running_worker_requeues_a_render_left_running_by_another_within_the_interval(
    unrendered, settings
):
    settings.TASK_STALE_CHECK_EVERY = 0.1
    stop = worker.start_periodic_recovery(backend_name="default")
    try:
        stale = left_running(unrendered, minutes_ago=30)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            time.sleep(0.1)
            try:
                stale.refresh_from_db()
            except OperationalError:  # SQLite's shared in-memory database: the thread writes.
                continue
            if stale.status == TaskResultStatus.READY:
                break
    finally:
        stop.set()
    assert stale.status == TaskResultStatus.READY
