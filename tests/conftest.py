import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connections

from lms import roles
from tests.factories import BusinessFactory, MembershipFactory, UserFactory


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Let every connection object restore the migrated data after a transactional test.

    Django keeps that snapshot on the connection that created the test database. Once Playwright's
    event loop runs in the main thread, Django hands the thread new connection objects (one per
    async context), which would otherwise find no snapshot and leave later tests without roles.
    """
    for connection in connections.all():
        snapshot = getattr(connection, "_test_serialized_contents", None)
        if snapshot is not None:
            type(connection)._test_serialized_contents = snapshot


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache, as the database starts empty: no cached page,
    outline or attempt counter from an earlier test."""
    cache.clear()


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
