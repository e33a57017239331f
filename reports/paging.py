"""Paging a report whose rows carry figures computed per row.

A report's rows are annotated with correlated subqueries (lessons done, quiz means,
certificates...). Paged with OFFSET, the database computes them for every row it skips before it
reaches the page, so page 200 of the business table cost as much as 200 first pages.
``PageRowsPaginator`` counts and skips through the rows' primary keys alone, ordered as the
report asks (a sort by a figure computes that one figure for every row, as it must to sort, and
no other), then reads the page's rows with all their figures: at most ``per_page`` of them.
"""

from django.db.models import QuerySet
from django.db.models.query import ModelIterable
from wagtail.admin.paginator import WagtailPaginator


class PageRowsPaginator(WagtailPaginator):
    """Pages through ``object_list``'s primary keys, then reads the rows of the page only.
    A list (a report with no course), or a queryset of anything but one model instance per
    primary key (``values()``, grouped or distinct rows), is paged as it is."""

    def __init__(self, object_list, *args, **kwargs):
        self.rows = object_list if _one_row_per_key(object_list) else None
        if self.rows is not None:
            object_list = object_list.values_list("pk", flat=True)
        super().__init__(object_list, *args, **kwargs)

    def _get_page(self, object_list, number, paginator):
        if self.rows is not None:
            keys = list(object_list)
            by_key = self.rows.order_by().in_bulk(keys)
            object_list = [by_key[key] for key in keys if key in by_key]
        return super()._get_page(object_list, number, paginator)


def _one_row_per_key(rows) -> bool:
    return (
        isinstance(rows, QuerySet)
        and rows._iterable_class is ModelIterable
        and rows.query.group_by is None
        and not rows.query.distinct
        and not rows.query.combinator
    )
