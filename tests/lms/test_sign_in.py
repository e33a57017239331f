import pytest
from django.urls import reverse

from lms import services
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("lms:sign_in")


@pytest.mark.parametrize(
    "typed", ["+6281234567890", "0812 3456 7890", "81234567890", "62 812-3456-7890"]
)
def test_phone_learner_signs_in_with_any_common_form_of_their_number(client, typed):
    user = UserFactory(phone="+6281234567890")
    response = client.post(URL, {"username": typed, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("lms:profile")
    assert int(client.session["_auth_user_id"]) == user.pk


def test_email_learner_signs_in_whatever_the_letter_case(client):
    user = UserFactory(phone=None, email="agus@example.org")
    response = client.post(URL, {"username": " Agus@Example.ORG ", "password": PASSWORD})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk


@pytest.mark.parametrize(
    ("username", "password"),
    [("0812 3456 7890", "salah-sandi"), ("0812 9999 9999", PASSWORD), ("bukan nomor", PASSWORD)],
)
def test_wrong_credentials_get_one_clear_message(client, username, password):
    UserFactory(phone="+6281234567890")
    response = client.post(URL, {"username": username, "password": password})
    assert response.status_code == 200
    assert "Nomor HP atau email dan kata sandi tidak cocok" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_deactivated_account_cannot_sign_in(client):
    UserFactory(phone="+6281234567890", is_active=False)
    client.post(URL, {"username": "081234567890", "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_next_parameter_is_honoured_only_for_this_site(client):
    UserFactory(phone="+6281234567890")
    response = client.post(
        URL + "?next=https://evil.example/", {"username": "081234567890", "password": PASSWORD}
    )
    assert response["Location"] == reverse("lms:profile")


def test_sign_out_needs_a_post(client):
    user = UserFactory()
    client.force_login(user)
    assert client.get(reverse("lms:sign_out")).status_code == 405
    response = client.post(reverse("lms:sign_out"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_temporary_password_must_be_replaced_at_next_sign_in(client, coordinator, learners_group):
    learner = UserFactory(phone="+6281234567890", groups=[learners_group])
    services.temporary_password_set(actor=coordinator, user=learner, password="sementara-2026")

    response = client.post(URL, {"username": "0812 3456 7890", "password": "sementara-2026"})
    assert response["Location"] == reverse("lms:password_change")

    response = client.post(
        reverse("lms:password_change"),
        {
            "new_password1": "pilihan-saya-789",
            "new_password2": "pilihan-saya-789",
        },
    )
    assert response["Location"] == reverse("lms:profile")
    learner.refresh_from_db()
    assert not learner.must_change_password
    assert learner.check_password("pilihan-saya-789")
    assert "_auth_user_id" in client.session


def test_password_reset_email_reaches_email_learners(client, mailoutbox):
    UserFactory(phone=None, email="agus@example.org", full_name="Agus")
    response = client.post(reverse("lms:password_reset"), {"email": "agus@example.org"})
    assert response["Location"] == reverse("lms:password_reset_done")
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["agus@example.org"]
    assert "Halo Agus" in message.body
    link = next(line for line in message.body.splitlines() if "/akun/sandi/atur/" in line)
    path = link.split("testserver", 1)[1]
    form = client.get(path, follow=True)
    assert form.status_code == 200
    assert "Buat kata sandi baru" in form.content.decode()


def test_password_reset_page_tells_phone_learners_whom_to_ask(client):
    page = client.get(reverse("lms:password_reset")).content.decode()
    assert "kata sandi sementara kepada mentor" in page
