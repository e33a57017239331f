from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from .admin_views import TemporaryPasswordView
from .models import Business


class BusinessViewSet(ModelViewSet):
    model = Business
    icon = "home"
    menu_label = _("Businesses")
    menu_order = 250
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["name", "sibakul_number", "sector", "regency", "district", "created_at"]
    list_filter = ["sector", "regency"]
    search_fields = ["name", "sibakul_number", "district"]
    form_fields = ["name", "sibakul_number", "sector", "regency", "district"]
    inspect_view_fields = [*form_fields, "join_code", "created_at"]


@hooks.register("register_admin_viewset")
def register_business_viewset():
    return BusinessViewSet("businesses")


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
