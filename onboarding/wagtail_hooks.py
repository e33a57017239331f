from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import selectors, urls


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return selectors.can_import(request.user)


@hooks.register("register_admin_urls")
def register_import_urls():
    return urls.urlpatterns


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import businesses"), reverse("onboarding_import"), icon_name="upload", order=252
    )
