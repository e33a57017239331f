"""Lenders in the admin: the list businesses choose from, and whether each is supervised by OJK."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Lender


class LenderViewSet(SnippetViewSet):
    model = Lender
    icon = "site"
    menu_label = _("Lenders")
    menu_order = 330
    add_to_admin_menu = False
    list_display = ["name", "kind", "ojk_supervised", "active"]
    list_filter = ["kind", "ojk_supervised", "active"]


register_snippet(LenderViewSet)
