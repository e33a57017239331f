"""Check-in plans are set per course in the admin (Snippets → Check-in plans)."""

import pytest
from django.urls import reverse

from outcomes.models import CheckInPlan
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_an_administrator_sets_which_moments_a_course_asks(client, two_classes):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("wagtailsnippets_outcomes_checkinplan:add")

    assert client.get(url).status_code == 200
    response = client.post(
        url, {"course": two_classes.course.pk, "ask_before": "on", "ask_end": "on"}
    )

    assert response.status_code == 302
    plan = CheckInPlan.objects.get()
    assert plan.course == two_classes.course
    assert plan.moments == ("before", "end")
    assert client.get(reverse("wagtailsnippets_outcomes_checkinplan:list")).status_code == 200


@pytest.mark.parametrize("role", ["mentor", "coordinator"])
def test_mentors_and_coordinators_set_a_course_check_in_plan(client, two_classes, role, request):
    client.force_login(request.getfixturevalue(role))
    url = reverse("wagtailsnippets_outcomes_checkinplan:add")

    response = client.post(url, {"course": two_classes.course.pk, "ask_before": "on"})

    assert response.status_code == 302
    assert CheckInPlan.objects.get().moments == ("before",)


def test_a_learner_cannot_open_the_check_in_plans(client, owner):
    client.force_login(owner)

    response = client.get(reverse("wagtailsnippets_outcomes_checkinplan:list"))

    assert response.status_code == 302  # to the admin's sign-in
    assert not CheckInPlan.objects.exists()
