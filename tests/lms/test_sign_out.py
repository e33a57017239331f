"""Signing out on a shared phone leaves nothing of the learner in the browser.

tests/browser/test_shared_phone.py checks that Chromium really clears what the header names.
"""

import re

import pytest
from django.urls import reverse

from lms import views
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_sign_out_tells_the_browser_to_clear_the_sites_storage_and_cache(client):
    client.force_login(UserFactory())
    response = client.post(reverse("lms:sign_out"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert response["Clear-Site-Data"] == views.SIGN_OUT_CLEARS


def test_sign_out_keeps_the_language_and_csrf_cookies(client):
    """Clearing "cookies" would drop the language chosen on this phone and the CSRF cookie that
    the next person's sign-in form needs; the session itself is ended by the server."""
    client.force_login(UserFactory())
    response = client.post(reverse("lms:sign_out"))
    assert "cookies" not in response["Clear-Site-Data"]
    assert '"*"' not in response["Clear-Site-Data"]


def test_sign_out_in_english_clears_too(client):
    client.force_login(UserFactory())
    response = client.post("/en" + reverse("lms:sign_out"))
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == views.SIGN_OUT_CLEARS


def test_sign_out_marks_the_next_page_to_forget_what_was_queued_offline(client):
    """Browsers that ignore Clear-Site-Data: offline.js clears the queue when it finds this
    cookie; a signed-out page without it (an expired session) keeps the queue."""
    client.force_login(UserFactory())
    response = client.post(reverse("lms:sign_out"))
    marker = response.cookies[views.SIGNED_OUT_COOKIE]
    assert marker.value == "1"
    assert marker["max-age"] == 600
    assert marker["samesite"] == "Lax"
    assert not marker["httponly"]  # offline.js reads and deletes it


def test_a_signed_out_page_alone_does_not_mark_a_sign_out(client):
    response = client.get("/")
    assert views.SIGNED_OUT_COOKIE not in response.cookies


def test_a_refused_get_clears_nothing(client):
    client.force_login(UserFactory())
    response = client.get(reverse("lms:sign_out"))
    assert response.status_code == 405
    assert not response.has_header("Clear-Site-Data")
    assert views.SIGNED_OUT_COOKIE not in response.cookies
    assert "_auth_user_id" in client.session


def learner_on_page(client, path="/") -> str:
    body = re.search(r"<body[^>]*>", client.get(path).content.decode()).group(0)
    return re.search(r'data-learner="([^"]*)"', body).group(1)


def test_every_page_names_the_signed_in_learner_for_what_is_kept_on_the_phone(client):
    learner = UserFactory()
    assert learner_on_page(client) == ""
    client.force_login(learner)
    assert learner_on_page(client) == str(learner.pk)
    assert learner_on_page(client, reverse("lms:profile")) == str(learner.pk)


def test_signing_out_of_the_admin_clears_too(client, mentor):
    client.force_login(mentor)
    response = client.post(reverse("wagtailadmin_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert response["Clear-Site-Data"] == views.SIGN_OUT_CLEARS
