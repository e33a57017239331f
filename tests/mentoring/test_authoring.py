"""Mentors write practical assignments in the admin, inside a week."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.models import WeekPage
from mentoring.models import NOTHING_TO_HAND_IN, AssignmentPage
from tests.factories import build_course

pytestmark = pytest.mark.django_db


def assignment_form(**fields):
    values = {
        "title": "Tugas: akun bisnis",
        "slug": "tugas-akun-bisnis",
        "instructions": rich_text("<p>Kirim tautan profil bisnis Anda.</p>"),
        "accepts_link": "on",
        "link_hosts": "instagram.com\ntiktok.com",
        "max_photos": 3,
        "rubric": streamfield([("item", "Profil memuat alamat usaha")]),
        "required_for_certificate": "on",
        "action-publish": "publish",
    }
    values.update(fields)
    return nested_form_data({key: value for key, value in values.items() if value is not None})


@pytest.fixture
def add_url():
    week = WeekPage.objects.child_of(build_course(weeks=1, lessons_per_week=1)).get()
    return reverse("wagtailadmin_pages:add", args=("mentoring", "assignmentpage", week.pk))


def test_a_mentor_publishes_an_assignment_in_a_week(client, mentor, add_url):
    client.force_login(mentor)

    response = client.post(add_url, assignment_form())

    assert response.status_code == 302
    page = AssignmentPage.objects.get(slug="tugas-akun-bisnis")
    assert page.live
    assert page.host_list() == ["instagram.com", "tiktok.com"]
    assert [block.value for block in page.rubric] == ["Profil memuat alamat usaha"]


def test_an_assignment_that_asks_for_nothing_is_refused(client, mentor, add_url):
    client.force_login(mentor)

    response = client.post(add_url, assignment_form(accepts_link=None))

    assert response.status_code == 200
    with translation.override("id"):
        assert str(NOTHING_TO_HAND_IN) in response.text
    assert not AssignmentPage.objects.exists()
