"""The evaluation report (issue 14, item 12): its figures equal the reports' for the same
filters, its PDF and workbook show them, it is made by the task worker, and nobody sees or
downloads one counting learners they may not see."""

import io
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook
from pypdf import PdfReader
from scipy import stats

from courses import services as course_services
from lms import roles
from quizzes import services as quiz_services
from reports import documents, evaluation, selectors
from reports.models import EvaluationReport
from reports.services import evaluation_report_render, evaluation_report_request
from tests.factories import UserFactory, lessons_of
from tests.reports.conftest import answers
from tests.reports.links import url

pytestmark = pytest.mark.django_db


def indonesian(text):
    """``text`` as the evaluation report's files print it."""
    with translation.override("id"):
        return gettext(text)


SUMMARY = indonesian("Summary")


def coordinator():
    return UserFactory(groups=[Group.objects.get(name=roles.COORDINATORS)])


def second_pair(province):
    """b1 finishes every lesson and answers after the course (75 before, 100 after): two pairs
    with it, a1's 25 → 75 and b1's 75 → 100."""
    for lesson in lessons_of(province.course):
        course_services.lesson_mark_done(learner=province.b1, lesson=lesson)
    quiz_services.attempt_submit(
        learner=province.b1,
        page=province.knowledge,
        raw_answers=answers("q1", "q2", "q3", "q4"),
        token=uuid.uuid4(),
    )


def data_for(province, user, **query):
    scope = evaluation.scope_of(user=user, course=province.course, query=query)
    labels = evaluation.filter_labels(user=user, course=province.course, query=query)
    return scope, evaluation.evaluation_data(scope, filters=labels)


def test_the_evaluation_holds_the_reports_figures_for_the_same_filters(province):
    second_pair(province)
    scope, data = data_for(province, coordinator())

    assert data.overview == selectors.course_overview(scope, with_quizzes=False)
    assert (data.overview.learners, data.overview.businesses) == (5, 4)
    assert data.overview.certificates == 1
    comparison = data.comparison
    assert comparison.n == data.knowledge.paired == 2
    assert comparison.mean_gain == pytest.approx(37.5) == float(data.knowledge.mean_gain)
    assert (comparison.before_mean, comparison.after_mean) == (50, 87.5)
    test = stats.ttest_rel([75, 100], [25, 75])
    assert comparison.t_p_value == pytest.approx(test.pvalue)
    assert comparison.wilcoxon_p_value == pytest.approx(stats.wilcoxon([50, 25]).pvalue)
    assert comparison.improved == 2
    assert data.distribution["pre"] == selectors.score_distribution(scope, "pre")
    # Participants by regency, by hand: Sleman a1 a2; Bantul b1 d1; Kulon Progo e1.
    regencies = {row.label: row.enrolled for row in data.participants["regency"]}
    assert regencies == {"Sleman": 2, "Bantul": 2, "Kulon Progo": 1}
    assert set(data.participants) == {"regency", "district", "sector", "age_band"}
    # Weakest first: every question's share right, ascending.
    shares = [row.percent for row in data.questions if row.percent is not None]
    assert shares == sorted(shares)
    assert data.likert == selectors.likert_results(scope)
    assert sorted(text for _prompt, text in data.open_answers) == [
        "Tambah contoh TikTok.",
        "Video cara memotret produk.",
    ]


def test_a_filter_narrows_every_section_and_is_named(province):
    _scope, data = data_for(province, coordinator(), regency="sleman")
    assert data.overview.learners == 2  # a1 a2
    assert data.filters == [("Kabupaten/kota", "Sleman")]
    assert [row.label for row in data.participants["regency"]] == ["Sleman"]
    assert data.comparison.n == 1
    assert data.comparison.t_p_value is None  # one pair: named, not an error
    assert "regency-or-city" not in evaluation.methods_notes(data)[0]
    assert "Sleman" in evaluation.methods_notes(data)[0]


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_pdf_shows_the_overviews_figures_in_indonesian(province):
    second_pair(province)
    _scope, data = data_for(province, coordinator())
    text = pdf_text(documents.render_pdf(data))

    assert indonesian("Programme evaluation") in text
    assert province.course.title in text
    overview = data.overview
    for label, value in [
        ("Peserta terdaftar", overview.learners),
        ("Usaha terdaftar", overview.businesses),
        ("Menyelesaikan kursus", overview.completed),
        ("Peserta dengan kedua skor", data.comparison.n),
    ]:
        assert f"{label} {value}" in text
    assert "37,5" in text  # the mean gain, with an Indonesian decimal comma
    assert "Sleman" in text
    assert "Kulon Progo" in text


def embedded_fonts(content: bytes) -> set[str]:
    """The base names of the fonts a PDF embeds, charts (form XObjects) included, without the
    subset prefix: {"Source-Sans-Pro", ...}."""
    fonts = set()

    def walk(resources):
        resources = resources.get_object()
        for font in (resources.get("/Font") or {}).values():
            fonts.add(font.get_object()["/BaseFont"].split("+")[-1])
        for xobject in (resources.get("/XObject") or {}).values():
            if "/Resources" in xobject.get_object():
                walk(xobject.get_object()["/Resources"])

    for page in PdfReader(io.BytesIO(content)).pages:
        walk(page["/Resources"])
    return fonts


def test_the_pdf_and_its_charts_use_only_the_packaged_fonts(province):
    second_pair(province)
    _scope, data = data_for(province, coordinator())

    fonts = embedded_fonts(documents.render_pdf(data))

    assert "Source-Sans-Pro" in fonts
    assert all(font.startswith(("Source-Sans-Pro", "Source-Serif-Pro")) for font in fonts), fonts


def test_the_workbook_has_one_sheet_per_section_with_numbers_as_numbers(province):
    second_pair(province)
    _scope, data = data_for(province, coordinator())
    workbook = load_workbook(io.BytesIO(documents.render_xlsx(data)))

    assert workbook.sheetnames == [
        indonesian(name)
        for name in (
            "Summary",
            "Participants",
            "Completion",
            "Knowledge",
            "Score distribution",
            "Questions",
            "Satisfaction",
            "Open answers",
            "Certificates",
            "Business outcomes",
            "Methods",
        )
    ]
    summary = {row[0]: row[1] for row in workbook[SUMMARY].iter_rows(values_only=True)}
    assert summary["Peserta terdaftar"] == 5
    assert summary["Peserta dengan kedua skor"] == 2
    assert summary["Rata-rata kenaikan (poin)"] == 37.5
    assert summary[indonesian("Paired t-test p-value")] == pytest.approx(
        stats.ttest_rel([75, 100], [25, 75]).pvalue, abs=0.01
    )
    assert workbook[SUMMARY]["A1"].font.bold
    participants = list(workbook[indonesian("Participants")].iter_rows(values_only=True))
    sleman = next(row for row in participants if row[1] == "Sleman")
    assert sleman[2:4] == (2, 2)  # a1 and a2 enrolled and started
    assert isinstance(sleman[2], int)


def test_a_formula_in_an_open_answer_stays_text_in_the_workbook(province):
    _scope, data = data_for(province, coordinator())
    data.open_answers = [("Saran", '=HYPERLINK("http://x")')]
    sheet = load_workbook(io.BytesIO(documents.render_xlsx(data)))[indonesian("Open answers")]
    assert sheet["B2"].value == '\'=HYPERLINK("http://x")'
    assert sheet["B2"].data_type == "s"


def test_the_coordinator_queues_the_report_and_it_becomes_ready(
    province, coordinator_client, django_capture_on_commit_callbacks, settings
):
    page = coordinator_client.get(url("evaluation", course=province.course.pk, regency="sleman"))
    assert page.status_code == 200
    assert b"Laporan evaluasi" in page.content or b"Evaluation report" in page.content

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(
            url("evaluation", course=province.course.pk, regency="sleman")
        )
    assert response.status_code == 302
    report = EvaluationReport.objects.get()
    assert report.status == EvaluationReport.Status.READY
    assert report.filter_query == {"regency": "sleman"}
    assert report.finished_at is not None
    for stored in (report.pdf, report.xlsx):  # out of the public media
        assert (Path(settings.PRIVATE_MEDIA_ROOT) / stored.name).is_file()
        assert not (Path(settings.MEDIA_ROOT) / stored.name).exists()

    listing = coordinator_client.get(url("evaluation"))
    assert f'data-evaluation-report="{report.pk}"'.encode() in listing.content
    pdf = coordinator_client.get(f"/admin/laporan/evaluation/{report.pk}/pdf/")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert "evaluasi_laporan_sleman_" in pdf["Content-Disposition"]
    text = pdf_text(b"".join(pdf.streaming_content))
    assert "Peserta terdaftar 2" in text
    workbook = coordinator_client.get(f"/admin/laporan/evaluation/{report.pk}/xlsx/")
    sheet = load_workbook(io.BytesIO(b"".join(workbook.streaming_content)))[SUMMARY]
    assert {row[0]: row[1] for row in sheet.iter_rows(values_only=True)}["Peserta terdaftar"] == 2


def test_a_queued_report_is_listed_as_queued_and_the_page_refreshes_itself(
    province, coordinator_client
):
    # Without running the on-commit callbacks the task is never enqueued: still queued.
    coordinator_client.post(url("evaluation", course=province.course.pk))
    report = EvaluationReport.objects.get()
    assert report.status == EvaluationReport.Status.QUEUED
    page = coordinator_client.get(url("evaluation"))
    assert b'http-equiv="refresh"' in page.content
    assert coordinator_client.get(f"/admin/laporan/evaluation/{report.pk}/pdf/").status_code == 404


def test_a_dropped_filter_refuses_with_a_message_and_creates_nothing(province, coordinator_client):
    response = coordinator_client.post(
        url("evaluation", course=province.course.pk, regency="atlantis"), follow=True
    )
    assert not EvaluationReport.objects.exists()
    assert "Kabupaten/kota" in response.content.decode() or "Regency" in response.content.decode()
    with pytest.raises(evaluation.ValidationError):
        evaluation_report_request(
            user=coordinator(), course=province.course, filters={"regency": "atlantis"}
        )
    assert not EvaluationReport.objects.exists()


def test_a_mentor_s_report_counts_only_their_own_classes(province, client):
    report = evaluation_report_request(user=province.rina, course=province.course, filters={})
    report = evaluation_report_render(report_id=report.pk)
    assert report.status == EvaluationReport.Status.READY
    with report.xlsx.open("rb") as file:
        sheet = load_workbook(file)[SUMMARY]
    summary = {row[0]: row[1] for row in sheet.iter_rows(values_only=True)}
    assert summary["Peserta terdaftar"] == 2  # K1: a1 and b1, never Dewi's a2

    # Another mentor's class is refused, not replaced by Rina's own learners.
    with pytest.raises(evaluation.ValidationError):
        evaluation_report_request(
            user=province.rina, course=province.course, filters={"cohort": province.k2.pk}
        )
    assert EvaluationReport.objects.count() == 1


def test_nobody_lists_or_downloads_a_report_they_may_not_see(province, client):
    report = evaluation_report_request(user=province.rina, course=province.course, filters={})
    evaluation_report_render(report_id=report.pk)

    client.force_login(province.dewi)
    listing = client.get(url("evaluation"))
    assert f'data-evaluation-report="{report.pk}"'.encode() not in listing.content
    for kind in ("pdf", "xlsx"):
        assert client.get(f"/admin/laporan/evaluation/{report.pk}/{kind}/").status_code == 404

    client.force_login(province.rina)
    assert client.get(f"/admin/laporan/evaluation/{report.pk}/pdf/").status_code == 200

    client.force_login(UserFactory(is_staff=True))  # staff without the report permission
    assert client.get(f"/admin/laporan/evaluation/{report.pk}/pdf/").status_code in (302, 403)

    client.force_login(coordinator())
    assert client.get(f"/admin/laporan/evaluation/{report.pk}/xlsx/").status_code == 200


def test_a_render_that_fails_marks_the_report_failed_with_a_message(province):
    report = evaluation_report_request(user=province.rina, course=province.course, filters={})
    # The person who asked is gone (their account deleted): nothing to scope the learners by.
    EvaluationReport.objects.filter(pk=report.pk).update(requested_by=None)
    report = evaluation_report_render(report_id=report.pk)
    assert report.status == EvaluationReport.Status.FAILED
    assert report.error
    assert not report.pdf


def test_a_report_is_rendered_once_even_if_the_task_runs_twice(province):
    report = evaluation_report_request(user=province.rina, course=province.course, filters={})
    first = evaluation_report_render(report_id=report.pk)
    assert evaluation_report_render(report_id=report.pk) is None
    first.refresh_from_db()
    assert first.status == EvaluationReport.Status.READY


def test_decimal_scores_reach_the_statistics_as_the_overview_computes_them(province):
    second_pair(province)
    _scope, data = data_for(province, coordinator())
    assert Decimal(str(data.comparison.mean_gain)) == data.knowledge.mean_gain
