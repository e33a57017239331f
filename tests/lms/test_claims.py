"""Claim links: staff issue one per imported owner; the owner confirms their name, consents,
chooses a password and is signed in, once."""

import io
import urllib.parse
from datetime import timedelta

import pytest
import zxingcpp
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader
from wagtail.models import ModelLogEntry

from courses.models import Cohort
from courses.services import enrolment_start
from lms import audit, claims, data_rights
from lms.claim_views import slips_pdf
from lms.models import ClaimLink, User
from privacy.models import Consent
from tests.concurrency import run_together
from tests.factories import BusinessFactory, MembershipFactory, build_course

pytestmark = pytest.mark.django_db

LIST = reverse("lms_claim_links")
PASSWORD = "batik-tulis-2026"
A4_PORTRAIT_PT = (595.28, 841.89)


def imported_owner(name, phone, learners_group, business_name):
    """An owner as the import creates one: no usable password, never signed in."""
    user = User.objects.create_user(phone=phone, full_name=name, password=None)
    user.groups.add(learners_group)
    MembershipFactory(user=user, business=BusinessFactory(name=business_name), is_owner=True)
    return user


@pytest.fixture
def classes(mentor, other_mentor, learners_group):
    course = build_course(weeks=1, lessons_per_week=1, slug="kelas-klaim")
    today = timezone.localdate()
    mine = Cohort.objects.create(name="Kelas Rina", course=course, start_date=today, mentor=mentor)
    theirs = Cohort.objects.create(
        name="Kelas Budi", course=course, start_date=today, mentor=other_mentor
    )
    sri = imported_owner("Sri Wahyuni", "+6281111111111", learners_group, "Bakpia Sri")
    tono = imported_owner("Tono", "+6282222222222", learners_group, "Mebel Tono")
    wati = imported_owner("Wati", "+6283333333333", learners_group, "Gudeg Wati")
    enrolment_start(learner=sri, course=course, cohort=mine)
    enrolment_start(learner=tono, course=course, cohort=mine)
    enrolment_start(learner=wati, course=course, cohort=theirs)
    return course, mine, theirs, sri, tono, wati


def claim_data(**overrides):
    data = {
        "full_name": "Sri Wahyuni",
        "birth_year": "1980",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "notice_consent": "on",
    }
    data.update(overrides)
    return data


def issue(users, by):
    return claims.claim_links_issue(users=users, issued_by=by)


def link_path(one):
    return reverse("lms:claim", kwargs={"token": one.token})


# --- issuing -----------------------------------------------------------------------------


def test_issue_stores_only_the_token_hash_with_a_short_code_and_expiry(classes, mentor):
    *_, sri, _tono, _wati = classes
    [one] = issue([sri], mentor)

    link = ClaimLink.objects.get(user=sri)
    assert link.token_hash == claims.token_hash(one.token) != one.token
    assert len(link.code) == 8
    assert set(link.code) <= set(claims.CODE_ALPHABET)
    assert link.expires_at - link.issued_at == timedelta(days=14)
    assert link.issued_by == mentor
    assert link.used_at is None
    assert one.url == "http://testserver" + link_path(one)


def test_issue_logs_one_entry_per_person_without_token_or_code(classes, coordinator):
    *_, sri, tono, _wati = classes
    issued = issue([sri, tono], coordinator)

    entries = ModelLogEntry.objects.filter(action=audit.CLAIM_LINK_ISSUE)
    assert sorted(int(e.object_id) for e in entries) == sorted([sri.pk, tono.pk])
    assert all(e.user_id == coordinator.pk for e in entries)
    text = " ".join(str(e.data) for e in entries)
    for one in issued:
        assert one.token not in text
        assert one.link.code not in text


def test_reissue_voids_the_previous_link(classes, mentor):
    *_, sri, _tono, _wati = classes
    [first] = issue([sri], mentor)
    [second] = issue([sri], mentor)

    response = Client().get(link_path(first))
    assert response.status_code == 410
    assert str(claims.LINK_EXPIRED) in response.content.decode()
    assert Client().get(link_path(second)).status_code == 200
    assert ClaimLink.objects.filter(user=sri, voided_at__isnull=True).count() == 1


@override_settings(CLAIM_LINK_DAYS=3)
def test_link_expires_after_the_setting(classes, mentor):
    *_, sri, _tono, _wati = classes
    [one] = issue([sri], mentor)
    assert one.link.expires_at - one.link.issued_at == timedelta(days=3)
    ClaimLink.objects.filter(pk=one.link.pk).update(expires_at=timezone.now() - timedelta(1))

    response = Client().post(link_path(one), claim_data())

    assert response.status_code == 410
    assert str(claims.LINK_EXPIRED) in response.content.decode()
    sri.refresh_from_db()
    assert not sri.has_usable_password()


def test_unknown_token_gets_a_clear_page_and_changes_nothing(classes):
    response = Client().post(reverse("lms:claim", kwargs={"token": "x" * 43}), claim_data())

    assert response.status_code == 404
    assert str(claims.LINK_UNKNOWN) in response.content.decode()
    assert (
        not Consent.objects.exists()
        or not Consent.objects.filter(user__phone="+6281111111111").exists()
    )


# --- claiming ----------------------------------------------------------------------------


def test_owner_sees_the_registered_name_and_claims_landing_on_their_class(classes, mentor):
    course, *_rest = classes
    sri = classes[3]
    [one] = issue([sri], mentor)
    client = Client()

    page = client.get(link_path(one)).content.decode()
    assert "Sri Wahyuni" in page
    assert "Bakpia Sri" in page

    response = client.post(link_path(one), claim_data(full_name="  Sri  Wahyuningsih "))

    assert response.status_code == 302
    assert response["Location"] == course.url
    assert int(client.session["_auth_user_id"]) == sri.pk
    sri.refresh_from_db()
    assert sri.full_name == "Sri Wahyuningsih"
    assert sri.birth_year == 1980
    assert sri.check_password(PASSWORD)
    assert set(Consent.objects.filter(user=sri).values_list("kind", "given")) == {
        (Consent.Kind.NOTICE, True),
        (Consent.Kind.RESEARCH, False),
    }
    assert ClaimLink.objects.get(pk=one.link.pk).used_at is not None


def test_a_link_works_once(classes, mentor):
    sri = classes[3]
    [one] = issue([sri], mentor)
    assert Client().post(link_path(one), claim_data()).status_code == 302

    again = Client().post(
        link_path(one), claim_data(password1="lain-2026-xy", password2="lain-2026-xy")
    )

    assert again.status_code == 410
    assert str(claims.LINK_USED) in again.content.decode()
    sri.refresh_from_db()
    assert sri.check_password(PASSWORD)


def test_without_consent_or_with_a_weak_password_nothing_changes(classes, mentor):
    sri = classes[3]
    [one] = issue([sri], mentor)

    no_consent = Client().post(link_path(one), claim_data(notice_consent=""))
    weak = Client().post(link_path(one), claim_data(password1="12345678", password2="12345678"))

    assert no_consent.status_code == weak.status_code == 200
    sri.refresh_from_db()
    assert not sri.has_usable_password()
    assert sri.full_name == "Sri Wahyuni"
    assert ClaimLink.objects.get(pk=one.link.pk).used_at is None
    assert not Consent.objects.filter(user=sri).exists()


def test_a_minor_needs_a_guardian(classes, mentor):
    sri = classes[3]
    [one] = issue([sri], mentor)
    minor_year = str(timezone.localdate().year - 16)

    refused = Client().post(link_path(one), claim_data(birth_year=minor_year))
    assert refused.status_code == 200
    accepted = Client().post(
        link_path(one),
        claim_data(birth_year=minor_year, guardian_name="Ibu Darmi", guardian_statement="on"),
    )

    assert accepted.status_code == 302
    notice = Consent.objects.get(user=sri, kind=Consent.Kind.NOTICE)
    assert notice.guardian_name == "Ibu Darmi"


def test_a_nul_or_overlong_name_is_refused_and_nothing_changes(classes, mentor):
    sri = classes[3]
    [one] = issue([sri], mentor)

    response = Client().post(link_path(one), claim_data(full_name="Sri\x00 W" + "a" * 200))

    assert response.status_code == 200  # too long: a message, nothing stored
    sri.refresh_from_db()
    assert sri.full_name == "Sri Wahyuni"
    assert not sri.has_usable_password()
    nul = Client().post(link_path(one), claim_data(full_name="Sri\x00 W"))
    assert nul.status_code == 200  # refused with a message
    sri.refresh_from_db()
    assert sri.full_name == "Sri Wahyuni"
    assert not sri.has_usable_password()


def test_short_code_leads_to_the_same_claim(classes, mentor):
    sri = classes[3]
    [one] = issue([sri], mentor)
    code = one.link.code
    typed = f"{code[:4].lower()}-{code[4:]}"
    client = Client()

    form = client.post(reverse("lms:claim_code"), {"code": typed})
    assert form.status_code == 200
    assert 'name="full_name"' in form.content.decode()
    done = client.post(reverse("lms:claim_code"), {"code": typed, **claim_data()})

    assert done.status_code == 302
    sri.refresh_from_db()
    assert sri.check_password(PASSWORD)


@override_settings(CLAIM_CODE_ADDRESS_RATE="3/h")
def test_wrong_codes_from_one_address_are_throttled_even_the_right_one(classes, mentor):
    sri = classes[3]
    [one] = issue([sri], mentor)
    client = Client()
    for _attempt in range(3):
        wrong = client.post(reverse("lms:claim_code"), {"code": "ZZZZZZZZ"}, REMOTE_ADDR="10.0.0.9")
        assert wrong.status_code == 200

    blocked = client.post(
        reverse("lms:claim_code"), {"code": one.link.code}, REMOTE_ADDR="10.0.0.9"
    )
    elsewhere = Client().post(
        reverse("lms:claim_code"), {"code": one.link.code}, REMOTE_ADDR="10.0.0.10"
    )

    assert blocked.status_code == 429
    assert 'name="full_name"' not in blocked.content.decode()
    assert elsewhere.status_code == 200
    assert 'name="full_name"' in elsewhere.content.decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs a server database with real concurrency"
)
def test_two_submits_at_once_make_one_claim(classes, mentor):
    sri = classes[3]
    [one] = issue([sri], mentor)

    outcomes = run_together(
        lambda: claims.claim_link_redeem(
            link_id=one.link.pk, full_name="Sri", password=PASSWORD, birth_year=None,
            research=False,
        ),
        times=2,
    )  # fmt: skip

    assert sum(isinstance(o, User) for o in outcomes) == 1
    assert Consent.objects.filter(user=sri, kind=Consent.Kind.NOTICE).count() == 1


# --- staff side and scope ----------------------------------------------------------------


def test_mentor_lists_only_unclaimed_owners_of_their_classes(classes, mentor, client):
    _course, mine, _theirs, sri, tono, wati = classes
    tono.set_password("x-already-claimed-1")
    tono.save()
    client.force_login(mentor)

    page = client.get(LIST).content.decode()

    assert "Sri Wahyuni" in page
    assert "Tono" not in page  # already claimed
    assert "Wati" not in page  # another mentor's class


def test_coordinator_filters_by_class(classes, coordinator, client):
    _course, mine, theirs, *_ = classes
    client.force_login(coordinator)

    page = client.get(LIST, {"kelas": theirs.pk}).content.decode()

    assert "Wati" in page
    assert "Sri Wahyuni" not in page


def test_mentor_filtering_by_another_mentors_class_sees_only_their_own(classes, mentor, client):
    _course, _mine, theirs, *_ = classes
    client.force_login(mentor)

    page = client.get(LIST, {"kelas": theirs.pk}).content.decode()

    assert "Wati" not in page
    assert "Kelas Budi" not in page


def test_a_live_link_offers_a_whatsapp_reminder_with_the_code_filled_in(classes, mentor, client):
    sri = classes[3]
    [one] = issue([sri], mentor)
    client.force_login(mentor)

    page = client.get(LIST).content.decode()

    start = page.index("https://wa.me/6281111111111?text=")
    href = page[start : page.index('"', start)].replace("&amp;", "&")
    message = urllib.parse.unquote(href.split("?text=", 1)[1])
    assert f"http://testserver/akun/klaim/?kode={one.link.code}" in message
    assert one.code in message
    filled = Client().get(f"/akun/klaim/?kode={one.link.code}").content.decode()
    assert f'value="{one.link.code}"' in filled


def test_a_learner_signed_in_on_a_shared_phone_is_replaced_and_the_browser_cleared(
    classes, mentor, owner
):
    sri = classes[3]
    [one] = issue([sri], mentor)
    client = Client()
    client.force_login(owner)

    response = client.post(link_path(one), claim_data())

    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == sri.pk
    assert "storage" in response["Clear-Site-Data"]


def test_mentor_cannot_issue_for_another_class_learner(classes, mentor, client):
    *_, sri, _tono, wati = classes
    client.force_login(mentor)

    response = client.post(LIST, {"user": [sri.pk, wati.pk], "format": "html"})

    assert response.status_code == 302
    assert not ClaimLink.objects.exists()
    assert not ModelLogEntry.objects.filter(action=audit.CLAIM_LINK_ISSUE).exists()


def test_learner_cannot_open_the_claim_list(classes, client):
    client.force_login(classes[3])
    assert client.get(LIST).status_code in (302, 403)


def test_issuing_shows_a_whatsapp_button_with_link_and_code(classes, mentor, client):
    sri = classes[3]
    client.force_login(mentor)

    response = client.post(LIST, {"user": [sri.pk], "format": "html"})

    assert "no-store" in response["Cache-Control"]  # the raw link is on this page only
    link = ClaimLink.objects.get(user=sri)
    page = response.content.decode()
    start = page.index("https://wa.me/6281111111111?text=")
    href = page[start : page.index('"', start)].replace("&amp;", "&")
    message = urllib.parse.unquote(href.split("?text=", 1)[1])
    assert "Sri Wahyuni" in message
    assert claims.code_display(link.code) in message
    assert "http://testserver/akun/klaim/" in message
    token = message.split("http://testserver/akun/klaim/", 1)[1].split("/", 1)[0]
    assert claims.token_hash(token) == link.token_hash


def test_slips_pdf_has_one_slip_per_owner_with_a_qr_of_their_link(classes, coordinator, client):
    *_, sri, tono, wati = classes
    client.force_login(coordinator)

    response = client.post(LIST, {"user": [sri.pk, tono.pk, wati.pk], "format": "pdf"})

    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert float(page.mediabox.width) == pytest.approx(A4_PORTRAIT_PT[0], abs=0.5)
    decoded = [b.text for image in page.images for b in zxingcpp.read_barcodes(image.image)]
    assert len(decoded) == 3
    hashes = {claims.token_hash(url.rstrip("/").rsplit("/", 1)[1]) for url in decoded}
    assert hashes == set(ClaimLink.objects.values_list("token_hash", flat=True))
    text = page.extract_text()
    for link in ClaimLink.objects.all():
        assert claims.code_display(link.code) in text
    assert "Sri Wahyuni" in text
    assert "Wati" in text


def test_issuing_for_an_account_already_claimed_is_refused(classes, mentor):
    *_, sri, tono, _wati = classes
    tono.set_password("x-already-claimed-1")
    tono.save()

    with pytest.raises(ValidationError) as refused:
        issue([sri, tono], mentor)

    assert refused.value.messages == [str(claims.ALREADY_CLAIMED)]
    assert not ClaimLink.objects.exists()


def test_nine_owners_get_nine_slips_eight_to_an_a4_page(mentor, learners_group):
    course = build_course(weeks=1, lessons_per_week=1, slug="kelas-sembilan")
    cohort = Cohort.objects.create(
        name="Kelas Balai Desa", course=course, start_date=timezone.localdate(), mentor=mentor
    )
    owners = [
        imported_owner(f"Pemilik {n}", f"+628123000{n:04d}", learners_group, f"Usaha {n}")
        for n in range(9)
    ]
    for user in owners:
        enrolment_start(learner=user, course=course, cohort=cohort)
    issued = issue(owners, mentor)

    reader = PdfReader(io.BytesIO(slips_pdf(issued)))

    per_page = [sum(one.code in page.extract_text() for one in issued) for page in reader.pages]
    assert per_page == [8, 1]


def test_claim_list_queries_do_not_grow_with_the_owners(
    classes, coordinator, client, learners_group, django_assert_max_num_queries
):
    course, mine, *_ = classes
    more = [
        imported_owner(f"Pemilik {n}", f"+628124000{n:04d}", learners_group, f"Usaha {n}")
        for n in range(20)
    ]
    for user in more:
        enrolment_start(learner=user, course=course, cohort=mine)
    issue(more + list(classes[3:]), coordinator)  # 23 owners, each with a live link
    client.force_login(coordinator)
    client.get(LIST)  # warm the session and permission caches

    with django_assert_max_num_queries(14):  # 14 for 3 owners too (the admin menu included)
        response = client.get(LIST)

    assert response.status_code == 200
    assert response.content.decode().count("https://wa.me/") == 23


@pytest.mark.skipif(not apps.is_installed("onboarding"), reason="the onboarding app is optional")
def test_coordinator_filters_by_import_and_a_mentor_is_not_offered_imports(
    classes, coordinator, mentor, client
):
    *_, sri, tono, wati = classes
    batch = apps.get_model("onboarding", "ImportBatch").objects.create(
        file_name="sibakul-bantul.xlsx", imported_at=timezone.now()
    )
    batch.owners.add(sri, wati)
    client.force_login(coordinator)

    page = client.get(LIST, {"impor": batch.pk}).content.decode()

    assert "Sri Wahyuni" in page
    assert "Wati" in page
    assert "Tono" not in page
    client.force_login(mentor)
    assert "sibakul-bantul.xlsx" not in client.get(LIST).content.decode()
    assert "Wati" not in client.get(LIST, {"impor": batch.pk}).content.decode()


def test_the_retention_run_deletes_expired_and_voided_links_only(classes, mentor):
    *_, sri, tono, wati = classes
    [voided] = issue([sri], mentor)
    [live] = issue([sri], mentor)
    [old] = issue([tono], mentor)
    ClaimLink.objects.filter(pk=old.link.pk).update(expires_at=timezone.now() - timedelta(1))

    assert data_rights.retention_run(dry_run=True)["claim_links"] == 2
    assert data_rights.retention_run()["claim_links"] == 2

    assert list(ClaimLink.objects.values_list("pk", flat=True)) == [live.link.pk]
    assert voided.link.pk != live.link.pk


def test_links_just_sent_by_whatsapp_print_as_slips_without_being_replaced(
    classes, mentor, other_mentor, client
):
    *_, sri, tono, wati = classes
    [theirs] = issue([wati], other_mentor)
    client.force_login(mentor)
    page = client.post(LIST, {"user": [sri.pk, tono.pk], "format": "html"}).content.decode()
    tokens = [chunk.split('"', 1)[0] for chunk in page.split('name="token" value="')[1:]]
    assert len(tokens) == 2

    response = client.post(
        LIST, {"format": "reprint", "token": [*tokens, theirs.token, "not-a-token"]}
    )

    assert response["Content-Type"] == "application/pdf"
    page = PdfReader(io.BytesIO(response.content)).pages[0]
    decoded = sorted(b.text for image in page.images for b in zxingcpp.read_barcodes(image.image))
    assert decoded == sorted(f"http://testserver/akun/klaim/{token}/" for token in tokens)
    assert ClaimLink.objects.filter(voided_at__isnull=False).count() == 0
    assert ClaimLink.objects.count() == 3
