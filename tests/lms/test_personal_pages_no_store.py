"""Pages showing one person's data are never kept by the browser (a shared phone's back button
or HTTP cache); the course's pages stay cacheable for offline reading."""

import pytest
from django.urls import reverse

from courses.services import enrolment_start
from outcomes.models import Moment
from tests.factories import build_course

pytestmark = pytest.mark.django_db


def is_private_no_store(response):
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= directives


@pytest.fixture
def enrolled(client, owner):
    course = build_course(weeks=1, lessons_per_week=1, slug="kelas-pribadi")
    enrolment_start(learner=owner, course=course)
    client.force_login(owner)
    return course


@pytest.mark.parametrize(
    "name",
    [
        "lms:profile",
        "lms:profile_edit",
        "lms:data_mine",
        "lms:business_join",
        "credit:list",
        "credit:create",
        "outcomes:mine",
        "certificates:mine",
    ],
)
def test_a_personal_page_is_private_and_not_stored(client, enrolled, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert is_private_no_store(response)


def test_the_business_list_of_check_ins_and_its_form_are_not_stored(client, enrolled, owner):
    business = owner.membership.business
    page = client.get(reverse("outcomes:business", args=[business.pk]))
    assert is_private_no_store(page)
    form = client.get(reverse("outcomes:checkin", args=[enrolled.pk, Moment.BEFORE]))
    assert form.status_code in (200, 302)
    assert is_private_no_store(form)


def test_the_course_pages_stay_cacheable_for_offline_reading(client, enrolled):
    lesson = enrolled.get_children().first().get_children().first()
    for page in (enrolled, lesson):
        response = client.get(page.url)
        assert response.status_code == 200
        assert "no-store" not in response.get("Cache-Control", "")
