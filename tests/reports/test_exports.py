"""The reports' CSV and XLSX files: text that people typed (business and learner names, survey
answers, quiz titles) never reaches the coordinator's spreadsheet as a formula."""

import pytest

from lms.models import Business, User
from quizzes.models import QuizPage, SurveyAnswer
from tests.reports.links import url
from tests.spreadsheets import PAYLOADS, read_csv, read_xlsx

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
    assert float(rows[0][4]) < 0
    sheet = read_xlsx(
        coordinator_client.get(url("knowledge", course=province.course.pk, export="xlsx"))
    )
    gain = sheet.cell(row=2, column=5)
    assert gain.data_type == "n"
    assert gain.value < 0
