"""The filters of the coordinators' certificate list; its ZIP download takes the same ones."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from courses.models import Cohort, CoursePage
from courses.selectors import cohorts_visible_to
from lms.models import Regency, Sector

from .models import Certificate


def _cohorts(request):
    """The cohorts the person filtering may see: all for coordinators, their own for mentors."""
    if request is None:
        return Cohort.objects.none()
    return cohorts_visible_to(request.user).order_by("course__title", "-start_date", "name")


class CertificateFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=_("Course"),
        empty_label=_("All courses"),
        queryset=CoursePage.objects.order_by("title"),
    )
    cohort = django_filters.ModelChoiceFilter(
        label=_("Class"), empty_label=_("All classes"), queryset=_cohorts
    )
    regency = django_filters.ChoiceFilter(
        label=_("Regency or city"),
        field_name="business__regency",
        choices=Regency.choices,
        empty_label=_("All"),
    )
    sector = django_filters.ChoiceFilter(
        label=_("Sector"),
        field_name="business__sector",
        choices=Sector.choices,
        empty_label=_("All"),
    )
    completed_on = django_filters.DateFromToRangeFilter(
        label=_("Completed on"), widget=DateRangePickerWidget
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=Certificate.Status.choices,
        empty_label=_("All"),
        method="filter_status",
    )

    class Meta:
        model = Certificate
        fields = ["course", "cohort", "regency", "sector", "completed_on", "status"]

    def filter_status(self, queryset, name, value):
        return queryset.with_status(value)
