import pytest
from django.urls import reverse

from credit.models import Lender

pytestmark = pytest.mark.django_db


def test_a_superuser_lists_and_edits_lenders_in_the_admin(client, django_user_model):
    admin = django_user_model.objects.create_superuser(
        email="admin@example.org", password="kata-sandi-admin-1", full_name="Admin"
    )
    client.force_login(admin)
    listing = client.get(reverse("wagtailsnippets_credit_lender:list"))
    assert listing.status_code == 200
    assert "Bank BPD DIY" in listing.text
    lender = Lender.objects.get(name="Amartha")
    edit = client.get(reverse("wagtailsnippets_credit_lender:edit", args=[lender.pk]))
    assert edit.status_code == 200


def test_coordinators_keep_the_lender_list_and_mentors_only_use_it(client, coordinator, mentor):
    lender = Lender.objects.get(name="Amartha")
    edit = reverse("wagtailsnippets_credit_lender:edit", args=[lender.pk])

    client.force_login(coordinator)
    assert client.get(edit).status_code == 200

    client.force_login(mentor)
    response = client.get(edit)
    assert response.status_code in {302, 403}
