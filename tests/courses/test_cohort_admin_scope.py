"""Admin → Cohorts: a mentor sees and runs only their own classes, in every view."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.forms import MENTOR_MUST_BE_YOURSELF, CohortAdminForm
from courses.models import Cohort
from tests.factories import UserFactory
from tests.lms.test_admin_scope import object_url_names

pytestmark = pytest.mark.django_db

COHORTS = "wagtailsnippets_courses_cohort"
CHOOSER = "wagtailsnippetchoosers_courses_cohort"
COHORT_OBJECT_URLS = object_url_names(COHORTS) + object_url_names(CHOOSER)
COHORT_LISTINGS = [f"{COHORTS}:list", f"{COHORTS}:list_results", f"{CHOOSER}:choose"]
COHORT_LISTINGS += [f"{CHOOSER}:choose_results"]


def cohort_form_data(course, mentor, name="Kelas Baru"):
    return {
        "name": name,
        "course": course.pk,
        "start_date": timezone.localdate().isoformat(),
        "mentor": mentor.pk,
        "whatsapp_group_url": "",
    }


def test_every_view_of_one_cohort_is_covered():
    assert {f"{COHORTS}:edit", f"{COHORTS}:history", f"{COHORTS}:usage", f"{CHOOSER}:chosen"} <= (
        set(COHORT_OBJECT_URLS)
    )


@pytest.mark.parametrize("url_name", COHORT_OBJECT_URLS)
def test_mentor_cannot_reach_another_mentors_cohort(client, mentor, two_classes, url_name):
    theirs = two_classes.theirs
    client.force_login(mentor)
    response = client.get(reverse(url_name, args=[theirs.pk]))
    assert response.status_code == 404
    assert theirs.join_code not in response.content.decode()


@pytest.mark.parametrize("url_name", [u for u in COHORT_OBJECT_URLS if not u.endswith(":delete")])
def test_mentor_reaches_their_own_cohort(client, mentor, two_classes, url_name):
    client.force_login(mentor)
    assert client.get(reverse(url_name, args=[two_classes.mine.pk])).status_code == 200


@pytest.mark.parametrize("url_name", COHORT_OBJECT_URLS)
def test_superuser_reaches_every_cohort(client, two_classes, url_name):
    client.force_login(UserFactory(email="admin@example.org", is_superuser=True, is_staff=True))
    for cohort in (two_classes.mine, two_classes.theirs):
        assert client.get(reverse(url_name, args=[cohort.pk])).status_code == 200


@pytest.mark.parametrize("url_name", COHORT_LISTINGS)
def test_mentor_lists_and_chooses_only_their_own_cohorts(client, mentor, two_classes, url_name):
    client.force_login(mentor)
    page = client.get(reverse(url_name)).content.decode()
    assert "Kelas Rina" in page
    assert "Kelas Budi" not in page
    assert two_classes.theirs.join_code not in page


def test_mentor_cannot_choose_another_mentors_cohorts_by_id(client, mentor, two_classes):
    client.force_login(mentor)
    response = client.get(
        reverse(f"{CHOOSER}:chosen_multiple"),
        {"id": [two_classes.mine.pk, two_classes.theirs.pk]},
    )
    chosen = json.loads(response.content)["result"]
    assert [item["id"] for item in chosen] == [str(two_classes.mine.pk)]


def test_coordinator_lists_every_cohort(client, coordinator, two_classes):
    client.force_login(coordinator)
    page = client.get(reverse(f"{COHORTS}:list")).content.decode()
    assert "Kelas Rina" in page
    assert "Kelas Budi" in page


def test_mentor_cannot_create_a_cohort_for_another_mentor(
    client, mentor, other_mentor, two_classes
):
    client.force_login(mentor)
    response = client.post(
        reverse(f"{COHORTS}:add"), cohort_form_data(two_classes.course, other_mentor)
    )
    assert response.status_code == 200
    assert str(MENTOR_MUST_BE_YOURSELF) in response.content.decode()
    assert not Cohort.objects.filter(name="Kelas Baru").exists()


def test_mentor_creates_a_cohort_they_run(client, mentor, two_classes):
    client.force_login(mentor)
    response = client.post(reverse(f"{COHORTS}:add"), cohort_form_data(two_classes.course, mentor))
    assert response.status_code == 302
    assert Cohort.objects.get(name="Kelas Baru").mentor == mentor


def test_mentor_cannot_hand_their_cohort_to_another_mentor(
    client, mentor, other_mentor, two_classes
):
    mine = two_classes.mine
    client.force_login(mentor)
    response = client.post(
        reverse(f"{COHORTS}:edit", args=[mine.pk]),
        cohort_form_data(two_classes.course, other_mentor, name=mine.name),
    )
    assert response.status_code == 200
    assert str(MENTOR_MUST_BE_YOURSELF) in response.content.decode()
    assert Cohort.objects.get(pk=mine.pk).mentor == mentor


def test_a_mentor_is_offered_only_themselves_as_mentor(mentor, other_mentor, coordinator):
    form_class = Cohort.snippet_viewset.get_form_class()
    assert issubclass(form_class, CohortAdminForm)
    assert list(form_class(for_user=mentor).fields["mentor"].queryset) == [mentor]
    assert set(form_class(for_user=coordinator).fields["mentor"].queryset) == {
        mentor,
        other_mentor,
    }


def test_superuser_creates_a_cohort_for_any_mentor(client, other_mentor, two_classes):
    client.force_login(UserFactory(email="admin@example.org", is_superuser=True, is_staff=True))
    response = client.post(
        reverse(f"{COHORTS}:add"), cohort_form_data(two_classes.course, other_mentor)
    )
    assert response.status_code == 302
    assert Cohort.objects.get(name="Kelas Baru").mentor == other_mentor


@pytest.mark.parametrize("report", ["overview", "businesses", "knowledge"])
def test_report_filters_offer_only_the_mentors_own_classes(client, mentor, two_classes, report):
    client.force_login(mentor)
    page = client.get(reverse(f"reports:{report}")).content.decode()
    assert "Kelas Rina" in page
    assert "Kelas Budi" not in page
    assert "Gudeg Wati" not in page


def test_the_class_chooser_creates_no_class(client, mentor, other_mentor, two_classes):
    client.force_login(mentor)
    response = client.post(
        reverse(f"{CHOOSER}:create"), cohort_form_data(two_classes.course, other_mentor)
    )
    assert response.status_code in (302, 403)  # refused, not a 500
    assert not Cohort.objects.filter(name="Kelas Baru").exists()
