"""Credit applications on the phone: a business's list, the form, the steps, the documents and
the loan simulator filled in with an application's terms. Members read and change; mentors of
a class the business is in and coordinators read (``selectors.business_readable_by``)."""

import datetime
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from courses.forms import LoanSimulatorForm
from courses.loans import Method
from lms.selectors import membership_for

from . import rules, selectors, services
from .forms import AdvanceForm, ApplicationForm, DocumentsForm
from .models import Document, Status

SAVED = _("Application saved.")
STEP_SAVED = _("Step recorded.")
DOCUMENTS_SAVED = _("Checklist saved.")
SIMULATOR_PREFIX = "loan-credit"
DEFAULT_TENOR_MONTHS = 12


def _application_or_404(request, application_id, *, change=False):
    application = selectors.application_readable_by(
        user=request.user, application_id=application_id
    )
    if application is None:
        raise Http404
    if change and not selectors.may_change(user=request.user, application=application):
        raise Http404
    return application


def _no_business(request):
    return render(request, "credit/no_business.html", status=200)


def _list(request, business, *, own: bool):
    return render(
        request,
        "credit/application_list.html",
        {
            "business": business,
            "applications": selectors.applications_for(business=business),
            "can_change": own,
        },
    )


@login_required
@never_cache
def application_list(request):
    """The applications of the person's own business."""
    membership = membership_for(user=request.user)
    if membership is None:
        return _no_business(request)
    return _list(request, membership.business, own=True)


@login_required
@never_cache
def business_application_list(request, business_id):
    """A business's applications, for its members and the staff who see it."""
    business = selectors.business_readable_by(user=request.user, business_id=business_id)
    if business is None:
        raise Http404
    membership = membership_for(user=request.user)
    own = membership is not None and membership.business_id == business.pk
    return _list(request, business, own=own)


def _report_url(business_id: int) -> str:
    """The cash book's simple financial report of last month, the last complete one."""
    last_month = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    try:
        return reverse("cashbook:report", kwargs={"business_id": business_id, "month": last_month})
    except NoReverseMatch:
        return ""


def _form_page(request, form, *, application=None, status=200):
    return render(
        request,
        "credit/application_form.html",
        {
            "form": form,
            "application": application,
            "lender": form.warn_about
            or (application.lender if application and application.lender.needs_warning else None),
        },
        status=status,
    )


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
@never_cache
def application_create(request):
    membership = membership_for(user=request.user)
    if membership is None:
        return _no_business(request)
    if request.method != "POST":
        return _form_page(request, ApplicationForm(initial={"token": uuid.uuid4()}))
    form = ApplicationForm(request.POST)
    if form.is_valid():
        try:
            application = services.application_create(
                business=membership.business,
                by=request.user,
                token=form.cleaned_data["token"],
                **form.service_values(),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, SAVED)
            return redirect("credit:detail", application_id=application.pk)
    return _form_page(request, form, status=400 if form.errors else 200)


@login_required
@never_cache
def application_edit(request, application_id):
    application = _application_or_404(request, application_id, change=True)
    if request.method != "POST":
        initial = {
            "lender": application.lender_id,
            "other_lender_name": application.other_lender_name,
            "product": application.product,
            "amount_requested": f"{application.amount_requested:,.0f}".replace(",", "."),
            "purpose": application.purpose,
            "rate_percent_per_year": _decimal_comma(application.rate_percent_per_year),
            "tenor_months": application.tenor_months or "",
            "amount_approved": (
                f"{application.amount_approved:,.0f}".replace(",", ".")
                if application.amount_approved
                else ""
            ),
            "documents": application.documents,
            "notes": application.notes,
            "confirm_lender": application.lender.needs_warning,
        }
        return _form_page(
            request,
            ApplicationForm(initial=initial, application=application),
            application=application,
        )
    form = ApplicationForm(request.POST, application=application)
    if form.is_valid():
        try:
            services.application_update(application=application, **form.service_values())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, SAVED)
            return redirect("credit:detail", application_id=application.pk)
    return _form_page(request, form, application=application, status=400)


def _decimal_comma(value) -> str:
    if value is None:
        return ""
    return f"{value.normalize():f}".replace(".", ",")


def _detail(request, application, *, advance_form=None, status=200):
    can_change = selectors.may_change(user=request.user, application=application)
    steps = selectors.next_steps(application)
    if can_change and steps and advance_form is None:
        advance_form = AdvanceForm(initial={"from_step": application.status})
    ticked = set(application.documents)
    return render(
        request,
        "credit/application_detail.html",
        {
            "application": application,
            "progress": rules.progress(
                application.status,
                {field: getattr(application, field) for field in set(rules.DATE_FIELD.values())},
            ),
            "can_change": can_change,
            "next_steps": [(step, Status(step).label) for step in steps],
            "advance_form": advance_form if can_change and steps else None,
            "needs_amount_approved": Status.APPROVED in steps,
            "documents": [
                {"key": key, "label": label, "ticked": key in ticked}
                for key, label in Document.choices
            ],
            "report_url": _report_url(application.business_id),
        },
        status=status,
    )


@login_required
@never_cache
def application_detail(request, application_id):
    return _detail(request, _application_or_404(request, application_id))


@login_required
@require_POST
def application_advance(request, application_id):
    application = _application_or_404(request, application_id, change=True)
    form = AdvanceForm(request.POST)
    if form.is_valid():
        try:
            services.application_advance(
                application=application,
                step=form.cleaned_data["step"],
                from_step=form.cleaned_data["from_step"],
                on=form.cleaned_data["on"],
                amount_approved=form.cleaned_data.get("amount_approved"),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, STEP_SAVED)
            return redirect("credit:detail", application_id=application.pk)
    return _detail(request, application, advance_form=form, status=400)


@login_required
@require_POST
def application_documents(request, application_id):
    application = _application_or_404(request, application_id, change=True)
    form = DocumentsForm(request.POST)
    if form.is_valid():
        services.application_documents_set(
            application=application, documents=form.cleaned_data["documents"]
        )
        messages.success(request, DOCUMENTS_SAVED)
    return redirect("credit:detail", application_id=application.pk)


def _simulator_data(application) -> dict:
    amount = application.amount_approved or application.amount_requested
    return {
        f"{SIMULATOR_PREFIX}-principal": f"{amount:,.0f}".replace(",", "."),
        f"{SIMULATOR_PREFIX}-annual_rate": _decimal_comma(application.rate_percent_per_year),
        f"{SIMULATOR_PREFIX}-tenor_months": str(application.tenor_months or DEFAULT_TENOR_MONTHS),
        f"{SIMULATOR_PREFIX}-method": Method.ANNUITY.value,
    }


@login_required
@never_cache
def application_simulate(request, application_id):
    """The financing course's loan simulator filled in with the application's terms (the
    amount approved, else requested); changing the figures recalculates through the same form."""
    application = _application_or_404(request, application_id)
    if request.GET.get(f"{SIMULATOR_PREFIX}-principal") is not None:
        data = request.GET
    else:
        data = _simulator_data(application)
    form = LoanSimulatorForm(data, presets=[], prefix=SIMULATOR_PREFIX)
    form.is_valid()
    return render(
        request,
        "credit/simulator.html",
        {
            "application": application,
            "form": form,
            "block_id": "credit",
            "value": {"title": _("Simulate these terms"), "intro": "", "presets": []},
        },
    )
