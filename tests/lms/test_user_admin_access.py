"""Wagtail's user admin (/admin/users/): coordinators view and search people, mentors and
learners do not reach the list."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

USERS = reverse("wagtailusers_users:index")


def test_coordinator_opens_and_searches_the_user_list(client, coordinator, owner, other_owner):
    client.force_login(coordinator)
    assert client.get(USERS).status_code == 200
    response = client.get(USERS, {"q": "Sumarni"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Sumarni" in page
    assert "Wati" not in page


def test_coordinator_opens_a_persons_read_only_page(client, coordinator, owner):
    client.force_login(coordinator)
    listing = client.get(USERS, {"q": "Sumarni"}).content.decode()
    inspect_url = reverse("wagtailusers_users:inspect", args=[owner.pk])
    assert f'href="{inspect_url}"' in listing
    response = client.get(inspect_url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Sumarni" in page
    assert "pbkdf2" not in page
    assert "md5$" not in page


def test_coordinator_cannot_edit_people_or_grant_roles(client, coordinator, owner):
    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    client.force_login(coordinator)
    for target in (owner, admin, coordinator):
        edit = reverse("wagtailusers_users:edit", args=[target.pk])
        assert client.get(edit).status_code in (302, 403)
        response = client.post(
            edit, {"full_name": "X", "email": "x@example.org", "is_superuser": "on"}
        )
        assert response.status_code in (302, 403)
        target.refresh_from_db()
        assert target.full_name != "X"
    coordinator.refresh_from_db()
    assert not coordinator.is_superuser


def test_mentor_does_not_reach_the_user_list(client, mentor, owner):
    client.force_login(mentor)
    assert client.get(USERS).status_code in (302, 403)
    inspect_url = reverse("wagtailusers_users:inspect", args=[owner.pk])
    assert client.get(inspect_url).status_code in (302, 403)


def test_learner_is_sent_to_sign_in(client, owner):
    client.force_login(owner)
    response = client.get(USERS)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
