"""The strings Wagtail's admin renders in JavaScript (the loading spinner, dialogs, the page
explorer, the sidebar) read Indonesian too. They come from the ``djangojs`` domain through
Wagtail's catalogue view, /admin/jsi18n/; Wagtail's own Indonesian catalogue is ``id_ID``, which
Django never loads for "id", so ours, locale/id/LC_MESSAGES/djangojs.po, holds every msgid."""

import json
import re
from pathlib import Path

import polib
import pytest
import wagtail
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.users.models import UserProfile

from lms import roles
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}
OURS = Path(settings.BASE_DIR) / "locale" / "id" / "LC_MESSAGES" / "djangojs"
WAGTAILS = sorted(Path(wagtail.__file__).parent.glob("**/locale/en/LC_MESSAGES/djangojs.po"))
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def served_catalogue(client):
    """The msgid → translation mapping of Wagtail's JavaScript catalogue view."""
    response = client.get(reverse("wagtailadmin_javascript_catalog"), **ENGLISH_BROWSER)
    assert response.status_code == 200
    found = re.search(r"const newcatalog = (\{.*?\n  \});", response.content.decode(), re.S)
    return json.loads(found.group(1)) if found else {}


def wagtail_entries():
    assert WAGTAILS, "Wagtail's English djangojs catalogue was not found"
    return [entry for path in WAGTAILS for entry in polib.pofile(str(path)) if entry.msgid]


def test_a_coordinator_gets_wagtails_javascript_strings_in_indonesian(client):
    coordinator = UserFactory(
        email="koordinator@example.org", groups=[Group.objects.get(name=roles.COORDINATORS)]
    )
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": coordinator.email, "password": PASSWORD},
        REMOTE_ADDR="10.5.0.3",
        **ENGLISH_BROWSER,
    )
    assert response.status_code == 302

    catalogue = served_catalogue(client)

    assert catalogue["Loading…"] == "Memuat…"
    assert catalogue["Are you sure?"] == "Anda yakin?"
    assert catalogue["Page explorer"] == "Penjelajah halaman"
    assert catalogue["View child pages of '%(title)s'"] == "Lihat subhalaman '%(title)s'"
    assert catalogue["Toggle sidebar"] == "Buka/tutup bilah samping"
    assert catalogue["Main menu"] == "Menu utama"
    assert catalogue["Server Error"] == "Kesalahan server"
    # Indonesian has one plural form: "1 kesalahan", "3 kesalahan".
    assert catalogue["%(num)s error"] == ["%(num)s kesalahan"]


def test_the_served_catalogue_holds_every_wagtail_javascript_string(client, coordinator):
    client.force_login(coordinator)
    catalogue = served_catalogue(client)
    assert [entry.msgid for entry in wagtail_entries() if entry.msgid not in catalogue] == []


def test_a_staff_member_who_chose_english_gets_the_javascript_strings_in_english(
    client, coordinator
):
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(coordinator)
    assert served_catalogue(client) == {}


def test_every_string_of_wagtails_javascript_catalogue_has_an_indonesian_translation():
    """A Wagtail upgrade that adds or changes a JavaScript string fails here until
    locale/id/LC_MESSAGES/djangojs.po translates it."""
    ours = {entry.msgid: entry for entry in polib.pofile(str(OURS) + ".po")}
    missing = []
    for theirs in wagtail_entries():
        entry = ours.get(theirs.msgid)
        if entry is None or "fuzzy" in entry.flags:
            missing.append(theirs.msgid)
        elif theirs.msgid_plural:
            if entry.msgid_plural != theirs.msgid_plural or not entry.msgstr_plural.get(0):
                missing.append(theirs.msgid)
        elif not entry.msgstr:
            missing.append(theirs.msgid)
    assert missing == []


def test_our_javascript_catalogue_has_one_plural_form_and_no_stray_entries():
    catalogue = polib.pofile(str(OURS) + ".po")
    assert catalogue.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    assert {entry.msgid for entry in catalogue} == {entry.msgid for entry in wagtail_entries()}


def test_translations_keep_every_placeholder():
    changed = []
    for entry in polib.pofile(str(OURS) + ".po"):
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for translation in translations:
            if sorted(PLACEHOLDER.findall(translation)) != sorted(PLACEHOLDER.findall(entry.msgid)):
                changed.append(entry.msgid)
    assert changed == []


def test_compiled_javascript_catalogue_matches_the_translations():
    def pairs(catalogue):
        return {
            entry.msgid: entry.msgstr_plural.get(0) if entry.msgid_plural else entry.msgstr
            for entry in catalogue
            if entry.msgid
        }

    source = pairs(polib.pofile(str(OURS) + ".po"))
    compiled = pairs(polib.mofile(str(OURS) + ".mo"))
    assert len(source) >= 85  # Wagtail 8.0 has 85
    assert compiled == source
