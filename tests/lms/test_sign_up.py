import pytest
from django.urls import reverse

from lms.forms import NAME_REQUIRED, NAME_TOO_LONG, PASSWORDS_DIFFER, PHONE_OR_EMAIL_REQUIRED
from lms.identifiers import INVALID_PHONE, INVALID_SIBAKUL
from lms.models import Business, Membership, User
from lms.services import EMAIL_TAKEN, JOIN_CODE_UNKNOWN, PHONE_TAKEN, SIBAKUL_TAKEN
from tests.factories import BusinessFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("lms:sign_up")


def new_business_data(**overrides):
    data = {
        "full_name": "Sumarni",
        "phone": "0812 3456 7890",
        "email": "",
        "birth_year": "1970",
        "password1": "rahasia-usaha-123",
        "password2": "rahasia-usaha-123",
        "business_choice": "new",
        "business-name": "Bakpia Sumarni",
        "business-sibakul_number": "",
        "business-sector": "culinary",
        "business-regency": "sleman",
        "business-district": "Depok",
        "notice_consent": "on",  # the privacy notice (privacy app): required
    }
    data.update(overrides)
    return data


def join_data(code, **overrides):
    data = new_business_data(
        full_name="Agus Setiawan", phone="", email="agus@example.org", business_choice="join"
    )
    data["join-join_code"] = code
    data.update(overrides)
    return data


def assert_refused(response, message):
    assert response.status_code == 200
    assert str(message) in response.content.decode()
    assert "_auth_user_id" not in response.wsgi_request.session


def test_learner_with_one_name_signs_up_with_a_phone_and_registers_a_business(
    client, learners_group
):
    response = client.post(URL, new_business_data())

    assert response.status_code == 302
    assert response["Location"] == reverse("lms:profile")
    user = User.objects.get()
    assert user.full_name == "Sumarni"
    assert user.phone == "+6281234567890"
    assert user.email is None
    assert user.birth_year == 1970
    assert list(user.groups.all()) == [learners_group]
    membership = Membership.objects.get(user=user)
    assert membership.is_owner
    business = membership.business
    assert (business.name, business.sector, business.regency, business.district) == (
        "Bakpia Sumarni",
        "culinary",
        "sleman",
        "Depok",
    )
    assert business.sibakul_number is None
    assert len(business.join_code) == 6
    assert int(client.session["_auth_user_id"]) == user.pk


def test_second_learner_joins_with_the_owners_code_as_typed(client, owner):
    code = owner.membership.business.join_code
    response = client.post(URL, join_data(f" {code.lower()} "))

    assert response.status_code == 302
    agus = User.objects.get(email="agus@example.org")
    assert agus.phone is None
    assert agus.membership.business == owner.membership.business
    assert not agus.membership.is_owner
    assert Business.objects.count() == 1


def test_name_of_150_characters_with_diacritics_is_kept_whole(client, db):
    name = ("Ngatiyem Sri Rahayu Wulandari Ayu Kusumawardhani Āṇḍāl Ñoñó " * 3)[:150].strip()
    response = client.post(URL, new_business_data(full_name=name))
    assert response.status_code == 302
    assert User.objects.get().full_name == name


def test_sibakul_number_is_stored_as_digits(client, db):
    client.post(URL, new_business_data(**{"business-sibakul_number": "3401-0001-2345"}))
    assert Business.objects.get().sibakul_number == "340100012345"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"phone": "0274 512345"}, INVALID_PHONE),
        ({"phone": "12345"}, INVALID_PHONE),
        ({"full_name": ""}, NAME_REQUIRED),
        ({"full_name": "    "}, NAME_REQUIRED),
        ({"full_name": "A" * 151}, NAME_TOO_LONG),
        ({"phone": "", "email": ""}, PHONE_OR_EMAIL_REQUIRED),
        ({"password2": "lain-sekali-456"}, PASSWORDS_DIFFER),
        ({"business-sibakul_number": "SB-12"}, INVALID_SIBAKUL),
    ],
    ids=[
        "landline",
        "short-number",
        "empty-name",
        "blank-name",
        "overlong-name",
        "no-phone-or-email",
        "password-mismatch",
        "sibakul-format",
    ],
)
def test_bad_input_gets_a_clear_message_and_creates_nothing(client, db, overrides, message):
    response = client.post(URL, new_business_data(**overrides))
    assert_refused(response, message)
    assert User.objects.count() == 0
    assert Business.objects.count() == 0


def test_phone_already_registered_in_another_form_is_refused(client, db):
    UserFactory(phone="+6281234567890")
    response = client.post(URL, new_business_data(phone="62 812-3456-7890"))
    assert_refused(response, PHONE_TAKEN)
    assert User.objects.count() == 1
    assert Business.objects.count() == 0


def test_email_already_registered_in_other_letters_is_refused(client, owner):
    UserFactory(email="agus@example.org")
    code = owner.membership.business.join_code
    response = client.post(URL, join_data(code, email="AGUS@Example.org"))
    assert_refused(response, EMAIL_TAKEN)
    assert User.objects.filter(email__iexact="agus@example.org").count() == 1


def test_wrong_join_code_is_refused(client, owner):
    users_before = User.objects.count()
    response = client.post(URL, join_data("ZZZZZZ"))
    assert_refused(response, JOIN_CODE_UNKNOWN)
    assert User.objects.count() == users_before
    assert Membership.objects.count() == 1


def test_second_business_with_the_same_sibakul_number_is_refused(client, db):
    BusinessFactory(sibakul_number="340100012345")
    response = client.post(URL, new_business_data(**{"business-sibakul_number": "3401 0001 2345"}))
    assert_refused(response, SIBAKUL_TAKEN)
    assert User.objects.count() == 0
    assert Business.objects.count() == 1


def test_business_fields_are_not_required_when_joining(client, owner):
    data = join_data(owner.membership.business.join_code)
    data.update({"business-name": "", "business-sector": "", "business-regency": ""})
    assert client.post(URL, data).status_code == 302


def test_messages_are_indonesian_by_default_and_english_under_en(client, db):
    indonesian = client.post(URL, new_business_data(phone="12345"))
    assert "Isi nomor HP Indonesia yang benar" in indonesian.content.decode()
    english = client.post("/en" + URL, new_business_data(phone="12345"))
    assert "Enter a valid Indonesian mobile number" in english.content.decode()


def test_birth_year_must_be_plausible(client, db):
    response = client.post(URL, new_business_data(birth_year="2020"))
    assert response.status_code == 200
    assert "Isi tahun lahir antara" in response.content.decode()
    assert User.objects.count() == 0
