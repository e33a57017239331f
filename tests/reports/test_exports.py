"""The reports' CSV and XLSX files: text that people typed (business and learner names, survey
answers, quiz titles) never reaches the coordinator's spreadsheet as a formula."""

import datetime

import pytest
from django.utils import timezone
from django.utils.html import escape

from lms.models import Business, User
from quizzes.models import QuizPage, SurveyAnswer, SurveyResponse
from tests.reports.links import url
from tests.spreadsheets import PAYLOADS, number, read_csv, read_xlsx

pytestmark = pytest.mark.django_db


def business_name(province, payload):
    Business.objects.filter(pk=province.a1.membership.business_id).update(name=payload)


def learner_name(province, payload):
    User.objects.filter(pk=province.a1.pk).update(full_name=payload)


def survey_answer(province, payload):
    SurveyAnswer.objects.filter(response__learner=province.a1, likert__isnull=True).update(
        text=payload
    )


def quiz_title(province, payload):
    QuizPage.objects.filter(pk=province.quiz1.pk).update(title=payload)


# (report, how the payload gets in, the exported column that shows it)
EXPORTS = [
    ("businesses", business_name, 0),
    ("knowledge", learner_name, 0),
    ("knowledge", business_name, 1),
    ("survey", survey_answer, 1),
    ("questions", quiz_title, 0),
]


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize(("report", "put", "column"), EXPORTS)
def test_csv_cells_that_would_start_a_formula_begin_with_a_quote(
    coordinator_client, province, report, put, column, payload
):
    put(province, payload)
    header, *rows = read_csv(
        coordinator_client.get(url(report, course=province.course.pk, export="csv"))
    )
    cells = [row[column] for row in rows]
    assert "'" + payload in cells
    assert payload not in cells


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize(("report", "put", "column"), EXPORTS)
def test_xlsx_cells_hold_the_same_text_as_text_never_as_a_formula(
    coordinator_client, province, report, put, column, payload
):
    put(province, payload)
    sheet = read_xlsx(coordinator_client.get(url(report, course=province.course.pk, export="xlsx")))
    cells = [row[column] for row in sheet.iter_rows(min_row=2)]
    assert all(cell.data_type in ("s", "n") for cell in cells)
    assert payload.replace("\r", "\n") in [str(cell.value).replace("\r", "\n") for cell in cells]


def test_negative_numbers_stay_numbers(coordinator_client, province):
    """Only text is neutralised: the knowledge gain of a learner who scored lower after the
    course is still a number (-25), in the CSV and in the XLSX."""
    from quizzes.models import QuizAttempt

    QuizAttempt.objects.filter(learner=province.a1, phase="post").update(score_percent=0)
    header, *rows = read_csv(
        coordinator_client.get(url("knowledge", course=province.course.pk, export="csv"))
    )
    assert number(rows[0][4]) < 0
    sheet = read_xlsx(
        coordinator_client.get(url("knowledge", course=province.course.pk, export="xlsx"))
    )
    gain = sheet.cell(row=2, column=5)
    assert gain.data_type == "n"
    assert gain.value < 0


# Export conventions (issue 14, item 9), on the bytes of a real export of every report.
EVERY_EXPORT = [
    "overview",
    "businesses",
    "learners",
    "knowledge",
    "survey",
    "survey_statements",
    "questions",
]


def content_of(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.parametrize("report", EVERY_EXPORT)
def test_every_csv_opens_in_columns_in_an_indonesian_spreadsheet(
    coordinator_client, province, report
):
    """UTF-8 with a byte order mark, ";" between fields, CRLF line ends, a decimal comma."""
    response = coordinator_client.get(url(report, course=province.course.pk, export="csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = content_of(response)
    assert content.startswith(b"\xef\xbb\xbf")
    text = content.decode("utf-8")[1:]
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    header, *rows = text.removesuffix("\r\n").split("\r\n")
    assert rows
    assert ";" in header
    columns = len(header.split(";"))
    assert {len(row) for row in read_csv_text(text)} == {columns}


def read_csv_text(text):
    import csv
    import io

    return list(csv.reader(io.StringIO(text), delimiter=";"))


@pytest.mark.parametrize("report", EVERY_EXPORT)
def test_no_exported_cell_says_none(coordinator_client, province, report):
    """Missing values (no class, no score yet, no certificate) are empty cells."""
    csv_text = content_of(
        coordinator_client.get(url(report, course=province.course.pk, export="csv"))
    ).decode("utf-8-sig")
    assert "None" not in csv_text
    sheet = read_xlsx(coordinator_client.get(url(report, course=province.course.pk, export="xlsx")))
    assert "None" not in {cell.value for row in sheet.iter_rows() for cell in row}


def test_decimals_are_written_with_a_comma(coordinator_client, province):
    header, *rows = read_csv(
        coordinator_client.get(url("businesses", course=province.course.pk, export="csv"))
    )
    b = next(row for row in rows if row[0] == "B")
    assert b[7] == "25,0"  # progress: b1 did 1 lesson of 4


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_a_filtered_export_is_named_after_the_report_course_filters_and_day(
    coordinator_client, province, export
):
    from lms.spreadsheets import local_time

    today = local_time(timezone.now()).date().isoformat()
    response = coordinator_client.get(
        url(
            "learners",
            course=province.course.pk,
            regency="kulon_progo",
            cohort=province.k1.pk,
            status="in_progress",
            export=export,
        )
    )
    expected = f"peserta_laporan_k1_kulon-progo_in-progress_{today}.{export}"
    assert response["Content-Disposition"] == f'attachment; filename="{expected}"'


@pytest.mark.parametrize("report", EVERY_EXPORT)
def test_every_export_without_filters_is_named_after_the_report_and_course(
    coordinator_client, province, report
):
    response = coordinator_client.get(url(report, export="csv"))
    filename = response["Content-Disposition"].split('filename="')[1].rstrip('"')
    prefix, course, day = filename.removesuffix(".csv").split("_")
    assert course == province.course.slug
    assert day == local_today()
    assert prefix.isascii()


def local_today():
    from lms.spreadsheets import local_time

    return local_time(timezone.now()).date().isoformat()


def test_times_are_jakartas_to_the_second(coordinator_client, province):
    """An answer sent at 07:05:09.123456 UTC was sent at 14:05:09 in Yogyakarta."""
    sent = datetime.datetime(2026, 11, 30, 7, 5, 9, 123456, tzinfo=datetime.UTC)
    SurveyResponse.objects.filter(learner=province.a1).update(submitted_at=sent)
    header, *rows = read_csv(
        coordinator_client.get(url("survey", course=province.course.pk, export="csv"))
    )
    assert {row[2] for row in rows} == {"2026-11-30 14:05:09"}
    sheet = read_xlsx(
        coordinator_client.get(url("survey", course=province.course.pk, export="xlsx"))
    )
    cell = sheet.cell(row=2, column=3)
    assert cell.is_date
    assert cell.value == datetime.datetime(2026, 11, 30, 14, 5, 9)
    assert cell.number_format == "yyyy-mm-dd hh:mm:ss"


def test_the_survey_statements_export_holds_the_counts_answers_and_mean(
    coordinator_client, province
):
    """a1 answered the three statements 5, 4 and 3; the counts are those of the page's chart."""
    header, *rows = read_csv(
        coordinator_client.get(url("survey_statements", course=province.course.pk, export="csv"))
    )
    assert len(header) == 8
    assert [row[:7] for row in rows] == [
        ["Pernyataan 1.", "0", "0", "0", "0", "1", "1"],
        ["Pernyataan 2.", "0", "0", "0", "1", "0", "1"],
        ["Pernyataan 3.", "0", "0", "1", "0", "0", "1"],
    ]
    assert [number(row[7]) for row in rows] == [5, 4, 3]
    sheet = read_xlsx(
        coordinator_client.get(url("survey_statements", course=province.course.pk, export="xlsx"))
    )
    first = list(next(sheet.iter_rows(min_row=2)))
    assert [cell.data_type for cell in first] == ["s"] + ["n"] * 7


def test_the_survey_page_links_to_the_statements_export_with_its_filters(
    coordinator_client, province
):
    page = coordinator_client.get(url("survey", course=province.course.pk, regency="sleman"))
    statements = url("survey_statements", course=province.course.pk, regency="sleman")
    for export in ("csv", "xlsx"):
        assert f'href="{escape(statements)}&amp;export={export}"' in page.content.decode()


def test_mentors_export_only_their_classes_statement_counts(client, province):
    """Dewi's class K2 holds a2, who sent no survey: every count is 0."""
    client.force_login(province.dewi)
    header, *rows = read_csv(
        client.get(url("survey_statements", course=province.course.pk, export="csv"))
    )
    assert [row[1:7] for row in rows] == [["0"] * 6] * 3
    assert {row[7] for row in rows} == {""}
