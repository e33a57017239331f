"""The coordinators' research export: consenting adults, and minors whose guardian's consent
covers research; no names or contacts; stable pseudonyms; age bands. Mentors get 403."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from lms.models import Business, User
from privacy import selectors, services
from privacy.models import Consent, PrivacyNotice
from tests.spreadsheets import number, read_csv, read_xlsx

pytestmark = pytest.mark.django_db

PRIVATE = [
    b"Siti Aminah", b"siti@example.org", b"0812", b"+62", b"Dewi Lestari", b"dewi@example.org",
    b"Bu Lestari", b"Batik Siti",
]  # fmt: skip


def export_url(course, **query):
    return reverse("privacy_admin:research") + "?" + urlencode({"course": course.pk, **query})


def indonesian(*texts):
    with translation.override("id"):
        return [translation.gettext(text) for text in texts]


@pytest.fixture
def consenting(province):
    """a1 (adult, born 1990) gave research consent; a2 gave it then withdrew; b1 (16) gave it
    with no guardian named; d1 (16) with her guardian; c1 (born 1980) consented but is not
    enrolled; e1 consented with no birth year known; the others were never asked."""
    year = timezone.localdate().year
    User.objects.filter(pk=province.a1.pk).update(
        full_name="Siti Aminah", phone="+6281234567890", email="siti@example.org", birth_year=1990
    )
    User.objects.filter(pk=province.d1.pk).update(
        full_name="Dewi Lestari", email="dewi@example.org", birth_year=year - 16
    )
    User.objects.filter(pk=province.b1.pk).update(birth_year=year - 16)
    User.objects.filter(pk=province.c1.pk).update(birth_year=1980)
    User.objects.filter(pk=province.e1.pk).update(birth_year=None)
    Business.objects.filter(pk=province.a1.membership.business.pk).update(
        name="Batik Siti", district="Depok"
    )
    for person in ("a1", "a2", "b1", "d1", "c1", "e1"):
        setattr(province, person, User.objects.get(pk=getattr(province, person).pk))
    notice = PrivacyNotice.objects.get(version=1)
    services.research_consent_set(user=province.a1, given=True)
    services.research_consent_set(user=province.a2, given=True)
    services.research_consent_set(user=province.a2, given=False)
    # Recorded before guardians were asked: a minor's consent without a guardian.
    Consent.objects.create(user=province.b1, notice=notice, kind="research", given=True)
    services.research_consent_set(
        user=province.d1, given=True, guardian_name="Bu Lestari", guardian_statement=True
    )
    services.research_consent_set(user=province.c1, given=True)
    services.research_consent_set(user=province.e1, given=True)
    return province


def test_consenting_ids_are_adults_and_minors_whose_guardian_consented(consenting):
    ids = set(selectors.research_consenting_learner_ids())
    assert ids == {consenting.a1.pk, consenting.d1.pk, consenting.c1.pk}


def test_an_unknown_birth_year_joins_once_it_is_filled_in(consenting):
    """Nobody knows whether e1 is under 18: their data stays out until they say."""
    assert consenting.e1.pk not in set(selectors.research_consenting_learner_ids())

    User.objects.filter(pk=consenting.e1.pk).update(birth_year=1985)

    assert consenting.e1.pk in set(selectors.research_consenting_learner_ids())


def test_the_profile_asks_for_the_birth_year_research_waits_for(client, consenting):
    (asks,) = indonesian(
        "Your data joins research only once your birth year is known: "
        '<a href="%(edit_url)s">add it to your profile</a> '
        "(under 18, a parent or guardian must agree too)."
    )
    asks %= {"edit_url": reverse("lms:profile_edit")}
    client.force_login(consenting.e1)
    assert asks in client.get(reverse("lms:profile")).content.decode()

    client.force_login(consenting.c1)
    assert asks not in client.get(reverse("lms:profile")).content.decode()


def test_a_deleted_account_leaves_the_research_export(consenting):
    from lms import data_rights

    data_rights.account_anonymise(user=consenting.a1, by=data_rights.BY_RETENTION)

    assert consenting.a1.pk not in set(selectors.research_consenting_learner_ids())


def test_each_research_download_is_in_the_audit_log(coordinator_client, consenting):
    from wagtail.models import ModelLogEntry

    coordinator_client.get(export_url(consenting.course, export="csv"))

    [entry] = ModelLogEntry.objects.filter(action="pintar.export_personal_data")
    assert entry.data["report"] == "reports.research"


def test_a_minor_cannot_give_research_consent_without_a_guardian(consenting):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        services.research_consent_set(user=consenting.b1, given=True)
    assert refused.value.messages == [str(services.GUARDIAN_REQUIRED)]


def test_the_export_holds_only_consenting_enrolled_learners_with_their_figures(
    coordinator_client, consenting
):
    response = coordinator_client.get(export_url(consenting.course, export="csv"))
    assert response.status_code == 200
    header, *rows = read_csv(response)
    assert header == indonesian(
        "Pseudonymous ID", "Age band", "Regency or city", "District (kapanewon/kemantren)",
        "Sector", "Class", "Progress (%)", "Completed the course", "Before", "After",
    )  # fmt: skip
    by_pseudonym = {row[0]: row for row in rows}
    a1 = selectors.research_pseudonym(consenting.a1.pk)
    d1 = selectors.research_pseudonym(consenting.d1.pk)
    assert set(by_pseudonym) == {a1, d1}  # c1 is not enrolled
    yes, no, sleman, bantul, culinary = indonesian("Yes", "No", "Sleman", "Bantul", "Culinary")
    row = by_pseudonym[a1]
    assert row[:8] == [a1, "35-44", sleman, "Depok", culinary, "K1", "100,0", yes]
    assert [number(cell) for cell in row[8:]] == [25, 75]
    row = by_pseudonym[d1]
    assert row == [d1, "<18", bantul, "", culinary, "", "0,0", no, "", ""]


def test_the_export_has_no_name_phone_email_business_or_account_id(coordinator_client, consenting):
    for export in ("csv", "xlsx"):
        response = coordinator_client.get(export_url(consenting.course, export=export))
        if export == "xlsx":
            sheet = read_xlsx(response)
            content = repr([[c.value for c in row] for row in sheet.iter_rows()]).encode()
        else:
            content = b"".join(response.streaming_content)
        for text in PRIVATE:
            assert text not in content, (export, text)
        header, *rows = read_csv(
            coordinator_client.get(export_url(consenting.course, export="csv"))
        )
        ids = {str(consenting.a1.pk), str(consenting.d1.pk)}
        assert not ids & {cell for row in rows for cell in row}
    page = coordinator_client.get(export_url(consenting.course))
    assert page.status_code == 200
    for text in PRIVATE:
        assert text not in page.content


def test_pseudonyms_are_the_same_in_every_export_and_differ_between_learners(
    coordinator_client, consenting
):
    first = read_csv(coordinator_client.get(export_url(consenting.course, export="csv")))
    second = read_csv(coordinator_client.get(export_url(consenting.course, export="csv")))
    assert [row[0] for row in first] == [row[0] for row in second]
    pseudonyms = [row[0] for row in first[1:]]
    assert len(set(pseudonyms)) == 2
    assert all(len(p) == 16 and int(p, 16) >= 0 for p in pseudonyms)


def test_withdrawing_leaves_the_learner_out_of_the_next_export(coordinator_client, consenting):
    services.research_consent_set(user=consenting.a1, given=False)
    _header, *rows = read_csv(coordinator_client.get(export_url(consenting.course, export="csv")))
    assert [row[0] for row in rows] == [selectors.research_pseudonym(consenting.d1.pk)]


def test_a_mentor_gets_403_on_the_page_and_the_files(client, consenting):
    client.force_login(consenting.rina)
    for query in ({}, {"export": "csv"}, {"export": "xlsx"}):
        response = client.get(export_url(consenting.course, **query))
        assert response.status_code == 403, query
    results = reverse("privacy_admin:research_results") + f"?course={consenting.course.pk}"
    assert client.get(results).status_code == 403


def test_a_learner_cannot_reach_the_export(client, consenting):
    client.force_login(consenting.a1)
    response = client.get(export_url(consenting.course, export="csv"))
    assert response.status_code in (302, 403)
    assert b"35-44" not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_the_reports_menu_links_the_export_for_coordinators_only(
    client, coordinator_client, consenting
):
    link = reverse("privacy_admin:research").encode()
    assert link in coordinator_client.get(reverse("reports:overview")).content
    client.force_login(consenting.rina)
    assert link not in client.get(reverse("reports:overview")).content


def test_the_learner_export_marks_learners_under_18(coordinator_client, consenting):
    query = urlencode({"course": consenting.course.pk, "export": "csv"})
    header, *rows = read_csv(coordinator_client.get(reverse("reports:learners") + "?" + query))
    column = header.index(indonesian("Under 18")[0])
    by_id = {int(row[0]): row[column] for row in rows}
    yes, no = indonesian("Yes", "No")
    assert by_id[consenting.a1.pk] == no
    assert by_id[consenting.b1.pk] == yes
    assert by_id[consenting.d1.pk] == yes
    assert by_id[consenting.e1.pk] == ""  # no birth year
