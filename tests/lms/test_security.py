"""Hardening that every environment runs: sign-in lockout, sign-up and password-reset throttling,
the Content-Security-Policy and security headers, upload limits."""

import io
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import path, reverse
from django.utils import timezone
from wagtail.images import get_image_model

from courses import services as course_services
from lms import critical_css
from lms.identifiers import sign_in_key
from lms.models import User
from tests.factories import PASSWORD, UserFactory, build_course, lessons_of
from tests.signing_in import SIGN_IN, sign_in

pytestmark = pytest.mark.django_db

SIGN_UP = reverse("lms:sign_up")
PASSWORD_RESET = reverse("lms:password_reset")
LOCKED_OUT = "lms/locked_out.html"
PHONE = "+6281234567890"
SAME_PHONE_TYPED = [
    "0812 3456 7890",
    "+62 812-3456-7890",
    "81234567890",
    "62 812 3456 7890",
    "(0812) 3456-7890",
]
VIDEO_HOSTS = "https://www.youtube-nocookie.com https://player.vimeo.com"


def template_names(response):
    return [template.name for template in response.templates]


def lock_account(client):
    """Five wrong passwords for one account, each typed differently and from another address,
    so only the account's count (not an address's) can reach the limit."""
    return [
        sign_in(client, typed, "salah-sandi", ip=f"10.0.0.{n}")
        for n, typed in enumerate(SAME_PHONE_TYPED, start=1)
    ]


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()  # django-ratelimit counts in the cache; axes counts in the database.
    yield
    cache.clear()


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        *[(typed, PHONE) for typed in SAME_PHONE_TYPED],
        (" Agus@Example.ORG ", "agus@example.org"),
        ("0812 bukan nomor", "0812 bukan nomor"),
        ("", ""),
    ],
)
def test_sign_in_key_is_one_spelling_per_account(typed, key):
    assert sign_in_key(typed) == key


def test_five_bad_passwords_in_different_phone_formats_lock_the_account(client):
    UserFactory(phone=PHONE)
    statuses = [response.status_code for response in lock_account(client)]
    assert statuses == [200, 200, 200, 200, 429]

    refused = sign_in(client, "081234567890", PASSWORD, ip="10.0.0.99")
    assert refused.status_code == 429
    assert LOCKED_OUT in template_names(refused)
    assert "_auth_user_id" not in client.session
    learner = User.objects.get(phone=PHONE)
    keys = set(AccessAttempt.objects.values_list("username", flat=True))
    assert keys == {f"account:{learner.pk}"}


def test_lockout_page_is_friendly_and_says_how_long_to_wait(client):
    UserFactory(phone=PHONE)
    lock_account(client)
    page = sign_in(client, PHONE, PASSWORD, ip="10.0.0.99").content.decode()
    assert '<html lang="id">' in page
    assert "15" in page
    assert f'href="{PASSWORD_RESET}"' in page
    assert "Traceback" not in page


def test_locked_account_signs_in_again_once_reset(client):
    user = UserFactory(phone=PHONE)
    lock_account(client)
    assert sign_in(client, PHONE, PASSWORD, ip="10.0.0.99").status_code == 429

    call_command("unlock_account", "0812 3456 7890", stdout=io.StringIO())
    response = sign_in(client, "0812-3456-7890", PASSWORD, ip="10.0.0.99")
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk


def test_unlocking_an_unknown_account_says_so_and_changes_nothing(client):
    UserFactory(phone=PHONE)
    lock_account(client)
    with pytest.raises(CommandError, match="No account"):
        call_command("unlock_account", "0899 0000 0000", stdout=io.StringIO())
    assert sign_in(client, PHONE, PASSWORD, ip="10.0.0.99").status_code == 429


def test_lock_lifts_after_fifteen_minutes(client):
    UserFactory(phone=PHONE)
    lock_account(client)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=14))
    assert sign_in(client, PHONE, PASSWORD, ip="10.0.0.99").status_code == 429

    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert sign_in(client, PHONE, PASSWORD, ip="10.0.0.99").status_code == 302


def test_five_failures_on_other_accounts_from_one_address_lock_no_one_there(client):
    """An address alone locks only at SIGN_IN_ADDRESS_FAILURE_LIMIT (tests/lms/
    test_sign_in_throttling.py): a class on one Wi-Fi is many people."""
    UserFactory(phone=PHONE)
    statuses = [
        sign_in(client, f"0812 0000 {n:04d}", "salah-sandi", ip="10.0.0.7").status_code
        for n in range(5)
    ]
    assert statuses == [200] * 5
    assert sign_in(client, PHONE, PASSWORD, ip="10.0.0.7").status_code == 302


@override_settings(SIGN_IN_ADDRESS_FAILURE_LIMIT=5)
def test_at_the_address_limit_the_address_is_locked_for_every_account(client):
    UserFactory(phone=PHONE)
    statuses = [
        sign_in(client, f"0812 0000 {n:04d}", "salah-sandi", ip="10.0.0.7").status_code
        for n in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]
    assert sign_in(client, PHONE, PASSWORD, ip="10.0.0.7").status_code == 429
    assert sign_in(client, PHONE, PASSWORD, ip="10.0.0.8").status_code == 302


@override_settings(CLIENT_IP_HEADER="HTTP_X_REAL_IP", SIGN_IN_ADDRESS_FAILURE_LIMIT=5)
def test_behind_the_proxy_the_address_comes_from_its_header(client):
    UserFactory(phone=PHONE)
    for n in range(5):  # All through one proxy (one REMOTE_ADDR), from one client.
        sign_in(client, f"0812 0000 {n:04d}", "salah", ip="127.0.0.1", HTTP_X_REAL_IP="203.0.113.9")
    assert AccessAttempt.objects.filter(ip_address="203.0.113.9").count() == 5
    other_client = sign_in(client, PHONE, PASSWORD, ip="127.0.0.1", HTTP_X_REAL_IP="203.0.113.10")
    assert other_client.status_code == 302


def test_a_success_clears_the_accounts_own_failures(client):
    UserFactory(phone=PHONE)
    for n in range(4):
        sign_in(client, PHONE, "salah-sandi", ip=f"10.0.1.{n}")
    assert sign_in(client, PHONE, PASSWORD, ip="10.0.1.9").status_code == 302
    client.post(reverse("lms:sign_out"))
    assert sign_in(client, PHONE, "salah-sandi", ip="10.0.1.10").status_code == 200


def test_admin_sign_in_is_throttled_too(client, mentor):
    for n in range(5):
        client.post(
            reverse("wagtailadmin_login"),
            {"username": mentor.email, "password": "salah-sandi"},
            REMOTE_ADDR=f"10.0.2.{n}",
        )
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": mentor.email.upper(), "password": PASSWORD},
        REMOTE_ADDR="10.0.2.9",
    )
    assert response.status_code == 429


@override_settings(SIGN_UP_RATE="3/h")
def test_sign_up_posts_are_limited_per_address(client):
    for _ in range(3):
        assert client.post(SIGN_UP, {}, REMOTE_ADDR="10.1.0.1").status_code == 200

    refused = client.post(
        SIGN_UP,
        {
            "full_name": "Sumarni",
            "phone": "0812 3456 7890",
            "password1": "rahasia-usaha-123",
            "password2": "rahasia-usaha-123",
            "business_choice": "new",
            "business-name": "Bakpia Sumarni",
            "business-sector": "culinary",
            "business-regency": "sleman",
        },
        REMOTE_ADDR="10.1.0.1",
    )
    assert refused.status_code == 429
    assert LOCKED_OUT in template_names(refused)
    assert "60" in refused.content.decode()
    assert not User.objects.filter(phone=PHONE).exists()

    assert client.get(SIGN_UP, REMOTE_ADDR="10.1.0.1").status_code == 200  # Reading is free.
    assert client.post(SIGN_UP, {}, REMOTE_ADDR="10.1.0.2").status_code == 200


@override_settings(PASSWORD_RESET_RATE="2/15m")
def test_password_reset_posts_are_limited_per_address(client, mailoutbox):
    UserFactory(phone=None, email="agus@example.org")
    for _ in range(2):
        client.post(PASSWORD_RESET, {"email": "agus@example.org"}, REMOTE_ADDR="10.2.0.1")
    refused = client.post(PASSWORD_RESET, {"email": "agus@example.org"}, REMOTE_ADDR="10.2.0.1")
    assert refused.status_code == 429
    assert "15" in refused.content.decode()
    assert len(mailoutbox) == 2


@override_settings(PASSWORD_RESET_RATE="2/15m")
def test_the_admin_password_reset_shares_the_limit(client, mailoutbox):
    UserFactory(phone=None, email="rina@example.org", is_staff=True)
    admin_reset = reverse("wagtailadmin_password_reset")
    client.post(PASSWORD_RESET, {"email": "rina@example.org"}, REMOTE_ADDR="10.2.0.5")
    client.post(admin_reset, {"email": "rina@example.org"}, REMOTE_ADDR="10.2.0.5")
    refused = client.post(admin_reset, {"email": "rina@example.org"}, REMOTE_ADDR="10.2.0.5")
    assert refused.status_code == 429
    assert len(mailoutbox) == 2


def csp_directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    pairs = (directive.strip().split(" ", 1) for directive in policy.split(";"))
    return dict(pairs)


@pytest.fixture
def lesson_url(owner):
    course = build_course(weeks=1, lessons_per_week=1)
    course_services.enrolment_start(learner=owner, course=course)
    return lessons_of(course)[0].url


@pytest.mark.parametrize("learner_page", ["home", "sign-in", "lesson", "locked out"])
def test_learner_pages_allow_only_the_site_and_the_video_hosts(
    client, owner, lesson_url, learner_page
):
    if learner_page == "lesson":
        client.force_login(owner)
        response = client.get(lesson_url)
    elif learner_page == "locked out":
        lock_account(client)
        response = sign_in(client, PHONE, PASSWORD, ip="10.0.0.99")
    else:
        response = client.get({"home": "/", "sign-in": SIGN_IN}[learner_page])
    assert response.status_code == (429 if learner_page == "locked out" else 200)

    policy = csp_directives(response)
    for directive in (
        "default-src",
        "script-src",
        "img-src",
        "font-src",
        "media-src",
        "connect-src",
        "form-action",
        "frame-ancestors",
        "base-uri",
    ):
        assert policy[directive] == "'self'", directive
    # Styles from the site, and the critical part inlined in <head>, by its hash alone.
    assert policy["style-src"] == f"'self' {critical_css.csp_source()}"
    assert "unsafe-inline" not in policy["style-src"]
    assert policy["frame-src"] == VIDEO_HOSTS
    assert policy["object-src"] == "'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_admin_gets_inline_scripts_and_styles_and_still_renders_for_a_mentor(client, mentor):
    course = build_course(weeks=1, lessons_per_week=1)
    lesson = lessons_of(course)[0]
    client.force_login(mentor)

    for url in (
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[lesson.pk]),
        reverse("wagtailimages:add_multiple"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        policy = csp_directives(response)
        assert policy["script-src"] == "'self' 'unsafe-inline'"
        assert policy["style-src"] == "'self' 'unsafe-inline'"
        assert policy["img-src"] == "'self' data: blob:"
        assert policy["frame-ancestors"] == "'self'"
        assert policy["object-src"] == "'none'"


def test_uploads_are_limited_in_size_and_type():
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert {"pdf", "mp4"} <= set(settings.WAGTAILDOCS_EXTENSIONS)
    assert not {"html", "svg", "js", "exe"} & set(settings.WAGTAILDOCS_EXTENSIONS)


def test_an_svg_image_upload_is_refused(client, mentor):
    client.force_login(mentor)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "x", "file": SimpleUploadedFile("x.svg", svg, content_type="image/svg+xml")},
    )
    assert response.status_code == 200  # The form again, with the error.
    assert not get_image_model().objects.exists()


def _fails(request):
    raise RuntimeError("secret-detail-in-the-exception")


urlpatterns = [path("gagal/", _fails)]  # For the test below only (pytest.mark.urls).


@pytest.mark.urls(__name__)
def test_a_server_error_gets_the_friendly_page_and_no_details(client):
    client.raise_request_exception = False
    response = client.get("/gagal/")
    assert response.status_code == 500
    page = response.content.decode()
    assert '<html lang="id">' in page
    assert "secret-detail-in-the-exception" not in page
    assert "Traceback" not in page


def test_error_pages_show_no_debug_information(client):
    assert settings.DEBUG is False
    response = client.get("/tidak-ada/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Traceback" not in page
    assert "URLconf" not in page
