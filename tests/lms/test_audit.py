"""The audit log (issue 18, item 8): who exported, reset or revoked what, with which filters;
one entry per action, never a secret; coordinators read it, mentors cannot."""

import json
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log, registry
from wagtail.models import ModelLogEntry

from certificates import services as certificate_services
from certificates.models import Certificate, CertificateTemplate
from lms import audit, selectors, services
from lms.models import User
from tests.reports.links import url

pytestmark = pytest.mark.django_db

AUDIT_LOG = reverse("lms_audit_log")
AUDIT_LOG_RESULTS = reverse("lms_audit_log_results")
TEMPORARY = "sementara-Rahasia-77"
SITE_HISTORY = "/admin/reports/site-history/"


def entries(action=None):
    found = ModelLogEntry.objects.filter(action__startswith="pintar.")
    return list(found.filter(action=action) if action else found)


def content(response):
    """A download's bytes, read to the end as a browser does."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def certificate_for(learner, course, cohort, serial):
    business = learner.membership.business
    return Certificate.objects.create(
        learner=learner,
        course=course,
        business=business,
        cohort=cohort,
        template=CertificateTemplate.objects.first(),
        serial=serial,
        holder_name=learner.full_name,
        business_name=business.name,
        course_title=course.title,
        mentor_name="Rina",
        completed_on="2026-11-01",
    )


# The actions


def test_every_audit_action_has_a_label():
    names = {
        "pintar.export_personal_data",
        "pintar.import",
        "pintar.claim_link_issue",
        "pintar.temporary_password",
        "pintar.certificate_revoke",
        "pintar.account_delete",
    }
    assert set(audit.ACTIONS) == names
    for action in [*names, audit.LEGACY_TEMPORARY_PASSWORD]:
        assert registry.action_exists(action)
        assert str(registry.get_action_label(action))


def test_temporary_password_writes_one_entry_about_the_learner_without_the_password(
    mentor, owner, two_classes
):
    services.temporary_password_set(actor=mentor, user=owner, password=TEMPORARY)

    [entry] = entries()
    assert entry.action == "pintar.temporary_password"
    assert entry.user_id == mentor.pk
    assert entry.content_type == ContentType.objects.get_for_model(User)
    assert entry.object_id == str(owner.pk)
    assert entry.label == "Sumarni"
    assert TEMPORARY not in json.dumps(entry.data)
    assert owner.temporary_password not in json.dumps(entry.data)  # nor its hash


def test_a_refused_temporary_password_writes_nothing(mentor, other_owner, two_classes):
    with pytest.raises(ValidationError):
        services.temporary_password_set(actor=mentor, user=other_owner, password=TEMPORARY)
    assert entries() == []


def test_certificate_revoke_writes_one_entry_with_the_serial(coordinator, owner, two_classes):
    certificate = certificate_for(owner, two_classes.course, two_classes.mine, "PU-2020-000001")

    certificate_services.certificate_revoke(
        certificate=certificate, by=coordinator, reason="Nama salah ketik"
    )
    with pytest.raises(ValidationError):  # a second revoke is refused and writes nothing
        certificate_services.certificate_revoke(
            certificate=certificate, by=coordinator, reason="Lagi"
        )

    [entry] = entries()
    assert entry.action == "pintar.certificate_revoke"
    assert entry.user_id == coordinator.pk
    assert entry.content_type == ContentType.objects.get_for_model(Certificate)
    assert entry.object_id == str(certificate.pk)
    assert entry.label == "PU-2020-000001"  # not the holder's name
    assert entry.data == {"serial": "PU-2020-000001"}


def test_revoke_through_the_admin_is_logged_once(client, coordinator, owner, two_classes):
    certificate = certificate_for(owner, two_classes.course, two_classes.mine, "PU-2020-000002")
    client.force_login(coordinator)
    response = client.post(
        reverse("certificate_admin:revoke", args=[certificate.pk]), {"reason": "Salah data"}
    )
    assert response.status_code == 302
    assert [(e.action, e.user_id) for e in entries()] == [
        ("pintar.certificate_revoke", coordinator.pk)
    ]


# Exports of personal data


def test_a_mentors_learner_export_is_logged_once_with_its_filters(client, mentor, two_classes):
    client.force_login(mentor)
    course, mine = two_classes.course, two_classes.mine
    response = client.get(
        url("learners", course=course.pk, cohort=mine.pk, status="in_progress", export="csv")
    )
    assert response.status_code == 200
    content(response)  # every chunk sent: still one entry

    [entry] = entries()
    assert entry.action == "pintar.export_personal_data"
    assert entry.user_id == mentor.pk
    assert entry.object_id == str(mentor.pk)  # an export is about many people: its maker
    assert entry.data == {
        "report": "reports.learners",
        "format": "csv",
        "filters": {
            "course": f"{course.title} (#{course.pk})",
            "cohort": f"Kelas Rina (#{mine.pk})",
            "status": "in_progress",
        },
    }


def test_a_coordinators_business_export_is_logged_with_format_and_date_range(
    client, coordinator, two_classes
):
    client.force_login(coordinator)
    course = two_classes.course
    response = client.get(
        url(
            "businesses",
            course=course.pk,
            regency="sleman",
            enrolled_at_from="2026-01-01",
            enrolled_at_to="2026-12-31",
            export="xlsx",
        )
    )
    assert response.status_code == 200
    content(response)

    [entry] = entries()
    assert entry.user_id == coordinator.pk
    assert entry.data == {
        "report": "reports.businesses",
        "format": "xlsx",
        "filters": {
            "course": f"{course.title} (#{course.pk})",
            "regency": "sleman",
            "enrolled_at": "2026-01-01..2026-12-31",
        },
    }


@pytest.mark.parametrize("report", ["knowledge", "survey"])
def test_other_exports_naming_people_are_logged(client, coordinator, two_classes, report):
    client.force_login(coordinator)
    response = client.get(url(report, course=two_classes.course.pk, export="csv"))
    assert response.status_code == 200
    content(response)
    [entry] = entries()
    assert entry.data["report"] == f"reports.{report}"


def test_a_search_in_an_export_is_logged_cleaned(client, coordinator, two_classes):
    client.force_login(coordinator)
    response = client.get(url("survey", course=two_classes.course.pk, q="harga", export="csv"))
    assert response.status_code == 200
    [entry] = entries()
    assert entry.data["search"] == "harga"


def test_a_hostile_search_is_stored_without_nul_or_a_500(client, coordinator, two_classes):
    client.force_login(coordinator)
    response = client.get(
        url("survey", course=two_classes.course.pk, q="a\x00b" + "x" * 5000, export="csv")
    )
    assert response.status_code == 200
    [entry] = entries()
    assert "\x00" not in json.dumps(entry.data)
    assert len(entry.data.get("search", "")) <= audit.SEARCH_MAX


@pytest.mark.parametrize("report", ["overview", "breakdowns", "questions", "survey_statements"])
def test_aggregate_exports_are_not_logged(client, coordinator, two_classes, report):
    client.force_login(coordinator)
    response = client.get(url(report, course=two_classes.course.pk, export="csv"))
    assert response.status_code == 200
    content(response)
    assert entries() == []


def test_looking_at_a_report_page_is_not_an_export(client, coordinator, two_classes):
    client.force_login(coordinator)
    assert client.get(url("learners", course=two_classes.course.pk)).status_code == 200
    assert entries() == []


def test_a_refused_export_is_not_logged(client, owner, two_classes):
    client.force_login(owner)  # a learner
    response = client.get(url("learners", course=two_classes.course.pk, export="csv"))
    assert response.status_code != 200
    assert entries() == []


def test_certificate_list_and_zip_downloads_are_logged(
    client, coordinator, owner, two_classes, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(coordinator)
    course = two_classes.course
    listing = client.get(reverse("certificate_admin:index"), {"course": course.pk, "export": "csv"})
    assert listing.status_code == 200
    content(listing)
    archive = client.get(reverse("certificate_admin:zip"), {"course": course.pk})
    assert archive.status_code == 200
    content(archive)

    logged = sorted((e.data["report"], e.data["format"]) for e in entries())
    assert logged == [("certificates", "csv"), ("certificates", "zip")]
    assert all(e.user_id == coordinator.pk for e in entries())
    assert all(e.data["filters"] == {"course": f"{course.title} (#{course.pk})"} for e in entries())


# Reading the log


@pytest.fixture
def logged(mentor, other_mentor, coordinator, owner, two_classes):
    """A temporary password set by the mentor, an export by the other mentor, a revoke by the
    coordinator, a week ago."""
    services.temporary_password_set(actor=mentor, user=owner, password=TEMPORARY)
    audit.export_log(user=other_mentor, report="reports.learners", export_format="csv", filters={})
    certificate = certificate_for(owner, two_classes.course, two_classes.mine, "PU-2020-000003")
    certificate_services.certificate_revoke(certificate=certificate, by=coordinator, reason="X")
    ModelLogEntry.objects.filter(action=audit.CERTIFICATE_REVOKE).update(
        timestamp=timezone.now() - timedelta(days=7)
    )


def listed(response):
    assert response.status_code == 200
    return sorted((entry.action, entry.user_id) for entry in response.context["object_list"])


def test_coordinators_see_every_audit_entry(client, coordinator, mentor, other_mentor, logged):
    client.force_login(coordinator)
    assert listed(client.get(AUDIT_LOG)) == [
        ("pintar.certificate_revoke", coordinator.pk),
        ("pintar.export_personal_data", other_mentor.pk),
        ("pintar.temporary_password", mentor.pk),
    ]


def test_coordinators_filter_the_log_by_action(client, coordinator, other_mentor, logged):
    client.force_login(coordinator)
    response = client.get(AUDIT_LOG_RESULTS, {"action": "pintar.export_personal_data"})
    assert listed(response) == [("pintar.export_personal_data", other_mentor.pk)]
    assert "reports.learners" in response.content.decode()


def test_coordinators_filter_the_log_by_person(client, coordinator, mentor, logged):
    client.force_login(coordinator)
    by_mentor = client.get(AUDIT_LOG_RESULTS, {"user": mentor.pk})
    assert listed(by_mentor) == [("pintar.temporary_password", mentor.pk)]
    about_owner = client.get(AUDIT_LOG_RESULTS, {"label": "sumarni"})
    assert listed(about_owner) == [("pintar.temporary_password", mentor.pk)]
    about_certificate = client.get(AUDIT_LOG_RESULTS, {"label": "pu-2020-000003"})
    assert [a for a, _u in listed(about_certificate)] == ["pintar.certificate_revoke"]


def test_coordinators_filter_the_log_by_date(client, coordinator, logged):
    client.force_login(coordinator)
    since = (timezone.localdate() - timedelta(days=1)).isoformat()
    recent = client.get(AUDIT_LOG_RESULTS, {"timestamp_from": since})
    assert [a for a, _u in listed(recent)] == [
        "pintar.export_personal_data",
        "pintar.temporary_password",
    ]


def test_bad_filters_answer_with_the_form_not_a_500(client, coordinator, logged):
    client.force_login(coordinator)
    for query in (
        {"action": "pintar.nope"},
        {"user": "999999999999999999999"},
        {"timestamp_from": "kemarin"},
        {"label": "\x00" + "x" * 100_000},
    ):
        assert client.get(AUDIT_LOG, query).status_code == 200


def test_old_temporary_password_entries_still_count(client, coordinator, mentor, owner):
    log(instance=owner, action=audit.LEGACY_TEMPORARY_PASSWORD, user=mentor)
    assert len(selectors.temporary_password_log_for(user=owner)) == 1
    client.force_login(coordinator)
    response = client.get(AUDIT_LOG_RESULTS, {"action": "pintar.temporary_password"})
    assert listed(response) == [(audit.LEGACY_TEMPORARY_PASSWORD, mentor.pk)]


@pytest.mark.parametrize("address", [AUDIT_LOG, AUDIT_LOG_RESULTS])
def test_a_mentor_cannot_open_the_log(client, mentor, logged, address):
    """Refused as the Wagtail admin refuses: back to the dashboard (a 403 for a script)."""
    client.force_login(mentor)
    response = client.get(address)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    fetched = client.get(address, headers={"x-requested-with": "XMLHttpRequest"})
    assert fetched.status_code == 403


def test_a_learner_cannot_open_the_log(client, owner, logged):
    client.force_login(owner)
    assert client.get(AUDIT_LOG).status_code in (302, 403)


def test_the_log_is_in_the_reports_menu_for_coordinators_only(client, coordinator, mentor):
    client.force_login(coordinator)
    assert AUDIT_LOG in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(mentor)
    assert AUDIT_LOG not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_site_history_hides_another_class_certificate_revoke_from_a_mentor(
    client, coordinator, mentor, other_owner, owner, two_classes
):
    mine = certificate_for(owner, two_classes.course, two_classes.mine, "PU-2020-000010")
    theirs = certificate_for(other_owner, two_classes.course, two_classes.theirs, "PU-2020-000011")
    for certificate in (mine, theirs):
        certificate_services.certificate_revoke(certificate=certificate, by=coordinator, reason="X")

    client.force_login(mentor)
    page = client.get(SITE_HISTORY, {"action": "pintar.certificate_revoke"})
    assert page.status_code == 200
    assert [e.object_id for e in page.context["object_list"]] == [str(mine.pk)]
    client.force_login(coordinator)
    page = client.get(SITE_HISTORY, {"action": "pintar.certificate_revoke"})
    assert sorted(e.object_id for e in page.context["object_list"]) == sorted(
        [str(mine.pk), str(theirs.pk)]
    )
