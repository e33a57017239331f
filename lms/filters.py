"""Filters on a business's place and trade, shared by the admin's lists and reports."""

import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Regency, Sector


def regency_filter(field_name: str) -> django_filters.ChoiceFilter:
    return django_filters.ChoiceFilter(
        label=_("Regency or city"),
        field_name=field_name,
        choices=Regency.choices,
        empty_label=_("All"),
    )


def sector_filter(field_name: str) -> django_filters.ChoiceFilter:
    return django_filters.ChoiceFilter(
        label=_("Sector"), field_name=field_name, choices=Sector.choices, empty_label=_("All")
    )
