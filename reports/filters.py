"""The filters every report shares: they choose the enrolments a report counts."""

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

    def filter_nothing(self, queryset, name, value):
        return queryset

    def filter_status(self, queryset, name, value):
        from .selectors import lessons_done, scope_for

        course = self.form.cleaned_data.get("course")
        if course is None:
            return queryset
        scope = scope_for(course=course, enrolments=queryset)
        total = len(scope.lesson_ids)
        annotated = scope.enrolments.annotate(done=lessons_done(scope.lesson_ids))
        if value == NOT_STARTED:
            return annotated.filter(done=0)
        if value == COMPLETED:
            return annotated.filter(done=total, done__gt=0)
        return annotated.filter(Q(done__gt=0) & ~Q(done=total))
