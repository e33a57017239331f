"""`seed_synthetic`'s business outcomes: check-ins, cash books and credit applications that keep
every rule the site's forms and services keep."""

import hashlib
import io
import re
from collections import Counter, defaultdict
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Min
from django.utils.timezone import localdate

from cashbook import services as cashbook_services
from cashbook.models import Category, Channel, Entry, Kind
from courses.models import CourseCompletion, CoursePage, Enrolment
from credit import services as credit_services
from credit.models import CreditApplication, Document, Status
from lms.models import Membership
from outcomes import rules as outcome_rules
from outcomes.forms import CheckInForm, initial_from
from outcomes.models import CheckIn, CheckInPlan
from reports import synthetic, synthetic_outcomes

pytestmark = pytest.mark.django_db

BUSINESSES, LEARNERS = 20, 50
BOOKS, ENTRIES_PER_MONTH = 6, 12
TODAY = date(2026, 11, 27)
LAST_DAY = TODAY - timedelta(days=1)


def _synthetic(queryset, start):
    """Rows the synthetic run wrote, not the demo's (their pks come after ``start``)."""
    return queryset.filter(pk__gt=start)


@pytest.fixture(scope="class")
def province(django_db_setup, django_db_blocker):
    """The demo, then a tiny synthetic province with more credit than the real share (so a
    small run holds every step), built once for the class and rolled back after it."""
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        pytest.MonkeyPatch.context() as patch,
    ):
        call_command("seed_demo", stdout=io.StringIO())
        patch.setattr(synthetic_outcomes, "CREDIT_SHARE", 0.6)
        start = {
            model: model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            for model in (CheckIn, Entry, CreditApplication)
        }
        lines = []
        summary = synthetic.generate(
            businesses=BUSINESSES,
            learners=LEARNERS,
            seed=11,
            today=TODAY,
            cashbook_businesses=BOOKS,
            entries_per_month=ENTRIES_PER_MONTH,
            report=lines.append,
        )
        yield {"start": start, "summary": summary, "lines": lines}
        transaction.set_rollback(True)


def _members() -> dict:
    """Business id → {member id: when they joined}."""
    members = defaultdict(dict)
    for user_id, business_id, joined in Membership.objects.values_list(
        "user_id", "business_id", "joined_at"
    ):
        members[business_id][user_id] = joined
    return members


@pytest.mark.usefixtures("province")
class TestOutcomes:
    def test_counts_match_the_summary_and_every_course_has_a_plan(self, province):
        start, counts = province["start"], province["summary"].counts
        assert counts["check-ins"] == _synthetic(CheckIn.objects, start[CheckIn]).count() > 0
        assert counts["cash book entries"] == _synthetic(Entry.objects, start[Entry]).count()
        applications = _synthetic(CreditApplication.objects, start[CreditApplication])
        assert counts["credit applications"] == applications.count() > 0
        assert counts["check-in plans"] == 1  # the demo's plan covers the marketing course
        assert CheckInPlan.objects.count() == CoursePage.objects.live().count() == 2
        assert any(line.startswith("check-ins for ") for line in province["lines"])

    def test_check_ins_are_once_per_moment_by_a_member_within_the_moments_window(self, province):
        checkins = list(_synthetic(CheckIn.objects, province["start"][CheckIn]))
        keys = [(c.business_id, c.course_id, c.moment) for c in checkins]
        assert len(keys) == len(set(keys))
        members = _members()
        enrolled = {
            (row["learner__membership__business"], row["course"]): row["first"]
            for row in Enrolment.objects.values("learner__membership__business", "course").annotate(
                first=Min("enrolled_at")
            )
        }
        completed = {
            (row["learner__membership__business"], row["course"]): row["first"]
            for row in CourseCompletion.objects.values(
                "learner__membership__business", "course"
            ).annotate(first=Min("completed_at"))
        }
        moments = Counter()
        for checkin in checkins:
            key = (checkin.business_id, checkin.course_id)
            moments[checkin.moment] += 1
            assert members[checkin.business_id][checkin.filled_by_id] <= checkin.filled_at
            assert checkin.updated_at == checkin.filled_at
            assert localdate(checkin.filled_at) <= LAST_DAY
            assert checkin.filled_at >= enrolled[key]
            done = completed.get(key)
            if checkin.moment == outcome_rules.BEFORE:
                assert done is None or localdate(checkin.filled_at) < localdate(done)
                continue
            opens = outcome_rules.OPENS_AFTER_COMPLETION[checkin.moment]
            assert done is not None
            assert checkin.filled_at >= done
            days = (localdate(checkin.filled_at) - localdate(done)).days
            assert opens <= days
            later = [d for d in outcome_rules.OPENS_AFTER_COMPLETION.values() if d > opens]
            assert days < (min(later) if later else outcome_rules.LAST_CLOSES_AFTER)
        assert moments[outcome_rules.BEFORE] > moments[outcome_rules.END] > 0

    def test_check_in_figures_pass_the_form_without_a_second_look(self, province):
        checkins = _synthetic(CheckIn.objects, province["start"][CheckIn])
        for checkin in checkins:
            data = {k: v for k, v in initial_from(checkin).items() if v is not None}
            form = CheckInForm(data)
            assert form.is_valid(), (form.errors, data)
            assert form.warnings == []
            assert not form.needs_confirmation
            assert form.figures() == {name: getattr(checkin, name) for name in CheckInForm.FIGURES}
            assert 50_000 <= checkin.revenue_per_day <= 5_000_000

    def test_revenue_and_books_rise_after_the_course(self, province):
        rows = defaultdict(dict)
        for checkin in _synthetic(CheckIn.objects, province["start"][CheckIn]):
            rows[checkin.business_id, checkin.course_id][checkin.moment] = checkin
        pairs = [row for row in rows.values() if "before" in row and "end" in row]
        assert pairs
        before = sum(row["before"].revenue_per_day for row in pairs)
        after = sum(row["end"].revenue_per_day for row in pairs)
        assert after > before
        books = Counter(
            (moment, checkin.keeps_books)
            for row in rows.values()
            for moment, checkin in row.items()
        )
        share = {
            moment: books[moment, True] / max(1, books[moment, True] + books[moment, False])
            for moment in ("before", "end")
        }
        assert share["end"] > share["before"]

    def test_cash_book_entries_are_valid_lines_by_members_in_the_six_months(self, province):
        entries = list(
            _synthetic(Entry.objects, province["start"][Entry]).select_related("business")
        )
        members = _members()
        first = date(2026, 6, 1)  # six months: June to November
        per_business = Counter(entry.business_id for entry in entries)
        assert len(per_business) == BOOKS
        kinds = Counter(entry.kind for entry in entries)
        assert kinds[Kind.SALE] > 2 * kinds[Kind.COST] > 0
        for entry in entries:
            assert members[entry.business_id][entry.author_id] <= entry.created_at
            assert max(first, localdate(entry.business.created_at)) <= entry.day <= LAST_DAY
            assert localdate(entry.created_at) == entry.day
            assert 0 < entry.amount <= cashbook_services.MAX_AMOUNT
            assert entry.deleted_at is None
            if entry.kind == Kind.SALE:
                assert entry.channel in Channel.values
                assert 1 <= entry.units <= cashbook_services.MAX_UNITS
                assert entry.category == ""
            else:
                assert entry.kind == Kind.COST
                assert entry.category in Category.values
                assert (entry.channel, entry.units) == ("", 0)
        # a business with the whole six months holds about ENTRIES_PER_MONTH a month
        assert max(per_business.values()) >= 6 * ENTRIES_PER_MONTH * 0.8
        assert len({entry.token for entry in entries}) == len(entries)

    def test_credit_applications_hold_what_their_step_needs(self, province):
        applications = list(
            _synthetic(
                CreditApplication.objects, province["start"][CreditApplication]
            ).select_related("lender")
        )
        members = _members()
        needed = {
            Status.PREPARING: set(),
            Status.SUBMITTED: {"submitted_on"},
            Status.SURVEY: {"submitted_on", "survey_on"},
            Status.APPROVED: {"submitted_on", "decided_on"},
            Status.REFUSED: {"submitted_on", "decided_on"},
            Status.DISBURSED: {"submitted_on", "decided_on", "disbursed_on"},
        }
        for application in applications:
            fields = ("submitted_on", "survey_on", "decided_on", "disbursed_on")
            dates = {name: getattr(application, name) for name in fields}
            present = {name for name, value in dates.items() if value is not None}
            assert needed[application.status] <= present
            assert present - needed[application.status] <= {"survey_on"}
            ordered = [value for value in dates.values() if value is not None]
            assert ordered == sorted(ordered)
            created = localdate(application.created_at)
            assert all(created <= day <= LAST_DAY for day in ordered)
            approved = application.status in (Status.APPROVED, Status.DISBURSED)
            assert (application.amount_approved is not None) == approved
            assert 0 < application.amount_requested <= credit_services.MAX_AMOUNT
            if approved:
                assert 0 < application.amount_approved <= application.amount_requested
            assert bool(application.other_lender_name) == application.lender.is_other
            assert set(application.documents) <= set(Document.values)
            joined = members[application.business_id][application.created_by_id]
            assert joined <= application.created_at

    def test_each_application_can_be_replayed_through_the_credit_services(self, province):
        for application in _synthetic(
            CreditApplication.objects, province["start"][CreditApplication]
        ).select_related("business", "lender"):
            point = transaction.savepoint()
            copy = credit_services.application_create(
                business=application.business,
                by=None,
                lender=application.lender,
                other_lender_name=application.other_lender_name,
                amount_requested=application.amount_requested,
            )
            refused = application.status == Status.REFUSED
            for step, on in (
                (Status.SUBMITTED, application.submitted_on),
                (Status.SURVEY, application.survey_on),
                (Status.REFUSED if refused else Status.APPROVED, application.decided_on),
                (Status.DISBURSED, application.disbursed_on),
            ):
                if on is not None:
                    copy = credit_services.application_advance(
                        application=copy,
                        step=step,
                        on=on,
                        amount_approved=application.amount_approved,
                    )
            assert copy.status == application.status
            transaction.savepoint_rollback(point)

    def test_most_applications_are_at_lenders_supervised_by_ojk(self, province):
        applications = _synthetic(CreditApplication.objects, province["start"][CreditApplication])
        supervised = applications.filter(lender__ojk_supervised=True).count()
        assert supervised >= applications.count() / 2


def _fingerprint() -> str:
    parts = [
        CheckIn.objects.order_by("pk").values_list(
            "business__name", "course_id", "moment", "revenue_per_day", "channels", "filled_at"
        ),
        Entry.objects.order_by("pk").values_list(
            "business__name", "day", "kind", "amount", "units", "category", "token"
        ),
        CreditApplication.objects.order_by("pk").values_list(
            "business__name", "lender__name", "status", "amount_requested", "submitted_on"
        ),
    ]
    return hashlib.sha256(repr([list(part) for part in parts]).encode()).hexdigest()


def _run_and_roll_back(seed: int) -> tuple[str, dict]:
    point = transaction.savepoint()
    summary = synthetic.generate(
        businesses=8,
        learners=20,
        seed=seed,
        today=TODAY,
        cashbook_businesses=3,
        entries_per_month=5,
    )
    fingerprint = _fingerprint()
    transaction.savepoint_rollback(point)
    return fingerprint, summary.counts


def test_the_same_seed_gives_the_same_outcomes_and_another_seed_others():
    call_command("seed_demo", stdout=io.StringIO())
    first, counts = _run_and_roll_back(seed=3)
    assert _run_and_roll_back(seed=3) == (first, counts)
    assert _run_and_roll_back(seed=4)[0] != first
    assert counts["check-ins"] > 0
    assert counts["cash book entries"] > 0


def test_the_command_scales_the_cash_book_and_prints_the_counts():
    call_command("seed_demo", stdout=io.StringIO())
    before = Entry.objects.count()
    output = io.StringIO()
    call_command(
        "seed_synthetic",
        "--businesses",
        "4",
        "--learners",
        "8",
        "--cashbook-businesses",
        "2",
        "--entries-per-month",
        "3",
        stdout=output,
    )
    printed = dict(re.findall(r"^([a-z -]+?)\s+([\d,]+)$", output.getvalue(), re.MULTILINE))
    written = Entry.objects.count() - before
    assert int(printed["cash book entries"]) == written
    assert 0 < written <= 2 * 6 * 4  # at most 20% over three a month, for two businesses
    assert "check-ins" in printed
    assert "credit applications" in printed
    assert Entry.objects.values("business").distinct().count() <= 1 + 2  # and Sutarni's


def test_no_cash_book_when_none_is_asked():
    call_command("seed_demo", stdout=io.StringIO())
    before = Entry.objects.count()
    summary = synthetic.generate(
        businesses=3, learners=5, today=TODAY, cashbook_businesses=0, entries_per_month=60
    )
    assert summary.counts["cash book entries"] == 0
    assert Entry.objects.count() == before
