"""The admin's import: upload, map the columns, preview every row, confirm. Coordinators only."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views import View

from lms.text import strict_int

from . import rows as rules
from . import selectors, services
from .forms import ConfirmForm, MappingForm, UploadForm
from .models import ImportBatch

PER_PAGE = 50


class ImportAccessMixin:
    def dispatch(self, request, *args, **kwargs):
        if not selectors.can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def batch(self, pk):
        return get_object_or_404(ImportBatch, pk=pk)


class UploadView(ImportAccessMixin, View):
    template_name = "onboarding/import_upload.html"

    def render(self, request, form, status=200):
        return TemplateResponse(
            request,
            self.template_name,
            {"form": form, "batches": selectors.batches_recent()},
            status=status,
        )

    def get(self, request):
        return self.render(request, UploadForm())

    def post(self, request):
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            if upload.size > services.MAX_BYTES:
                form.add_error("file", services.FILE_TOO_BIG)
            else:
                try:
                    batch = services.batch_upload(
                        user=request.user, name=upload.name, content=upload.read()
                    )
                except ValidationError as error:
                    form.add_error("file", error)
                else:
                    return redirect("onboarding_import_map", pk=batch.pk)
        return self.render(request, form, status=400)


class MapView(ImportAccessMixin, View):
    template_name = "onboarding/import_map.html"

    def render(self, request, batch, form, status=200):
        return TemplateResponse(
            request,
            self.template_name,
            {"batch": batch, "form": form, "sample": batch.rows[:3], "required": rules.REQUIRED},
            status=status,
        )

    def get(self, request, pk):
        batch = self.batch(pk)
        if batch.imported_at:
            return redirect("onboarding_import_preview", pk=batch.pk)
        return self.render(
            request, batch, MappingForm(headers=batch.headers, mapping=batch.mapping)
        )

    def post(self, request, pk):
        batch = self.batch(pk)
        form = MappingForm(request.POST, headers=batch.headers, mapping=batch.mapping)
        if form.is_valid():
            try:
                services.batch_map(batch=batch, mapping=form.mapping())
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect("onboarding_import_preview", pk=batch.pk)
        return self.render(request, batch, form, status=400)


class PreviewView(ImportAccessMixin, View):
    template_name = "onboarding/import_preview.html"

    def render(self, request, batch, form, status=200):
        checks = selectors.batch_checks(batch=batch) if not batch.imported_at else []
        only_refused = request.GET.get("show") == "refused"
        shown = [row for row in checks if row.outcome == rules.REFUSED] if only_refused else checks
        page = Paginator(shown, PER_PAGE).get_page(
            strict_int(request.GET.get("page", "1"), maximum=10**6) or 1
        )
        return TemplateResponse(
            request,
            self.template_name,
            {
                "batch": batch,
                "form": form,
                "counts": rules.counts(checks),
                "page": page,
                "only_refused": only_refused,
                "fields": [(name, rules.FIELD_LABELS[name]) for name in rules.FIELDS],
                "outcome_labels": {
                    rules.NEW: _("New"),
                    rules.UPDATE: _("Update"),
                    rules.REFUSED: _("Refused"),
                },
            },
            status=status,
        )

    def get(self, request, pk):
        batch = self.batch(pk)
        unmapped = any(batch.mapping.get(name) is None for name in rules.REQUIRED)
        if not batch.imported_at and unmapped:
            return redirect("onboarding_import_map", pk=batch.pk)
        return self.render(request, batch, ConfirmForm())

    def post(self, request, pk):
        batch = self.batch(pk)
        form = ConfirmForm(request.POST)
        if "discard" in request.POST:
            try:
                services.batch_discard(batch=batch)
            except ValidationError as error:
                form.add_error(None, error)
                return self.render(request, batch, form, status=400)
            messages.success(request, _("The sheet was discarded; nothing was imported."))
            return redirect("onboarding_import")
        if form.is_valid():
            try:
                tally = services.batch_import(
                    batch=batch, user=request.user, cohort=form.cleaned_data["cohort"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Imported: %(new)d new, %(update)d updated, %(refused)d refused.") % tally,
                )
                return redirect("onboarding_import_preview", pk=batch.pk)
        return self.render(request, batch, form, status=400)
