import pytest
from django.urls import reverse

from lms.models import Membership
from lms.services import ALREADY_MEMBER, OWNER_CANNOT_BE_REMOVED
from tests.factories import BusinessFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

PROFILE = reverse("lms:profile")


def remove_url(user):
    return reverse("lms:business_member_remove", args=[user.pk])


def test_owner_sees_join_code_and_every_member(client, owner, member):
    client.force_login(owner)
    page = client.get(PROFILE).content.decode()
    assert owner.membership.business.join_code in page
    assert "Sumarni" in page
    assert "Joko" in page


def test_member_sees_the_business_but_not_its_code_or_members(client, owner, member):
    client.force_login(member)
    page = client.get(PROFILE).content.decode()
    assert "Batik Sumarni" in page
    assert owner.membership.business.join_code not in page
    assert remove_url(owner) not in page


def test_no_one_sees_another_business_on_their_profile(client, owner, other_owner):
    client.force_login(owner)
    page = client.get(PROFILE).content.decode()
    assert "Gudeg Wati" not in page
    assert "Tono" not in page
    assert other_owner.membership.business.join_code not in page


def test_profile_needs_sign_in(client):
    response = client.get(PROFILE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("lms:sign_in"))


def test_owner_removes_a_member(client, owner, member):
    client.force_login(owner)
    response = client.post(remove_url(member))
    assert response.status_code == 302
    assert not Membership.objects.filter(user=member).exists()
    member.refresh_from_db()
    assert member.is_active  # The account stays; only the membership goes.


def test_removed_member_can_join_another_business(client, owner, member, other_owner):
    client.force_login(owner)
    client.post(remove_url(member))
    client.force_login(member)
    code = other_owner.membership.business.join_code
    response = client.post(reverse("lms:business_join"), {"join-join_code": code})
    assert response.status_code == 302
    assert Membership.objects.get(user=member).business == other_owner.membership.business


def test_member_cannot_remove_anyone(client, owner, member):
    client.force_login(member)
    assert client.post(remove_url(owner)).status_code == 404
    assert Membership.objects.filter(business=owner.membership.business).count() == 2


def test_owner_cannot_remove_another_business_member(client, owner, other_owner):
    tono = Membership.objects.get(business=other_owner.membership.business, is_owner=False).user
    client.force_login(owner)
    assert client.post(remove_url(tono)).status_code == 404
    assert Membership.objects.filter(user=tono).exists()


def test_owner_cannot_remove_themselves(client, owner):
    client.force_login(owner)
    response = client.post(remove_url(owner), follow=True)
    assert str(OWNER_CANNOT_BE_REMOVED) in response.content.decode()
    assert Membership.objects.filter(user=owner, is_owner=True).exists()


def test_removing_needs_a_post(client, owner, member):
    client.force_login(owner)
    assert client.get(remove_url(member)).status_code == 405
    assert Membership.objects.filter(user=member).exists()


def test_a_member_cannot_join_a_second_business(client, member, other_owner):
    client.force_login(member)
    code = other_owner.membership.business.join_code
    response = client.post(reverse("lms:business_join"), {"join-join_code": code})
    assert response.status_code == 200
    assert str(ALREADY_MEMBER) in response.content.decode()
    assert member.membership.business.name == "Batik Sumarni"


def test_learner_without_business_registers_one_from_profile(client, learners_group):
    user = UserFactory(groups=[learners_group])
    client.force_login(user)
    assert "Daftarkan usaha saya" in client.get(PROFILE).content.decode()
    response = client.post(
        reverse("lms:business_register"),
        {
            "business-name": "Kopi Gunung",
            "business-sector": "agribusiness",
            "business-regency": "gunungkidul",
        },
    )
    assert response.status_code == 302
    assert Membership.objects.get(user=user, is_owner=True).business.name == "Kopi Gunung"


def test_profile_page_query_count_does_not_grow_with_members(
    client, owner, django_assert_max_num_queries
):
    for _ in range(30):
        MembershipFactory(business=owner.membership.business, user=UserFactory())
    client.force_login(owner)
    with django_assert_max_num_queries(6):
        response = client.get(PROFILE)
    assert response.content.decode().count('class="member"') == 31


def test_profile_edit_keeps_a_way_to_sign_in(client, owner):
    client.force_login(owner)
    response = client.post(
        reverse("lms:profile_edit"), {"full_name": "Sumarni", "phone": "", "email": ""}
    )
    assert response.status_code == 200
    assert "Isi nomor HP atau email" in response.content.decode()
    owner.refresh_from_db()
    assert owner.phone


def test_profile_edit_refuses_someone_elses_number(client, owner, other_owner):
    client.force_login(owner)
    own_phone = owner.phone
    response = client.post(
        reverse("lms:profile_edit"), {"full_name": "Sumarni", "phone": other_owner.phone}
    )
    assert "Nomor HP ini sudah terdaftar" in response.content.decode()
    owner.refresh_from_db()
    assert owner.phone == own_phone


def test_profile_edit_saves_a_new_number_in_stored_form(client, owner):
    client.force_login(owner)
    response = client.post(
        reverse("lms:profile_edit"),
        {"full_name": "Sumarni Rahayu", "phone": "0857 1234 5678", "email": "", "birth_year": ""},
    )
    assert response.status_code == 302
    owner.refresh_from_db()
    assert (owner.full_name, owner.phone) == ("Sumarni Rahayu", "+6285712345678")


def test_each_business_has_at_most_one_owner(db):
    from django.db import IntegrityError

    business = BusinessFactory()
    MembershipFactory(business=business, is_owner=True)
    with pytest.raises(IntegrityError):
        MembershipFactory(business=business, is_owner=True)
