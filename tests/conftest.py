import pytest
from django.contrib.auth.models import Group

from lms import roles
from tests.factories import BusinessFactory, MembershipFactory, UserFactory


@pytest.fixture
def learners_group(db):
    return Group.objects.get(name=roles.LEARNERS)


@pytest.fixture
def owner(learners_group):
    """A learner who owns a business."""
    user = UserFactory(full_name="Sumarni", groups=[learners_group])
    MembershipFactory(user=user, business=BusinessFactory(name="Batik Sumarni"), is_owner=True)
    return user


@pytest.fixture
def member(owner, learners_group):
    """A second learner of the owner's business."""
    user = UserFactory(full_name="Joko", groups=[learners_group])
    MembershipFactory(user=user, business=owner.membership.business)
    return user


@pytest.fixture
def other_owner(learners_group):
    """The owner of another business, with one member."""
    user = UserFactory(full_name="Wati", groups=[learners_group])
    business = BusinessFactory(name="Gudeg Wati")
    MembershipFactory(user=user, business=business, is_owner=True)
    MembershipFactory(
        user=UserFactory(full_name="Tono", groups=[learners_group]), business=business
    )
    return user


@pytest.fixture
def mentor(db):
    return UserFactory(
        full_name="Rina", email="rina@example.org", groups=[Group.objects.get(name=roles.MENTORS)]
    )


@pytest.fixture
def coordinator(db):
    return UserFactory(
        full_name="Bambang",
        email="bambang@example.org",
        groups=[Group.objects.get(name=roles.COORDINATORS)],
    )
