from django.core.management.base import BaseCommand

from lms import demo


class Command(BaseCommand):
    help = "Create the demo accounts and business (safe to run again: nothing is duplicated)."

    def handle(self, *args, **options):
        accounts = demo.seed()
        self.stdout.write(
            self.style.SUCCESS(f"Demo accounts (password for all: {demo.DEMO_PASSWORD}):")
        )
        for account in accounts:
            self.stdout.write(f"  {account.role:<40} {account.full_name:<20} {account.sign_in}")
