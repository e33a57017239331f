"""Recovery for the task worker (`manage.py db_worker`, django-tasks-db's, extended in
lms/management/commands/db_worker.py).

django-tasks-db marks a task RUNNING when a worker claims it and never looks at it again, so a
worker killed mid-task (a deploy, the kernel's out-of-memory killer, a power cut) leaves it
RUNNING for ever: the certificate would never get its PDF. Every worker therefore, when it starts
and then every ``TASK_STALE_CHECK_EVERY`` seconds, puts back in the queue each task that has been
running for longer than ``TASK_STALE_AFTER`` (no task here takes more than seconds; the tasks are
safe to run again: a certificate render writes its file whole, Wagtail's tasks refresh indexes).
A task that has now been claimed ``TASK_MAX_ATTEMPTS`` times without finishing is given up
(FAILED, ``WorkerLost``) instead, so that a render which itself kills the worker does not do so
for ever.
"""

import logging
import threading

from django.conf import settings
from django.db import connections, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


class WorkerLost(Exception):  # noqa: N818 - named for what happened, as the results list shows it
    """The worker running the task stopped before the task finished."""


def stale_tasks_recover(*, backend_name: str) -> tuple[int, int]:
    """Requeue tasks left RUNNING too long, or give them up after too many tries: (requeued,
    given up)."""
    now = timezone.now()
    cutoff = now - settings.TASK_STALE_AFTER
    requeued = given_up = 0
    with transaction.atomic():
        stale = (
            DBTaskResult.objects.running()
            .filter(backend_name=backend_name, started_at__lt=cutoff)
            .select_for_update(skip_locked=True)
        )
        for result in stale:
            if len(result.worker_ids) >= settings.TASK_MAX_ATTEMPTS:
                result.status = TaskResultStatus.FAILED
                result.finished_at = now
                result.exception_class_path = f"{__name__}.{WorkerLost.__qualname__}"
                result.traceback = (
                    f"WorkerLost: the worker stopped during each of {len(result.worker_ids)} "
                    f"runs ({', '.join(result.worker_ids)}); given up."
                )
                result.save(
                    update_fields=["status", "finished_at", "exception_class_path", "traceback"]
                )
                given_up += 1
                logger.error(
                    "Task %s (%s) given up: its worker stopped during each of %s runs.",
                    result.pk,
                    result.task_path,
                    len(result.worker_ids),
                )
            else:
                result.status = TaskResultStatus.READY
                result.save(update_fields=["status"])
                requeued += 1
                logger.warning(
                    "Task %s (%s) requeued: running since %s, its worker stopped.",
                    result.pk,
                    result.task_path,
                    result.started_at.isoformat(),
                )
    return requeued, given_up


def start_periodic_recovery(*, backend_name: str) -> threading.Event:
    """Run ``stale_tasks_recover`` every ``TASK_STALE_CHECK_EVERY`` seconds in a daemon thread
    (the worker's loop stays django-tasks-db's own); set the returned event to stop it."""
    stop = threading.Event()

    def loop():
        while not stop.wait(settings.TASK_STALE_CHECK_EVERY):
            try:
                stale_tasks_recover(backend_name=backend_name)
            except Exception:  # The database may be away for a while; try again next time.
                logger.exception("Checking for tasks left running failed.")
            finally:
                connections.close_all()

    threading.Thread(target=loop, name="stale-task-recovery", daemon=True).start()
    return stop
