from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from lms.selectors import sees_every_class

from . import urls, views


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_view_reports(request.user)


class ResearchExportMenuItem(MenuItem):
    """The privacy app's research export: coordinators only."""

    def is_shown(self, request):
        return sees_every_class(request.user)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("laporan/", include(urls, namespace="reports"))]


@hooks.register("register_admin_menu_item")
def register_reports_menu():
    items = [
        ReportMenuItem(label, reverse(f"reports:{name}"), icon_name="table", order=order)
        for order, (name, label) in enumerate(views.REPORTS)
    ]
    items.append(
        ResearchExportMenuItem(
            _("Research export"),
            reverse("privacy_admin:research"),
            icon_name="table",
            order=len(items),
        )
    )
    return SubmenuMenuItem(
        _("Learning reports"),
        Menu(items=items),
        icon_name="table",
        name="learning-reports",
        order=240,
    )
