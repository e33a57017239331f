"""Admin → Businesses: a mentor sees only the businesses with a learner in their classes."""

import pytest
from django.urls import get_resolver, reverse
from wagtail.log_actions import log

from courses.selectors import businesses_visible_to, learners_visible_to
from lms.models import Business

pytestmark = pytest.mark.django_db


def object_url_names(namespace):
    """Every URL of a viewset that names one object (edit, delete, inspect, history, …)."""
    _, resolver = get_resolver().namespace_dict[namespace]
    return sorted(
        f"{namespace}:{pattern.name}"
        for pattern in resolver.url_patterns
        if "pk" in pattern.pattern.regex.groupindex
    )


BUSINESS_OBJECT_URLS = object_url_names("businesses")
BUSINESS_LISTINGS = ["businesses:index", "businesses:index_results"]


def people_of(business):
    """What the admin could leak about a business: its join code, its members' details."""
    details = [business.join_code]
    for membership in business.memberships.select_related("user"):
        details += [membership.user.full_name, membership.user.phone_display]
        if membership.user.email:
            details.append(membership.user.email)
    return details


def test_every_view_of_one_business_is_covered():
    assert {"businesses:inspect", "businesses:edit", "businesses:history"} <= set(
        BUSINESS_OBJECT_URLS
    )


@pytest.mark.parametrize("url_name", BUSINESS_OBJECT_URLS)
def test_mentor_cannot_reach_a_business_outside_their_classes(
    client, mentor, two_classes, other_owner, url_name
):
    theirs = other_owner.membership.business
    client.force_login(mentor)
    missing = client.get(reverse(url_name, args=[Business.objects.order_by("-pk")[0].pk + 99]))
    response = client.get(reverse(url_name, args=[theirs.pk]))
    assert response.status_code == missing.status_code
    assert response.status_code in (302, 403, 404)
    page = response.content.decode()
    assert not any(detail in page for detail in people_of(theirs))
    assert client.post(reverse(url_name, args=[theirs.pk])).status_code in (302, 403, 404, 405)
    assert Business.objects.filter(pk=theirs.pk, name=theirs.name).exists()


def test_mentor_may_only_view_a_business_in_their_class(client, mentor, two_classes, owner):
    mine = owner.membership.business
    client.force_login(mentor)
    assert client.get(reverse("businesses:inspect", args=[mine.pk])).status_code == 200
    for url_name in ("businesses:edit", "businesses:delete", "businesses:history"):
        assert client.get(reverse(url_name, args=[mine.pk])).status_code == 302
    assert client.post(reverse("businesses:edit", args=[mine.pk]), {"name": "X"}).status_code == 302
    assert Business.objects.get(pk=mine.pk).name == mine.name


def test_mentor_sees_members_and_join_code_of_a_business_in_their_class(
    client, mentor, two_classes, owner, member
):
    mine = owner.membership.business
    client.force_login(mentor)
    page = client.get(reverse("businesses:inspect", args=[mine.pk])).content.decode()
    assert all(detail in page for detail in people_of(mine))


@pytest.mark.parametrize("url_name", BUSINESS_LISTINGS)
def test_mentor_lists_only_businesses_in_their_classes(
    client, mentor, two_classes, owner, other_owner, url_name
):
    client.force_login(mentor)
    page = client.get(reverse(url_name)).content.decode()
    assert owner.membership.business.name in page
    assert not any(detail in page for detail in people_of(other_owner.membership.business))


@pytest.mark.parametrize("url_name", BUSINESS_LISTINGS)
def test_searching_and_filtering_do_not_reveal_other_businesses(
    client, mentor, two_classes, other_owner, url_name
):
    theirs = other_owner.membership.business
    client.force_login(mentor)
    for query in ({"q": "Gudeg"}, {"q": theirs.join_code}, {"regency": theirs.regency}):
        page = client.get(reverse(url_name), query).content.decode()
        assert theirs.name not in page


def test_business_with_no_learner_in_any_class_is_hidden_from_mentors(client, mentor, owner):
    client.force_login(mentor)
    page = client.get(reverse("businesses:index")).content.decode()
    assert owner.membership.business.name not in page
    response = client.get(reverse("businesses:inspect", args=[owner.membership.business.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize("url_name", ["businesses:inspect", "businesses:history"])
def test_coordinator_reaches_every_business(
    client, coordinator, two_classes, owner, other_owner, url_name
):
    client.force_login(coordinator)
    for business in (owner.membership.business, other_owner.membership.business):
        assert client.get(reverse(url_name, args=[business.pk])).status_code == 200


def test_coordinator_lists_every_business(client, coordinator, two_classes, owner, other_owner):
    client.force_login(coordinator)
    page = client.get(reverse("businesses:index")).content.decode()
    assert owner.membership.business.name in page
    assert other_owner.membership.business.name in page


def test_businesses_visible_to_follows_the_classes(
    mentor, other_mentor, coordinator, two_classes, owner, other_owner
):
    mine, theirs = owner.membership.business, other_owner.membership.business
    assert list(businesses_visible_to(mentor)) == [mine]
    assert list(businesses_visible_to(other_mentor)) == [theirs]
    assert set(businesses_visible_to(coordinator)) == {mine, theirs}


def test_learners_visible_to_a_mentor_are_those_in_their_classes(
    mentor, coordinator, two_classes, owner, member, other_owner
):
    assert list(learners_visible_to(mentor)) == [owner]
    everyone = set(learners_visible_to(coordinator))
    assert {owner, member, other_owner} <= everyone
    assert not {mentor, coordinator} & everyone


@pytest.fixture
def history(mentor, other_mentor, coordinator, two_classes, owner, other_owner):
    """Admin actions on both classes, both businesses and both owners' accounts."""
    for cohort, by in ((two_classes.mine, mentor), (two_classes.theirs, other_mentor)):
        log(cohort, "wagtail.create", user=by)
    for learner in (owner, other_owner):
        log(learner.membership.business, "wagtail.edit", user=coordinator)
        log(learner, "wagtail.edit", user=coordinator)


SITE_HISTORY = [
    ("wagtailadmin_reports:site_history", {}),
    ("wagtailadmin_reports:site_history_results", {}),
    ("wagtailadmin_reports:site_history", {"export": "csv"}),
]


@pytest.mark.parametrize(("url_name", "query"), SITE_HISTORY)
def test_site_history_shows_a_mentor_only_the_people_and_classes_they_mentor(
    client, mentor, history, owner, other_owner, url_name, query
):
    client.force_login(mentor)
    response = client.get(reverse(url_name), query)
    assert response.status_code == 200
    page = b"".join(response).decode() if response.streaming else response.content.decode()
    assert "Kelas Rina" in page
    assert owner.full_name in page
    assert owner.membership.business.name in page
    for hidden in ("Kelas Budi", other_owner.full_name, other_owner.membership.business.name):
        assert hidden not in page


def test_site_history_shows_a_coordinator_everything(
    client, coordinator, history, owner, other_owner
):
    client.force_login(coordinator)
    page = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    for shown in ("Kelas Rina", "Kelas Budi", owner.full_name, other_owner.full_name):
        assert shown in page
