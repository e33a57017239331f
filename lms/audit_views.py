"""Admin → Reports → Data access log: coordinators read who exported, imported, reset or
revoked what, filtered by action, person and date. Mentors and everyone else get a 403."""

import django_filters
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import MultipleUserFilter, UserModelMultipleChoiceField
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.history import HistoryFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import registry

from . import audit
from .selectors import sees_every_class
from .text import PK_MAX, strict_int


def can_read_audit_log(user) -> bool:
    """Coordinators and superusers."""
    return user.is_authenticated and sees_every_class(user)


class UserIdsField(UserModelMultipleChoiceField):
    """People chosen by id: an id that is not a plain number a bigint holds is refused with
    the form's message (the database would fail on it)."""

    def _check_values(self, value):
        for pk in value:
            if strict_int(str(pk), maximum=PK_MAX) is None:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class UserIdsFilter(MultipleUserFilter):
    field_class = UserIdsField


class AuditLogFilterSet(HistoryFilterSet):
    """Wagtail's history filters (action, the person who acted, date range) over the audit
    actions, and the person or object an entry is about."""

    user = UserIdsFilter(label=_("By"), widget=CheckboxSelectMultiple)

    label = django_filters.CharFilter(
        label=_("About (name)"), field_name="label", lookup_expr="icontains", max_length=200
    )

    def get_action_choices(self):
        return [(action, label) for action, (label, _message) in audit.LABELS.items()]

    def filter_queryset(self, queryset):
        # Entries written under the old temporary-password name count as temporary passwords.
        actions = self.form.cleaned_data.get("action")
        if actions and audit.TEMPORARY_PASSWORD in actions:
            self.form.cleaned_data["action"] = [*actions, audit.LEGACY_TEMPORARY_PASSWORD]
        return super().filter_queryset(queryset)


class DetailsColumn(Column):
    def get_value(self, instance):
        return audit.entry_details(instance)


class ActionColumn(Column):
    def get_value(self, instance):
        formatter = registry.get_formatter(instance)
        return formatter.label if formatter else instance.action


class AuditLogView(ReportView):
    page_title = _("Data access log")
    header_icon = "history"
    index_url_name = "lms_audit_log"
    index_results_url_name = "lms_audit_log_results"
    filterset_class = AuditLogFilterSet
    paginate_by = 50
    columns = [
        DateColumn("timestamp", label=_("Date / time")),
        ActionColumn("action", label=_("Action")),
        Column("user_display_name", label=_("By")),
        Column("label", label=_("About")),
        DetailsColumn("data", label=_("Details")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not can_read_audit_log(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return audit.entries_visible_to(self.request.user)

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "queryset": self.get_queryset()}
