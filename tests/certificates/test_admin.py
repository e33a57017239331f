"""The certificate admin: templates for mentors; list, revoke, reissue and ZIP for coordinators."""

import io
import zipfile
from itertools import count

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from certificates import services
from certificates.models import Certificate, CertificateTemplate
from courses.models import Cohort
from lms.models import Regency, Sector
from tests.factories import (
    BusinessFactory,
    MembershipFactory,
    UserFactory,
    build_course,
    certificate_template_form,
)

pytestmark = pytest.mark.django_db

INDEX = reverse("certificate_admin:index")
ZIP = reverse("certificate_admin:zip")
TEMPLATE_ADD = reverse("wagtailsnippets_certificates_certificatetemplate:add")
FAKE_PDF = b"%PDF-1.4\n% a stand-in for a rendered certificate\n%%EOF\n"
_numbers = count(1)


def inspect_url(certificate):
    return reverse("certificate_admin:inspect", args=[certificate.pk])


def revoke_url(certificate):
    return reverse("certificate_admin:revoke", args=[certificate.pk])


def reissue_url(certificate):
    return reverse("certificate_admin:reissue", args=[certificate.pk])


def make_certificate(*, course, business, cohort=None, completed_on="2026-01-15", **fields):
    """A certificate row as the issue service leaves it, with a small PDF already stored.
    Serials are from 2020 so they never meet the ones the serial counter hands out."""
    number = next(_numbers)
    learner = UserFactory(full_name=f"Pemegang {number}")
    MembershipFactory(user=learner, business=business)
    certificate = Certificate.objects.create(
        learner=learner,
        course=course,
        business=business,
        cohort=cohort,
        template=CertificateTemplate.objects.first(),
        serial=f"PU-2020-{number:06d}",
        holder_name=learner.full_name,
        business_name=business.name,
        course_title=course.title,
        mentor_name="Rina",
        completed_on=completed_on,
        **fields,
    )
    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(FAKE_PDF))
    return certificate


def serials(response):
    return {certificate.serial for certificate in response.context["object_list"]}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def marketing(db):
    return build_course(weeks=1, lessons_per_week=1, slug="pemasaran")


@pytest.fixture
def finance(db):
    return build_course(weeks=1, lessons_per_week=1, slug="keuangan")


@pytest.fixture
def cohort(marketing, mentor):
    return Cohort.objects.create(
        name="Kelas Sleman", course=marketing, start_date="2026-01-05", mentor=mentor
    )


@pytest.fixture
def certs(marketing, finance, cohort):
    """Four certificates that differ in one filtered field each from the first."""
    sleman = BusinessFactory(name="Bakpia Sleman", regency=Regency.SLEMAN, sector=Sector.CULINARY)
    bantul = BusinessFactory(name="Batik Bantul", regency=Regency.BANTUL, sector=Sector.FASHION)
    return {
        "sleman": make_certificate(
            course=marketing, business=sleman, cohort=cohort, completed_on="2026-01-15"
        ),
        "bantul": make_certificate(course=marketing, business=bantul, completed_on="2026-02-15"),
        "finance": make_certificate(course=finance, business=sleman, completed_on="2026-03-15"),
        "revoked": make_certificate(
            course=finance,
            business=bantul,
            completed_on="2026-04-15",
            revoked_at="2026-05-01T10:00:00+07:00",
            revoked_reason="Data palsu.",
        ),
    }


# The list and its filters


def test_coordinator_sees_every_certificate_with_its_columns(client, coordinator, certs):
    client.force_login(coordinator)
    response = client.get(INDEX)
    assert response.status_code == 200
    assert serials(response) == {c.serial for c in certs.values()}
    page = response.content.decode()
    for text in ("Bakpia Sleman", "Pemegang", "Kursus pemasaran", "Dicabut", "Sah"):
        assert text in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (lambda ctx: {"course": ctx["marketing"].pk}, {"sleman", "bantul"}),
        (lambda ctx: {"cohort": ctx["cohort"].pk}, {"sleman"}),
        (lambda ctx: {"regency": Regency.BANTUL}, {"bantul", "revoked"}),
        (lambda ctx: {"sector": Sector.CULINARY}, {"sleman", "finance"}),
        (lambda ctx: {"status": "revoked"}, {"revoked"}),
        (lambda ctx: {"status": "valid"}, {"sleman", "bantul", "finance"}),
        (
            lambda ctx: {"completed_on_from": "2026-02-01", "completed_on_to": "2026-03-31"},
            {"bantul", "finance"},
        ),
        (lambda ctx: {"regency": Regency.SLEMAN, "course": ctx["finance"].pk}, {"finance"}),
        (lambda ctx: {"q": "Batik"}, {"bantul", "revoked"}),
        (lambda ctx: {"q": ctx["certs"]["finance"].serial}, {"finance"}),
    ],
)
def test_filters_narrow_the_list(
    client, coordinator, certs, marketing, finance, cohort, query, expected
):
    context = {"certs": certs, "marketing": marketing, "finance": finance, "cohort": cohort}
    client.force_login(coordinator)
    response = client.get(INDEX, query(context))
    assert serials(response) == {certs[name].serial for name in expected}


def test_replaced_certificates_filter_by_status(client, coordinator, certs):
    new = services.certificate_reissue(certificate=certs["sleman"], by=coordinator)
    client.force_login(coordinator)
    assert serials(client.get(INDEX, {"status": "replaced"})) == {certs["sleman"].serial}
    assert new.serial in serials(client.get(INDEX, {"status": "valid"}))


def test_list_offers_a_zip_of_the_filtered_set(client, coordinator, certs):
    client.force_login(coordinator)
    page = client.get(INDEX, {"regency": Regency.BANTUL, "p": "1"}).content.decode()
    assert f'href="{ZIP}?regency=bantul"' in page


# Who may reach it


@pytest.fixture
def staff_without_certificates(db):
    """Has the admin (as the site's admin group would give) but no certificate permission."""
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Admin only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    return UserFactory(groups=[group])


def every_admin_request(certificate):
    return [
        ("get", INDEX, {}),
        ("get", inspect_url(certificate), {}),
        ("get", revoke_url(certificate), {}),
        ("post", revoke_url(certificate), {"reason": "Coba."}),
        ("get", reissue_url(certificate), {}),
        ("post", reissue_url(certificate), {}),
        ("get", ZIP, {}),
    ]


@pytest.mark.parametrize("who", ["anonymous", "owner", "member", "plain"])
def test_people_without_admin_access_are_sent_to_the_admin_sign_in(
    client, certs, owner, member, who
):
    people = {"owner": owner, "member": member, "plain": UserFactory()}
    if who in people:
        client.force_login(people[who])
    certificate = certs["sleman"]
    for method, url, data in every_admin_request(certificate):
        response = getattr(client, method)(url, data)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("wagtailadmin_login")), url
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID
    assert Certificate.objects.count() == len(certs)


def assert_sent_home(response):
    """Wagtail turns an admin user's PermissionDenied into a redirect to the dashboard."""
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_admin_users_without_certificate_permission_are_sent_to_the_dashboard(
    client, certs, staff_without_certificates
):
    """The list and the ZIP refuse them; a certificate's pages are not found, as for anyone
    who may not see that certificate."""
    client.force_login(staff_without_certificates)
    certificate = certs["sleman"]
    for method, url, data in every_admin_request(certificate):
        response = getattr(client, method)(url, data)
        if url in (INDEX, ZIP):
            assert_sent_home(response)
        else:
            assert response.status_code == 404, url
    assert Certificate.objects.current().filter(revoked_at__isnull=True).count() == 3


def test_mentor_sees_only_the_certificates_of_their_classes(client, mentor, certs):
    client.force_login(mentor)
    assert serials(client.get(INDEX)) == {certs["sleman"].serial}
    assert client.get(inspect_url(certs["sleman"])).status_code == 200
    assert client.get(inspect_url(certs["bantul"])).status_code == 404
    names = zipfile.ZipFile(io.BytesIO(b"".join(client.get(ZIP).streaming_content))).namelist()
    assert names == [f"{certs['sleman'].serial}.pdf"]


def test_mentor_cannot_revoke_or_reissue(client, mentor, certs):
    client.force_login(mentor)
    certificate = certs["sleman"]
    assert_sent_home(client.post(revoke_url(certificate), {"reason": "Coba."}))
    assert_sent_home(client.post(reissue_url(certificate)))
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID
    page = client.get(inspect_url(certificate)).content.decode()
    assert revoke_url(certificate) not in page
    assert reissue_url(certificate) not in page


def test_nobody_creates_edits_or_deletes_certificates_in_the_admin(client, coordinator, certs):
    client.force_login(coordinator)
    certificate = certs["sleman"]
    for url in (
        "/admin/certificates/new/",
        f"/admin/certificates/edit/{certificate.pk}/",
        f"/admin/certificates/delete/{certificate.pk}/",
    ):
        assert client.get(url).status_code == 404, url
    page = client.get(INDEX).content.decode()
    assert "/admin/certificates/edit/" not in page
    assert inspect_url(certificate) in page


# Templates


def test_mentor_creates_a_certificate_template_in_the_admin(client, mentor):
    client.force_login(mentor)
    assert client.get(TEMPLATE_ADD).status_code == 200
    response = client.post(TEMPLATE_ADD, certificate_template_form())
    assert response.status_code == 302
    template = CertificateTemplate.objects.get(name="Sertifikat Sleman")
    assert template.body.startswith("telah menyelesaikan kelas {course}")
    assert template.signer_role == "Kepala Dinas"


def test_unknown_placeholder_is_refused_and_nothing_is_created(client, mentor):
    client.force_login(mentor)
    before = CertificateTemplate.objects.count()
    response = client.post(
        TEMPLATE_ADD, certificate_template_form(body="Selamat {nama}, atas {course}.")
    )
    assert response.status_code == 200
    assert "{nama}" in response.context["form"].errors["body"][0]
    assert CertificateTemplate.objects.count() == before


def test_coordinator_can_read_but_not_add_templates(client, coordinator):
    client.force_login(coordinator)
    templates = reverse("wagtailsnippets_certificates_certificatetemplate:list")
    assert client.get(templates).status_code == 200
    assert_sent_home(client.get(TEMPLATE_ADD))


# Revoke and reissue


def test_coordinator_revokes_with_a_reason(client, coordinator, certs):
    certificate = certs["sleman"]
    client.force_login(coordinator)
    assert client.get(revoke_url(certificate)).status_code == 200

    response = client.post(revoke_url(certificate), {"reason": "Nama usaha tidak sesuai."})

    assert response.status_code == 302
    assert response["Location"] == inspect_url(certificate)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoked_reason == "Nama usaha tidak sesuai."
    assert certificate.revoked_by == coordinator
    revoked = serials(client.get(INDEX, {"status": "revoked"}))
    assert revoked == {certificate.serial, certs["revoked"].serial}
    inspect = client.get(inspect_url(certificate)).content.decode()
    assert "Nama usaha tidak sesuai." in inspect
    assert "Bambang" in inspect
    public = client.get(reverse("certificates:verify", kwargs={"code": certificate.code}))
    assert public.status_code == 200
    assert "verdict--revoked" in public.content.decode()


def test_revoke_without_a_reason_shows_the_message_and_changes_nothing(client, coordinator, certs):
    certificate = certs["sleman"]
    client.force_login(coordinator)
    response = client.post(revoke_url(certificate), {"reason": "   "})
    assert response.status_code == 200
    assert response.context["form"].errors["reason"] == [str(services.REASON_REQUIRED)]
    assert str(services.REASON_REQUIRED) in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID
    assert certificate.revoked_reason == ""


def test_revoking_twice_shows_the_message_and_keeps_the_first_reason(client, coordinator, certs):
    certificate = certs["revoked"]
    client.force_login(coordinator)
    response = client.post(revoke_url(certificate), {"reason": "Lagi."})
    assert response.status_code == 200
    assert str(services.ALREADY_REVOKED) in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.revoked_reason == "Data palsu."


def test_coordinator_reissues_with_a_new_serial_and_the_old_one_replaced(
    client, coordinator, certs
):
    old = certs["bantul"]
    client.force_login(coordinator)
    assert client.get(reissue_url(old)).status_code == 200

    response = client.post(reissue_url(old))

    old.refresh_from_db()
    new = old.replaced_by
    assert response.status_code == 302
    assert response["Location"] == inspect_url(new)
    assert new.serial != old.serial
    assert new.status == Certificate.Status.VALID
    assert old.status == Certificate.Status.REPLACED
    assert (new.learner, new.course, new.completed_on) == (
        old.learner,
        old.course,
        old.completed_on,
    )
    page = client.get(inspect_url(new)).content.decode()
    assert f'href="{inspect_url(old)}"' in page
    assert f'href="{inspect_url(new)}"' in client.get(inspect_url(old)).content.decode()


def test_reissuing_a_replaced_certificate_shows_the_message_and_changes_nothing(
    client, coordinator, certs
):
    old = certs["bantul"]
    services.certificate_reissue(certificate=old, by=coordinator)
    client.force_login(coordinator)
    response = client.post(reissue_url(old), follow=True)
    assert str(services.NOT_CURRENT) in response.content.decode()
    assert Certificate.objects.filter(learner=old.learner).count() == 2


# The ZIP


def zip_of(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment;")
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_zip_holds_exactly_the_filtered_certificates(client, coordinator, certs, marketing):
    client.force_login(coordinator)
    archive = zip_of(client.get(ZIP, {"course": marketing.pk}))
    expected = {f"{certs[name].serial}.pdf" for name in ("sleman", "bantul")}
    assert set(archive.namelist()) == expected
    assert len(archive.namelist()) == len(expected)
    for name in archive.namelist():
        assert archive.read(name).startswith(b"%PDF")
    assert archive.testzip() is None


def test_zip_follows_status_date_and_search_like_the_list(client, coordinator, certs):
    client.force_login(coordinator)
    archive = zip_of(client.get(ZIP, {"status": "revoked"}))
    assert archive.namelist() == [f"{certs['revoked'].serial}.pdf"]
    archive = zip_of(client.get(ZIP, {"completed_on_from": "2026-03-01", "q": "Bakpia"}))
    assert archive.namelist() == [f"{certs['finance'].serial}.pdf"]


def test_zip_of_every_certificate_and_of_none(client, coordinator, certs):
    client.force_login(coordinator)
    assert len(zip_of(client.get(ZIP)).namelist()) == len(certs)
    assert zip_of(client.get(ZIP, {"q": "tidak ada"})).namelist() == []


def test_zip_renders_a_missing_pdf_on_the_way(client, coordinator, certs, marketing):
    certificate = certs["bantul"]
    certificate.pdf.delete()
    client.force_login(coordinator)
    archive = zip_of(client.get(ZIP, {"course": marketing.pk}))
    assert archive.read(f"{certificate.serial}.pdf").startswith(b"%PDF")
    certificate.refresh_from_db()
    assert certificate.pdf


def test_zip_with_an_invalid_filter_goes_back_to_the_list(client, coordinator, certs):
    client.force_login(coordinator)
    response = client.get(ZIP, {"completed_on_from": "bukan tanggal"})
    assert response.status_code == 302
    assert response["Location"].startswith(INDEX)


def test_list_queries_do_not_grow_with_the_certificates(
    client, coordinator, marketing, django_assert_max_num_queries
):
    business = BusinessFactory()
    for _ in range(25):
        make_certificate(course=marketing, business=business)
    client.force_login(coordinator)
    client.get(INDEX)  # Warm the per-process caches (content types, site).
    with django_assert_max_num_queries(14):  # Session, user, permissions, filter choices.
        response = client.get(INDEX)
    assert len(response.context["object_list"]) == 20
