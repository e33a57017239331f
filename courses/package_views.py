"""The admin's course packages: export a course as a ZIP; upload a package, see what importing
it would create, change and remove, then confirm. Mentors and coordinators import; a package
updates a course only for someone who may edit that course."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from lms import roles
from lms import selectors as lms_selectors

from . import package_uploads as uploads
from .models import CourseIndexPage, CoursePage
from .packages import archive as archives
from .packages.diff import files_diff
from .packages.errors import PackageError
from .packages.services import (
    ACTION_LABELS,
    KIND_LABELS,
    course_package_export,
    course_package_files,
    course_package_import,
    course_package_preview,
)

PACKAGE_TOO_BIG = gettext_lazy("The file is larger than %(limit)s MB, the most a package may be.")
CANNOT_EDIT = gettext_lazy(
    "This package updates the course “%(title)s”, which you may not edit. Ask a coordinator."
)
CANNOT_ADD = gettext_lazy("You may not add a course to this course list.")
NO_COURSE_LIST = gettext_lazy("There is no course list you may add a course to.")
UPLOAD_GONE = gettext_lazy(
    "The uploaded package is no longer here (it is deleted after an hour). Upload it again."
)
SECTIONS = [
    ("create", gettext_lazy("To be created")),
    ("change", gettext_lazy("To be changed")),
    ("move", gettext_lazy("To be moved")),
    ("remove", gettext_lazy("To be removed")),
]


class Refused(Exception):
    pass


def can_import(user) -> bool:
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return bool({roles.MENTORS, roles.COORDINATORS} & lms_selectors.role_names(user))


def course_lists_for(user) -> list:
    """The course lists the user may add a course to."""
    return [
        index
        for index in CourseIndexPage.objects.order_by("path")
        if index.permissions_for_user(user).can_add_subpage()
    ]


def plan_for(*, user, package, index):
    """What importing ``package`` would do, and the course list a new course goes to;
    PackageError for a bad package, Refused when the user may not do it."""
    plan = course_package_preview(archive=package, index=index)
    if plan.course is not None:
        if not plan.course.permissions_for_user(user).can_edit():
            raise Refused(CANNOT_EDIT % {"title": plan.course.title})
        if index is not None and plan.course.get_parent().pk != index.pk:
            plan = course_package_preview(archive=package)  # an update stays where it is
        return plan, None
    if index is None:
        raise Refused(NO_COURSE_LIST)
    if not index.permissions_for_user(user).can_add_subpage():
        raise Refused(CANNOT_ADD)
    return plan, index


class PackageUploadForm(forms.Form):
    package = forms.FileField(
        label=gettext_lazy("Course package (ZIP)"),
        help_text=gettext_lazy(
            "A ZIP exported from this or another Pintar UMKM site, or made by hand as "
            "docs/course-packages.md describes."
        ),
    )
    index = forms.ModelChoiceField(
        queryset=CourseIndexPage.objects.none(),
        required=False,
        label=gettext_lazy("Course list"),
        help_text=gettext_lazy("Where a new course goes. A course that is updated stays put."),
    )

    def __init__(self, *args, course_lists, **kwargs):
        super().__init__(*args, **kwargs)
        self.course_lists = course_lists
        if len(course_lists) > 1:
            field = self.fields["index"]
            field.queryset = CourseIndexPage.objects.filter(pk__in=[i.pk for i in course_lists])
            field.empty_label = course_lists[0].title
        else:
            del self.fields["index"]

    def clean_package(self):
        upload = self.cleaned_data["package"]
        limit = settings.COURSE_PACKAGE_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(PACKAGE_TOO_BIG % {"limit": f"{limit / 1024 / 1024:g}"})
        return upload

    def chosen_index(self):
        chosen = self.cleaned_data.get("index")
        if chosen is not None:
            return chosen
        return self.course_lists[0] if self.course_lists else None


class ImportAccessMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PackageUploadView(ImportAccessMixin, View):
    template_name = "courses/admin/package_upload.html"

    def render(self, request, form, problems=(), status=200):
        return TemplateResponse(
            request, self.template_name, {"form": form, "problems": problems}, status=status
        )

    def get(self, request):
        return self.render(request, PackageUploadForm(course_lists=course_lists_for(request.user)))

    def post(self, request):
        form = PackageUploadForm(
            request.POST, request.FILES, course_lists=course_lists_for(request.user)
        )
        if not form.is_valid():
            return self.render(request, form, status=400)
        upload = form.cleaned_data["package"]
        index = form.chosen_index()
        token = uploads.upload_keep(
            session=request.session,
            chunks=upload.chunks(),
            name=upload.name,
            index=index.pk if index else None,
        )
        kept = uploads.upload_get(session=request.session, token=token)
        try:
            plan_for(
                user=request.user,
                package=archives.read(kept.data, name=upload.name),
                index=index,
            )
        except PackageError as error:
            uploads.upload_discard(session=request.session, token=token)
            return self.render(request, form, problems=error.problems, status=400)
        except Refused as refusal:
            uploads.upload_discard(session=request.session, token=token)
            form.add_error("package", str(refusal))
            return self.render(request, form, status=403)
        return redirect("courses_package_preview", token=token)


class PackagePreviewView(ImportAccessMixin, View):
    template_name = "courses/admin/package_preview.html"

    def gone(self, request):
        messages.error(request, UPLOAD_GONE)
        return redirect("courses_package_import")

    def plan(self, request, kept):
        index = CourseIndexPage.objects.filter(pk=kept.index).first() if kept.index else None
        package = archives.read(kept.data, name=kept.name)
        return package, *plan_for(user=request.user, package=package, index=index)

    def refuse(self, request, token, message):
        uploads.upload_discard(session=request.session, token=token)
        messages.error(request, message)
        return redirect("courses_package_import")

    def get(self, request, token):
        kept = uploads.upload_get(session=request.session, token=token)
        if kept is None:
            return self.gone(request)
        try:
            package, plan, index = self.plan(request, kept)
        except PackageError as error:
            return self.refuse(request, token, " ".join(error.problems))
        except Refused as refusal:
            return self.refuse(request, token, str(refusal))
        diffs = []  # a new course: every file is new, nothing to compare
        if plan.course is not None:
            diffs = files_diff(course_package_files(course=plan.course), package.files)
        shown = [change for change in plan.changes if change.action != "keep"]
        sections = [
            (
                action,
                label,
                [
                    (KIND_LABELS[change.kind], change.title, change.file)
                    for change in shown
                    if change.action == action
                ],
            )
            for action, label in SECTIONS
        ]
        return TemplateResponse(
            request,
            self.template_name,
            {
                "token": token,
                "file_name": kept.name,
                "plan": plan,
                "index": index,
                "sections": [section for section in sections if section[2]],
                "unchanged": len(plan.changes) - len(shown),
                "action_labels": ACTION_LABELS,
                "diffs": diffs,
            },
        )

    def post(self, request, token):
        kept = uploads.upload_get(session=request.session, token=token)
        if kept is None:
            return self.gone(request)
        if "discard" in request.POST:
            uploads.upload_discard(session=request.session, token=token)
            messages.success(request, _("The package was discarded; nothing was imported."))
            return redirect("courses_package_import")
        try:
            package, plan, index = self.plan(request, kept)
        except PackageError as error:
            return self.refuse(request, token, " ".join(error.problems))
        except Refused as refusal:
            raise PermissionDenied(str(refusal)) from refusal
        try:
            course = course_package_import(archive=package, index=index, user=request.user)
        except PackageError as error:
            return self.refuse(request, token, " ".join(error.problems))
        uploads.upload_discard(session=request.session, token=token)
        if plan.new_course:
            message = _("“%(title)s” was imported as a draft.")
        else:
            message = _("“%(title)s” was updated from the package.")
        messages.success(request, message % {"title": course.title})
        return redirect("wagtailadmin_pages:edit", course.pk)


def package_export(request, page_id):
    """The course as a package ZIP, for someone who may edit it; 404 for anyone else."""
    course = get_object_or_404(CoursePage, pk=page_id)
    if not course.permissions_for_user(request.user).can_edit():
        raise Http404
    response = HttpResponse(course_package_export(course=course), content_type="application/zip")
    response["Content-Disposition"] = content_disposition_header(True, f"{course.slug}.zip")
    return response


urlpatterns = [
    path("kursus/impor/", PackageUploadView.as_view(), name="courses_package_import"),
    path("kursus/impor/<str:token>/", PackagePreviewView.as_view(), name="courses_package_preview"),
    path("kursus/<int:page_id>/ekspor/", package_export, name="courses_package_export"),
]
