"""Fill a throwaway database with a province-sized synthetic programme: `seed_synthetic`."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from reports import synthetic, synthetic_outcomes


class Command(BaseCommand):
    help = (
        "Add synthetic businesses and learners with a year of progress: enrolments, lessons "
        "done, quiz attempts, questionnaires, surveys and certificates, then the businesses' "
        "check-ins, cash books and credit applications, in bulk and in one transaction. "
        "Builds on the courses that exist (runs seed_demo first if there are none). Running "
        "it again adds more people with fresh phone numbers, emails and codes; "
        "the synthetic mentors and cohorts are reused. A database that already has more than "
        f"{synthetic.MAX_USERS_WITHOUT_CONFIRMATION:,} users is refused unless --yes is given, "
        "so nobody fills a real database by accident. Never run it on production."
    )

    def add_arguments(self, parser):
        parser.add_argument("--businesses", type=int, default=20_000)
        parser.add_argument("--learners", type=int, default=50_000)
        parser.add_argument(
            "--seed",
            type=int,
            default=synthetic.DEFAULT_SEED,
            help="Same seed, same database state and same day: the same data.",
        )
        parser.add_argument("--batch-size", type=int, default=synthetic.BATCH_SIZE)
        parser.add_argument(
            "--cashbook-businesses",
            type=int,
            default=synthetic_outcomes.DEFAULT_CASHBOOK_BUSINESSES,
            help="How many businesses keep a six-month cash book (at most all of them).",
        )
        parser.add_argument(
            "--entries-per-month",
            type=int,
            default=synthetic_outcomes.DEFAULT_ENTRIES_PER_MONTH,
            help="About how many lines each of those cash books has a month.",
        )
        parser.add_argument(
            "--yes",
            action="store_true",
            help=f"Add data even when the database has more than "
            f"{synthetic.MAX_USERS_WITHOUT_CONFIRMATION:,} users.",
        )

    def handle(self, *args, **options):
        try:
            synthetic.check_numbers(businesses=options["businesses"], learners=options["learners"])
        except synthetic.SyntheticDataError as error:
            raise CommandError(str(error)) from error
        users = synthetic.users_beyond_confirmation()
        if users and not options["yes"]:
            raise CommandError(
                f"This database already has {users:,} users. If it is a throwaway database, "
                "run again with --yes to add synthetic data to it."
            )
        if not synthetic.has_courses():
            self.stdout.write("No course yet: running seed_demo first.")
            call_command("seed_demo", stdout=self.stdout)
        try:
            summary = synthetic.generate(
                businesses=options["businesses"],
                learners=options["learners"],
                seed=options["seed"],
                batch_size=options["batch_size"],
                cashbook_businesses=options["cashbook_businesses"],
                entries_per_month=options["entries_per_month"],
                report=lambda line: self.stdout.write(f"  {line}"),
            )
        except synthetic.SyntheticDataError as error:
            raise CommandError(str(error)) from error
        for line in summary.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"Synthetic data written in {summary.seconds:.1f} s."))
