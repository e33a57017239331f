import datetime
import uuid
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from credit import rules, services
from credit.models import CreditApplication, Lender, Status
from tests.factories import build_credit_application

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 15)


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)


def lender(name="Bank BPD DIY"):
    return Lender.objects.get(name=name)


def messages_of(error) -> list[str]:
    return [str(message) for message in error.value.messages]


def test_create_records_an_application_preparing_documents(owner):
    business = owner.membership.business
    application = services.application_create(
        business=business,
        by=owner,
        lender=lender(),
        product="KUR Mikro",
        amount_requested=Decimal(25_000_000),
        purpose="Oven",
        documents=["kk", "ktp", "unknown"],
        notes="",
    )
    stored = CreditApplication.objects.get()
    assert stored == application
    assert stored.business == business
    assert stored.created_by == owner
    assert stored.status == Status.PREPARING
    assert stored.amount_requested == 25_000_000
    assert stored.documents == ["ktp", "kk"]  # the checklist's order; unknown keys dropped
    assert stored.submitted_on is None


def test_second_create_with_same_token_records_one_application(owner):
    token = uuid.uuid4()
    values = {"lender": lender(), "amount_requested": Decimal(5_000_000)}
    first = services.application_create(
        business=owner.membership.business, by=owner, token=token, **values
    )
    second = services.application_create(
        business=owner.membership.business, by=owner, token=token, **values
    )
    assert first.pk == second.pk
    assert CreditApplication.objects.count() == 1


def test_other_lender_needs_a_name_and_others_lose_a_typed_one(owner):
    business = owner.membership.business
    with pytest.raises(ValidationError) as error:
        services.application_create(
            business=business, by=owner, lender=lender("Lainnya"), amount_requested=Decimal(1)
        )
    assert messages_of(error) == [str(services.LENDER_NAME_REQUIRED)]
    assert not CreditApplication.objects.exists()
    named = services.application_create(
        business=business,
        by=owner,
        lender=lender("Lainnya"),
        other_lender_name="Koperasi Maju",
        amount_requested=Decimal(1),
    )
    assert named.lender_name == "Koperasi Maju"
    bank = services.application_create(
        business=business,
        by=owner,
        lender=lender(),
        other_lender_name="ignored",
        amount_requested=Decimal(1),
    )
    assert bank.other_lender_name == ""
    assert bank.lender_name == "Bank BPD DIY"


@pytest.mark.parametrize("amount", [Decimal(0), Decimal(10_000_000_001), None])
def test_amounts_outside_the_range_are_refused(owner, amount):
    with pytest.raises(ValidationError) as error:
        services.application_create(
            business=owner.membership.business, by=owner, lender=lender(), amount_requested=amount
        )
    assert messages_of(error) == [str(services.AMOUNT_OUT_OF_RANGE)]
    assert not CreditApplication.objects.exists()


def test_an_inactive_lender_is_refused(owner):
    Lender.objects.filter(name="Bank BPD DIY").update(active=False)
    with pytest.raises(ValidationError) as error:
        services.application_create(
            business=owner.membership.business,
            by=owner,
            lender=lender(),
            amount_requested=Decimal(1),
        )
    assert messages_of(error) == [str(services.LENDER_UNAVAILABLE)]


def test_update_changes_details_but_not_the_step(owner):
    application = build_credit_application(owner.membership.business, by=owner)
    services.application_update(
        application=application,
        lender=lender("PT Pegadaian"),
        product="Kreasi",
        amount_requested=Decimal(3_000_000),
        rate_percent_per_year=Decimal("6.5"),
        tenor_months=12,
        documents=["collateral"],
        notes="catatan",
    )
    application.refresh_from_db()
    assert (application.lender.name, application.product) == ("PT Pegadaian", "Kreasi")
    assert application.amount_requested == 3_000_000
    assert application.rate_percent_per_year == Decimal("6.5")
    assert application.documents == ["collateral"]
    assert application.status == Status.PREPARING


def test_approved_application_keeps_an_amount_approved(owner):
    application = build_credit_application(
        owner.membership.business, status=Status.APPROVED, amount_approved=5_000_000
    )
    with pytest.raises(ValidationError) as error:
        services.application_update(
            application=application,
            lender=lender(),
            amount_requested=Decimal(5_000_000),
            amount_approved=None,
        )
    assert messages_of(error) == [str(services.APPROVAL_NEEDS_AMOUNT)]
    application.refresh_from_db()
    assert application.amount_approved == 5_000_000


def advance(application, step, on=TODAY, **kwargs):
    return services.application_advance(application=application, step=step, on=on, **kwargs)


def test_each_step_is_reached_in_turn_with_its_date(owner):
    application = build_credit_application(owner.membership.business)
    days = [TODAY - datetime.timedelta(days=n) for n in (30, 20, 10, 0)]
    advance(application, Status.SUBMITTED, days[0])
    advance(application, Status.SURVEY, days[1])
    advance(application, Status.APPROVED, days[2], amount_approved=Decimal(8_000_000))
    advance(application, Status.DISBURSED, days[3])
    application.refresh_from_db()
    assert application.status == Status.DISBURSED
    assert (
        application.submitted_on,
        application.survey_on,
        application.decided_on,
        application.disbursed_on,
    ) == tuple(days)
    assert application.amount_approved == 8_000_000


def test_a_decision_may_follow_submission_without_a_survey(owner):
    application = build_credit_application(owner.membership.business, status=Status.SUBMITTED)
    advance(application, Status.REFUSED)
    application.refresh_from_db()
    assert (application.status, application.decided_on) == (Status.REFUSED, TODAY)


@pytest.mark.parametrize(
    ("current", "step", "message"),
    [
        (Status.PREPARING, Status.DISBURSED, services.DISBURSE_BEFORE_APPROVAL),
        (Status.SURVEY, Status.DISBURSED, services.DISBURSE_BEFORE_APPROVAL),
        (Status.REFUSED, Status.DISBURSED, services.DISBURSE_BEFORE_APPROVAL),
        (Status.PREPARING, Status.SURVEY, services.STEP_NOT_ALLOWED),
        (Status.PREPARING, Status.APPROVED, services.STEP_NOT_ALLOWED),
        (Status.SURVEY, Status.SUBMITTED, services.STEP_NOT_ALLOWED),
        (Status.REFUSED, Status.APPROVED, services.STEP_NOT_ALLOWED),
        (Status.DISBURSED, Status.APPROVED, services.STEP_NOT_ALLOWED),
        (Status.PREPARING, Status.PREPARING, services.STEP_NOT_ALLOWED),
    ],
)
def test_impossible_steps_are_refused_and_nothing_changes(owner, current, step, message):
    application = build_credit_application(
        owner.membership.business, status=current, amount_approved=1_000_000
    )
    with pytest.raises(ValidationError) as error:
        advance(application, step)
    assert messages_of(error) == [str(message)]
    application.refresh_from_db()
    assert application.status == current
    assert application.decided_on is None
    assert application.disbursed_on is None


@pytest.mark.parametrize("amount", [None, Decimal(0)])
def test_approval_needs_an_amount_approved_above_zero(owner, amount):
    application = build_credit_application(owner.membership.business, status=Status.SURVEY)
    with pytest.raises(ValidationError) as error:
        advance(application, Status.APPROVED, amount_approved=amount)
    assert messages_of(error) == [str(services.APPROVAL_NEEDS_AMOUNT)]
    application.refresh_from_db()
    assert application.status == Status.SURVEY


def test_dates_in_the_future_or_before_the_previous_step_are_refused(owner):
    application = build_credit_application(
        owner.membership.business, status=Status.SUBMITTED, submitted_on=TODAY
    )
    with pytest.raises(ValidationError) as error:
        advance(application, Status.SURVEY, TODAY + datetime.timedelta(days=1))
    assert messages_of(error) == [str(services.DATE_IN_FUTURE)]
    with pytest.raises(ValidationError) as error:
        advance(application, Status.SURVEY, TODAY - datetime.timedelta(days=1))
    assert messages_of(error) == [str(services.DATE_BEFORE_PREVIOUS)]
    application.refresh_from_db()
    assert (application.status, application.survey_on) == (Status.SUBMITTED, None)


def test_the_same_step_sent_twice_is_recorded_once(owner):
    application = build_credit_application(owner.membership.business)
    advance(application, Status.SUBMITTED, from_step=Status.PREPARING)
    again = advance(
        application,
        Status.SUBMITTED,
        TODAY - datetime.timedelta(days=3),
        from_step=Status.PREPARING,
    )
    assert (again.status, again.submitted_on) == (Status.SUBMITTED, TODAY)


def test_documents_keep_known_keys_in_checklist_order(owner):
    application = build_credit_application(owner.membership.business)
    services.application_documents_set(
        application=application, documents=["collateral", "bogus", "ktp"]
    )
    application.refresh_from_db()
    assert application.documents == ["ktp", "collateral"]


def test_progress_shows_done_current_skipped_and_a_refusal_in_place_of_approval():
    dates = {"submitted_on": TODAY, "decided_on": TODAY}
    refused = rules.progress(Status.REFUSED, dates)
    assert [(row["status"], row["state"]) for row in refused] == [
        (Status.PREPARING, "done"),
        (Status.SUBMITTED, "done"),
        (Status.SURVEY, "skipped"),
        (Status.REFUSED, "current"),
    ]
    survey = rules.progress(Status.SURVEY, {"submitted_on": TODAY, "survey_on": TODAY})
    assert [row["state"] for row in survey] == ["done", "done", "current", "todo", "todo"]
    assert survey[2]["date"] == TODAY


def test_a_token_another_business_used_is_refused(owner, other_owner):
    token = uuid.uuid4()
    values = {"lender": lender(), "amount_requested": Decimal(5_000_000)}
    services.application_create(
        business=other_owner.membership.business, by=other_owner, token=token, **values
    )
    with pytest.raises(ValidationError) as error:
        services.application_create(
            business=owner.membership.business, by=owner, token=token, **values
        )
    assert messages_of(error) == [str(services.FORM_OUT_OF_DATE)]
    assert CreditApplication.objects.get().business == other_owner.membership.business
