"""The evaluation report's files: a PDF (WeasyPrint, A4, the packaged fonts, charts as inline
SVG) and an XLSX workbook with one sheet per section, both from one ``Evaluation``.

Both are written in Indonesian whatever the active language, as certificates are.
"""

import io

from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from weasyprint import HTML

from certificates.pdf import offline_fetcher, packaged_fonts
from lms.spreadsheets import neutralise_cell, xlsx_cell

from . import charts
from .evaluation import LANGUAGE, NO_OUTCOMES, Evaluation, methods_notes, score_band

PDF_TEMPLATE = "reports/evaluation/evaluation_pdf.html"
SHEET_NAME_LENGTH = 31  # Excel's limit
LIKERT_PER_CHART = 6


def _charts(evaluation: Evaluation) -> dict:
    overview = evaluation.overview
    funnel = [
        (_("Enrolled"), overview.learners),
        (_("Started"), overview.started),
        *[
            (_("Week %(number)s done") % {"number": week.number}, count)
            for week, count in overview.funnel
        ],
        (_("Every lesson done"), overview.completed),
        (_("Certificate"), overview.certificates),
    ]
    return {
        "funnel": charts.bar_chart(
            _("How far learners got"), funnel, label_heading=_("Step"), value_heading=_("Learners")
        ),
        "distribution": charts.histogram_counts(
            _("Questionnaire scores before and after the course"),
            {
                _("Before"): list(evaluation.distribution["pre"].values()),
                _("After"): list(evaluation.distribution["post"].values()),
            },
            label_heading=_("Score"),
        ),
        # A chart per few statements, so that none is taller than an A4 page.
        "likert": [
            charts.likert_chart(
                _("Agree or disagree"),
                [
                    (item["prompt"], item["counts"])
                    for item in evaluation.likert[start : start + LIKERT_PER_CHART]
                ],
                label_heading=_("Statement"),
            )
            for start in range(0, max(len(evaluation.likert), 1), LIKERT_PER_CHART)
        ],
    }


def render_pdf(evaluation: Evaluation) -> bytes:
    """The evaluation report as PDF bytes."""
    with translation.override(LANGUAGE):
        comparison = evaluation.comparison
        html = render_to_string(
            PDF_TEMPLATE,
            {
                "evaluation": evaluation,
                "charts": _charts(evaluation),
                "summary": _summary_shown(evaluation),
                "participants": [
                    (evaluation.dimension_labels[dimension], rows)
                    for dimension, rows in evaluation.participants.items()
                ],
                "knowledge_rows": [
                    (_("Learners with both scores"), shown(comparison.n)),
                    (_("Mean gain (points)"), shown(comparison.mean_gain)),
                    (_("Confidence interval (95%), points"), interval(comparison)),
                    (_("Paired t-test p-value"), p_value(comparison.t_p_value)),
                    (_("Wilcoxon signed-rank p-value"), p_value(comparison.wilcoxon_p_value)),
                    (_("Learners who improved (%)"), shown(comparison.improved_share)),
                ],
                "methods": methods_notes(evaluation),
                "no_outcomes": NO_OUTCOMES,
            },
        )
        stylesheet, font_config = packaged_fonts()
        return HTML(string=html, url_fetcher=offline_fetcher()).write_pdf(
            stylesheets=[stylesheet], font_config=font_config, full_fonts=True
        )


def shown(value, decimals: int = 1) -> str:
    """A figure as the PDF prints it, in the active language: "12", "48,5", "–" for none."""
    if value is None:
        return "–"
    if isinstance(value, int):
        return str(value)
    return formats.number_format(round(float(value), decimals), decimals, use_l10n=True)


def p_value(value) -> str:
    if value is None:
        return "–"
    if value < 0.001:
        return "< " + formats.number_format(0.001, 3, use_l10n=True)
    return formats.number_format(value, 3, use_l10n=True)


def interval(comparison) -> str:
    if comparison.ci_low is None:
        return "–"
    return f"{shown(comparison.ci_low)} – {shown(comparison.ci_high)}"


def _number(value):
    """A figure as a number cell (Decimal → float), rounded as the reports show it."""
    if value is None or isinstance(value, int):
        return value
    return round(float(value), 2)


def _cell(value):
    if isinstance(value, str):
        return neutralise_cell(value)
    return xlsx_cell(_number(value))


def _sheet(workbook: Workbook, title: str, headings: list, rows: list) -> None:
    sheet = workbook.create_sheet(title[:SHEET_NAME_LENGTH])
    sheet.append([neutralise_cell(str(heading)) for heading in headings])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_cell(value) for value in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula
    for column in sheet.columns:
        width = max(len(str(cell.value or "")) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))
    sheet.freeze_panes = "A2"


def summary_rows(evaluation: Evaluation) -> list[tuple[str, object]]:
    """The key figures: the overview's, then the comparison's (label, value)."""
    overview, comparison = evaluation.overview, evaluation.comparison
    knowledge = overview.knowledge
    return [
        (_("Businesses enrolled"), overview.businesses),
        (_("Learners enrolled"), overview.learners),
        (_("Learners started"), overview.started),
        (_("Completed the course"), overview.completed),
        (_("Median days to complete"), overview.median_days),
        (_("Certificates issued"), overview.certificates),
        (_("Mean score before (%)"), knowledge.pre_mean),
        (_("Mean score after (%)"), knowledge.post_mean),
        (_("Learners with both scores"), comparison.n),
        (_("Mean gain (points)"), comparison.mean_gain),
        (_("Confidence interval (95%), lower bound (points)"), comparison.ci_low),
        (_("Confidence interval (95%), upper bound (points)"), comparison.ci_high),
        (_("Paired t-test p-value"), comparison.t_p_value),
        (_("Wilcoxon signed-rank p-value"), comparison.wilcoxon_p_value),
        (_("Learners who improved (%)"), comparison.improved_share),
        (_("Survey responses"), overview.survey_responses),
    ]


def _summary_shown(evaluation: Evaluation) -> list[tuple[str, str]]:
    """``summary_rows`` as the PDF prints them: p-values to three decimals, the rest to one."""
    p_values = {_("Paired t-test p-value"), _("Wilcoxon signed-rank p-value")}
    return [
        (label, p_value(value) if label in p_values else shown(value))
        for label, value in summary_rows(evaluation)
    ]


def render_xlsx(evaluation: Evaluation) -> bytes:
    """The evaluation report as an XLSX workbook: one sheet per section, numbers as numbers,
    bold headings, text that never becomes a formula."""
    with translation.override(LANGUAGE):
        workbook = Workbook()
        workbook.remove(workbook.active)
        overview, comparison = evaluation.overview, evaluation.comparison
        _sheet(
            workbook,
            _("Summary"),
            [_("Figure"), _("Value")],
            [(_("Course"), evaluation.course.title)]
            + [(label, value) for label, value in evaluation.filters]
            + summary_rows(evaluation),
        )
        _sheet(
            workbook,
            _("Participants"),
            [
                _("Grouped by"),
                _("Group"),
                _("Enrolled"),
                _("Started"),
                _("Completed"),
                _("Completed (%)"),
                _("Mean score before (%)"),
                _("Mean score after (%)"),
                _("Learners with both scores"),
                _("Mean gain (points)"),
                _("Learners who improved (%)"),
                _("Certificates"),
                _("Survey responses"),
            ],
            [
                (
                    evaluation.dimension_labels[dimension],
                    row.label,
                    row.enrolled,
                    row.started,
                    row.completed,
                    row.completed_percent,
                    row.pre_mean,
                    row.post_mean,
                    row.paired,
                    row.mean_gain,
                    row.improved_share,
                    row.certificates,
                    row.survey_responses,
                )
                for dimension, rows in evaluation.participants.items()
                for row in rows
            ],
        )
        _sheet(
            workbook,
            _("Completion"),
            [_("Step"), _("Learners"), _("Businesses")],
            [
                (_("Enrolled"), overview.learners, overview.businesses),
                (_("Started"), overview.started, overview.businesses_started),
                *[
                    (_("Week %(number)s done") % {"number": week.number}, count, businesses)
                    for (week, count), (_week, businesses) in zip(
                        overview.funnel, overview.business_funnel, strict=True
                    )
                ],
                (_("Every lesson done"), overview.completed, overview.businesses_completed),
                (_("Median days to complete"), overview.median_days, None),
            ],
        )
        distribution = evaluation.distribution
        _sheet(
            workbook,
            _("Knowledge"),
            [_("Figure"), _("Value")],
            [
                (_("Learners with both scores"), comparison.n),
                (_("Mean score before, paired learners (%)"), comparison.before_mean),
                (_("Mean score after, paired learners (%)"), comparison.after_mean),
                (_("Mean gain (points)"), comparison.mean_gain),
                (_("Confidence interval (95%), lower bound (points)"), comparison.ci_low),
                (_("Confidence interval (95%), upper bound (points)"), comparison.ci_high),
                (_("Paired t-test statistic"), comparison.t_statistic),
                (_("Paired t-test p-value"), comparison.t_p_value),
                (_("Wilcoxon signed-rank statistic"), comparison.wilcoxon_statistic),
                (_("Wilcoxon signed-rank p-value"), comparison.wilcoxon_p_value),
                (_("Learners who improved"), comparison.improved),
                (_("Learners who improved (%)"), comparison.improved_share),
                (_("Note"), str(comparison.reason)),
            ],
        )
        _sheet(
            workbook,
            _("Score distribution"),
            [_("Score"), _("Before"), _("After")],
            [
                (score_band(band), distribution["pre"][band], distribution["post"][band])
                for band in distribution["pre"]
            ],
        )
        _sheet(
            workbook,
            _("Questions"),
            [_("Quiz"), _("Question"), _("Answers"), _("Right"), _("Right (%)")],
            [
                (row.quiz, row.prompt, row.attempts, row.right, row.percent)
                for row in evaluation.questions
            ],
        )
        _sheet(
            workbook,
            _("Satisfaction"),
            [_("Statement"), "1", "2", "3", "4", "5", _("Answers"), _("Mean (1-5)")],
            [
                (item["prompt"], *item["counts"].values(), item["answers"], item["mean"])
                for item in evaluation.likert
            ],
        )
        _sheet(
            workbook,
            _("Open answers"),
            [_("Question"), _("Answer")],
            evaluation.open_answers,
        )
        _sheet(
            workbook,
            _("Certificates"),
            [_("Figure"), _("Value")],
            [(_("Certificates issued"), overview.certificates)],
        )
        _sheet(
            workbook,
            _("Business outcomes"),
            [_("Figure"), _("Value")],
            evaluation.outcome_rows,
        )
        _sheet(
            workbook,
            _("Methods"),
            [_("Note")],
            [(line,) for line in methods_notes(evaluation)],
        )
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
