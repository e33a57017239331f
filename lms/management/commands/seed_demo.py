from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management.base import BaseCommand

from lms import demo


class Command(BaseCommand):
    help = (
        "Create the demo accounts, businesses, courses and progress (each project app's "
        "demo.seed(), in PROJECT_APPS order). Safe to run again: nothing is duplicated."
    )

    def handle(self, *args, **options):
        for app in settings.PROJECT_APPS:
            if find_spec(f"{app}.demo"):
                for line in import_module(f"{app}.demo").seed():
                    self.stdout.write(f"  {line}")
        self.stdout.write(
            self.style.SUCCESS(f"Password for every demo account: {demo.DEMO_PASSWORD}")
        )
