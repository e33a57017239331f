"""Consent fields: at sign-up (mixed into lms.forms.SignUpForm), for a new notice version, and
the research choice on the profile. A learner under 18 this year names a parent or guardian,
who ticks the statement; the fields are always shown, with a hint, so no script is needed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lms.text import clean_text

from . import rules
from .selectors import this_year
from .services import GUARDIAN_REQUIRED

NOTICE_REQUIRED = _("To use Pintar UMKM, agree to the privacy notice.")
GUARDIAN_NAME_MAX_LENGTH = 150


class GuardianFieldsMixin(forms.Form):
    guardian_name = forms.CharField(
        label=_("Name of parent or guardian (only if you are under 18)"),
        required=False,
        max_length=GUARDIAN_NAME_MAX_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    guardian_statement = forms.BooleanField(
        label=_(
            "I am the parent or guardian of this learner and I agree to the privacy notice "
            "for them (and to research use, if ticked above)."
        ),
        required=False,
    )

    def birth_year_for_consent(self) -> int | None:
        return self.cleaned_data.get("birth_year")

    def clean_guardian_name(self):
        return " ".join(clean_text(self.cleaned_data["guardian_name"]).split())

    def _check_guardian(self, cleaned):
        if not rules.is_minor(self.birth_year_for_consent(), this_year()):
            return
        if "guardian_name" in cleaned and not cleaned["guardian_name"]:
            self.add_error("guardian_name", forms.ValidationError(GUARDIAN_REQUIRED))
        elif not cleaned.get("guardian_statement"):
            self.add_error("guardian_statement", forms.ValidationError(GUARDIAN_REQUIRED))


class ConsentFieldsMixin(GuardianFieldsMixin):
    """The sign-up form's consents: the notice (required) and research (optional)."""

    notice_consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree to it."),
        error_messages={"required": NOTICE_REQUIRED},
    )
    research_consent = forms.BooleanField(
        label=_("My anonymised data may be used for research and publications (optional)."),
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        self._check_guardian(cleaned)
        return cleaned

    def consent_data(self) -> dict:
        return {
            "research": self.cleaned_data["research_consent"],
            "guardian_name": self.cleaned_data["guardian_name"],
            "guardian_statement": self.cleaned_data["guardian_statement"],
        }


class NoticeAgreeForm(GuardianFieldsMixin):
    agree = forms.BooleanField(
        label=_("I have read the new privacy notice and agree to it."),
        error_messages={"required": NOTICE_REQUIRED},
    )
    research_consent = ConsentFieldsMixin.base_fields["research_consent"]

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def birth_year_for_consent(self):
        return self.user.birth_year

    @property
    def adult(self) -> bool:
        """Not under 18 this year (or birth year unknown): no guardian fields to show."""
        return not rules.is_minor(self.user.birth_year, this_year())

    def clean(self):
        cleaned = super().clean()
        self._check_guardian(cleaned)
        return cleaned


class ResearchConsentForm(GuardianFieldsMixin):
    """Give (``given`` = "1") or withdraw ("0") consent to research use, from the profile."""

    given = forms.TypedChoiceField(
        choices=[("1", _("Give consent")), ("0", _("Withdraw consent"))],
        coerce=lambda value: value == "1",
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def birth_year_for_consent(self):
        return self.user.birth_year

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("given"):
            self._check_guardian(cleaned)
        return cleaned
