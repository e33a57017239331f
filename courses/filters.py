"""Filters on a learner's class, shared by the admin's lists and reports."""

import django_filters
from django.utils.translation import gettext_lazy as _

from .selectors import cohorts_to_filter_by


def cohort_filter(field_name: str = "cohort") -> django_filters.ModelChoiceFilter:
    """The classes the person filtering may see (``cohorts_to_filter_by``)."""
    return django_filters.ModelChoiceFilter(
        label=_("Class"),
        field_name=field_name,
        empty_label=_("All classes"),
        queryset=cohorts_to_filter_by,
    )
