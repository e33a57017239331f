"""Check-in plans in the admin: which moments each course asks for."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CheckInPlan


class CheckInPlanViewSet(SnippetViewSet):
    model = CheckInPlan
    icon = "date"
    menu_label = _("Check-in plans")
    menu_order = 320
    add_to_admin_menu = False
    list_display = ["course", "ask_before", "ask_end", "ask_month_1", "ask_month_3"]


register_snippet(CheckInPlanViewSet)
