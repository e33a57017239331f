"""A person's check-ins in their data download; anonymising keeps the business's figures."""

import pytest

from lms.data_rights import BY_SELF, account_anonymise, personal_data_for
from outcomes.models import CheckIn, CheckInPlan
from outcomes.services import checkin_save

pytestmark = pytest.mark.django_db


@pytest.fixture
def checkin(two_classes, owner, member):
    CheckInPlan.objects.create(course=two_classes.course)
    business = owner.membership.business
    checkin_save(
        business=business,
        course=two_classes.course,
        moment="before",
        person=member,
        figures={"revenue_per_day": 750_000, "channels": ["whatsapp"]},
    )
    return checkin_save(
        business=business,
        course=two_classes.course,
        moment="before",
        person=owner,
        figures={"revenue_per_day": 800_000},
    )


def test_the_check_ins_a_person_filled_or_changed_are_in_their_download(checkin, owner, member):
    mine = personal_data_for(user=member)["checkins"]
    theirs = personal_data_for(user=owner)["checkins"]

    assert len(mine) == len(theirs) == 1
    assert mine[0]["revenue_per_day"] == 800_000
    assert (mine[0]["filled_by_you"], mine[0]["last_changed_by_you"]) == (True, False)
    assert (theirs[0]["filled_by_you"], theirs[0]["last_changed_by_you"]) == (False, True)


def test_anonymising_keeps_the_figures_without_the_person(checkin, member):
    account_anonymise(user=member, by=BY_SELF)

    checkin = CheckIn.objects.get()
    assert checkin.filled_by is None
    assert checkin.updated_by is not None
    assert checkin.revenue_per_day == 800_000
    assert personal_data_for(user=member)["checkins"] == []
