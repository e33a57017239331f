"""Scope every admin view of a model to what the viewer may see.

A viewset mixes in ``ScopedViewSetMixin`` and defines ``visible_to(user)`` (a selector returning
a queryset). Every view the viewset builds is then fitted with the matching scoping mixin: its
listings, results and chooser lists hold only visible objects, and every view of one object
(edit, delete, inspect, history, usage, chosen, …) answers 404 for an object outside the scope,
exactly as for one that does not exist.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404
from wagtail.admin.views.reports.audit_logging import LogEntriesView

from .selectors import log_object_ids, sees_every_class


class ScopedViewMixin:
    visible_to = None  # set by the viewset: user -> queryset of the objects they may see

    def visible(self):
        return self.visible_to(self.request.user)


class ScopedObjectMixin(ScopedViewMixin):
    """Views of one object (edit, delete, inspect, history, usage, chosen, …): an object
    outside the scope does not exist."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if obj is not None and not self.visible().filter(pk=obj.pk).exists():
            raise Http404
        return obj


class ScopedListingMixin(ScopedViewMixin):
    """Listings of the model (index, results, exports): only visible objects, before search
    and filters. Listings of something else (a history's log entries) are left alone."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        visible = self.visible()
        if getattr(queryset, "model", None) is not visible.model:
            return queryset
        return queryset.filter(pk__in=visible.values("pk"))


class ScopedChoicesMixin(ScopedViewMixin):
    """A chooser's list of objects to choose from."""

    def get_object_list(self):
        return super().get_object_list().filter(pk__in=self.visible().values("pk"))


class ScopedChosenMultipleMixin(ScopedViewMixin):
    """A chooser's answer to several chosen ids: only visible ones."""

    def get_objects(self, pks):
        return super().get_objects(pks).filter(pk__in=self.visible().values("pk"))


SCOPING_MIXINS = [
    ("get_object", ScopedObjectMixin),
    ("get_base_queryset", ScopedListingMixin),
    ("get_object_list", ScopedChoicesMixin),
    ("get_objects", ScopedChosenMultipleMixin),
]


def scoped_view_class(view_class):
    """``view_class`` fitted with a scoping mixin for each way it reads objects."""
    if issubclass(view_class, ScopedViewMixin):
        return view_class
    mixins = tuple(mixin for method, mixin in SCOPING_MIXINS if hasattr(view_class, method))
    if not mixins:
        return view_class
    return type(f"Scoped{view_class.__name__}", (*mixins, view_class), {})


class ScopedViewSetMixin:
    """Fit every view this viewset builds with the scoping mixins that suit it; define
    ``visible_to(user)`` (a selector returning a queryset)."""

    def visible_to(self, user):
        raise NotImplementedError

    def construct_view(self, view_class, **kwargs):
        view_class = scoped_view_class(view_class)
        if issubclass(view_class, ScopedViewMixin):
            kwargs["visible_to"] = self.visible_to
        return super().construct_view(view_class, **kwargs)


def log_scopes():
    """The models whose admin log entries name people, each with the selector saying which of
    them a member of staff may see."""
    from certificates.models import Certificate
    from certificates.selectors import certificates_visible_to
    from courses.models import Cohort
    from courses.selectors import businesses_visible_to, cohorts_visible_to, learners_visible_to

    from .models import Business, User

    return [
        (User, learners_visible_to),
        (Business, businesses_visible_to),
        (Cohort, cohorts_visible_to),
        (Certificate, certificates_visible_to),  # a revoke names its holder
    ]


class ScopedLogEntriesView(LogEntriesView):
    """Wagtail's site history (and its export) without the entries about learners, businesses
    and classes outside the viewer's scope: a mentor holds permissions on users (temporary
    passwords), businesses and classes, which would otherwise show them everyone's."""

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        user = self.request.user
        fields = {field.name for field in queryset.model._meta.get_fields()}
        if sees_every_class(user) or "object_id" not in fields:  # page log entries name pages
            return queryset
        for model, visible_to in log_scopes():
            content_type = ContentType.objects.get_for_model(model)
            queryset = queryset.filter(
                ~Q(content_type=content_type) | Q(object_id__in=log_object_ids(visible_to(user)))
            )
        return queryset
