from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_urls, services
from .models import PrivacyNotice


class PrivacyNoticeViewSet(SnippetViewSet):
    """Coordinators (and admins) add and edit the notice's versions; mentors cannot."""

    model = PrivacyNotice
    icon = "lock"
    menu_label = _("Privacy notice")
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["version", "published_at", "summary"]
    ordering = "-version"
    copy_view_enabled = False


register_snippet(PrivacyNoticeViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
@hooks.register("after_delete_snippet")
def forget_cached_notice_version(request, instances_or_instance):
    """A new or changed version is current at once, not when the cached number expires."""
    instances = (
        instances_or_instance
        if isinstance(instances_or_instance, (list, tuple))
        else [instances_or_instance]
    )
    if any(isinstance(instance, PrivacyNotice) for instance in instances):
        services.notice_version_forget()


@hooks.register("register_admin_urls")
def register_research_export_urls():
    return [path("privasi/", include(admin_urls, namespace="privacy_admin"))]
