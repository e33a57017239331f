"""django-tasks-db's `db_worker`, which also requeues tasks a killed worker left running
(lms/worker.py): when it starts, and every TASK_STALE_CHECK_EVERY seconds while it runs."""

import gc
import os

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from lms import worker


class Command(db_worker.Command):
    help = "Run a database background worker, requeueing tasks a killed worker left running."

    def handle(self, *, backend_name: str, batch: bool, reload: bool, **options) -> None:
        # With --reload (DEBUG), this process only watches files; its child runs the worker.
        watcher_only = reload and not batch and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"
        if not watcher_only:
            worker.stale_tasks_recover(backend_name=backend_name)
            if not batch:
                worker.start_periodic_recovery(backend_name=backend_name)
            # What the app loaded stays for the process's life: the garbage collector's full
            # passes then skip it (gunicorn.conf.py does the same for the web workers).
            gc.freeze()
        super().handle(backend_name=backend_name, batch=batch, reload=reload, **options)
