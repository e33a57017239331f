"""The filters every report shares: they choose the enrolments a report counts."""

from dataclasses import dataclass
from functools import cache

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from courses.filters import cohort_filter
from courses.models import CoursePage, Enrolment
from lms.districts import DISTRICTS
from lms.filters import regency_filter, sector_filter
from lms.models import Business, Regency
from lms.selectors import sees_every_class

NOT_STARTED, IN_PROGRESS, COMPLETED = "not_started", "in_progress", "completed"
STATUSES = [
    (NOT_STARTED, _("Not started")),
    (IN_PROGRESS, _("In progress")),
    (COMPLETED, _("Completed the course")),
]

# Why a filter in a report's link was not applied (see ``EnrolmentFilterSet.dropped``).
DROPPED_CLASS = _("not one of your classes")
DROPPED_COURSE = _("not a published course")
DROPPED_CHOICE = _("not one of its choices")
DROPPED_VALUE = _("not a value it accepts")


@dataclass(frozen=True)
class DroppedFilter:
    """A filter whose value in the link could not be applied, and why."""

    name: str
    label: str
    reason: str


def district_choices(request, regency: str | None = None) -> list:
    """The official kapanewon/kemantren (lms.districts), grouped by regency or city in the
    choices' order, each alphabetical; only the chosen ``regency``'s when one is set (a Regency
    value). A stored district not in the official list is offered too, in its regency's group,
    when a business whose learners the person filtering may see holds it, so old data stays
    filterable (none such without a request)."""
    from .selectors import enrolments_visible_to

    if regency not in Regency.values:
        regency = None
    by_regency = {
        value: set(DISTRICTS.get(value, ()))
        for value in Regency.values
        if regency is None or value == regency
    }
    if request is not None:
        businesses = Business.objects.exclude(district="")
        if regency is not None:
            businesses = businesses.filter(regency=regency)
        if not sees_every_class(request.user):
            visible = enrolments_visible_to(request.user)
            businesses = businesses.filter(pk__in=visible.values("learner__membership__business"))
        pairs = businesses.order_by().values_list("regency", "district").distinct()
        for value, district in pairs:
            if value in by_regency:
                by_regency[value].add(district)
    return [
        (label, [(district, district) for district in sorted(by_regency[value], key=str.casefold)])
        for value, label in Regency.choices
        if by_regency.get(value)
    ]


class EnrolmentFilterSet(WagtailFilterSet):
    """Course, class, regency or city, district, sector, enrolment dates and how far learners
    got. The course is applied by the report (``reports.selectors.scope_for``), which needs it
    first."""

    course = django_filters.ModelChoiceFilter(
        label=_("Course"),
        queryset=CoursePage.objects.live().order_by("title"),
        empty_label=None,
        method="filter_nothing",  # The report's scope applies the course.
    )
    cohort = cohort_filter()
    regency = regency_filter("learner__membership__business__regency")
    district = django_filters.ChoiceFilter(
        label=_("District (kapanewon/kemantren)"),
        field_name="learner__membership__business__district",
        choices=[],  # the official list, per regency (``district_choices``), set per request
        empty_label=_("All"),
    )
    sector = sector_filter("learner__membership__business__sector")
    enrolled_at = django_filters.DateFromToRangeFilter(
        label=_("Enrolled between"), widget=DateRangePickerWidget
    )
    status = django_filters.ChoiceFilter(
        label=_("Progress"), choices=STATUSES, empty_label=_("All"), method="filter_status"
    )

    class Meta:
        model = Enrolment
        fields = ["course", "cohort", "regency", "district", "sector", "enrolled_at", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read when the form is drawn or a district is chosen, once: never for an export
        # without one.
        request = self.request
        regency = self.data.get("regency") if self.data is not None else None
        self.filters["district"].extra["choices"] = cache(
            lambda: district_choices(request, regency if isinstance(regency, str) else None)
        )

    def dropped(self, *, own_classes_only: bool) -> list[DroppedFilter]:
        """The filters whose value in the link cannot be applied (an unknown choice, a class
        outside the viewer's own, a course that is not published), in the form's order.
        ``own_classes_only``: the viewer is a mentor, offered only the classes they run."""
        errors = self.form.errors
        dropped = []
        for name, field in self.form.fields.items():
            if name not in errors:
                continue
            if name == "course":
                reason = DROPPED_COURSE
            elif name == "cohort" and own_classes_only:
                reason = DROPPED_CLASS
            elif isinstance(self.filters[name], django_filters.ChoiceFilter):
                reason = DROPPED_CHOICE
            else:
                reason = DROPPED_VALUE
            dropped.append(DroppedFilter(name, str(field.label), str(reason)))
        for message in errors.get("__all__", []):
            dropped.append(DroppedFilter("__all__", str(_("Filters")), message))
        return dropped

    def filter_nothing(self, queryset, name, value):
        return queryset

    def filter_status(self, queryset, name, value):
        """Completed: holding a completion record of the course (``completed_learners``);
        in progress: a lesson of the course done, no record; not started: neither. The course
        is the one in the link or, when the link names none, the one the report then shows
        (``default_course``), so the filter is never silently left out."""
        from .selectors import completed_learners, default_course, lessons_done, scope_for

        course = self.form.cleaned_data.get("course") or default_course()
        if course is None:
            return queryset.none()
        scope = scope_for(course=course, enrolments=queryset)
        completed = Q(learner__in=completed_learners(scope))
        if value == COMPLETED:
            return scope.enrolments.filter(completed)
        annotated = scope.enrolments.exclude(completed).annotate(
            done=lessons_done(scope.lesson_ids)
        )
        if value == NOT_STARTED:
            return annotated.filter(done=0)
        return annotated.filter(done__gt=0)
