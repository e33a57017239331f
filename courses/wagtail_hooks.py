from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Cohort, LessonCompletion, LessonPage
from .selectors import cohorts_visible_to


class OwnCohortsMixin:
    def get_queryset(self):
        return cohorts_visible_to(self.request.user)


class CohortEditView(OwnCohortsMixin, snippet_views.EditView):
    pass


class CohortDeleteView(OwnCohortsMixin, snippet_views.DeleteView):
    pass


class CohortViewSet(SnippetViewSet):
    """Mentors see and run their own cohorts; coordinators see every cohort."""

    model = Cohort
    edit_view_class = CohortEditView
    delete_view_class = CohortDeleteView
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
