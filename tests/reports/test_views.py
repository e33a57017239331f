"""The report pages in the admin: who reaches them, what they show, what they export."""

import io

import openpyxl
import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.reports.links import url
from tests.spreadsheets import number, read_csv

pytestmark = pytest.mark.django_db

REPORTS = [
    "overview",
    "businesses",
    "breakdowns",
    "learners",
    "knowledge",
    "survey",
    "survey_statements",
    "questions",
    "evaluation",
]


@pytest.mark.parametrize("name", REPORTS)
def test_coordinators_open_every_report(coordinator_client, province, name):
    response = coordinator_client.get(url(name, course=province.course.pk))
    assert response.status_code == 200
    assert province.course.title in response.content.decode()


@pytest.mark.parametrize("name", ["overview", "breakdowns"])
def test_a_page_of_figures_does_not_count_its_rows_as_matches(coordinator_client, province, name):
    page = coordinator_client.get(url(name, course=province.course.pk)).content.decode()
    assert "Ada " not in page
    assert "hasil" not in page
    assert province.course.title in page


@pytest.mark.parametrize("who", ["learner", "member_of_staff_without_role", "anonymous"])
def test_nobody_else_reaches_the_reports(client, province, who):
    if who == "learner":
        client.force_login(province.a1)
    elif who == "member_of_staff_without_role":
        from django.contrib.auth.models import Permission

        staff = UserFactory(full_name="Staf")
        staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
        client.force_login(staff)
    for name in REPORTS:
        response = client.get(url(name, course=province.course.pk))
        assert response.status_code == 302, name
        assert "/admin/" in response["Location"]
        csv_response = client.get(url(name, course=province.course.pk, export="csv"))
        assert csv_response.status_code == 302, name
    business = province.a1.membership.business
    assert client.get(reverse("reports:business", args=[business.pk])).status_code == 302


def test_business_csv_holds_exactly_the_filtered_rows_with_indonesian_headers(
    coordinator_client, province
):
    response = coordinator_client.get(
        url("businesses", course=province.course.pk, regency="bantul", export="csv")
    )
    assert response.status_code == 200
    header, *rows = read_csv(response)
    assert header[:4] == ["Usaha", "Nomor SiBakul", "Kabupaten/kota", "Bidang usaha"]
    assert sorted(row[0] for row in rows) == ["B", "D"]
    b = next(row for row in rows if row[0] == "B")
    assert b[6:9] == ["1", "25,0", "0"]  # learners, progress (a decimal comma), weeks completed


def test_business_xlsx_opens_with_the_same_rows(coordinator_client, province):
    response = coordinator_client.get(
        url("businesses", course=province.course.pk, sector="culinary", export="xlsx")
    )
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Usaha"
    assert sorted(row[0] for row in rows[1:]) == ["A", "D"]


def test_overview_export_matches_the_page(coordinator_client, province):
    response = coordinator_client.get(
        url("overview", course=province.course.pk, regency="sleman", export="csv")
    )
    figures = dict(read_csv(response)[1:])
    assert figures["Usaha terdaftar"] == "1"
    assert figures["Peserta terdaftar"] == "2"
    assert figures["Menyelesaikan kursus"] == "1"


def test_mentor_reports_cover_their_classes_only(client, province):
    client.force_login(province.dewi)
    header, *rows = read_csv(client.get(url("businesses", course=province.course.pk, export="csv")))
    assert [row[0] for row in rows] == ["A"]
    assert rows[0][6] == "1"  # a2 only
    other = province.b1.membership.business
    response = client.get(reverse("reports:business", args=[other.pk]))
    assert response.status_code == 404


def test_business_detail_lists_its_learners_and_attempts(coordinator_client, province):
    business = province.a1.membership.business
    page = coordinator_client.get(
        reverse("reports:business", args=[business.pk]) + f"?course={province.course.pk}"
    ).content.decode()
    assert "a1" in page
    assert "a2" in page
    assert "PU-" in page


def test_survey_search_narrows_the_open_answers(coordinator_client, province):
    page = coordinator_client.get(url("survey", course=province.course.pk, q="tiktok"))
    text = page.content.decode()
    assert "Tambah contoh TikTok." in text
    assert "Video cara memotret produk." not in text


@pytest.mark.parametrize("name", REPORTS)
def test_report_pages_make_as_many_queries_for_more_data(coordinator_client, province, name):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from courses import services as course_services
    from tests.factories import BusinessFactory, MembershipFactory, lessons_of

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = coordinator_client.get(url(name, course=province.course.pk))
        assert response.status_code == 200
        return len(captured)

    coordinator_client.get(url(name, course=province.course.pk))
    before = queries()
    for n in range(6):
        learner = UserFactory(full_name=f"Baru {n}")
        MembershipFactory(user=learner, business=BusinessFactory(), is_owner=True)
        course_services.enrolment_start(learner=learner, course=province.course, cohort=province.k1)
        for lesson in lessons_of(province.course)[: n % 4]:
            course_services.lesson_mark_done(learner=learner, lesson=lesson)
    assert queries() == before
    assert before <= 40


# The business file also asks once whether the viewer may see owners' contact (one more query).
# Each of these files names people, so its download writes an audit log entry: 3 queries
# (Wagtail validates the entry's content type and user, then inserts it).
@pytest.mark.parametrize(
    ("name", "queries"), [("businesses", 13), ("knowledge", 12), ("survey", 13)]
)
def test_an_export_reads_its_rows_once_and_draws_no_chart(
    coordinator_client, province, name, queries, django_assert_max_num_queries
):
    """The file streams its rows from one query; the page's count, charts and summary are not
    built for it (they were: the rows were read twice and every chart's queries ran)."""
    export = url(name, course=province.course.pk, export="csv")
    coordinator_client.get(export)  # the session and permissions, as on any later request
    with django_assert_max_num_queries(queries):
        rows = read_csv(coordinator_client.get(export))
    assert len(rows) > 1


def test_knowledge_csv_names_each_learner_with_their_scores(coordinator_client, province):
    header, *rows = read_csv(
        coordinator_client.get(url("knowledge", course=province.course.pk, export="csv"))
    )
    assert header == ["Peserta", "Usaha", "Sebelum", "Sesudah", "Kenaikan (poin)"]
    assert [row[:2] for row in rows] == [[province.a1.full_name, "A"]]
    assert (number(rows[0][2]), number(rows[0][3]), number(rows[0][4])) == (25, 75, 50)
