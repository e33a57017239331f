"""The filters of the coordinators' certificate list; its ZIP download takes the same ones."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from courses.filters import cohort_filter
from courses.models import CoursePage
from lms.filters import regency_filter, sector_filter

from .models import Certificate


class CertificateFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=_("Course"),
        empty_label=_("All courses"),
        queryset=CoursePage.objects.order_by("title"),
    )
    cohort = cohort_filter()
    regency = regency_filter("business__regency")
    sector = sector_filter("business__sector")
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
