import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from wagtail.models import GroupPagePermission

from lms import roles, services
from lms.models import HomePage, User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

ADMIN = reverse("wagtailadmin_home")
TEMPORARY_PASSWORD = reverse("lms_temporary_password")


def codenames(group_name):
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


def test_roles_exist_with_their_permissions():
    assert codenames(roles.LEARNERS) == set()
    assert {"access_admin", "set_temporary_password", "view_business"} <= codenames(roles.MENTORS)
    assert {
        "access_admin",
        "view_user",
        "set_temporary_password",
        "view_business",
        "change_business",
    } <= codenames(roles.COORDINATORS)
    mentor_page_permissions = set(
        GroupPagePermission.objects.filter(group__name=roles.MENTORS).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_page", "change_page", "publish_page"} <= mentor_page_permissions


def test_learner_cannot_open_the_admin(client, owner):
    client.force_login(owner)
    response = client.get(ADMIN)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_learner_cannot_open_the_business_list_in_the_admin(client, owner):
    client.force_login(owner)
    assert client.get(reverse("businesses:index")).status_code == 302


def test_mentor_opens_the_admin_and_can_edit_curriculum_pages(client, mentor):
    client.force_login(mentor)
    assert client.get(ADMIN).status_code == 200
    home = HomePage.objects.get()
    assert client.get(reverse("wagtailadmin_pages:edit", args=[home.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_explore", args=[home.pk])).status_code == 200


def test_mentor_cannot_manage_staff_accounts(client, mentor):
    client.force_login(mentor)
    assert client.get(reverse("wagtailusers_users:index")).status_code in (302, 403)
    assert client.get(reverse("wagtailusers_groups:index")).status_code in (302, 403)


def test_coordinator_lists_and_searches_businesses(client, coordinator, owner, other_owner):
    client.force_login(coordinator)
    response = client.get(reverse("businesses:index"), {"q": "Gudeg"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Gudeg Wati" in page
    assert "Batik Sumarni" not in page
    filtered = client.get(reverse("businesses:index"), {"regency": "bantul"}).content.decode()
    assert "Gudeg Wati" not in filtered


def test_coordinator_sets_a_temporary_password_for_a_phone_learner(client, coordinator, owner):
    """Mentors' scope and the rest of the policy: tests/lms/test_temporary_password.py."""
    client.force_login(coordinator)
    assert client.get(TEMPORARY_PASSWORD).status_code == 200
    response = client.post(
        TEMPORARY_PASSWORD, {"learner": owner.phone_display, "password": "sementara-2026"}
    )
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.temporary_password_set_by == coordinator
    assert owner.check_password(PASSWORD)  # Their own still works until they choose a new one.


def test_temporary_password_cannot_take_over_a_staff_account(client, mentor, coordinator):
    client.force_login(mentor)
    response = client.post(
        TEMPORARY_PASSWORD, {"learner": coordinator.email, "password": "sementara-2026"}
    )
    assert response.status_code == 200
    assert str(services.NOT_A_LEARNER) in response.content.decode()
    coordinator.refresh_from_db()
    assert coordinator.check_password(PASSWORD)


def test_temporary_password_must_still_be_a_good_password(client, coordinator, owner):
    client.force_login(coordinator)
    response = client.post(TEMPORARY_PASSWORD, {"learner": owner.phone, "password": "123"})
    assert response.status_code == 200
    owner.refresh_from_db()
    assert not owner.temporary_password


def test_learner_cannot_set_temporary_passwords(client, owner, member):
    client.force_login(owner)
    response = client.post(TEMPORARY_PASSWORD, {"learner": member.phone, "password": "x-2026-abc"})
    assert response.status_code in (302, 403)
    member.refresh_from_db()
    assert member.check_password(PASSWORD)
    with pytest.raises(PermissionDenied):
        services.temporary_password_set(actor=owner, user=member, password="sementara-2026")


def test_service_refuses_superusers_as_targets(mentor):
    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    with pytest.raises(ValidationError):
        services.temporary_password_set(actor=mentor, user=admin, password="sementara-2026")


def test_superuser_creates_a_one_name_phone_account_in_the_admin(client):
    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "full_name": "Paijo",
            "email": "",
            "phone": "0813 1111 2222",
            "password1": "paijo-usaha-2026",
            "password2": "paijo-usaha-2026",
            "groups": [Group.objects.get(name=roles.MENTORS).pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    paijo = User.objects.get(phone="+6281311112222")
    assert paijo.full_name == "Paijo"
    assert paijo.email is None
    assert paijo.groups.filter(name=roles.MENTORS).exists()


def test_coordinator_sees_who_belongs_to_a_business(client, coordinator, owner, member):
    client.force_login(coordinator)
    business = owner.membership.business
    page = client.get(reverse("businesses:inspect", args=[business.pk])).content.decode()
    assert "Sumarni" in page
    assert "Joko" in page
    assert owner.phone_display in page
