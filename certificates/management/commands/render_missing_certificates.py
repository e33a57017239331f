"""Queue a render for every certificate without a stored PDF.

A worker that died mid-render leaves the certificate without a file (the file is attached only
once written whole); workers requeue such a task themselves (lms/worker.py) and give it up after
TASK_MAX_ATTEMPTS tries. Run this from cron for what is still missing (a given-up render, a lost
file); downloads also render a missing file on the spot.
"""

from django.core.management.base import BaseCommand

from certificates.models import Certificate
from certificates.tasks import certificate_render_task


class Command(BaseCommand):
    help = "Queue a PDF render for every certificate that has no stored file."

    def handle(self, *args, **options):
        queued = 0
        for pk in Certificate.objects.filter(pdf="").values_list("pk", flat=True).iterator():
            certificate_render_task.enqueue(pk)
            queued += 1
        self.stdout.write(f"{queued} certificate render(s) queued.")
