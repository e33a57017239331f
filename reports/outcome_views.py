"""Admin → Reports → Business progress: the businesses' check-ins before and after the course,
paired, and their credit applications (issue 15, item 5), with the shared filters, for the
businesses of the learners the viewer may see (a mentor: their own classes')."""

import django_filters
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from credit.models import Status
from outcomes.models import Moment

from . import charts, outcomes
from .filters import EnrolmentFilterSet
from .ordering import with_pk
from .views import REPORTS, ScopedReportView, yes_no

REPORT_NAME = "outcomes"
REPORT_LABEL = dict(REPORTS)[REPORT_NAME]


class OutcomeFilterSet(EnrolmentFilterSet):
    """The shared filters, and which check-in after the course "before" is compared with."""

    compare = django_filters.ChoiceFilter(
        label=_("Compare “before” with"),
        choices=outcomes.COMPARE_CHOICES,
        empty_label=outcomes.COMPARE_LATEST_LABEL,
        method="filter_nothing",  # the report reads it (``OutcomeReportView.compare``)
    )


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else yes_no(value)


def _whole(value):
    return None if value is None else round(value)


def _one(value):
    return None if value is None else round(value, 1)


# The table's columns that come from a check-in: (column name, CheckInValues attribute, label).
BEFORE_AFTER = [
    ("revenue", _("Revenue per day before (Rp)"), _("Revenue per day after (Rp)")),
    ("products", _("Products per day before"), _("Products per day after")),
    ("online_share", _("Online sales before (%)"), _("Online sales after (%)")),
    ("ad_spend", _("Advertising last month before (Rp)"), _("Advertising last month after (Rp)")),
    ("books", _("Keeps books before"), _("Keeps books after")),
]
SORTS = {
    "name": with_pk(lambda row: row.name.casefold()),
    "pk": lambda row: row.pk,
    "regency": lambda row: (row.regency, row.name.casefold()),
    "sector": lambda row: (row.sector, row.name.casefold()),
    "revenue_before": lambda row: row.before.revenue if row.before else None,
    "revenue_after": lambda row: row.after.revenue if row.after else None,
}


class OutcomeReportView(ScopedReportView):
    page_title = REPORT_LABEL
    report_name = REPORT_NAME
    export_prefix = "perkembangan-usaha"
    personal_data = True  # business names and their figures: each export is in the audit log
    header_icon = "home"
    results_template_name = "reports/outcomes_results.html"
    filterset_class = OutcomeFilterSet
    default_ordering = "name"
    columns = [
        Column("pk", label=_("Business ID"), sort_key="pk"),
        Column("name", label=_("Business"), sort_key="name"),
        Column("sibakul_number", label=_("SiBakul number")),
        Column("regency_display", label=_("Regency or city"), sort_key="regency"),
        Column("district_display", label=_("District (kapanewon/kemantren)")),
        Column("sector_display", label=_("Sector"), sort_key="sector"),
        Column("after_moment_display", label=_("“After” check-in")),
        *[
            Column(
                f"{key}_{when}",
                label=label,
                sort_key=f"{key}_{when}" if f"{key}_{when}" in SORTS else None,
            )
            for key, *labels in BEFORE_AFTER
            for when, label in zip(("before", "after"), labels, strict=True)
        ],
        Column("monthly_report_before", label=_("Monthly report before")),
        Column("monthly_report_after", label=_("Monthly report after")),
        Column("credit_status_display", label=_("Credit application")),
    ]
    list_export = [column.name for column in columns]

    @cached_property
    def compare(self) -> str:
        """The moment "after" is, as the filter chose it (``outcomes.LATEST``: the latest)."""
        if self.filters is None or not self.filters.is_valid():
            return outcomes.LATEST
        return self.filters.form.cleaned_data.get("compare") or outcomes.LATEST

    @cached_property
    def outcome_rows(self) -> list:
        """Every business of the scope, read once for the figures, the table and its export."""
        return outcomes.outcome_rows(self.scope, compare=self.compare) if self.course else []

    def rows(self):
        return self.outcome_rows

    def order_queryset(self, queryset):
        """The rows are a list: sorted here, the unknown last, then by name."""
        ordering = self.ordering or self.default_ordering
        key_name = ordering.lstrip("-")
        if key_name not in SORTS:
            return queryset
        key = SORTS[key_name]
        known = [row for row in queryset if key(row) is not None]
        unknown = [row for row in queryset if key(row) is None]
        known.sort(key=key, reverse=ordering.startswith("-"))
        return known + unknown

    def decorate(self, row):
        if getattr(row, "decorated", False):
            return row
        row.regency_display = row.regency_label
        row.district_display = row.district or None
        row.sector_display = row.sector_label
        row.after_moment_display = Moment(row.after_moment).label if row.after_moment else None
        for when in ("before", "after"):
            values = getattr(row, when)
            for key, *_labels in BEFORE_AFTER:
                value = getattr(values, key) if values else None
                setattr(row, f"{key}_{when}", _yes_no(value) if key == "books" else value)
            setattr(
                row,
                f"monthly_report_{when}",
                _yes_no(values.monthly_report) if values else None,
            )
        status = row.credit_status
        row.credit_status_display = Status(status).label if status else None
        row.decorated = True
        return row

    @cached_property
    def summary(self) -> outcomes.OutcomeSummary:
        return outcomes.summarise(self.outcome_rows, compare=self.compare)

    @cached_property
    def breakdowns(self) -> list[tuple[str, str, list]]:
        return [
            (
                dimension,
                str(outcomes.BREAKDOWN_LABELS[dimension]),
                outcomes.breakdown(self.outcome_rows, dimension, compare=self.compare),
            )
            for dimension in outcomes.BREAKDOWNS
        ]

    def charts(self) -> dict:
        summary = self.summary
        before, after = _("Before the course"), _("After the course")
        revenue = _("Median revenue on a typical day (Rp), before and after, by %(group)s")

        def revenue_rows(groups):
            figures = summary.metric("revenue")
            return [
                (
                    _("All businesses (%(pairs)s pairs)") % {"pairs": figures.n},
                    _whole(figures.before_median),
                    _whole(figures.after_median),
                ),
                *[
                    (
                        _("%(group)s (%(pairs)s pairs)")
                        % {"group": group.label, "pairs": group.summary.metric("revenue").n},
                        _whole(group.summary.metric("revenue").before_median),
                        _whole(group.summary.metric("revenue").after_median),
                    )
                    for group in groups
                ],
            ]

        specs = {
            "shares": charts.paired_bars(
                _("Businesses selling online, keeping books and making a monthly report (%)"),
                [(s.label, _one(s.before_percent), _one(s.after_percent)) for s in summary.shares],
                before_label=before,
                after_label=after,
                max_value=100,
                unit="%",
                decimals=1,
                label_heading=_("Figure"),
                change_heading=_("Change (points)"),
            )
        }
        for dimension, label, groups in self.breakdowns:
            specs[dimension] = charts.paired_bars(
                revenue % {"group": label.lower()},
                revenue_rows(groups),
                before_label=before,
                after_label=after,
                decimals="0g",
                label_heading=label,
                change_heading=_("Change (Rp)"),
            )
        products = summary.metric("products")
        specs["products"] = charts.paired_bars(
            _("Products sold on a typical day, before and after (%(pairs)s pairs)")
            % {"pairs": products.n},
            [
                (_("Median"), _one(products.before_median), _one(products.after_median)),
                (_("Mean"), _one(products.before_mean), _one(products.after_mean)),
            ],
            before_label=before,
            after_label=after,
            decimals=-1,
            label_heading=_("Figure"),
        )
        return specs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["compare_note"] = outcomes.COMPARE_NOTE % {
            "after": outcomes.after_label(self.compare)
        }
        context["credit_note"] = outcomes.CREDIT_NOTE
        if self.course:
            context["summary"] = self.summary
            context["breakdowns"] = self.breakdowns
            context["charts"] = self.charts()
        return context
