"""Admin → My classes ("Kelas saya"): a class's roster for its mentor (coordinators: any
class), with a WhatsApp nudge per learner, the class group's message and an export."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from courses.selectors import cohorts_visible_to
from lms import audit, roles, spreadsheets
from lms.selectors import role_names, sees_every_class
from lms.text import PK_MAX, strict_int

from . import roster, selectors
from .models import State

FILTER_LABELS = {
    selectors.ROSTER_BEHIND: _("Behind this week"),
    selectors.ROSTER_NOT_STARTED: _("Not started"),
    selectors.ROSTER_WAITING: _("Waiting for review"),
}
QUIZ_LABELS = {
    roster.QUIZ_PASSED: _("Passed"),
    roster.QUIZ_FAILED: _("Not passed"),
    roster.QUIZ_NOT_TAKEN: "",
}
PROGRESS = _("%(done)s of %(total)s lessons (%(percent)s%%)")
NUDGE_LABELS = {
    roster.NOT_STARTED: _("Not started"),
    roster.REVISION: _("Revision requested"),
    roster.BEHIND: _("Behind on lessons"),
    roster.QUIZ: _("Quiz not passed"),
    roster.ASSIGNMENT: _("Assignment not handed in"),
    roster.ON_TRACK: _("On track"),
    roster.DONE: _("Completed"),
}


def can_view_roster(user) -> bool:
    """Mentors (their own classes), coordinators and superusers (every class). Asked once per
    user object (a request's): the menu asks on every admin page."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_can_view_roster"):
        user._can_view_roster = sees_every_class(user) or roles.MENTORS in role_names(user)
    return user._can_view_roster


class RosterMixin:
    """The class a request names (``?cohort=``) among those the user may see: 404 for any
    other; without one, the user's only class if they have exactly one."""

    def dispatch(self, request, *args, **kwargs):
        if not can_view_roster(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def cohorts(self):
        return list(
            cohorts_visible_to(self.request.user).order_by("course__title", "-start_date", "name")
        )

    @cached_property
    def cohort(self):
        raw = self.request.GET.get("cohort", "")
        if not raw:
            return self.cohorts[0] if len(self.cohorts) == 1 else None
        pk = strict_int(raw, maximum=PK_MAX)
        cohort = next((cohort for cohort in self.cohorts if cohort.pk == pk), None)
        if cohort is None:
            raise Http404
        return cohort

    @cached_property
    def show(self) -> str:
        show = self.request.GET.get("show", "")
        return show if show in selectors.ROSTER_FILTERS else ""

    @cached_property
    def roster(self):
        return selectors.roster_rows(user=self.request.user, cohort=self.cohort, show=self.show)


class RosterView(RosterMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "mentoring/admin/roster.html"
    page_title = _("My classes")
    header_icon = "group"

    def get_page_subtitle(self):
        return str(self.cohort) if self.cohort else ""

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = {"cohorts": self.cohorts, "cohort": self.cohort, "show": self.show}
        if self.cohort is not None:
            base = f"{reverse('mentoring_roster:roster')}?cohort={self.cohort.pk}"
            export = f"{reverse('mentoring_roster:export')}?cohort={self.cohort.pk}"
            if self.show:
                export += f"&show={self.show}"
            context.update(
                roster=self.roster,
                filters=[
                    {"label": _("Everyone"), "url": base, "active": not self.show},
                    *(
                        {"label": label, "url": f"{base}&show={name}", "active": self.show == name}
                        for name, label in FILTER_LABELS.items()
                    ),
                ],
                rows=self.row_cells(),
                export_csv=f"{export}&export=csv",
                export_xlsx=f"{export}&export=xlsx",
            )
        return super().get_context_data(**context, **kwargs)

    def row_cells(self) -> list[dict]:
        """What each row's cells show, as text: labels translated once, not per row."""
        quiz_labels = {state: str(label) for state, label in QUIZ_LABELS.items()}
        state_labels = {state: str(label) for state, label in State.choices}
        nudge_labels = {kind: str(label) for kind, label in NUDGE_LABELS.items()}
        progress, never = str(PROGRESS), str(_("Never"))
        return [
            {
                "name": row.learner.full_name,
                "phone": row.learner.phone_display,
                "business": row.business.name if row.business else "",
                "progress": progress
                % {
                    "done": row.progress.done,
                    "total": row.progress.total,
                    "percent": row.progress.percent,
                },
                "last_visit": date_format(timezone.localtime(row.last_visit), "j M Y")
                if row.last_visit
                else never,
                "quizzes": [quiz_labels[state] for state in row.quiz_states],
                "assignments": [state_labels.get(state, "") for state in row.assignment_states],
                "certificate": row.certificate_serial,
                "nudge": nudge_labels[row.nudge.kind],
                "whatsapp_url": row.whatsapp_url,
            }
            for row in self.roster.rows
        ]


def _state_label(state: str) -> str:
    return str(State(state).label) if state else ""


def _quiz_label(state: str) -> str:
    return str(QUIZ_LABELS[state])


class RosterExportView(RosterMixin, SpreadsheetExportMixin, View):
    """The roster of one class (the filter applied) as CSV or XLSX, recorded in the audit
    log. Phone numbers go into coordinators' files only, as in the reports."""

    def get(self, request, *args, **kwargs):
        export_format = request.GET.get("export", "")
        if self.cohort is None or export_format not in self.FORMATS:
            raise Http404
        rows = self.roster.rows
        audit.export_log(
            user=request.user,
            report="mentoring.roster",
            export_format=export_format,
            filters={"cohort": self.cohort, "show": self.show},
            rows=len(rows),
        )
        response = self.as_spreadsheet(rows, export_format)
        add_never_cache_headers(response)
        return response

    def get_filename(self):
        return spreadsheets.export_filename(
            "kelas", course=self.cohort.course, filters={"cohort": self.cohort, "show": self.show}
        )

    @cached_property
    def columns(self) -> list[tuple[str, str, object]]:
        """(field, heading, value of a row) of every exported column."""
        columns = [("name", _("Name"), lambda row: row.learner.full_name)]
        if sees_every_class(self.request.user):
            columns.append(("phone", _("Mobile number"), lambda row: row.learner.phone_display))
        columns += [
            ("business", _("Business"), lambda row: row.business.name if row.business else ""),
            ("percent", _("Progress (%)"), lambda row: row.progress.percent),
            ("done", _("Lessons done"), lambda row: row.progress.done),
            ("total", _("Lessons"), lambda row: row.progress.total),
            ("last_visit", _("Last visit"), lambda row: row.last_visit),
        ]
        for index, quiz in enumerate(self.roster.quizzes):
            columns.append(
                (f"quiz_{index}", quiz.title, lambda row, i=index: _quiz_label(row.quiz_states[i]))
            )
        for index, assignment in enumerate(self.roster.assignments):
            columns.append(
                (
                    f"assignment_{index}",
                    assignment.title,
                    lambda row, i=index: _state_label(row.assignment_states[i]),
                )
            )
        columns += [
            ("certificate", _("Certificate"), lambda row: row.certificate_serial),
            ("needs", _("Needs"), lambda row: str(NUDGE_LABELS[row.nudge.kind])),
        ]
        return columns

    @property
    def list_export(self):
        return [field for field, _heading, _value in self.columns]

    @property
    def export_headings(self):
        return {field: heading for field, heading, _value in self.columns}

    def to_row_dict(self, item):
        return {field: value(item) for field, _heading, value in self.columns}
