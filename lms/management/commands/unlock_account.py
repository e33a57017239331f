"""Lift an account's sign-in lock early: the failures counted against it go, however its number
or email was typed. An address's lock is lifted by django-axes' own ``axes_reset_ip``."""

from django.core.management.base import BaseCommand, CommandError

from lms import throttling
from lms.selectors import user_by_identifier


class Command(BaseCommand):
    help = "Lift the sign-in lock of the account with this mobile number or email."

    def add_arguments(self, parser):
        parser.add_argument("identifier", help="the account's mobile number (any form) or email")

    def handle(self, *args, identifier, **options):
        user = user_by_identifier(identifier)
        if user is None:
            raise CommandError(f"No account has the number or email {identifier!r}.")
        cleared = throttling.account_unlock(user)
        removed = f"{cleared} failure record(s) removed"
        self.stdout.write(f"Account {user.pk}: {removed}; it may sign in now.")
