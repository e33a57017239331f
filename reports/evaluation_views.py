"""Admin → Reports → Evaluation report: the shared filters, a button that queues the
programme's evaluation (PDF and XLSX, made by the task worker), and the viewer's earlier
reports with their status and downloads."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import permission_denied

from courses.models import CoursePage
from lms.selectors import sees_every_class

from . import selectors, services
from .models import EvaluationReport
from .views import ScopedReportView, can_view_reports, with_filters

QUEUED_MESSAGE = _(
    "The evaluation report is being made. This page refreshes itself until it is ready."
)
REFRESH_SECONDS = 5
KINDS = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def evaluation_reports_visible_to(user):
    """Coordinators (and superusers) see every evaluation report; a mentor those they asked
    for (which only ever count their own classes' learners)."""
    reports = EvaluationReport.objects.select_related("course", "requested_by")
    if sees_every_class(user):
        return reports
    return reports.filter(requested_by=user)


class EvaluationReportView(ScopedReportView):
    page_title = _("Evaluation report")
    report_name = "evaluation"
    header_icon = "doc-full"
    results_template_name = "reports/evaluation_results.html"
    paginate_by = 20
    list_export = []

    def get_queryset(self):
        # The earlier reports are listed whatever the filters are set to.
        return evaluation_reports_visible_to(self.request.user)

    def get_filtered_queryset(self):
        return self.get_queryset()

    def decorate_paginated_queryset(self, object_list):
        for report in object_list:
            report.filters_display = "; ".join(
                f"{label}: {value}" for label, value in report.filter_labels
            ) or gettext("None")
            report.status_display = report.get_status_display()
        return object_list

    @cached_property
    def request_url(self):
        return with_filters(self.request, reverse("reports:evaluation"))

    def chosen_course(self):
        """The course in the link (published or not: the service refuses one that is not),
        else the one the reports show by default."""
        course_id = self.request.GET.get("course", "")
        if not course_id:
            return selectors.default_course()
        return CoursePage.objects.filter(pk=course_id).first() if course_id.isdigit() else None

    def post(self, request, *args, **kwargs):
        try:
            services.evaluation_report_request(
                user=request.user, course=self.chosen_course(), filters=request.GET
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, QUEUED_MESSAGE)
        return redirect(self.request_url)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reports = context["object_list"]
        context["request_url"] = self.request_url
        context["refresh_seconds"] = (
            REFRESH_SECONDS
            if any(
                report.status in (EvaluationReport.Status.QUEUED, EvaluationReport.Status.RUNNING)
                for report in reports
            )
            else None
        )
        return context


@never_cache
def evaluation_download(request, pk, kind):
    """A stored evaluation report's PDF or workbook, for those who may see it; anyone else's
    is a 404, like one that does not exist."""
    if not can_view_reports(request.user):
        return permission_denied(request)
    if kind not in KINDS:
        raise Http404
    report = get_object_or_404(
        evaluation_reports_visible_to(request.user),
        pk=pk,
        status=EvaluationReport.Status.READY,
    )
    file = getattr(report, kind)
    if not file or not file.storage.exists(file.name):
        raise Http404
    return FileResponse(
        file.open("rb"),
        as_attachment=True,
        filename=services.evaluation_filename(report, kind),
        content_type=KINDS[kind],
    )
