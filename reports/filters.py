"""The filters every report shares: they choose the enrolments a report counts."""

from dataclasses import dataclass

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from courses.filters import cohort_filter
from courses.models import CoursePage, Enrolment
from lms.filters import regency_filter, sector_filter

NOT_STARTED, IN_PROGRESS, COMPLETED = "not_started", "in_progress", "completed"
STATUSES = [
    (NOT_STARTED, _("Not started")),
    (IN_PROGRESS, _("In progress")),
    (COMPLETED, _("Completed every lesson")),
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


class EnrolmentFilterSet(WagtailFilterSet):
    """Course, class, regency or city, sector, enrolment dates and how far learners got. The
    course is applied by the report (``reports.selectors.scope_for``), which needs it first."""

    course = django_filters.ModelChoiceFilter(
        label=_("Course"),
        queryset=CoursePage.objects.live().order_by("title"),
        empty_label=None,
        method="filter_nothing",  # The report's scope applies the course.
    )
    cohort = cohort_filter()
    regency = regency_filter("learner__membership__business__regency")
    sector = sector_filter("learner__membership__business__sector")
    enrolled_at = django_filters.DateFromToRangeFilter(
        label=_("Enrolled between"), widget=DateRangePickerWidget
    )
    status = django_filters.ChoiceFilter(
        label=_("Progress"), choices=STATUSES, empty_label=_("All"), method="filter_status"
    )

    class Meta:
        model = Enrolment
        fields = ["course", "cohort", "regency", "sector", "enrolled_at", "status"]

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
        """Progress counts a course's lessons: those of the course in the link or, when the
        link names none, of the course the report then shows (``default_course``), so the
        filter is never silently left out."""
        from .selectors import default_course, lessons_done, scope_for

        course = self.form.cleaned_data.get("course") or default_course()
        if course is None:
            return queryset.none()
        scope = scope_for(course=course, enrolments=queryset)
        total = len(scope.lesson_ids)
        annotated = scope.enrolments.annotate(done=lessons_done(scope.lesson_ids))
        if value == NOT_STARTED:
            return annotated.filter(done=0)
        if value == COMPLETED:
            return annotated.filter(done=total, done__gt=0)
        return annotated.filter(Q(done__gt=0) & ~Q(done=total))
