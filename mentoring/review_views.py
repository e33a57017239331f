"""The review queue and the review page: mentors review their classes' hand-ins, coordinators
everyone's. A hand-in outside the viewer's scope does not exist (404)."""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic.base import BaseListingView, WagtailAdminTemplateMixin

from courses.models import Enrolment
from courses.selectors import cohorts_to_filter_by
from lms import roles
from lms.selectors import role_names, sees_every_class

from . import selectors, services
from .models import State, Submission

QUEUE_PARAMS = ("cohort", "week", "assignment", "state")  # what the review page carries along
STATE_CHOICES = [
    (State.HANDED_IN, gettext_lazy("Waiting for review")),
    (State.NEEDS_REVISION, State.NEEDS_REVISION.label),
    (State.ACCEPTED, State.ACCEPTED.label),
    (selectors.ANY_STATE, gettext_lazy("Any state")),
]
ACCEPT, REVISE = "accept", "revise"


def can_review(user) -> bool:
    """Coordinators and superusers (every class) and mentors (their own classes). Asked once
    per user object, as the menu, the home panel and the views all ask."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_can_review"):
        user._can_review = sees_every_class(user) or roles.MENTORS in role_names(user)
    return user._can_review


class ReviewerRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_review(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


# --- the queue ------------------------------------------------------------------------------


class InCourseChoiceField(django_filters.fields.ModelChoiceField):
    """A class, week or assignment named with its course: weeks and assignments repeat
    their titles from course to course."""

    def label_from_instance(self, obj):
        course = obj.course.title if hasattr(obj, "course") else obj.course_title
        name = getattr(obj, "name", None) or obj.title
        return f"{course} · {name}"


class InCourseChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = InCourseChoiceField


def _weeks(request):
    return selectors.review_weeks_for(request.user) if request else None


def _assignments(request):
    return selectors.review_assignments_for(request.user) if request else None


class ReviewQueueFilterSet(WagtailFilterSet):
    """Which hand-ins the queue lists. The filters only read the choice: ``review_queue``
    applies them, so the queue and the review page's "next" agree."""

    cohort = InCourseChoiceFilter(
        label=gettext_lazy("Class"),
        queryset=cohorts_to_filter_by,
        empty_label=gettext_lazy("All classes"),
        method="chosen",
    )
    week = InCourseChoiceFilter(
        label=gettext_lazy("Week"),
        queryset=_weeks,
        empty_label=gettext_lazy("All weeks"),
        method="chosen",
    )
    assignment = InCourseChoiceFilter(
        label=gettext_lazy("Assignment"),
        queryset=_assignments,
        empty_label=gettext_lazy("All assignments"),
        method="chosen",
    )
    state = django_filters.ChoiceFilter(
        label=gettext_lazy("State"), choices=STATE_CHOICES, empty_label=None, method="chosen"
    )

    class Meta:
        model = Submission
        fields = list(QUEUE_PARAMS)

    def chosen(self, queryset, name, value):
        return queryset

    def queue(self):
        """The queue these (valid) filters choose, for the request's user."""
        cleaned = self.form.cleaned_data
        return selectors.review_queue(
            user=self.request.user, **{name: cleaned.get(name) or None for name in QUEUE_PARAMS}
        )


def queue_query(request) -> str:
    """The queue's filters in ``request``'s query string, as ``?…`` (or "")."""
    query = request.GET.copy()
    for key in list(query):
        if key not in QUEUE_PARAMS:
            del query[key]
    return f"?{query.urlencode()}" if query else ""


class HandedInColumn(DateColumn):
    """The date, and how long ago."""

    cell_template_name = "mentoring/admin/handed_in_cell.html"


class ReviewQueueView(ReviewerRequiredMixin, BaseListingView):
    page_title = gettext_lazy("Hand-ins to review")
    header_icon = "tasks"
    index_url_name = "mentoring_review:queue"
    index_results_url_name = "mentoring_review:queue_results"
    filterset_class = ReviewQueueFilterSet
    paginate_by = 50
    verbose_name_plural = gettext_lazy("hand-ins")

    @cached_property
    def columns(self):
        query = queue_query(self.request)
        return [
            TitleColumn(
                "learner_name",
                label=gettext_lazy("Learner"),
                get_url=lambda submission: (
                    reverse("mentoring_review:detail", args=[submission.pk]) + query
                ),
            ),
            Column("business_name", label=gettext_lazy("Business")),
            Column("cohort_name", label=gettext_lazy("Class")),
            Column("assignment_title", label=gettext_lazy("Assignment")),
            Column("week_title", label=gettext_lazy("Week")),
            Column("version_number", label=gettext_lazy("Version")),
            HandedInColumn("handed_in_at", label=gettext_lazy("Handed in")),
            StatusTagColumn(
                "state",
                accessor="get_state_display",
                label=gettext_lazy("State"),
                primary=lambda submission: submission.state == State.HANDED_IN,
            ),
        ]

    def get_queryset(self):
        if self.filters is None:  # pragma: no cover - the filter set always has fields
            return selectors.review_queue(user=self.request.user)
        if not self.filters.is_valid():  # e.g. another mentor's class: nothing, not more
            return Submission.objects.none()
        return self.filters.queue()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.filters is not None and not self.filters.is_valid():
            context["no_results_message"] = _("These filters cannot be applied.")
        return context


# --- the review page ------------------------------------------------------------------------


class ReviewForm(forms.Form):
    """One review of the latest version: the rubric's ticks, feedback, and the button."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=32767)
    ticks = forms.MultipleChoiceField(
        label=gettext_lazy("Rubric"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": services.RUBRIC_UNKNOWN},
    )
    feedback = forms.CharField(
        label=gettext_lazy("Feedback for the learner"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": services.FEEDBACK_MAX_LENGTH}),
        help_text=gettext_lazy(
            "What is good and what to change. Needed when you ask for a revision."
        ),
    )
    decision = forms.ChoiceField(
        choices=[(ACCEPT, gettext_lazy("Accept")), (REVISE, gettext_lazy("Ask for a revision"))]
    )

    def __init__(self, *args, rubric, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ticks"].choices = rubric


class ReviewView(WagtailAdminTemplateMixin, TemplateView):
    """A hand-in with every version, and the form reviewing its latest version. One POST
    records the review and moves on to the next hand-in waiting in the same filter."""

    template_name = "mentoring/admin/review.html"
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        if not can_review(request.user):
            return permission_denied(request)
        submissions = selectors.submissions_visible_to(request.user).select_related(
            "learner", "business", "course", "assignment"
        )
        self.submission = get_object_or_404(submissions, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Review: %(assignment)s") % {"assignment": self.submission.assignment_title}

    def get_page_subtitle(self):
        return self.submission.learner.full_name

    @cached_property
    def queue_url(self):
        return reverse("mentoring_review:queue") + queue_query(self.request)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.queue_url, "label": _("Hand-ins to review")},
            {"url": "", "label": self.get_page_title()},
        ]

    @cached_property
    def versions(self):
        """Every version, newest first, with its photos and its reviewer."""
        return list(
            self.submission.versions.select_related("reviewed_by", "handed_in_by")
            .prefetch_related("photos")
            .order_by("-number")
        )

    @cached_property
    def rubric(self):
        return [(block.id, str(block.value)) for block in self.submission.assignment.rubric]

    def get_form(self, data=None, **initial):
        """The review form for the latest version (``initial``: what the mentor had typed)."""
        latest = self.versions[0] if self.versions else None
        if latest is not None:
            initial["version"] = latest.number
        return ReviewForm(data, rubric=self.rubric, initial=initial)

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        latest = self.versions[0] if self.versions else None
        submission = self.submission
        enrolment = (
            Enrolment.objects.select_related("cohort")
            .filter(learner_id=submission.learner_id, course_id=submission.course_id)
            .first()
        )
        business = submission.business
        if business is None and hasattr(submission.learner, "membership"):
            business = submission.learner.membership.business
        context.update(
            submission=submission,
            business=business,
            cohort=enrolment.cohort if enrolment else None,
            latest=latest,
            earlier=self.versions[1:],
            reviewable=latest is not None and not latest.review_state,
            form=form or self.get_form(),
            queue_url=self.queue_url,
            action_url=self.request.get_full_path(),
            rubric=self.rubric,
        )
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        accept = form.cleaned_data["decision"] == ACCEPT
        try:
            services.submission_review(
                submission=self.submission,
                by=request.user,
                version_number=form.cleaned_data["version"],
                accept=accept,
                feedback=form.cleaned_data["feedback"],
                ticks=form.cleaned_data["ticks"],
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            # Show what the other review or hand-in did, with a form for the latest version
            # that keeps what the mentor typed.
            self.submission.refresh_from_db()
            self.__dict__.pop("versions", None)
            kept = {name: form.cleaned_data[name] for name in ("feedback", "ticks")}
            context = self.get_context_data(form=self.get_form(**kept), refusals=error.messages)
            return self.render_to_response(context)
        name = {"learner": self.submission.learner.full_name}
        if accept:
            messages.success(request, _("The hand-in of %(learner)s is accepted.") % name)
        else:
            messages.success(request, _("A revision is asked of %(learner)s.") % name)
        return redirect(self.next_url())

    def next_url(self) -> str:
        """The next hand-in waiting in the same filter, else the queue."""
        filters = ReviewQueueFilterSet(data=self.request.GET, request=self.request)
        if filters.is_valid():
            cleaned = filters.form.cleaned_data
            waiting = selectors.review_queue(
                user=self.request.user,
                cohort=cleaned.get("cohort"),
                week=cleaned.get("week"),
                assignment=cleaned.get("assignment"),
                state=State.HANDED_IN,
            )
            following = waiting.exclude(pk=self.submission.pk).values_list("pk", flat=True)
            pk = following.first()
            if pk is not None:
                return reverse("mentoring_review:detail", args=[pk]) + queue_query(self.request)
        return self.queue_url


# --- the admin home -------------------------------------------------------------------------


class HandInsPanel(Component):
    """The admin home's count of hand-ins in each state, each linking to the queue."""

    name = "mentoring_hand_ins"
    template_name = "mentoring/admin/home_panel.html"
    order = 90  # above Wagtail's own panels: it is what a mentor comes for

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        counts = selectors.state_counts(self.user)
        queue = reverse("mentoring_review:queue")
        context["states"] = [
            {"label": label, "count": counts[state], "url": f"{queue}?state={state}"}
            for state, label in STATE_CHOICES
            if state in counts
        ]
        return context
