from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class LmsConfig(AppConfig):
    default = True  # apps.py holds two configs: this one is the app's
    name = "lms"
    verbose_name = _("People and businesses")

    def ready(self):
        from . import pagetree, spreadsheets

        pagetree.connect_signals()
        spreadsheets.install()  # every admin CSV/XLSX export: no formulas (CSV injection)


class UsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms that fit a user who has one name and a phone or email."""

    user_viewset = "lms.admin_views.UserViewSet"
