"""Admin for certificates: mentors design the templates; coordinators find, revoke and reissue
certificates and download a filtered set as one ZIP of PDFs."""

from zipfile import ZIP_STORED

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail import hooks
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import StatusTagColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.snippets.views.snippets import SnippetViewSet
from zipstream import ZipStream

from lms import audit
from lms.admin_views import ChooserViewSet

from . import selectors, services
from .filters import CertificateFilterSet
from .models import Certificate, CertificateTemplate

PDF_CHUNK_BYTES = 64 * 1024
# Query-string keys that belong to the listing page, not to the filtered set.
LISTING_ONLY_PARAMS = ("p", "ordering", "export", "_w_filter_fragment")


def zip_of_pdfs(certificates):
    """Yield one ZIP holding each certificate's PDF as <serial>.pdf. Files are read in chunks
    as the archive is sent, so memory holds a chunk, not the set; a missing PDF is rendered
    first. PDFs are compressed already, so they are stored as they are."""
    archive = ZipStream(compress_type=ZIP_STORED)
    for certificate in certificates:
        with services.certificate_pdf_file(certificate) as pdf:
            archive.add(pdf.chunks(PDF_CHUNK_BYTES), f"{certificate.serial}.pdf", size=pdf.size)
            yield from archive.all_files()
    yield from archive.finalize()


class CertificateTemplateViewSet(SnippetViewSet):
    """Mentors create and edit templates; coordinators can look at them."""

    model = CertificateTemplate
    chooser_viewset_class = ChooserViewSet
    icon = "doc-full"
    menu_label = gettext_lazy("Templates")
    menu_item_is_registered = True  # It sits in the Certificates menu, not under Snippets.
    list_display = ["name", "title", "signer_name", "updated_at"]
    search_fields = ["name", "title"]
    ordering = "name"


class CertificateViewMixin:
    """Views of the certificate viewset: they only ever reach certificates the user may see."""

    def get_certificates(self):
        return selectors.certificates_visible_to(self.request.user)

    def action_urls(self, certificate):
        """(label, url, icon) of the actions the user may take on the certificate now."""
        if not self.user_has_permission("change") or certificate.replaced_at:
            return []
        actions = []
        if not certificate.revoked_at:
            url = reverse(self.revoke_url_name, args=[quote(certificate.pk)])
            actions.append((_("Revoke"), url, "cross"))
        url = reverse(self.reissue_url_name, args=[quote(certificate.pk)])
        actions.append((_("Reissue"), url, "resubmit"))
        return actions


class CertificateIndexView(CertificateViewMixin, IndexView):
    revoke_url_name = None
    reissue_url_name = None
    zip_url_name = None

    def get_base_queryset(self):
        return self.get_certificates()

    def log_export(self, export_format):
        """Who downloaded the certificates (holders' names) with which filters and search."""
        audit.export_log(
            user=self.request.user,
            report="certificates",
            export_format=export_format,
            filters=getattr(self.filters.form, "cleaned_data", {}) if self.filters else {},
            search=self.search_query or "",
        )

    def as_spreadsheet(self, queryset, spreadsheet_format):
        self.log_export(spreadsheet_format)
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        for priority, (label, url, icon) in enumerate(self.action_urls(instance), start=30):
            buttons.append(MenuItem(label, url=url, icon_name=icon, priority=priority))
        return buttons

    @cached_property
    def zip_url(self):
        params = self.request.GET.copy()
        for key in LISTING_ONLY_PARAMS:
            params.pop(key, None)
        url = reverse(self.zip_url_name)
        return f"{url}?{params.urlencode()}" if params else url

    @cached_property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(_("Download ZIP"), url=self.zip_url, icon_name="download"),
        ]


class CertificateZipView(CertificateIndexView):
    """The list's filtered set (same filters and search) as a ZIP of PDFs, streamed."""

    def get(self, request, *args, **kwargs):
        if self.filters and not self.filters.is_valid():
            messages.error(request, _("Check the filters before downloading."))
            return redirect(f"{self.index_url}?{request.GET.urlencode()}")
        self.log_export("zip")
        certificates = self.get_queryset().iterator(chunk_size=200)
        response = StreamingHttpResponse(zip_of_pdfs(certificates), content_type="application/zip")
        filename = _("certificates-%(date)s.zip") % {"date": f"{timezone.localdate():%Y%m%d}"}
        response["Content-Disposition"] = content_disposition_header(True, filename)
        add_never_cache_headers(response)
        return response


class CertificateInspectView(CertificateViewMixin, InspectView):
    """What the certificate says (its snapshot) and what happened to it since."""

    inspect_url_name = None
    revoke_url_name = None
    reissue_url_name = None
    labels = {
        "status": gettext_lazy("Status"),
        "verification": gettext_lazy("Public verification page"),
        "replaced_by": gettext_lazy("Replaced by"),
    }

    def get_object(self, queryset=None):
        certificates = self.get_certificates().select_related(
            "revoked_by", "replaces", "replaced_by", "learner", "business", "cohort", "template"
        )
        return get_object_or_404(certificates, pk=self.pk)

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(label, url=url, icon_name=icon)
            for label, url, icon in self.action_urls(self.object)
        ]

    @cached_property
    def header_more_buttons(self):
        url = selectors.verification_url(self.object)
        return [Button(_("Public verification page"), url=url, icon_name="link-external")]

    def get_field_label(self, field_name, field):
        if field_name in self.labels:
            return self.labels[field_name]
        return super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "-" if value is None or value == "" else value

    def _inspect_link(self, certificate):
        url = reverse(self.inspect_url_name, args=[quote(certificate.pk)])
        return format_html('<a href="{}">{}</a>', url, certificate.serial)

    def get_verification_display_value(self):
        url = selectors.verification_url(self.object)
        return format_html('<a href="{}">{}</a>', url, url)

    def get_replaces_display_value(self):
        return self._inspect_link(self.object.replaces) if self.object.replaces else None

    def get_replaced_by_display_value(self):
        replacement = getattr(self.object, "replaced_by", None)
        return self._inspect_link(replacement) if replacement else None


class CertificateActionView(
    CertificateViewMixin, PermissionCheckedMixin, BaseObjectMixin, WagtailAdminTemplateMixin
):
    """Base of the revoke and reissue pages: a POST that changes one certificate."""

    model = Certificate
    permission_required = "change"
    index_url_name = None
    inspect_url_name = None
    revoke_url_name = None
    reissue_url_name = None

    def get_base_object_queryset(self):
        return self.get_certificates()

    def get_page_subtitle(self):
        return str(self.object)

    @property
    def inspect_url(self):
        return reverse(self.inspect_url_name, args=[quote(self.object.pk)])

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": Certificate._meta.verbose_name_plural},
            {"url": self.inspect_url, "label": self.object.serial},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            certificate=self.object, inspect_url=self.inspect_url, **kwargs
        )


class RevokeForm(forms.Form):
    # Not required here: the service refuses an empty reason with its own message.
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "The holder sees this; the public verification page shows only that it is revoked."
        ),
    )


class CertificateRevokeView(CertificateActionView, FormView):
    form_class = RevokeForm
    template_name = "certificates/admin/certificate_revoke.html"
    page_title = gettext_lazy("Revoke certificate")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse(self.revoke_url_name, args=[quote(self.object.pk)]),
            submit_button_label=_("Revoke certificate"),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            services.certificate_revoke(
                certificate=self.object, by=self.request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request, _("Certificate %(serial)s is revoked.") % {"serial": self.object.serial}
        )
        return redirect(self.inspect_url)


class CertificateReissueView(CertificateActionView, TemplateView):
    template_name = "certificates/admin/certificate_reissue.html"
    page_title = gettext_lazy("Reissue certificate")

    def post(self, request, *args, **kwargs):
        try:
            new = services.certificate_reissue(certificate=self.object, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(self.inspect_url)
        messages.success(
            request,
            _("Certificate %(new)s replaces %(old)s.")
            % {"new": new.serial, "old": self.object.serial},
        )
        return redirect(self.inspect_url_name, quote(new.pk))


class CertificateAdminURLFinder(ModelAdminURLFinder):
    """Certificates are never edited in the admin: their admin page is the inspect view."""

    edit_url_name = "certificate_admin:inspect"


class CertificateViewSet(ModelViewSet):
    """Issued certificates: list, filter, inspect, revoke, reissue, download. Never created,
    edited or deleted here; the services do that."""

    model = Certificate
    url_prefix = "certificates"
    url_namespace = "certificate_admin"
    icon = "success"
    menu_label = gettext_lazy("Issued certificates")  # inside the "Certificates" menu
    add_to_reference_index = False
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = CertificateIndexView
    inspect_view_class = CertificateInspectView
    filterset_class = CertificateFilterSet
    search_fields = ["serial", "holder_name", "business_name"]
    ordering = "-issued_at"
    list_display = [
        "serial",
        "holder_name",
        "business_name",
        "course_title",
        "completed_on",
        StatusTagColumn(
            "status",
            accessor="get_status_display",
            label=gettext_lazy("Status"),
            primary=lambda certificate: certificate.is_valid,
        ),
    ]
    list_export = [
        "serial",
        "holder_name",
        "business_name",
        "course_title",
        "mentor_name",
        "completed_on",
        "get_status_display",
        "revoked_reason",
    ]
    export_headings = {"get_status_display": gettext_lazy("Status")}
    # Status and history first, then the snapshot as printed, then the records it came from.
    inspect_view_fields = [
        "status",
        "revoked_at",
        "revoked_by",
        "revoked_reason",
        "replaced_at",
        "replaced_by",
        "replaces",
        "serial",
        "holder_name",
        "business_name",
        "course_title",
        "mentor_name",
        "completed_on",
        "issued_at",
        "verification",
        "learner",
        "business",
        "cohort",
        "template",
    ]
    url_finder_class = CertificateAdminURLFinder

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            revoke_url_name=self.get_url_name("revoke"),
            reissue_url_name=self.get_url_name("reissue"),
            zip_url_name=self.get_url_name("zip"),
            **kwargs,
        )

    @property
    def zip_view(self):
        return self.construct_view(CertificateZipView, **self.get_index_view_kwargs())

    @property
    def revoke_view(self):
        return self.construct_view(CertificateRevokeView)

    @property
    def reissue_view(self):
        return self.construct_view(CertificateReissueView)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("revoke/<int:pk>/", self.revoke_view, name="revoke"),
            path("reissue/<int:pk>/", self.reissue_view, name="reissue"),
            path("zip/", self.zip_view, name="zip"),
        ]


class CertificatesMenu(ViewSetGroup):
    menu_label = gettext_lazy("Certificates")
    menu_icon = "success"
    menu_order = 245
    items = (CertificateViewSet, CertificateTemplateViewSet)


@hooks.register("register_admin_viewset")
def register_certificate_viewsets():
    return CertificatesMenu()
