"""The learner-level report ("Peserta"): one row per enrolled learner, worked out by hand from
the province (tests/reports/conftest.py); names and contact for coordinators only."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from certificates.models import Certificate
from courses.models import CourseCompletion
from lms.models import Business, Regency, Sector, User
from tests.reports.links import url
from tests.spreadsheets import number, read_csv, read_xlsx

pytestmark = pytest.mark.django_db

JAKARTA = ZoneInfo("Asia/Jakarta")


def indonesian(*texts):
    """Column headings as an Indonesian coordinator's export shows them."""
    with translation.override("id"):
        return [translation.gettext(text) for text in texts]


HEADER = indonesian(
    "Learner ID",
    "Business ID",
    "SiBakul number",
    "Regency or city",
    "District (kapanewon/kemantren)",
    "Sector",
    "Class",
    "Age band",
    "Progress (%)",
    "Completed on",
    "Mean best score (%)",
    "Mean first-attempt score (%)",
    "Before",
    "After",
    "Gain (points)",
    "Certificate",
    "Under 18",
)
CONTACT = indonesian("Learner", "Mobile number", "Email")


@pytest.fixture
def learners(province):
    """a1 with a birth year, a SiBakul number, a district, contact details and a completion
    record dated 11 October (10:00 in Jakarta); e1 completed on 31 October."""
    business = province.a1.membership.business
    Business.objects.filter(pk=business.pk).update(sibakul_number="3404123456", district="Depok")
    User.objects.filter(pk=province.a1.pk).update(
        full_name="Siti Aminah", phone="+6281234567890", email="siti@example.org", birth_year=1990
    )
    User.objects.filter(pk=province.b1.pk).update(birth_year=2020)  # aged 6: not a plausible age
    for learner, completed in ((province.a1, (10, 11)), (province.e1, (10, 31))):
        CourseCompletion.objects.update_or_create(
            learner=learner,
            course=province.course,
            defaults={"completed_at": datetime(2026, *completed, 10, 0, tzinfo=JAKARTA)},
        )
    return province


def labels(*choices):
    with translation.override("id"):
        return [str(choice.label) for choice in choices]


def test_each_enrolled_learner_is_one_row_with_the_figures_worked_out_by_hand(
    coordinator_client, learners
):
    header, *rows = read_csv(
        coordinator_client.get(url("learners", course=learners.course.pk, export="csv"))
    )
    assert header == HEADER + CONTACT
    by_id = {int(row[0]): row for row in rows}
    a1, a2, b1, d1, e1 = (learners.a1, learners.a2, learners.b1, learners.d1, learners.e1)
    assert set(by_id) == {a1.pk, a2.pk, b1.pk, d1.pk, e1.pk}  # c1 is not enrolled
    row = by_id[a1.pk]
    business = a1.membership.business
    sleman, culinary = labels(Regency.SLEMAN, Sector.CULINARY)
    serial = Certificate.objects.get(learner=a1).serial
    assert row[1:10] == [
        str(business.pk), "3404123456", sleman, "Depok", culinary, "K1", "35-44", "100,0",
        "2026-10-11",
    ]  # fmt: skip
    # quiz 1: 100; quiz 2: 25 then 75. Best: (100 + 75) / 2; first: (100 + 25) / 2.
    assert row[10:12] == ["87,5", "62,5"]
    assert [number(cell) for cell in row[12:15]] == [25, 75, 50]
    assert row[15] == serial
    assert row[16] == indonesian("No")[0]  # born 1990
    assert row[17:] == ["Siti Aminah", "0812-3456-7890", "siti@example.org"]
    # a2 shares A; week 1 of 2 done; quiz 1 50 (first and best); before 50, no after.
    assert by_id[a2.pk][1] == str(business.pk)
    assert by_id[a2.pk][6:12] == ["K2", "", "50,0", "", "50,0", "50,0"]
    assert [number(cell) for cell in by_id[a2.pk][12:15]] == [50, None, None]
    assert by_id[a2.pk][15] == ""
    assert by_id[b1.pk][7] == ""  # born 2020: an implausible age is unknown
    assert by_id[d1.pk][6:16] == ["", "", "0,0", "", "", "", "", "", "", ""]
    assert by_id[e1.pk][8:10] == ["100,0", "2026-10-31"]


def test_the_xlsx_holds_numbers_as_numbers_and_the_completion_day_as_a_date(
    coordinator_client, learners
):
    sheet = read_xlsx(
        coordinator_client.get(
            url("learners", course=learners.course.pk, export="xlsx", ordering="learner_id")
        )
    )
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    a1 = rows[learners.a1.pk]
    assert a1[0].data_type == "n"
    assert (a1[8].data_type, a1[8].value) == ("n", 100)
    assert a1[9].is_date
    assert a1[9].value == date(2026, 10, 11)
    assert (a1[10].data_type, float(a1[10].value)) == ("n", 87.5)
    assert rows[learners.d1.pk][9].value is None


def test_a_mentor_sees_their_classes_learners_without_names_or_contact(client, learners):
    """Rina runs K1 (a1, b1): the page and both files hold those two, by id, and nothing that
    names or reaches them."""
    client.force_login(learners.rina)
    header, *rows = read_csv(client.get(url("learners", course=learners.course.pk, export="csv")))
    assert header == HEADER
    assert sorted(int(row[0]) for row in rows) == sorted([learners.a1.pk, learners.b1.pk])
    private = ("Siti Aminah", "0812", "+62", "siti@example.org")
    for export in ("csv", "xlsx"):
        response = client.get(url("learners", course=learners.course.pk, export=export))
        content = b"".join(response.streaming_content)
        if export == "xlsx":
            sheet = read_xlsx(client.get(url("learners", course=learners.course.pk, export=export)))
            content = repr([[cell.value for cell in row] for row in sheet.iter_rows()]).encode()
        for text in private:
            assert text.encode() not in content, (export, text)
    page = client.get(url("learners", course=learners.course.pk)).content.decode()
    assert f">{learners.a1.pk}<" in page.replace(" ", "").replace("\n", "")
    for text in private:
        assert text not in page
    assert CONTACT[1] not in page


def test_a_mentor_cannot_sort_by_a_column_they_are_not_shown(client, learners):
    client.force_login(learners.rina)
    response = client.get(url("learners", course=learners.course.pk, ordering="learner_name"))
    assert response.status_code == 200


def test_coordinators_see_names_and_contact_on_the_page(coordinator_client, learners):
    page = coordinator_client.get(url("learners", course=learners.course.pk)).content.decode()
    assert "Siti Aminah" in page
    assert "0812-3456-7890" in page
    assert "siti@example.org" in page


def test_the_business_export_names_the_owner_and_gives_coordinators_their_contact(
    client, coordinator_client, learners
):
    business = learners.a1.membership.business
    header, *rows = read_csv(
        coordinator_client.get(url("businesses", course=learners.course.pk, export="csv"))
    )
    assert header[-5:] == indonesian(
        "Business ID",
        "District (kapanewon/kemantren)",
        "Owner",
        "Owner's mobile number",
        "Owner's email",
    )
    row = next(row for row in rows if row[0] == "A")
    assert row[-5:] == [str(business.pk), "Depok", "Siti Aminah", "0812-3456-7890",
                        "siti@example.org"]  # fmt: skip
    client.force_login(learners.rina)
    header, *rows = read_csv(client.get(url("businesses", course=learners.course.pk, export="csv")))
    assert header[-3:] == indonesian("Business ID", "District (kapanewon/kemantren)", "Owner")
    row = next(row for row in rows if row[0] == "A")
    assert row[-3:] == [str(business.pk), "Depok", "Siti Aminah"]
    assert "siti@example.org" not in repr(rows)


@pytest.mark.parametrize("name", ["learners", "survey_statements"])
def test_a_link_with_another_mentors_class_exports_no_row(client, learners, name):
    client.force_login(learners.dewi)  # Dewi runs K2; K1 is Rina's
    header, *rows = read_csv(
        client.get(url(name, course=learners.course.pk, cohort=learners.k1.pk, export="csv"))
    )
    assert header
    assert rows == []


def test_the_learner_export_reads_its_rows_in_one_query(
    coordinator_client, learners, django_assert_max_num_queries
):
    """The file streams from one query, however many learners (no query per row); the
    others read the session, the viewer's roles and the course, and write the audit log's
    entry (Wagtail checks its content type and user, then inserts it: 3)."""
    export = url("learners", course=learners.course.pk, export="csv")
    coordinator_client.get(export)
    with django_assert_max_num_queries(13):
        rows = read_csv(coordinator_client.get(export))
    assert len(rows) == 6
