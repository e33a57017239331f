"""Admin views of mentoring: the review queue and the class roster."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

# --- the class roster ("Kelas saya") -------------------------------------------------------


@hooks.register("register_admin_urls")
def register_roster_urls():
    return [path("kelas-saya/", include("mentoring.roster_urls"))]


class RosterMenuItem(MenuItem):
    def is_shown(self, request):
        from .roster_views import can_view_roster

        return can_view_roster(request.user)


@hooks.register("register_admin_menu_item")
def register_roster_menu_item():
    return RosterMenuItem(
        _("My classes"), reverse("mentoring_roster:roster"), icon_name="group", order=235
    )


# --- review queue ---------------------------------------------------------------------------


class ReviewMenuItem(MenuItem):
    def is_shown(self, request):
        from .review_views import can_review

        return can_review(request.user)


@hooks.register("register_admin_urls")
def register_review_urls():
    return [path("tugas/", include("mentoring.review_urls"))]


@hooks.register("register_admin_menu_item")
def register_review_menu_item():
    return ReviewMenuItem(
        _("Hand-ins to review"), reverse("mentoring_review:queue"), icon_name="tasks", order=230
    )


@hooks.register("construct_homepage_panels")
def add_hand_ins_panel(request, panels):
    from .review_views import HandInsPanel, can_review

    if can_review(request.user):
        panels.append(HandInsPanel(request.user))
