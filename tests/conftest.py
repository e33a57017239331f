import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.db import connections
from django.utils import translation

from courses.services import enrolment_start
from lms import roles
from tests.factories import BusinessFactory, MembershipFactory, UserFactory, build_quiz


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
    outline, rendered fragment or attempt counter from an earlier test."""
    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language. A request to an /en/ page leaves English
    active in the thread (LocaleMiddleware activates it and nothing switches back), which would
    make the next test's reverse() and messages English."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


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


@pytest.fixture
def other_mentor(db):
    return UserFactory(
        full_name="Budi", email="budi@example.org", groups=[Group.objects.get(name=roles.MENTORS)]
    )


@pytest.fixture
def two_classes(mentor, other_mentor, owner, member, other_owner):
    """The mentor's class, with the owner's business in it, and another mentor's class, with
    the other owner's business (the other owner has an email too)."""
    from types import SimpleNamespace

    from django.utils import timezone

    from courses.models import Cohort
    from courses.services import enrolment_start
    from tests.factories import build_course

    other_owner.email = "wati@example.org"
    other_owner.save(update_fields=["email"])
    course = build_course(weeks=1, lessons_per_week=1, slug="kelas-dua")
    today = timezone.localdate()
    mine = Cohort.objects.create(name="Kelas Rina", course=course, start_date=today, mentor=mentor)
    theirs = Cohort.objects.create(
        name="Kelas Budi", course=course, start_date=today, mentor=other_mentor
    )
    enrolment_start(learner=owner, course=course, cohort=mine)
    enrolment_start(learner=other_owner, course=course, cohort=theirs)
    return SimpleNamespace(course=course, mine=mine, theirs=theirs)


@pytest.fixture
def quiz(course):
    """A quiz in the first week of the test module's ``course``."""
    return build_quiz(course.get_children().first().specific)


@pytest.fixture
def learner(owner, course, client):
    """The owner, enrolled in the test module's ``course`` and signed in."""
    enrolment_start(learner=owner, course=course)
    client.force_login(owner)
    return owner
