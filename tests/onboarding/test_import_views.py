"""The admin's import pages: who may use them, and the upload → columns → preview → import path."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from lms.models import Business, User
from onboarding import rows as rules
from onboarding import services
from onboarding.models import ImportBatch
from tests.onboarding.test_import import HEADINGS, MESSY

SHEET = "\r\n".join([HEADINGS, *MESSY[:4]]).encode()  # rows 2-5: three new, one duplicate


def upload(client, content=SHEET, name="sibakul.csv"):
    return client.post(
        reverse("onboarding_import"), {"file": SimpleUploadedFile(name, content)}, follow=False
    )


def english(message, **values) -> str:
    """A message as the test's coordinator, who reads the admin in English, sees it."""
    with translation.override("en"):
        return str(message) % values if values else str(message)


@pytest.fixture
def coordinator(coordinator):
    """A coordinator who reads the admin in English, so the pages' texts can be asserted."""
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "en"
    profile.save()
    return coordinator


@pytest.fixture
def batch(coordinator):
    return services.batch_upload(user=coordinator, name="sibakul.csv", content=SHEET)


@pytest.mark.parametrize("who", ["mentor", "owner"])
def test_mentors_and_learners_cannot_reach_any_import_page(client, request, who, batch):
    client.force_login(request.getfixturevalue(who))
    for url in (
        reverse("onboarding_import"),
        reverse("onboarding_import_map", args=[batch.pk]),
        reverse("onboarding_import_preview", args=[batch.pk]),
    ):
        assert client.get(url).status_code in (302, 403)
    response = client.post(reverse("onboarding_import_preview", args=[batch.pk]), {})
    assert response.status_code in (302, 403)
    assert not Business.objects.filter(sibakul_number="340400001111").exists()
    batch.refresh_from_db()
    assert batch.imported_at is None


def test_a_mentor_gets_403_and_no_menu_item(client, mentor):
    """Refused as the Wagtail admin refuses: back to the dashboard, a 403 for a script."""
    client.force_login(mentor)
    response = client.get(reverse("onboarding_import"))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    script = {"x-requested-with": "XMLHttpRequest"}
    assert client.get(reverse("onboarding_import"), headers=script).status_code == 403
    response = client.post(
        reverse("onboarding_import"), {"file": SimpleUploadedFile("a.csv", SHEET)}, headers=script
    )
    assert response.status_code == 403
    assert not ImportBatch.objects.exists()
    assert reverse("onboarding_import") not in client.get("/admin/").content.decode()


def test_coordinator_uploads_maps_previews_and_imports(client, coordinator):
    client.force_login(coordinator)
    assert reverse("onboarding_import") in client.get("/admin/").content.decode()

    response = upload(client)
    batch = ImportBatch.objects.get()
    assert response.url == reverse("onboarding_import_map", args=[batch.pk])

    page = client.get(response.url)
    assert page.status_code == 200
    assert 'value="0" selected' in page.content.decode()  # business name: "Nama Usaha"

    post = {name: str(index) for name, index in batch.mapping.items()}
    response = client.post(reverse("onboarding_import_map", args=[batch.pk]), post)
    assert response.url == reverse("onboarding_import_preview", args=[batch.pk])

    preview = client.get(response.url)
    text = preview.content.decode()
    assert "3 new, 0 to update, 1 refused" in text
    assert english(rules.DUPLICATE_SIBAKUL, row=2) in text
    assert not Business.objects.filter(sibakul_number="340400001111").exists()  # not yet

    response = client.post(reverse("onboarding_import_preview", args=[batch.pk]), {})
    assert response.status_code == 302
    assert Business.objects.filter(sibakul_number__startswith="3404").count() == 3
    done = client.get(response.url).content.decode()
    assert "3 new, 0 updated, 1 refused" in done


def test_mapping_without_a_required_column_is_refused(client, coordinator, batch):
    client.force_login(coordinator)
    post = {name: str(index) for name, index in batch.mapping.items()}
    post["phone"] = ""
    response = client.post(reverse("onboarding_import_map", args=[batch.pk]), post)
    assert response.status_code == 400
    assert english(services.MAPPING_REQUIRED, field="Mobile number") in response.content.decode()

    post["phone"] = post["owner_name"]
    response = client.post(reverse("onboarding_import_map", args=[batch.pk]), post)
    assert english(services.MAPPING_TWICE) in response.content.decode()
    batch.refresh_from_db()
    assert batch.mapping["phone"] == 2  # unchanged


def test_wrong_file_type_gets_a_message(client, coordinator):
    client.force_login(coordinator)
    response = upload(client, content=b"%PDF-1.4", name="data.pdf")
    assert response.status_code == 400
    assert english(services.FILE_TYPE) in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_preview_is_paginated_and_a_bad_page_number_is_harmless(client, coordinator):
    lines = [HEADINGS] + [
        f"Usaha {n};Pemilik {n};0813 1111 {n:04d};5500{n:06d};Sleman;Depok;Kuliner;1980"
        for n in range(120)
    ]
    batch = services.batch_upload(
        user=coordinator, name="big.csv", content="\n".join(lines).encode()
    )
    client.force_login(coordinator)
    url = reverse("onboarding_import_preview", args=[batch.pk])
    first = client.get(url).content.decode()
    assert "Page 1 of 3" in first
    assert "Usaha 49<" in first
    assert "Usaha 50<" not in first
    third = client.get(url + "?page=3").content.decode()
    assert "Usaha 119<" in third
    assert client.get(url + "?page=%C2%B2").status_code == 200
    assert client.get(url + "?page=99999999999999999999").status_code == 200


def test_import_page_enrols_into_the_chosen_class(client, coordinator, batch, two_classes):
    client.force_login(coordinator)
    client.post(
        reverse("onboarding_import_preview", args=[batch.pk]), {"cohort": two_classes.theirs.pk}
    )
    siti = User.objects.get(phone="+6281234567801")
    assert siti.enrolments.get().cohort == two_classes.theirs


def test_a_superuser_may_import(client, db):
    from tests.factories import UserFactory

    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert client.get(reverse("onboarding_import")).status_code == 200


def test_discarding_a_sheet_deletes_it_and_imports_nothing(client, coordinator, batch):
    client.force_login(coordinator)
    response = client.post(reverse("onboarding_import_preview", args=[batch.pk]), {"discard": "1"})
    assert response.url == reverse("onboarding_import")
    assert not ImportBatch.objects.exists()
    assert not Business.objects.filter(sibakul_number__startswith="3404").exists()


def test_an_imported_sheet_cannot_be_discarded_or_imported_again(client, coordinator, batch):
    services.batch_import(batch=batch, user=coordinator)
    client.force_login(coordinator)
    url = reverse("onboarding_import_preview", args=[batch.pk])
    for data in ({"discard": "1"}, {}):
        response = client.post(url, data)
        assert response.status_code == 400
        assert english(services.ALREADY_IMPORTED) in response.content.decode()
    assert ImportBatch.objects.filter(pk=batch.pk).exists()
    assert Business.objects.filter(sibakul_number__startswith="3404").count() == 3


def test_a_sheet_without_a_phone_heading_goes_to_the_columns_first(client, coordinator):
    sheet = HEADINGS.replace("No HP", "Kontak") + "\n" + MESSY[0]
    batch = services.batch_upload(user=coordinator, name="c.csv", content=sheet.encode())
    assert batch.mapping["phone"] is None
    client.force_login(coordinator)
    response = client.get(reverse("onboarding_import_preview", args=[batch.pk]))
    assert response.url == reverse("onboarding_import_map", args=[batch.pk])
