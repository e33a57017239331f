"""The admin speaks Indonesian unless a staff member chooses English, and no two of its menu
items share a name (issue 14, item 11)."""

import re
from collections import Counter

import pytest
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from wagtail.admin.menu import SubmenuMenuItem, admin_menu
from wagtail.users.models import UserProfile

from lms import admin_strings, roles
from reports.views import REPORTS
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


def sign_in_to_admin(client, user):
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": user.email, "password": PASSWORD},
        REMOTE_ADDR="10.5.0.2",
        **ENGLISH_BROWSER,
    )
    assert response.status_code == 302


def test_new_staff_member_without_a_preference_gets_the_admin_in_indonesian(client):
    coordinator = UserFactory(
        email="baru@example.org", groups=[Group.objects.get(name=roles.COORDINATORS)]
    )
    sign_in_to_admin(client, coordinator)
    page = client.get(reverse("wagtailadmin_home"), **ENGLISH_BROWSER).content.decode()
    assert '<html lang="id"' in page
    assert "Laporan belajar" in page
    assert "Learning reports" not in page


def test_the_admin_sign_in_page_is_indonesian_for_an_english_browser(client):
    page = client.get(reverse("wagtailadmin_login"), **ENGLISH_BROWSER).content.decode()
    assert '<html lang="id"' in page


def test_staff_member_who_chose_english_gets_the_admin_in_english(client, coordinator):
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(coordinator)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert '<html lang="en"' in page
    assert "Learning reports" in page


def test_account_settings_offer_english_beside_the_indonesian_default(client, coordinator):
    client.force_login(coordinator)
    page = client.get(reverse("wagtailadmin_account")).content.decode()
    assert 'value="en"' in page
    assert 'value="id"' in page


def test_the_public_site_still_follows_its_own_language_prefix(client):
    assert '<html lang="en">' in client.get("/en/akun/masuk/").content.decode()
    assert '<html lang="id">' in client.get("/akun/masuk/", **ENGLISH_BROWSER).content.decode()


# Menus -----------------------------------------------------------------------------------------


def menu_labels(user, language):
    """Every label of the admin menu as ``user`` sees it, top level and inside submenus."""
    reverse("wagtailadmin_home")  # loads the admin URLs, which register the viewsets' menu items
    request = RequestFactory().get(reverse("wagtailadmin_home"))
    request.user = user
    labels = []

    def walk(items):
        for item in items:
            labels.append(str(item.label))
            if isinstance(item, SubmenuMenuItem):
                walk(item.menu.menu_items_for_request(request))

    with translation.override(language):
        walk(admin_menu.menu_items_for_request(request))
    return labels


@pytest.fixture(params=["superuser", "coordinator", "mentor"])
def staff_member(request, db):
    if request.param == "superuser":
        return UserFactory(email="admin@example.org", is_superuser=True)
    group = roles.COORDINATORS if request.param == "coordinator" else roles.MENTORS
    return UserFactory(email=f"{request.param}@example.org", groups=[Group.objects.get(name=group)])


@pytest.mark.parametrize("language", ["id", "en"])
def test_no_two_admin_menu_items_share_a_label(staff_member, language):
    labels = menu_labels(staff_member, language)
    assert len(labels) > 5
    assert [label for label, count in Counter(labels).items() if count > 1] == []


def test_each_menu_says_what_it_holds_in_indonesian(coordinator):
    labels = menu_labels(coordinator, "id")
    assert {"Laporan belajar", "Per usaha", "Data usaha", "Sertifikat terbit"} <= set(labels)


def test_each_menu_says_what_it_holds_in_english(coordinator):
    labels = menu_labels(coordinator, "en")
    assert {"Learning reports", "By business", "Business registry", "Issued certificates"} <= set(
        labels
    )


# Strings --------------------------------------------------------------------------------------


def test_every_admin_string_we_keep_for_wagtail_reads_indonesian():
    values = {"counter": 27, "total": 27, "site_name": "Pintar UMKM"}
    with translation.override("id"):
        english = [text for text in admin_strings.STRINGS if translation.gettext(text) == text]
        counts = [plural % values for plural in admin_strings.PLURAL_STRINGS]
    assert english == []
    assert counts[0] == "Ada 27 hasil"
    assert [
        count for count in counts if re.search(r"There|Page|Image|Document|created", count)
    ] == []


# Strings of Wagtail's, or once ours, that an Indonesian admin showed in English.
ENGLISH = [
    "There are",
    "There is",
    "matches",
    "Reports",
    "Learning reports",
    "Business registry",
    "By business",
    "Export",
    "Filters",
    "Filter by",
    "Show filters",
    "Search…",
    "Sort by",
    "More options",
    "Skip to main content",
    "Help",
    "Editor Guide",
    "Pagination",
    "Bulk actions",
    "Select all",
]


def staff_pages(business):
    return [
        reverse("wagtailadmin_home"),
        *(f"{reverse(f'reports:{name}')}?regency=sleman" for name, _label in REPORTS),
        reverse("reports:business", args=[business.pk]),
        "/admin/businesses/?q=Batik",
        f"/admin/businesses/inspect/{business.pk}/",
        "/admin/snippets/courses/cohort/",
        "/admin/certificates/",
        "/admin/users/?q=Sumarni",
        reverse("lms_temporary_password"),
        reverse("wagtailadmin_account"),
    ]


def without_scripts(html):
    return re.sub(r"<script\b.*?</script>", "", html, flags=re.S)


def test_main_staff_pages_show_a_coordinator_no_english(client, coordinator, owner, two_classes):
    client.force_login(coordinator)
    for path in staff_pages(owner.membership.business):
        response = client.get(path, **ENGLISH_BROWSER)
        assert response.status_code == 200, path
        page = without_scripts(response.content.decode())
        assert [text for text in ENGLISH if text in page] == [], path


def test_listing_counts_read_indonesian(client, coordinator, two_classes):
    client.force_login(coordinator)
    page = client.get("/admin/businesses/?q=Batik").content.decode()
    assert "Ada 1 hasil" in page


def test_a_mentors_dashboard_shows_no_english(client, mentor):
    client.force_login(mentor)
    response = client.get(reverse("wagtailadmin_home"), **ENGLISH_BROWSER)
    page = without_scripts(response.content.decode())
    assert [text for text in [*ENGLISH, "created in"] if text in page] == []
