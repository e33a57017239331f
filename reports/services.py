"""Everything that writes in reports: evaluation reports asked for, rendered and stored."""

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.spreadsheets import export_filename, local_time

from . import evaluation
from .models import EvaluationReport

logger = logging.getLogger(__name__)

RENDER_FAILED = _("The report could not be made. Try again; if it fails again, tell the site team.")
FILE_PREFIX = "evaluasi"


def evaluation_filename(report: EvaluationReport, extension: str) -> str:
    """What the file holds: ``evaluasi_pemasaran-digital_sleman_2026-11-30.pdf``."""
    name = export_filename(
        FILE_PREFIX,
        course=report.course,
        filters=dict(report.filter_labels),
        day=local_time(report.created_at).date(),
    )
    return f"{name}.{extension}"


def evaluation_report_request(*, user, course, filters) -> EvaluationReport:
    """Queue the evaluation of ``course`` with the report ``filters`` (a query string's
    values) for ``user``. Raises ValidationError, creating nothing, when the course is not
    published or a filter cannot be applied (another mentor's class, an unknown choice)."""
    query = evaluation.filter_query(filters)
    evaluation.scope_of(user=user, course=course, query=query)  # refuses what cannot apply
    labels = evaluation.filter_labels(user=user, course=course, query=query)
    with transaction.atomic():
        report = EvaluationReport.objects.create(
            requested_by=user,
            course=course,
            filters={"query": query, "labels": [list(pair) for pair in labels]},
        )
        _render_later(report)
    logger.info("evaluation report queued", extra={"report": report.pk})
    return report


def _render_later(report: EvaluationReport) -> None:
    from .tasks import evaluation_report_render_task

    transaction.on_commit(lambda: evaluation_report_render_task.enqueue(report.pk))


def evaluation_report_render(*, report_id: int) -> EvaluationReport | None:
    """Gather the figures and write both files. Counts the learners the person who asked may
    see today (a mentor's own classes). A failure marks the report failed with a message, and
    leaves no half-written file behind the record."""
    claimed = EvaluationReport.objects.filter(
        pk=report_id,
        status__in=[EvaluationReport.Status.QUEUED, EvaluationReport.Status.RUNNING],
    ).update(status=EvaluationReport.Status.RUNNING)
    if not claimed:
        return None
    report = EvaluationReport.objects.select_related("course", "requested_by").get(pk=report_id)
    try:
        if report.requested_by is None:
            raise ValueError("the person who asked for the report no longer exists")
        from .documents import render_pdf, render_xlsx

        scope = evaluation.scope_of(
            user=report.requested_by, course=report.course, query=report.filter_query
        )
        data = evaluation.evaluation_data(scope, filters=report.filter_labels)
        pdf, xlsx = render_pdf(data), render_xlsx(data)
        report.pdf.save(evaluation_filename(report, "pdf"), ContentFile(pdf), save=False)
        report.xlsx.save(evaluation_filename(report, "xlsx"), ContentFile(xlsx), save=False)
    except Exception as error:
        logger.exception("evaluation report failed", extra={"report": report.pk})
        messages = getattr(error, "messages", None)
        EvaluationReport.objects.filter(pk=report.pk).update(
            status=EvaluationReport.Status.FAILED,
            finished_at=timezone.now(),
            error=" ".join(messages) if messages else str(RENDER_FAILED),
        )
        report.refresh_from_db()
        return report
    EvaluationReport.objects.filter(pk=report.pk).update(
        status=EvaluationReport.Status.READY,
        finished_at=timezone.now(),
        pdf=report.pdf.name,
        xlsx=report.xlsx.name,
        error="",
    )
    report.refresh_from_db()
    logger.info("evaluation report ready", extra={"report": report.pk})
    return report
