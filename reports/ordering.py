"""The reports' tie-break: rows that sort equal keep one order, the primary key's, so a page, the
next page and the export list them alike."""


def pk_tie_break(queryset):
    """The queryset in its ordering, then by primary key (unordered: left as it is)."""
    ordering = queryset.query.order_by
    return queryset.order_by(*ordering, "pk") if ordering else queryset


def with_pk(key):
    """A sort key for rows held in a list: ``key``, then the row's primary key."""
    return lambda row: (key(row), row.pk)


class PkTieBreakMixin:
    """A report view whose ordered rows tie-break on the primary key."""

    def order_queryset(self, queryset):
        return pk_tie_break(super().order_queryset(queryset))
