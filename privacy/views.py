"""The public privacy notice, the agreement to a new version, the research choice on the
profile, and the coordinators' research export."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import defaults
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column

from lms.selectors import sees_every_class
from reports import selectors as report_selectors
from reports.ordering import pk_tie_break
from reports.views import ScopedReportView, decorate_learner_row, yes_no

from . import selectors, services
from .forms import NoticeAgreeForm, ResearchConsentForm
from .models import Consent


def _notice_page(request, notice):
    if notice is None:
        raise Http404
    return render(
        request,
        "privacy/privacy_notice.html",
        {
            "notice": notice,
            "versions": selectors.published_notices().values_list("version", flat=True),
            "current_version": selectors.current_notice_version(),
            "retention_years": settings.RETENTION_INACTIVE_YEARS,
            "contact": settings.PRIVACY_CONTACT,
        },
    )


def notice(request):
    return _notice_page(request, selectors.current_notice())


def notice_version(request, version):
    return _notice_page(request, selectors.notice_by_version(version))


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


@login_required
def notice_agree(request):
    current = selectors.current_notice()
    next_url = _next_url(request)
    if current is None:
        return redirect(next_url or "lms:profile")
    research = selectors.latest_consent(user=request.user, kind=Consent.Kind.RESEARCH)
    form = NoticeAgreeForm(
        request.POST if request.method == "POST" else None,
        user=request.user,
        initial={"research_consent": bool(research and research.given)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.notice_agree(
                user=request.user,
                notice=current,
                research=form.cleaned_data["research_consent"],
                guardian_name=form.cleaned_data["guardian_name"],
                guardian_statement=form.cleaned_data["guardian_statement"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            request.session[services.SESSION_KEY] = current.version
            messages.success(request, _("Thank you. You agreed to the privacy notice."))
            return redirect(next_url or "lms:profile")
    agreed = selectors.agreed_notice_version(user=request.user)
    return render(
        request,
        "privacy/notice_agree.html",
        {"notice": current, "form": form, "next": next_url or "", "agreed_before": agreed},
    )


@login_required
@require_POST
def research_consent(request):
    form = ResearchConsentForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            consent = services.research_consent_set(
                user=request.user,
                given=form.cleaned_data["given"],
                guardian_name=form.cleaned_data["guardian_name"],
                guardian_statement=form.cleaned_data["guardian_statement"],
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request,
                _("You agreed to research use of your anonymised data.")
                if consent.given
                else _("You withdrew your consent to research use. It applies to future exports."),
            )
    else:
        for errors in form.errors.values():
            messages.error(request, errors[0])
            break
    return redirect("lms:profile")


class ResearchExportView(ScopedReportView):
    """One course's learners who consented to research use (and, under 18, whose guardian's
    consent covers it): no name, contact or business id, a pseudonym instead of their id and an
    age band instead of their birth year. Coordinators only."""

    page_title = gettext_lazy("Research export")
    report_name = "research"
    export_prefix = "penelitian"
    header_icon = "table"
    results_template_name = "privacy/research_results.html"
    index_url_name = "privacy_admin:research"
    index_results_url_name = "privacy_admin:research_results"
    default_ordering = "learner_id"
    personal_data = True  # pseudonymised, still personal data: each download is in the audit log
    columns = [
        Column("pseudonym", label=gettext_lazy("Pseudonymous ID")),
        Column("age_band", label=gettext_lazy("Age band")),
        Column("regency_display", label=gettext_lazy("Regency or city")),
        Column("district", label=gettext_lazy("District (kapanewon/kemantren)")),
        Column("sector_display", label=gettext_lazy("Sector")),
        Column("cohort_name", label=gettext_lazy("Class")),
        Column("progress_display", label=gettext_lazy("Progress (%)")),
        Column("completed", label=gettext_lazy("Completed the course")),
        Column("pre", label=gettext_lazy("Before")),
        Column("post", label=gettext_lazy("After")),
    ]
    list_export = [column.name for column in columns]

    def dispatch(self, request, *args, **kwargs):
        if not sees_every_class(request.user):
            # A plain 403 for the page and its files alike (Wagtail's admin would turn a
            # PermissionDenied into a redirect to the dashboard).
            return defaults.permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def shows_contact(self) -> bool:
        return False

    def rows(self):
        consenting = selectors.research_consenting_learner_ids()
        rows = report_selectors.learner_rows(self.scope, year=report_selectors.this_year())
        return rows.filter(learner_id__in=consenting)

    def order_queryset(self, queryset):
        return pk_tie_break(queryset.order_by("learner_id"))

    def decorate(self, row):
        decorate_learner_row(row)
        row.pseudonym = selectors.research_pseudonym(row.learner_id)
        row.completed = yes_no(row.completed_at is not None)
        return row
