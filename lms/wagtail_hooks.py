import copy

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from courses.selectors import businesses_visible_to

from . import audit
from .admin_scope import ScopedViewSetMixin
from .admin_views import TemporaryPasswordView
from .audit_views import AuditLogView, can_read_audit_log
from .forms import BusinessAdminForm
from .models import Business


class BusinessInspectView(InspectView):
    """A business with its members, so coordinators can find the people behind it."""

    def get_field_label(self, field_name, field):
        if field_name == "memberships":
            return _("Members")
        return super().get_field_label(field_name, field)

    def get_memberships_display_value(self):
        members = self.object.memberships.select_related("user").order_by("-is_owner", "joined_at")
        owner = _("owner")
        return (
            "; ".join(
                f"{m.user.full_name} ({m.user.phone_display or m.user.email})"
                + (f" · {owner}" if m.is_owner else "")
                for m in members
            )
            or "-"
        )


class BusinessViewSet(ScopedViewSetMixin, ModelViewSet):
    """Coordinators see every business; a mentor only those with a learner in their classes
    (every view: list, search, inspect, history, …; any other business answers 404)."""

    model = Business
    icon = "home"
    menu_label = _("Business registry")  # the reports have a "By business" page
    menu_order = 250
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["name", "sibakul_number", "sector", "regency", "district", "created_at"]
    list_filter = ["sector", "regency"]
    search_fields = ["name", "sibakul_number", "district"]
    form_fields = ["name", "sibakul_number", "sector", "regency", "district"]
    inspect_view_class = BusinessInspectView
    inspect_view_fields = [*form_fields, "join_code", "created_at", "memberships"]

    def visible_to(self, user):
        return businesses_visible_to(user)

    def get_form_class(self, for_update=False):
        return BusinessAdminForm  # the district as a select of the official list


@hooks.register("register_admin_viewset")
def register_business_viewset():
    return BusinessViewSet("businesses")


@hooks.register("register_admin_urls")
def register_claim_links_url():
    from .claim_views import ClaimListView

    return [path("people/claim-links/", ClaimListView.as_view(), name="lms_claim_links")]


class ClaimLinksMenuItem(MenuItem):
    def is_shown(self, request):
        from .claim_views import can_issue_claim_links

        return can_issue_claim_links(request.user)


@hooks.register("register_admin_menu_item")
def register_claim_links_menu_item():
    return ClaimLinksMenuItem(
        _("Claim links"), reverse("lms_claim_links"), icon_name="link", order=255
    )


@hooks.register("register_admin_urls")
def register_temporary_password_url():
    return [
        path(
            "people/temporary-password/",
            TemporaryPasswordView.as_view(),
            name="lms_temporary_password",
        )
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        self.permission = permission
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_temporary_password_menu_item():
    return PermissionMenuItem(
        _("Temporary password"),
        reverse("lms_temporary_password"),
        icon_name="key",
        order=260,
        permission="lms.set_temporary_password",
    )


# Wagtail names its workflow reports as the Settings menu names the workflows themselves.
WORKFLOW_REPORT_LABELS = {
    "workflows": _("Workflow report"),
    "workflow-tasks": _("Workflow task report"),
}


@hooks.register("construct_reports_menu")
def name_the_workflow_reports(request, menu_items):
    """No two admin menu items share a label: the reports say they are reports."""
    for index, item in enumerate(menu_items):
        if item.name in WORKFLOW_REPORT_LABELS:
            menu_items[index] = copy.copy(item)
            menu_items[index].label = WORKFLOW_REPORT_LABELS[item.name]


@hooks.register("register_log_actions")
def register_audit_log_actions(actions):
    """The audit log's actions (exports, imports, claim links, temporary passwords, revokes,
    account deletions), named in the admin's language."""
    audit.register_actions(actions)


@hooks.register("register_admin_urls")
def register_audit_log_urls():
    return [
        path("reports/audit-log/", AuditLogView.as_view(), name="lms_audit_log"),
        path(
            "reports/audit-log/results/",
            AuditLogView.as_view(results_only=True),
            name="lms_audit_log_results",
        ),
    ]


class AuditLogMenuItem(MenuItem):
    def is_shown(self, request):
        # Asked more than once per page: the answer is kept for the request.
        if not hasattr(request, "_reads_audit_log"):
            request._reads_audit_log = can_read_audit_log(request.user)
        return request._reads_audit_log


@hooks.register("register_reports_menu_item")
def register_audit_log_menu_item():
    return AuditLogMenuItem(
        _("Data access log"),
        reverse("lms_audit_log"),
        name="audit-log",
        icon_name="history",
        order=900,
    )
