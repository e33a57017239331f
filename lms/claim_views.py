"""Claim-link pages: the owner's (open the link or type the short code, then claim) and the
staff's (the unclaimed accounts of their classes, issue links, WhatsApp buttons, A4 slips)."""

import io
import math

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from django_ratelimit.core import get_usage
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from privacy.forms import ConsentFieldsMixin

from . import claims, roles, throttling
from .forms import NAME_REQUIRED, NAME_TOO_LONG, NewPasswordFieldsMixin, PersonFieldsMixin
from .models import FULL_NAME_MAX_LENGTH, User
from .selectors import role_names, sees_every_class
from .text import PK_MAX, strict_int
from .views import SIGN_OUT_CLEARS

CODE_THROTTLED = gettext_lazy(
    "Too many wrong codes have been tried from here. Please wait %(minutes)s minutes, then "
    "check the code on your slip."
)


# --- the owner's side --------------------------------------------------------------------


class ClaimCodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code on your slip"),
        max_length=40,
        help_text=gettext_lazy("8 letters and numbers, for example K7M2-QX4P."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class ClaimForm(ConsentFieldsMixin, NewPasswordFieldsMixin, PersonFieldsMixin):
    """The owner confirms (or corrects) their name, consents and chooses a password."""

    full_name = forms.CharField(
        label=gettext_lazy("Your name"),
        max_length=FULL_NAME_MAX_LENGTH,
        help_text=gettext_lazy("As the office registered it. Correct it if it is wrong."),
        error_messages={"required": NAME_REQUIRED, "max_length": NAME_TOO_LONG},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    password1 = forms.CharField(
        label=gettext_lazy("Choose a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=gettext_lazy("At least 8 characters; not only numbers."),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        kwargs.setdefault("initial", {"full_name": user.full_name, "birth_year": user.birth_year})
        super().__init__(*args, **kwargs)

    def birth_year_for_consent(self):
        year = self.cleaned_data.get("birth_year")
        return year if year is not None else self.user.birth_year

    def password_candidate(self, cleaned) -> User:
        return User(
            full_name=cleaned.get("full_name", ""), email=self.user.email, phone=self.user.phone
        )


def _refused(request, problem, status=410):
    return render(request, "lms/claim_refused.html", {"problem": problem}, status=status)


def _claim(request, link, *, code: str = ""):
    """Show and take the claim form for ``link`` (already checked usable)."""
    data = request.POST if request.method == "POST" and "full_name" in request.POST else None
    form = ClaimForm(data, user=link.user)
    if data is not None and form.is_valid():
        try:
            user = claims.claim_link_redeem(
                link_id=link.pk,
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password1"],
                birth_year=form.cleaned_data["birth_year"],
                **form.consent_data(),
            )
        except ValidationError as error:
            if getattr(error, "code", None) == "claim_refused":
                return _refused(request, error.messages[0])
            form.add_error(None, error)
        else:
            someone_else = request.user.is_authenticated and request.user.pk != user.pk
            login(request, user, backend="lms.backends.PhoneOrEmailBackend")
            messages.success(
                request, _("Welcome, %(name)s! Your account is ready.") % {"name": user.full_name}
            )
            response = redirect(claims.landing_url_for(user))
            if someone_else:  # a shared phone: the last learner's drafts and cache go
                response["Clear-Site-Data"] = SIGN_OUT_CLEARS
            return response
    return render(
        request,
        "lms/claim_form.html",
        {"form": form, "link": link, "code": code, "business": _business_of(link.user)},
    )


def _business_of(user):
    return user.membership.business if hasattr(user, "membership") else None


@never_cache
def claim(request, token):
    """/akun/klaim/<token>/: the link from the WhatsApp message or the slip's QR code."""
    link = claims.link_by_token(token[:200])
    problem = claims.link_problem(link)
    if problem is not None:
        return _refused(request, problem, status=404 if link is None else 410)
    return _claim(request, link)


def _code_limit():
    return ("claim_code:address", "ip", settings.CLAIM_CODE_ADDRESS_RATE)


def _code_wait(request) -> int | None:
    """Minutes before this address may type a code again, or None."""
    group, key, rate = _code_limit()
    usage = get_usage(request, group=group, key=key, rate=rate)
    if usage and (usage["should_limit"] or usage["count"] >= usage["limit"]):
        return max(1, math.ceil(usage["time_left"] / 60))
    return None


def _code_wrong(request):
    group, key, rate = _code_limit()
    get_usage(request, group=group, key=key, rate=rate, increment=True)


@never_cache
def claim_code(request):
    """/akun/klaim/: type the short code from the slip, then claim as with the link."""
    initial = {"code": request.GET.get("kode", "")[:40]} if request.method == "GET" else None
    form = ClaimCodeForm(request.POST if request.method == "POST" else None, initial=initial)
    status = 200
    if request.method == "POST":
        minutes = _code_wait(request)
        if minutes is not None:
            form.is_valid()
            form.add_error(None, CODE_THROTTLED % {"minutes": minutes})
            status = throttling.TOO_MANY_STATUS
        elif form.is_valid():
            link = claims.link_by_code(form.cleaned_data["code"])
            problem = claims.link_problem(link)
            if problem is None:
                return _claim(request, link, code=link.code)
            _code_wrong(request)
            form.add_error("code", problem)
    return render(request, "lms/claim_code.html", {"form": form}, status=status)


# --- the staff's side --------------------------------------------------------------------


def can_issue_claim_links(user) -> bool:
    """Coordinators (and superusers) for everyone, mentors for their classes' learners."""
    return user.is_authenticated and (sees_every_class(user) or roles.MENTORS in role_names(user))


@method_decorator(never_cache, name="dispatch")  # the page shows raw tokens once
class ClaimListView(WagtailAdminTemplateMixin, TemplateView):
    """Admin → Claim links: the unclaimed accounts the viewer may reach, by class; tick and
    issue links, then send each by WhatsApp or print the A4 slips."""

    template_name = "lms/claim_list.html"
    page_title = gettext_lazy("Claim links")
    header_icon = "link"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not can_issue_claim_links(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def _cohorts(self):
        from courses.selectors import cohorts_visible_to

        return cohorts_visible_to(self.request.user).order_by("course__title", "name")

    def _cohort(self, source):
        pk = strict_int(source.get("kelas", ""), maximum=PK_MAX)
        return self._cohorts().filter(pk=pk).first() if pk else None

    def _batch(self, source):
        pk = strict_int(source.get("impor", ""), maximum=PK_MAX)
        batches = claims.import_batches_for(self.request.user)
        return batches.filter(pk=pk).first() if pk and not isinstance(batches, list) else None

    def get_context_data(self, **kwargs):
        cohort = self._cohort(self.request.GET)
        batch = self._batch(self.request.GET)
        users = list(claims.unclaimed_visible_to(self.request.user, cohort=cohort, batch=batch))
        links = claims.live_links_for(users)
        now = timezone.now()
        rows = [
            (
                user,
                link,
                claims.reminder_whatsapp_url(link) if link and link.expires_at > now else "",
            )
            for user in users
            for link in [links.get(user.pk)]
        ]
        return super().get_context_data(
            cohorts=self._cohorts(),
            cohort=cohort,
            batches=claims.import_batches_for(self.request.user),
            batch=batch,
            rows=rows,
            now=now,
            claim_days=settings.CLAIM_LINK_DAYS,
            **kwargs,
        )

    def _slips_response(self, issued):
        response = HttpResponse(slips_pdf(issued), content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="slip-klaim.pdf"'
        return response

    def _reprint(self, request):
        """The slips of links just issued (their tokens posted back from the page that showed
        them), without issuing new ones: live links of people the viewer may reach only."""
        tokens = [token[:200] for token in request.POST.getlist("token")][:1000]
        links = [claims.link_by_token(token) for token in tokens]
        visible = set(
            claims.unclaimed_visible_to(request.user)
            .filter(pk__in=[link.user_id for link in links if link])
            .values_list("pk", flat=True)
        )
        issued = [
            claims.IssuedLink(link=link, token=token)
            for token, link in zip(tokens, links, strict=True)
            if claims.link_problem(link) is None and link.user_id in visible
        ]
        if not issued:
            messages.error(request, _("These links are no longer valid: issue new ones."))
            return redirect(request.get_full_path())
        return self._slips_response(issued)

    def post(self, request, *args, **kwargs):
        if request.POST.get("format") == "reprint":
            return self._reprint(request)
        ids = [strict_int(value, maximum=PK_MAX) for value in request.POST.getlist("user")]
        ids = [pk for pk in ids if pk]
        users = list(User.objects.filter(pk__in=ids))
        if not users:
            messages.error(request, _("Tick at least one person to issue links for."))
            return redirect(request.get_full_path())
        try:
            issued = claims.claim_links_issue(users=users, issued_by=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect(request.get_full_path())
        if request.POST.get("format") == "pdf":
            return self._slips_response(issued)
        context = self.get_context_data(issued=issued)
        return self.render_to_response(context)


def _qr_png(url: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=6, border=4)
    return buffer.getvalue()


def slips_pdf(issued: list) -> bytes:
    """A4 pages of cut-out slips, one per issued link: name, business, QR code of the link,
    short code, the claim page's address. In Indonesian, with the packaged fonts."""
    from weasyprint import HTML

    from certificates.pdf import offline_fetcher, packaged_fonts

    assets = {
        f"asset:qr{index}": (_qr_png(one.url), "image/png") for index, one in enumerate(issued)
    }
    with translation.override("id"):
        html = render_to_string(
            "lms/claim_slips_pdf.html",
            {
                "slips": [
                    {
                        "qr": f"asset:qr{index}",
                        "name": one.user.full_name,
                        "business": _business_of(one.user),
                        "code": one.code,
                        "url": one.url,
                        "code_page": one.code_page_url,
                        "until": timezone.localtime(one.link.expires_at),
                    }
                    for index, one in enumerate(issued)
                ],
            },
        )
        stylesheet, font_config = packaged_fonts()
        return HTML(string=html, url_fetcher=offline_fetcher(assets)).write_pdf(
            stylesheets=[stylesheet], font_config=font_config
        )
