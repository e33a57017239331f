from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from . import urls, views


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_view_reports(request.user)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("laporan/", include(urls, namespace="reports"))]


@hooks.register("register_admin_menu_item")
def register_reports_menu():
    items = [
        ReportMenuItem(label, reverse(f"reports:{name}"), icon_name="table", order=order)
        for order, (name, label) in enumerate(views.REPORTS)
    ]
    return SubmenuMenuItem(
        _("Learning reports"),
        Menu(items=items),
        icon_name="table",
        name="learning-reports",
        order=240,
    )
