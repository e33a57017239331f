"""Apply the retention rules; run daily from cron (README, "Retention")."""

from django.conf import settings
from django.core.management.base import BaseCommand

from lms.data_rights import retention_run


class Command(BaseCommand):
    help = (
        "Anonymise learner accounts unused for RETENTION_INACTIVE_YEARS years and delete expired "
        "sessions, old throttle records, old answer drafts, spent claim links and registry "
        "sheets never imported. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Print the counts and change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        counts = retention_run(dry_run=dry_run)
        verb = "would be" if dry_run else "were"
        self.stdout.write(
            f"{counts['accounts']} inactive accounts (over {settings.RETENTION_INACTIVE_YEARS} "
            f"years) {verb} anonymised; {counts['sessions']} expired sessions, "
            f"{counts['throttle_records']} throttle records, {counts['drafts']} answer "
            f"drafts, {counts['claim_links']} spent claim links and {counts['sheets']} registry "
            f"sheets never imported {verb} deleted."
        )
