"""The first visit on a slow connection and the first screen, server side (issue 17 items 7-9):
the critical CSS inlined and allowed by its hash, the stylesheet loaded without blocking, pages
gzipped and uploaded images served by production with nothing in front, and removing a member
only from inside its question."""

import gzip
import io
import json
import re
import shutil
from pathlib import Path

import pytest
import requests
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.images.models import Image

from lms import critical_css
from lms.models import Membership
from tests.factories import build_course
from tests.lms.test_production import (
    PRODUCTION_LIKE,
    REQUIRED,
    app_servers,
    run_python,
    shared_environment,
)

SIGN_IN = "/akun/masuk/"


def head_of(html: str) -> str:
    return html[: html.index("</head>")]


# --- Critical CSS -------------------------------------------------------------------------------


def test_the_critical_part_is_inlined_and_the_stylesheet_does_not_block(client):
    html = client.get(SIGN_IN).content.decode()
    head = head_of(html)
    assert f"<style>{critical_css.critical_css()}</style>" in head
    assert 'rel="stylesheet"' not in head  # nothing in <head> waits for main.css...
    assert re.search(r'<link rel="preload" href="/static/css/main\.css" as="style">', head)
    # ...which comes in at the end of the body, for the rules past the critical part.
    assert re.search(r'<link rel="stylesheet" href="/static/css/main\.css">[^<]*</body>', html)


def test_the_critical_part_holds_the_first_screen_and_no_more():
    css = critical_css.critical_css()
    for rule in (
        ".site-header",
        ".brand",
        ".button",
        ".progress progress",
        ".video__play",
        ".cover",
    ):
        assert rule in css, rule
    assert ".question" not in css  # quizzes wait for main.css
    assert "/*" not in css
    assert "\n" not in css
    assert len(css.encode()) < 12 * 1024


def test_the_policy_allows_exactly_the_inlined_css_on_learner_pages(client, admin_client):
    policy = client.get(SIGN_IN)["Content-Security-Policy"]
    style_src = re.search(r"style-src ([^;]+)", policy).group(1).split()
    assert style_src == ["'self'", critical_css.csp_source()]
    assert "'unsafe-inline'" not in policy

    # The admin keeps its looser policy: a hash there would switch 'unsafe-inline' off.
    admin_policy = admin_client.get("/admin/")["Content-Security-Policy"]
    admin_style = re.search(r"style-src ([^;]+)", admin_policy).group(1).split()
    assert "'unsafe-inline'" in admin_style
    assert not [source for source in admin_style if source.startswith("'sha256-")]


def test_the_hash_matches_the_inlined_text():
    import base64
    import hashlib

    digest = hashlib.sha256(critical_css.critical_css().encode()).digest()
    assert critical_css.csp_source() == f"'sha256-{base64.b64encode(digest).decode()}'"


# --- Production with nothing in front: gzip and media -----------------------------------------

CLIENT_CODE = """
import json, sys
from django.test import Client
client = Client()
out = {}
for name, path, headers in CHECKS:
    response = client.get(path, **headers)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    out[name] = {"status": response.status_code, "headers": dict(response.headers),
                 "length": len(body), "body": body[:64].hex()}
sys.stderr.write("RESULT " + json.dumps(out) + "\\n")
"""

LOCAL = {**REQUIRED, "ALLOWED_HOSTS": "testserver", "SECURE_SSL_REDIRECT": "false"}


def run_checks(checks, **env) -> dict:
    code = f"CHECKS = {checks!r}\n{CLIENT_CODE}"
    result = run_python(code, settings=PRODUCTION_LIKE, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stderr.split("RESULT ", 1)[1])


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (64, 36), "#0b5e55").save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def media_root(tmp_path):
    root = tmp_path / "media"
    (root / "images").mkdir(parents=True)
    (root / "images" / "foto.jpg").write_bytes(jpeg_bytes())
    (tmp_path / "rahasia.txt").write_text("not for the web")
    return root


def test_production_gzips_pages_and_leaves_images_alone(media_root):
    gzip_header = {"HTTP_ACCEPT_ENCODING": "gzip, deflate"}
    out = run_checks(
        [
            ("page", SIGN_IN, gzip_header),
            ("plain", SIGN_IN, {}),
            ("image", "/media/images/foto.jpg", gzip_header),
        ],
        **LOCAL,
        SERVE_MEDIA="true",
        MEDIA_ROOT=str(media_root),
    )
    page, plain, image = out["page"], out["plain"], out["image"]
    assert page["status"] == 200
    assert page["headers"]["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in page["headers"]["Vary"]
    assert bytes.fromhex(page["body"])[:2] == b"\x1f\x8b"
    assert page["length"] < plain["length"] / 2  # the sign-in page, a quarter or so
    assert "Content-Encoding" not in plain["headers"]  # only for browsers that ask
    assert image["status"] == 200
    assert "Content-Encoding" not in image["headers"]  # JPEG is compressed already


def test_compression_can_be_left_to_a_proxy():
    out = run_checks(
        [("page", SIGN_IN, {"HTTP_ACCEPT_ENCODING": "gzip"})], **LOCAL, COMPRESS_HTML="false"
    )
    assert out["page"]["status"] == 200
    assert "Content-Encoding" not in out["page"]["headers"]


def test_serve_media_answers_uploads_with_nginx_s_headers_and_only_when_asked(media_root):
    out = run_checks(
        [("image", "/media/images/foto.jpg", {})],
        **LOCAL,
        SERVE_MEDIA="true",
        MEDIA_ROOT=str(media_root),
    )
    image = out["image"]
    assert image["status"] == 200
    assert image["headers"]["Content-Type"] == "image/jpeg"
    assert image["length"] == len(jpeg_bytes())
    assert image["headers"]["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert image["headers"]["X-Content-Type-Options"] == "nosniff"
    assert "max-age=604800" in image["headers"]["Cache-Control"]

    # Without SERVE_MEDIA (nginx in front serves /media/), the app has no such route.
    route = (
        "from django.urls import Resolver404, resolve\n"
        "try:\n    print(resolve('/media/images/foto.jpg').url_name)\n"
        "except Resolver404:\n    print('none')"
    )
    for env, expected in (({"SERVE_MEDIA": "true"}, "media"), ({}, "none")):
        result = run_python(route, settings=PRODUCTION_LIKE, **LOCAL, **env)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().splitlines()[-1] == expected  # after any log lines


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="gunicorn needs a server database")
def test_gunicorn_with_production_settings_serves_a_new_rendition_and_gzipped_pages(
    tmp_path, settings
):
    """`make serve-prod`'s stack: a rendition made after the server started answers 200."""
    media = tmp_path / "media"
    settings.MEDIA_ROOT = str(media)
    env, _redis_url, _prefix = shared_environment()
    env.update(SERVE_MEDIA="true", MEDIA_ROOT=str(media))
    course = build_course(weeks=1, lessons_per_week=1, slug="media-prod")
    with app_servers(1, env, tmp_path) as (server,):
        image = Image.objects.create(
            title="Sampul", file=SimpleUploadedFile("sampul.jpg", jpeg_bytes())
        )
        rendition = image.get_rendition("fill-32x18|format-webp")
        answer = requests.get(server + rendition.url, timeout=10)
        assert answer.status_code == 200
        assert answer.headers["Content-Type"] == "image/webp"
        assert answer.content == Path(media, rendition.file.name).read_bytes()
        # Nothing but MEDIA_ROOT's files: a missing one or a way out of it answers no file.
        (tmp_path / "rahasia.txt").write_text("not for the web")
        for path in ("/media/images/tidak-ada.jpg", "/media/images/", "/media/%2e%2e/rahasia.txt"):
            refused = requests.get(server + path, timeout=10)
            assert refused.status_code in (400, 404), path
            assert "not for the web" not in refused.text

        page = requests.get(server + course.url, headers={"Accept-Encoding": "gzip"}, timeout=10)
        assert page.status_code == 200
        assert page.headers["Content-Encoding"] == "gzip"  # requests unzips .text for us
        assert course.title in page.text
        raw = requests.get(server + course.url, headers={"Accept-Encoding": "identity"}, timeout=10)
        assert len(gzip.compress(raw.content)) < len(raw.content)
    shutil.rmtree(media, ignore_errors=True)


# --- Removing a member asks first ---------------------------------------------------------------


@pytest.mark.django_db
def test_the_profile_asks_before_removing_a_member(client, owner, member):
    client.force_login(owner)
    html = client.get(reverse("lms:profile")).content.decode()
    remove = reverse("lms:business_member_remove", args=[member.pk])
    question = html[html.index('<details class="member-remove">') :]
    question = question[: question.index("</details>")]
    # The only way to the removal is the button inside the opened question.
    assert html.count(f'action="{remove}"') == 1
    assert f'action="{remove}"' in question
    assert question.index("<summary") < question.index("<form")
    assert "Joko" in question
    # Viewing the page, however often, removes no one.
    client.get(reverse("lms:profile"))
    assert Membership.objects.filter(user=member, business=owner.membership.business).exists()
    client.post(remove)
    assert not Membership.objects.filter(user=member).exists()


@pytest.mark.django_db
def test_sign_out_is_far_from_remove(client, owner, member):
    client.force_login(owner)
    html = client.get(reverse("lms:profile")).content.decode()
    sign_out = html.index(f'action="{reverse("lms:sign_out")}"')
    business = html.index('id="business-heading"')
    assert sign_out < business  # above the business card, not under its members list
