from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit
from wagtail.admin.views import account as admin_account

from privacy import selectors as privacy_selectors
from privacy import services as privacy_services

from . import data_rights, selectors, services, throttling
from .forms import (
    AccountDeleteForm,
    BusinessForm,
    JoinBusinessForm,
    ProfileForm,
    SignInForm,
    SignUpForm,
)
from .models import Membership

ACCOUNT_FIELDS = ("full_name", "phone", "email", "birth_year")


def _add_errors(form, error: ValidationError, *others):
    """Show a service's refusal on the form that has the field it names (``form`` or one of
    ``others``), else on top of ``form``."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        owner = next((f for f in (form, *others) if field in f.fields), None)
        (owner or form).add_error(field if owner else None, errors)


@ratelimit(group="sign_up", key="ip", rate=throttling.sign_up_rate, method="POST")
def sign_up(request):
    if request.user.is_authenticated:
        return redirect("lms:profile")
    data = request.POST if request.method == "POST" else None
    account = SignUpForm(data)
    choice = (data or {}).get("business_choice", SignUpForm.NEW)
    business = BusinessForm(data if choice == SignUpForm.NEW else None, prefix="business")
    joining = choice == SignUpForm.JOIN
    join = JoinBusinessForm(
        data if joining else None,
        prefix="join",
        throttled=throttling.join_code_wait(request) if joining else None,
    )
    chosen = business if choice == SignUpForm.NEW else join
    if data is not None and all([account.is_valid(), chosen.is_valid()]):
        try:
            with transaction.atomic():  # the account and its consents, or neither
                user = services.learner_sign_up(
                    **{field: account.cleaned_data[field] for field in ACCOUNT_FIELDS},
                    password=account.cleaned_data["password1"],
                    business=business.cleaned_data if chosen is business else None,
                    join_code=join.cleaned_data["join_code"] if chosen is join else None,
                )
                privacy_services.sign_up_consents_record(user=user, **account.consent_data())
        except ValidationError as error:
            _add_errors(account, error, chosen)
        else:
            throttling.join_code_joined(request)
            login(request, user, backend="lms.backends.PhoneOrEmailBackend")
            messages.success(
                request, _("Welcome, %(name)s! Your account is ready.") % {"name": user.full_name}
            )
            return redirect("lms:profile")
    return render(
        request,
        "lms/sign_up.html",
        {"form": account, "business_form": business, "join_form": join, "choice": choice},
        status=throttling.join_code_tried(request, join),
    )


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "lms/sign_in.html"
    redirect_authenticated_user = True

    def get_success_url(self):
        user = self.request.user
        if user.must_change_password:
            if user.temporary_password_set_at:
                messages.warning(self.request, services.temporary_password_notice(user))
            else:
                messages.info(
                    self.request, _("Choose a new password to replace the temporary one.")
                )
            return str(reverse_lazy("lms:password_change"))
        return super().get_success_url()


# Phones are shared: signing out clears what this site kept in the browser (drafts, checklist
# ticks, cached pages). Not "cookies": the server ends the session itself, and clearing them
# would drop the language chosen on this phone and the CSRF cookie the next sign-in needs.
SIGN_OUT_CLEARS = '"cache", "storage"'
# Where Clear-Site-Data is not understood, static/js/offline.js clears the saved pages and the
# actions queued offline when it finds this cookie. Only a sign-out sets it: a signed-out page
# without it (the session expired) keeps the queue for the same learner's next sign-in.
SIGNED_OUT_COOKIE = "pintar-signed-out"


def clears_site_data(response):
    """Marks the answer to a sign-out: the browser clears what the site kept on the phone."""
    response["Clear-Site-Data"] = SIGN_OUT_CLEARS
    response.set_cookie(
        SIGNED_OUT_COOKIE, "1", max_age=600, samesite="Lax", secure=settings.SESSION_COOKIE_SECURE
    )
    return response


class ClearsSiteData:
    """For a sign-out view: its answer to the POST that signs out clears the site's data."""

    def post(self, request, *args, **kwargs):
        return clears_site_data(super().post(request, *args, **kwargs))


class SignOutView(ClearsSiteData, auth_views.LogoutView):
    pass


class AdminSignOutView(ClearsSiteData, admin_account.LogoutView):
    """Wagtail's own sign-out (the admin shares the session with the site)."""


class PasswordChangeView(auth_views.PasswordChangeView):
    """Change one's password. Someone who has just signed in with a temporary password (spent by
    that sign-in) is not asked for it again: they only choose the new one."""

    template_name = "lms/password_change.html"
    success_url = reverse_lazy("lms:profile")

    def get_form_class(self):
        if self.request.user.must_change_password:
            return SetPasswordForm
        return super().get_form_class()

    def form_valid(self, form):
        services.password_change(
            user=self.request.user, new_password=form.cleaned_data["new_password1"]
        )
        update_session_auth_hash(self.request, self.request.user)
        messages.success(self.request, _("Your password has been changed."))
        return redirect(self.success_url)


@login_required
@never_cache
def profile(request):
    membership = selectors.membership_for(user=request.user)
    members = (
        selectors.business_members_for(owner=request.user)
        if membership and membership.is_owner
        else []
    )
    context = {
        "membership": membership,
        "members": members,
        "consents": privacy_selectors.consents_for_profile(user=request.user),
    }
    if membership is None:
        context.update(
            business_form=BusinessForm(prefix="business"), join_form=JoinBusinessForm(prefix="join")
        )
    return render(request, "lms/profile.html", context)


@login_required
@never_cache
def profile_edit(request):
    form = ProfileForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_update(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Your profile has been saved."))
            return redirect("lms:profile")
    return render(request, "lms/profile_edit.html", {"form": form})


@login_required
@never_cache
def business_register(request):
    form = BusinessForm(request.POST or None, prefix="business")
    if request.method == "POST" and form.is_valid():
        try:
            services.business_register(owner=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request, _("Your business is registered. Share its join code with your staff.")
            )
            return redirect("lms:profile")
    return render(request, "lms/business_form.html", {"form": form, "mode": "register"})


@login_required
@never_cache
def business_join(request):
    form = JoinBusinessForm(
        request.POST or None, prefix="join", throttled=throttling.join_code_wait(request)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.business_join(user=request.user, join_code=form.cleaned_data["join_code"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            throttling.join_code_joined(request)
            messages.success(request, _("You have joined the business."))
            return redirect("lms:profile")
    return render(
        request,
        "lms/business_form.html",
        {"form": form, "mode": "join"},
        status=throttling.join_code_tried(request, form),
    )


@login_required
@require_POST
def business_member_remove(request, member_id):
    try:
        services.business_member_remove(owner=request.user, member_id=member_id)
    except (PermissionDenied, Membership.DoesNotExist) as error:
        raise Http404 from error
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The member has been removed from your business."))
    return redirect("lms:profile")


@login_required
@never_cache
def data_mine(request):
    """What the site holds about me, and what I can do with it: download, correct, delete."""
    data = data_rights.personal_data_for(user=request.user)
    kinds = [(kind, len(data[kind.name])) for kind in data_rights.KINDS]
    return render(request, "lms/data_mine.html", {"kinds": kinds})


@login_required
@never_cache
def data_download(request):
    archive = data_rights.personal_data_export(user=request.user)
    response = StreamingHttpResponse(archive, content_type="application/zip")
    response["Content-Length"] = len(archive)
    response["Content-Disposition"] = (
        f'attachment; filename="{data_rights.personal_data_filename()}"'
    )
    return response


@login_required
@never_cache
def account_delete(request):
    user = request.user
    if data_rights.is_staff_account(user):
        return render(request, "lms/data_delete.html", {"staff": True})
    candidates = data_rights.handover_candidates_for(user=user)
    form = AccountDeleteForm(request.POST or None, candidates=candidates)
    status = 200
    wait = data_rights.delete_password_wait(request) if request.method == "POST" else None
    if wait is not None:
        form.is_valid()
        form.add_error(None, data_rights.TOO_MANY_WRONG_PASSWORDS % {"minutes": wait})
        status = throttling.TOO_MANY_STATUS
    elif request.method == "POST" and form.is_valid():
        try:
            data_rights.account_delete(
                user=user,
                password=form.cleaned_data["password"],
                new_owner_id=form.cleaned_data.get("new_owner"),
            )
        except ValidationError as error:
            _add_errors(form, error)
            if form.has_error("password", data_rights.WRONG_PASSWORD_CODE):
                data_rights.delete_password_failed(request)
        else:
            logout(request)
            return clears_site_data(redirect("lms:account_deleted"))
    membership = selectors.membership_for(user=user)
    owner_alone = bool(membership and membership.is_owner and not candidates)
    return render(
        request,
        "lms/data_delete.html",
        {"form": form, "candidates": candidates, "owner_alone": owner_alone},
        status=status,
    )


def account_deleted(request):
    return render(request, "lms/data_deleted.html")
