import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/", "/akun/daftar/", "/akun/masuk/", "/akun/sandi/lupa/", "/en/"]
CATALOGUE = Path(settings.BASE_DIR) / "locale" / "id" / "LC_MESSAGES" / "django"


def test_home_page_is_indonesian_even_when_the_browser_asks_for_english(client):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="id">' in page
    assert "Daftar gratis" in page
    assert 'href="/en/"' in page


def test_english_lives_under_en_and_links_back(client):
    page = client.get("/en/akun/masuk/").content.decode()
    assert '<html lang="en">' in page
    assert "Forgot your password?" in page
    assert 'href="/akun/masuk/"' in page


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_pages_load_nothing_from_other_hosts(client, path):
    page = client.get(path).content.decode()
    references = re.findall(r'(?:src|href|action)="([^"]+)"', page)
    assert references
    assert [ref for ref in references if re.match(r"(https?:)?//", ref)] == []


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_pages_work_without_javascript(client, path):
    """No page needs a script: at most a deferred enhancement of our own (the sign-up form's
    district list narrows to the chosen regency; without it, every district is offered)."""
    scripts = re.findall(r"<script[^>]*>", client.get(path).content.decode())
    assert all(" defer" in tag and 'src="/static/' in tag for tag in scripts), scripts


def test_signed_in_header_offers_courses_and_profile(client):
    client.force_login(UserFactory())
    page = client.get("/").content.decode()
    assert f'href="{reverse("lms:profile")}"' in page
    assert f'href="{reverse("courses:dashboard")}"' in page
    assert "Kursus saya" in page


def test_every_string_has_an_indonesian_translation():
    catalogue = polib.pofile(str(CATALOGUE) + ".po")
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


def test_compiled_catalogue_matches_the_translations():
    source = {entry.msgid: entry.msgstr for entry in polib.pofile(str(CATALOGUE) + ".po")}
    compiled = {entry.msgid: entry.msgstr for entry in polib.mofile(str(CATALOGUE) + ".mo")}
    source.pop("", None)
    compiled.pop("", None)
    assert compiled == source


def test_unknown_page_gets_a_friendly_indonesian_404(client):
    response = client.get("/tidak-ada/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()
