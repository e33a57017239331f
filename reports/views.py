"""The coordinators' reports: Wagtail report views over one course's filtered enrolments.

Each view lists one table (exported to CSV or XLSX with the filters applied) and draws its
charts above it from the same scope, so every figure on a page counts the same learners.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from lms import audit, spreadsheets
from lms.identifiers import national_phone
from lms.models import Business, Regency, Sector
from lms.selectors import sees_every_class
from quizzes.blocks import LIKERT_LABELS
from quizzes.models import Phase

from . import charts, selectors
from .filters import EnrolmentFilterSet
from .ordering import PkTieBreakMixin
from .paging import PageRowsPaginator

EXPORT_CHUNK = 2000


def can_view_reports(user) -> bool:
    """Coordinators, mentors (their own classes) and superusers."""
    return user.has_perm("reports.view_reports")


class ReportAccessMixin:
    """Coordinators and superusers see every learner; mentors those of their classes; nobody
    else gets in."""

    def dispatch(self, request, *args, **kwargs):
        if not can_view_reports(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class ScopedReportView(ReportAccessMixin, ReportView):
    """A report over the enrolments of one course that the viewer may see and has filtered."""

    filterset_class = EnrolmentFilterSet
    template_name = "reports/report.html"
    header_icon = "table"
    paginate_by = 50
    paginator_class = PageRowsPaginator  # figures for the page's rows only
    report_name = ""  # the URL name under reports:, e.g. "overview"
    export_prefix = ""
    personal_data = False  # its rows name or describe people: each export goes in the audit log

    @cached_property
    def index_url_name(self):
        return f"reports:{self.report_name}"

    @cached_property
    def index_results_url_name(self):
        return f"reports:{self.report_name}_results"

    @cached_property
    def dropped_filters(self):
        """The filters in the link that cannot be applied (``EnrolmentFilterSet.dropped``)."""
        if self.filters is None or self.filters.is_valid():
            return []
        return self.filters.dropped(own_classes_only=not sees_every_class(self.request.user))

    @cached_property
    def course(self):
        """The course the link names, else the first published one. None when the link holds
        a filter that cannot be applied (another mentor's class, an unknown choice or course):
        the report then shows no figure and no row, on the page and in its exports, and names
        the dropped filters, rather than counting a wider selection than the link asked for.
        Progress without a course is applied to the course shown (``filter_status``)."""
        if self.dropped_filters:
            return None
        chosen = self.filters.form.cleaned_data.get("course") if self.filters else None
        return chosen or selectors.default_course()

    @cached_property
    def scope(self):
        enrolments = selectors.enrolments_visible_to(self.request.user).filter(course=self.course)
        return selectors.scope_for(course=self.course, enrolments=self.filter_queryset(enrolments))

    def get_filename(self):
        """What the file holds: the report, the course, the applied filters and the date."""
        applied = {}
        if self.filters is not None and self.course is not None:
            cleaned = self.filters.form.cleaned_data
            applied = {name: cleaned.get(name) for name in self.filters.form.fields}
            applied.pop("course", None)
        if self.is_searchable and self.search_query:
            applied["q"] = self.search_query
        return spreadsheets.export_filename(self.export_prefix, course=self.course, filters=applied)

    contact_columns = []  # the learners' contact: shown and exported to coordinators only

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if self.shows_contact:
            self.columns = [*self.columns, *self.contact_columns]
            self.list_export = [*self.list_export, *(c.name for c in self.contact_columns)]

    @cached_property
    def shows_contact(self) -> bool:
        """Names and phone numbers of learners: coordinators see them, mentors never do."""
        return bool(self.contact_columns) and sees_every_class(self.request.user)

    @cached_property
    def export_headings(self):
        """The columns' (translated) labels head the exported columns of the same name."""
        return {column.name: column.label for column in self.columns}

    def get_queryset(self):
        return self.order_queryset(self.rows()) if self.course else []

    def get_filtered_queryset(self):
        return self.get_queryset()

    def rows(self):
        raise NotImplementedError

    def decorate(self, row):
        """``row`` with what its columns show that the database does not give: the same for a
        page's rows and an export's."""
        return row

    def decorate_paginated_queryset(self, object_list):
        for row in object_list:
            self.decorate(row)
        return object_list

    def to_row_dict(self, item):
        return super().to_row_dict(self.decorate(item))

    def get(self, request, *args, **kwargs):
        if not self.is_export:
            return super().get(request, *args, **kwargs)
        # Straight to the file: no page, charts or count to build, and the rows stream from the
        # database in chunks instead of being held all at once.
        rows = self.get_filtered_queryset()
        if self.personal_data:
            self.log_export(rows)
        if hasattr(rows, "iterator"):
            rows = rows.iterator(chunk_size=EXPORT_CHUNK)
        return self.as_spreadsheet(rows, request.GET.get("export"))

    def log_export(self, rows):
        """Who downloaded which report with which filters: once, as the download starts (the
        row count only when the rows are already in memory)."""
        audit.export_log(
            user=self.request.user,
            report=f"reports.{self.report_name}",
            export_format=self.request.GET.get("export", ""),
            filters=getattr(self.filters.form, "cleaned_data", {}) if self.filters else {},
            search=(self.search_query or "") if self.is_searchable else "",
            rows=len(rows) if isinstance(rows, list) else None,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["course"] = self.course
        context["dropped_filters"] = self.dropped_filters
        context["reports"] = report_links(self.request)
        return context


def with_filters(request, url, *, dropping=("p", "ordering", "export")):
    """``url`` with the request's filters, leaving out the listing's own parameters."""
    query = request.GET.copy()
    for key in dropping:
        query.pop(key, None)
    return f"{url}?{query.urlencode()}" if query else url


def report_links(request):
    """The report tabs, each keeping the current filters (but not a search)."""
    return [
        {
            "label": label,
            "url": with_filters(
                request, reverse(f"reports:{name}"), dropping=("p", "ordering", "export", "q")
            ),
            "name": name,
        }
        for name, label in REPORTS
    ]


class OverviewView(ScopedReportView):
    page_title = _("Course overview")
    report_name = "overview"
    export_prefix = "ringkasan"
    results_template_name = "reports/overview_results.html"
    columns = [Column("label", label=_("Figure")), Column("value", label=_("Value"))]
    list_export = ["label", "value"]
    paginate_by = None

    @cached_property
    def overview(self):
        return selectors.course_overview(self.scope)

    @cached_property
    def assignments(self):
        """The hand-ins' figures, None when the course has no live assignment."""
        return selectors.assignment_figures(self.scope)

    def rows(self):
        overview = self.overview
        rows = [
            (_("Businesses enrolled"), overview.businesses),
            (_("Learners enrolled"), overview.learners),
            (_("Learners started"), overview.started),
        ]
        for week, count in overview.funnel:
            rows.append((_("Completed week %(number)s") % {"number": week.number}, count))
        rows += [
            (_("Completed the course"), overview.completed),
            (_("Businesses started"), overview.businesses_started),
        ]
        for week, count in overview.business_funnel:
            rows.append(
                (_("Businesses that completed week %(number)s") % {"number": week.number}, count)
            )
        rows += [
            (_("Businesses that completed the course"), overview.businesses_completed),
            (_("Certificates issued"), overview.certificates),
            (_("Median days to complete"), overview.median_days),
        ]
        for quiz in overview.quizzes:
            title = {"quiz": quiz["page"].title}
            rows += [
                (_("Pass rate (%%): %(quiz)s") % title, quiz["pass_rate"]),
                (_("Mean best score (%%): %(quiz)s") % title, quiz["best_mean"]),
                (_("Mean first-attempt score (%%): %(quiz)s") % title, quiz["first_mean"]),
            ]
        rows += [
            (_("Mean score before (%)"), overview.knowledge.pre_mean),
            (_("Mean score after (%)"), overview.knowledge.post_mean),
            (_("Learners who answered the questionnaire before"), overview.knowledge.took_before),
            (_("Learners who answered the questionnaire after"), overview.knowledge.took_after),
            (_("Learners with both scores"), overview.knowledge.paired),
            (_("Learners who skipped the questionnaire before"), overview.knowledge.skipped_before),
            (_("Mean gain (points)"), overview.knowledge.mean_gain),
            (_("Learners who improved (%)"), overview.knowledge.improved_share),
            (_("Survey responses"), overview.survey_responses),
            (_("Survey response rate (%)"), overview.survey_rate),
        ]
        if self.assignments is not None:
            rows += [
                (column.label, value)
                for column, value in zip(
                    ASSIGNMENT_COLUMNS, assignment_values(self.assignments), strict=True
                )
            ]
        return [{"label": str(label), "value": _round(value)} for label, value in rows]

    def get_context_data(self, **kwargs):
        if not self.course:
            return super().get_context_data(**kwargs)
        overview = self.overview
        funnel = [
            (_("Enrolled"), overview.learners),
            (_("Started"), overview.started),
            *[
                (_("Week %(number)s done") % {"number": week.number}, count)
                for week, count in overview.funnel
            ],
            (_("Completed the course"), overview.completed),
            (_("Certificate"), overview.certificates),
        ]
        chart_specs = {
            "funnel": charts.bar_chart(
                _("How far learners got"),
                funnel,
                label_heading=_("Step"),
                value_heading=_("Learners"),
            ),
            "businesses": charts.bar_chart(
                _("How far businesses got (a lesson counts when any of its learners did it)"),
                [
                    (_("Enrolled"), overview.businesses),
                    (_("Started"), overview.businesses_started),
                    *[
                        (_("Week %(number)s done") % {"number": week.number}, count)
                        for week, count in overview.business_funnel
                    ],
                    (_("Completed the course"), overview.businesses_completed),
                ],
                label_heading=_("Step"),
                value_heading=_("Businesses"),
            ),
            "quizzes": charts.percent_bars(
                _("Week quizzes: learners who passed"),
                [(q["page"].title, q["pass_rate"], q["learners"]) for q in overview.quizzes],
                label_heading=_("Quiz"),
                value_heading=_("Passed (%)"),
                count_heading=_("Learners who tried"),
            ),
            "knowledge": charts.bar_chart(
                _("Questionnaire: mean score before and after"),
                [
                    (_("Before"), overview.knowledge.pre_mean),
                    (_("After"), overview.knowledge.post_mean),
                ],
                max_value=100,
                unit="%",
                decimals=1,
                label_heading=_("When"),
                value_heading=_("Mean score (%)"),
            ),
        }
        return super().get_context_data(
            overview=overview,
            charts=chart_specs,
            assignments=self.assignments,
            assignments_note=ASSIGNMENTS_NOTE,
            **kwargs,
        )


# Practical assignments (issue 16, item 7): in the overview and the class breakdown.
ASSIGNMENT_COLUMNS = [
    Column("handins", label=_("Assignment hand-ins")),
    Column("handins_accepted", label=_("Hand-ins accepted")),
    Column("handins_waiting", label=_("Hand-ins waiting for review")),
    Column("handins_needing_revision", label=_("Hand-ins needing revision")),
    Column("median_review_hours", label=_("Median hours to a first review")),
]
ASSIGNMENTS_NOTE = _(
    "Hand-ins of the learners shown, one per learner and assignment; a hand-in for a whole "
    "business counts once, in the class of the learner who handed it in first. Waiting: handed "
    "in and not reviewed yet. The median time runs from the first hand-in to the first review."
)


def assignment_values(figures) -> list:
    """``figures`` (``selectors.AssignmentFigures``) in ``ASSIGNMENT_COLUMNS``' order."""
    return [
        figures.handins,
        figures.accepted,
        figures.waiting,
        figures.needs_revision,
        figures.median_hours,
    ]


def _round(value, digits=1):
    return round(value, digits) if value is not None and not isinstance(value, int) else value


class BusinessColumn(TitleColumn):
    def get_link_url(self, instance, parent_context):
        url = reverse("reports:business", args=[instance.pk])
        return with_filters(parent_context["request"], url)


class BusinessReportView(PkTieBreakMixin, ScopedReportView):
    page_title = _("By business")  # as its tab and menu item say
    report_name = "businesses"
    results_template_name = "reports/businesses_results.html"
    export_prefix = "usaha"
    personal_data = True
    header_icon = "home"
    default_ordering = "name"
    columns = [
        BusinessColumn("name", label=_("Business"), sort_key="name"),
        Column("sibakul_number", label=_("SiBakul number")),
        Column("get_regency_display", label=_("Regency or city"), sort_key="regency"),
        Column("get_sector_display", label=_("Sector"), sort_key="sector"),
        Column("cohort_name", label=_("Class"), sort_key="cohort_name"),
        Column("members", label=_("Members"), sort_key="members"),
        Column("learners", label=_("Learners"), sort_key="learners"),
        Column("progress_display", label=_("Progress (%)"), sort_key="progress"),
        Column("weeks_completed", label=_("Weeks completed"), sort_key="weeks_completed"),
        Column("quiz_best_display", label=_("Mean best score (%)"), sort_key="quiz_best"),
        Column(
            "quiz_first_display", label=_("Mean first-attempt score (%)"), sort_key="quiz_first"
        ),
        Column("pre_display", label=_("Before"), sort_key="pre_mean"),
        Column("post_display", label=_("After"), sort_key="post_mean"),
        Column("certificate_count", label=_("Certificates"), sort_key="certificate_count"),
        Column("pk", label=_("Business ID"), sort_key="pk"),
        Column("district", label=_("District (kapanewon/kemantren)"), sort_key="district"),
        Column("owner_name", label=_("Owner"), sort_key="owner_name"),
    ]
    contact_columns = [
        Column("owner_phone_display", label=_("Owner's mobile number")),
        Column("owner_email", label=_("Owner's email")),
    ]
    list_export = [column.name for column in columns]

    def rows(self):
        return selectors.with_owner(selectors.business_rows(self.scope), contact=self.shows_contact)

    def decorate(self, row):
        row.progress_display = _round(row.progress)
        row.quiz_best_display = _round(row.quiz_best)
        row.quiz_first_display = _round(row.quiz_first)
        row.pre_display = _round(row.pre_mean)
        row.post_display = _round(row.post_mean)
        row.owner_phone_display = _phone(getattr(row, "owner_phone", None))
        return row


def _phone(e164):
    """A mobile number as people write it (0812-3456-7890), never starting a formula."""
    return national_phone(e164) if e164 else None


class BusinessDetailView(ReportAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """One business: each learner's progress, scores, attempts and certificate."""

    template_name = "reports/business_detail.html"
    header_icon = "home"

    @cached_property
    def report(self):
        view = BusinessReportView()
        view.setup(self.request)
        return view

    def get(self, request, *args, **kwargs):
        if self.report.course is None:  # a filter in the link cannot be applied
            raise Http404
        return super().get(request, *args, **kwargs)

    @cached_property
    def business(self):
        return get_object_or_404(
            Business.objects.filter(
                pk__in=self.report.scope.enrolments.values("learner__membership__business")
            ),
            pk=self.kwargs["pk"],
        )

    def get_page_title(self):
        return self.business.name

    def get_page_subtitle(self):
        return self.report.course.title

    def get_context_data(self, **kwargs):
        scope = self.report.scope
        return super().get_context_data(
            business=self.business,
            course=self.report.course,
            members=selectors.business_members(scope, self.business),
            attempts=selectors.attempts_of(scope, self.business),
            total_lessons=len(scope.lesson_ids),
            back_url=with_filters(self.request, reverse("reports:businesses")),
            **kwargs,
        )


class KnowledgeReportView(ScopedReportView):
    page_title = _("Knowledge gain")
    report_name = "knowledge"
    export_prefix = "pengetahuan"
    personal_data = True
    header_icon = "pick"
    results_template_name = "reports/knowledge_results.html"
    default_ordering = "learner_name"
    columns = [
        Column("learner_name", label=_("Learner"), sort_key="learner_name"),
        Column("business_name", label=_("Business"), sort_key="business_name"),
        Column("pre", label=_("Before"), sort_key="pre"),
        Column("post", label=_("After"), sort_key="post"),
        Column("gain", label=_("Gain (points)"), sort_key="gain"),
    ]
    list_export = ["learner_name", "business_name", "pre", "post", "gain"]

    def rows(self):
        return selectors.knowledge_pairs(self.scope)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.course:
            bands = selectors.score_distributions(self.scope, (Phase.PRE, Phase.POST))
            pre, post = bands[Phase.PRE], bands[Phase.POST]
            context["charts"] = {
                "distribution": charts.histogram_counts(
                    _("Questionnaire scores before and after the course"),
                    {_("Before"): list(pre.values()), _("After"): list(post.values())},
                    label_heading=_("Score"),
                )
            }
            context["knowledge"] = selectors.knowledge_summary(self.scope)
        return context


class SurveyReportView(ScopedReportView):
    page_title = _("Survey results")
    report_name = "survey"
    export_prefix = "survei"
    personal_data = True
    header_icon = "comment"
    results_template_name = "reports/survey_results.html"
    columns = [
        Column("prompt", label=_("Question")),
        Column("text", label=_("Answer")),
        Column("submitted_at", label=_("Sent")),
    ]
    list_export = ["prompt", "text", "submitted_at"]
    search_fields = ["text"]
    is_searchable = True

    @cached_property
    def prompts(self):
        page = self.scope.survey
        return {block.id: block.value["prompt"] for block in page.items} if page else {}

    def rows(self):
        from django.db.models import F

        return self.search_queryset(selectors.open_answers(self.scope)).annotate(
            submitted_at=F("response__submitted_at")
        )

    def decorate(self, row):
        row.prompt = self.prompts.get(row.item_id, "")
        return row

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.course:
            context["charts"] = {
                "likert": charts.likert_chart(
                    _("Agree or disagree"),
                    [
                        (item["prompt"], item["counts"])
                        for item in selectors.likert_results(self.scope)
                    ],
                    label_heading=_("Statement"),
                )
            }
            statements = with_filters(
                self.request,
                reverse("reports:survey_statements"),
                dropping=("p", "ordering", "export", "q"),
            )
            joiner = "&" if "?" in statements else "?"
            context["statements_export"] = {
                "csv": f"{statements}{joiner}export=csv",
                "xlsx": f"{statements}{joiner}export=xlsx",
            }
        return context


class QuestionReportView(ScopedReportView):
    page_title = _("Questions")
    report_name = "questions"
    export_prefix = "soal"
    header_icon = "help"
    results_template_name = "reports/questions_results.html"
    paginate_by = None
    columns = [
        Column("quiz", label=_("Quiz")),
        Column("prompt", label=_("Question")),
        Column("attempts", label=_("Answers")),
        Column("right", label=_("Right")),
        Column("percent", label=_("Right (%)")),
    ]
    list_export = ["quiz", "prompt", "attempts", "right", "percent"]

    @cached_property
    def results(self):
        return selectors.question_results(self.scope)

    def rows(self):
        return [
            {**question, "quiz": result["page"].title, "percent": _round(question["percent"])}
            for result in self.results
            for question in result["questions"]
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.course:
            context["charts"] = {
                "questions": [
                    charts.percent_bars(
                        result["page"].title,
                        [(q["prompt"], q["percent"], q["attempts"]) for q in result["questions"]],
                        label_heading=_("Question"),
                        value_heading=_("Right (%)"),
                        count_heading=_("Answers"),
                    )
                    for result in self.results
                ]
            }
        return context


class LearnerReportView(PkTieBreakMixin, ScopedReportView):
    """One row per enrolled learner of the scope, for analysis in a spreadsheet. Learners are
    named by id; coordinators also see their name and contact, mentors never do."""

    page_title = _("By learner")
    report_name = "learners"
    export_prefix = "peserta"
    personal_data = True
    header_icon = "user"
    results_template_name = "reports/learners_results.html"
    default_ordering = "learner_id"
    columns = [
        Column("learner_id", label=_("Learner ID"), sort_key="learner_id"),
        Column("business_pk", label=_("Business ID"), sort_key="business_pk"),
        Column("sibakul_number", label=_("SiBakul number")),
        Column("regency_display", label=_("Regency or city"), sort_key="regency"),
        Column("district", label=_("District (kapanewon/kemantren)"), sort_key="district"),
        Column("sector_display", label=_("Sector"), sort_key="sector"),
        Column("cohort_name", label=_("Class"), sort_key="cohort_name"),
        Column("age_band", label=_("Age band"), sort_key="age_band"),
        Column("progress_display", label=_("Progress (%)"), sort_key="progress"),
        Column("completed_on", label=_("Completed on"), sort_key="completed_at"),
        Column("quiz_best_display", label=_("Mean best score (%)"), sort_key="quiz_best"),
        Column(
            "quiz_first_display", label=_("Mean first-attempt score (%)"), sort_key="quiz_first"
        ),
        Column("pre", label=_("Before"), sort_key="pre"),
        Column("post", label=_("After"), sort_key="post"),
        Column("gain", label=_("Gain (points)"), sort_key="gain"),
        Column("certificate_serial", label=_("Certificate")),
        Column("under_18", label=_("Under 18")),  # privacy: a guardian consented for them
    ]
    contact_columns = [
        Column("learner_name", label=_("Learner"), sort_key="learner_name"),
        Column("phone_display", label=_("Mobile number")),
        Column("email", label=_("Email")),
    ]
    list_export = [column.name for column in columns]

    def rows(self):
        return selectors.learner_rows(
            self.scope, year=selectors.this_year(), contact=self.shows_contact
        )

    def decorate(self, row):
        return decorate_learner_row(row)


def yes_no(value: bool) -> str:
    return str(_("Yes") if value else _("No"))


def decorate_learner_row(row):
    """A row of ``selectors.learner_rows`` with what its columns show (here and in the research
    export)."""
    row.regency_display = Regency(row.regency).label if row.regency else None
    row.sector_display = Sector(row.sector).label if row.sector else None
    row.progress_display = _round(row.progress)
    row.completed_on = (
        spreadsheets.local_time(row.completed_at).date() if row.completed_at else None
    )
    row.quiz_best_display = _round(row.quiz_best)
    row.quiz_first_display = _round(row.quiz_first)
    row.phone_display = _phone(getattr(row, "phone", None))
    # Under 18 this year is the "<18" band; an unknown (or implausible) age is left empty.
    row.under_18 = yes_no(row.age_band == "<18") if row.age_band else None
    return row


class SurveyStatementsView(ScopedReportView):
    """The survey's agree/disagree statements: how many learners chose each answer (1 to 5),
    how many answered and the mean, as the survey page's chart shows them."""

    page_title = _("Survey statements")
    report_name = "survey_statements"
    export_prefix = "survei-pernyataan"
    header_icon = "comment"
    results_template_name = "reports/survey_statements_results.html"
    paginate_by = None
    columns = [
        Column("prompt", label=_("Statement")),
        *[
            Column(f"count_{level}", label=format_lazy("{} ({})", LIKERT_LABELS[level], level))
            for level in range(1, 6)
        ],
        Column("answers", label=_("Answers")),
        Column("mean", label=_("Mean (1-5)")),
    ]
    list_export = [column.name for column in columns]

    def rows(self):
        return [
            {
                "prompt": item["prompt"],
                **{f"count_{level}": count for level, count in item["counts"].items()},
                "answers": item["answers"],
                "mean": _round(item["mean"], 2),
            }
            for item in selectors.likert_results(self.scope)
        ]


class BreakdownReportView(ScopedReportView):
    """The overview's learner figures by regency or city, district, sector, class and age band:
    one table each on the page, every row in one export with a column naming its breakdown."""

    page_title = _("Breakdowns")
    report_name = "breakdowns"
    export_prefix = "rincian"
    header_icon = "list-ul"
    results_template_name = "reports/breakdowns_results.html"
    paginate_by = None
    columns = [
        Column("dimension", label=_("Broken down by")),
        Column("label", label=_("Group")),
        Column("enrolled", label=_("Learners enrolled")),
        Column("started", label=_("Learners started")),
        Column("completed", label=_("Completed the course")),
        Column("completed_percent", label=_("Completed the course (%)")),
        Column("pre_mean", label=_("Mean score before (%)")),
        Column("post_mean", label=_("Mean score after (%)")),
        Column("paired", label=_("Learners with both scores")),
        Column("mean_gain", label=_("Mean gain (points)")),
        Column("improved_share", label=_("Learners who improved (%)")),
        Column("certificates", label=_("Valid certificates")),
        Column("survey_responses", label=_("Survey responses")),
    ]
    list_export = [column.name for column in columns]

    @cached_property
    def breakdowns(self):
        """``[(dimension, its label, its rows)]`` in ``selectors.DIMENSIONS``' order."""
        every = selectors.breakdowns(self.scope)
        return [
            (dimension, selectors.DIMENSION_LABELS[dimension], every[dimension])
            for dimension in selectors.DIMENSIONS
        ]

    @cached_property
    def assignments(self):
        """The hand-ins' figures per class (``selectors.assignment_figures_by_class``), None
        when the course has no live assignment (no assignment column then)."""
        return selectors.assignment_figures_by_class(self.scope) if self.course else None

    def get(self, request, *args, **kwargs):
        if self.assignments is not None:  # on the page (class table) and in the export
            self.columns = [*self.columns, *ASSIGNMENT_COLUMNS]
            self.list_export = [*self.list_export, *(c.name for c in ASSIGNMENT_COLUMNS)]
        return super().get(request, *args, **kwargs)

    def assignment_cells(self, dimension, row) -> dict:
        """The class breakdown's assignment figures of ``row``; empty in the other breakdowns
        and when the course has no live assignment."""
        if self.assignments is None:
            return {}
        if dimension != "cohort":
            return dict.fromkeys((column.name for column in ASSIGNMENT_COLUMNS), None)
        figures = self.assignments.get(row.key, selectors.NO_HANDINS)
        return {
            column.name: value
            for column, value in zip(ASSIGNMENT_COLUMNS, assignment_values(figures), strict=True)
        }

    def rows(self):
        return [
            {
                "dimension": str(label),
                "label": row.label,
                "enrolled": row.enrolled,
                "started": row.started,
                "completed": row.completed,
                "completed_percent": _round(row.completed_percent),
                "pre_mean": _round(row.pre_mean),
                "post_mean": _round(row.post_mean),
                "paired": row.paired,
                "mean_gain": _round(row.mean_gain),
                "improved_share": _round(row.improved_share),
                "certificates": row.certificates,
                "survey_responses": row.survey_responses,
                **self.assignment_cells(dimension, row),
            }
            for dimension, label, rows in self.breakdowns
            for row in rows
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.course:
            rows = iter(context["object_list"])
            # The page's tables, from the same rows as the export, each headed by its own
            # breakdown's name instead of the export's first two columns.
            context["tables"] = [
                {"name": name, "label": label, "rows": [next(rows) for _row in dimension_rows]}
                for name, label, dimension_rows in self.breakdowns
            ]
            # After the breakdown and the group; the assignments' in the class table only.
            context["table_columns"] = [
                column for column in self.columns[2:] if column not in ASSIGNMENT_COLUMNS
            ]
            if self.assignments is not None:
                context["assignment_columns"] = ASSIGNMENT_COLUMNS
                context["assignments_note"] = ASSIGNMENTS_NOTE
        return context


REPORTS = [
    ("overview", _("Overview")),
    ("businesses", _("By business")),
    ("breakdowns", _("Breakdowns")),
    ("learners", _("By learner")),
    ("knowledge", _("Knowledge gain")),
    ("survey", _("Survey")),
    ("questions", _("Questions")),
    ("outcomes", _("Business progress")),
    ("evaluation", _("Evaluation report")),
]
