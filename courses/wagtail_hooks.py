from django.contrib import messages
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.admin_scope import ScopedViewSetMixin
from lms.admin_views import ChooserViewSet

from .forms import CohortAdminForm
from .models import Cohort, CoursePage, LessonCompletion, LessonPage
from .selectors import cohorts_visible_to


class CohortChooserViewSet(ScopedViewSetMixin, ChooserViewSet):
    """The class chooser offers, and accepts, only the classes the viewer may see."""

    def visible_to(self, user):
        return cohorts_visible_to(user)


class CohortViewSet(ScopedViewSetMixin, SnippetViewSet):
    """Mentors see and run their own cohorts; coordinators see every cohort. Every view
    (list, edit, delete, history, usage, chooser) answers 404 for another mentor's cohort,
    and a mentor can only name themselves as a cohort's mentor."""

    model = Cohort
    edit_handler = ObjectList(Cohort.panels, base_form_class=CohortAdminForm)
    chooser_viewset_class = CohortChooserViewSet
    icon = "group"
    menu_label = gettext_lazy("Cohorts")
    menu_order = 240
    add_to_admin_menu = True
    list_display = [
        "name",
        "course",
        "start_date",
        "mentor",
        Column("join_code", label=gettext_lazy("Join code")),
    ]
    list_filter = ["course", "start_date"]
    search_fields = ["name", "join_code"]
    copy_view_enabled = False

    def visible_to(self, user):
        return cohorts_visible_to(user)

    def get_queryset(self, request):
        return cohorts_visible_to(request.user)


register_snippet(CohortViewSet)


@hooks.register("before_delete_page")
def warn_before_deleting_a_lesson_with_progress(request, page):
    """Deleting a lesson keeps learners' records (with its title) but it no longer counts."""
    if request.method != "GET" or not isinstance(page.specific, LessonPage):
        return None
    learners = LessonCompletion.objects.filter(lesson=page).count()
    if learners:
        messages.warning(
            request,
            _(
                "%(count)d learner(s) have completed this lesson. Their records are kept, but "
                "the lesson will no longer count towards anyone's progress."
            )
            % {"count": learners},
        )
    return None


# --- course packages: export from a course's menu, import from the admin menu ------------


@hooks.register("register_admin_urls")
def register_course_package_urls():
    from .package_views import urlpatterns

    return urlpatterns


class CoursePackageExportButton(PageMenuItem):
    label = gettext_lazy("Export as package")
    icon_name = "download"
    url_name = "courses_package_export"
    priority = 62

    def is_shown(self, user):
        specific_class = self.page.specific_class
        return (
            specific_class is not None
            and issubclass(specific_class, CoursePage)
            and self.page.permissions_for_user(user).can_edit()
        )


@hooks.register("register_page_header_buttons")
def course_package_header_button(page, user, view_name, next_url=None):
    yield CoursePackageExportButton(page=page)


@hooks.register("register_page_listing_more_buttons")
def course_package_listing_button(page, user, next_url=None):
    yield CoursePackageExportButton(page=page)


class CoursePackageImportMenuItem(MenuItem):
    def is_shown(self, request):
        from .package_views import can_import

        return can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_course_package_import_menu_item():
    return CoursePackageImportMenuItem(
        gettext_lazy("Import a course"),
        reverse("courses_package_import"),
        icon_name="upload",
        order=241,
    )
