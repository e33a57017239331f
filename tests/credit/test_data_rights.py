import pytest

from credit.models import CreditApplication, Status
from lms import data_rights
from tests.factories import build_credit_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def recorded(owner, member):
    return build_credit_application(
        owner.membership.business,
        by=member,
        status=Status.APPROVED,
        amount_approved=8_000_000,
        purpose="Oven",
        notes="Catatan Joko",
        documents=["ktp"],
    )


def test_the_download_holds_the_applications_the_person_recorded(owner, member, recorded):
    rows = data_rights.personal_data_for(user=member)["credit_applications"]
    assert len(rows) == 1
    row = rows[0]
    assert (row["application_id"], row["lender"], row["amount_requested"]) == (
        recorded.pk,
        "Bank BPD DIY",
        10_000_000,
    )
    assert (row["notes"], row["documents"]) == ("Catatan Joko", "ktp")
    assert data_rights.personal_data_for(user=owner)["credit_applications"] == []


def test_anonymising_keeps_the_figures_for_the_business_but_not_the_person(member, recorded):
    assert data_rights.account_anonymise(user=member, by=data_rights.BY_SELF)
    application = CreditApplication.objects.get()
    assert application.created_by is None
    assert (application.purpose, application.notes) == ("", "")
    assert (application.status, application.amount_requested, application.amount_approved) == (
        Status.APPROVED,
        10_000_000,
        8_000_000,
    )
