from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from privacy.forms import ConsentFieldsMixin

from .districts import DISTRICTS, grouped_choices, official_district, regencies_of
from .identifiers import (
    UNKNOWN_JOIN_CODE,
    normalise_join_code,
    normalise_phone,
    normalise_sibakul_number,
)
from .models import FULL_NAME_MAX_LENGTH, Business, Regency, User
from .selectors import user_by_identifier
from .services import (
    EMAIL_TAKEN,
    JOIN_CODE_UNKNOWN,
    LEARNER_NOT_FOUND,
    PHONE_TAKEN,
    SIBAKUL_TAKEN,
)
from .text import clean_text
from .throttling import JOIN_CODE_THROTTLED, JOIN_CODE_THROTTLED_CODE

NAME_REQUIRED = _("Enter your name as you want it on your certificate.")
NAME_TOO_LONG = _("A name can have at most %(limit)d characters.") % {"limit": FULL_NAME_MAX_LENGTH}
PHONE_OR_EMAIL_REQUIRED = _("Enter a mobile number or an email so you can sign in.")
PASSWORDS_DIFFER = _("The two passwords are not the same.")
BIRTH_YEAR_OUT_OF_RANGE = _("Enter a birth year between %(oldest)d and %(youngest)d.")
YOUNGEST_AGE = 15
OLDEST_AGE = 100


class PersonFieldsMixin(forms.Form):
    """A person's name and birth year as they type them, cleaned to their stored form."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=FULL_NAME_MAX_LENGTH,
        help_text=_("One name is fine."),
        error_messages={"required": NAME_REQUIRED, "max_length": NAME_TOO_LONG},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    birth_year = forms.IntegerField(
        label=_("Birth year (optional)"),
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def clean_full_name(self):
        name = " ".join(clean_text(self.cleaned_data["full_name"]).split())
        if not name:
            raise forms.ValidationError(NAME_REQUIRED, code="required")
        return name

    def clean_birth_year(self):
        year = self.cleaned_data["birth_year"]
        this_year = timezone.localdate().year
        youngest, oldest = this_year - YOUNGEST_AGE, this_year - OLDEST_AGE
        if year is not None and not oldest <= year <= youngest:
            raise forms.ValidationError(
                BIRTH_YEAR_OUT_OF_RANGE % {"oldest": oldest, "youngest": youngest},
                code="birth_year_range",
            )
        return year


class NewPasswordFieldsMixin(forms.Form):
    """A password chosen twice, checked by the site's validators against the person it is for
    (``password_candidate``)."""

    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters; not only numbers."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def password_candidate(self, cleaned) -> User:
        """The person as the validators see them: their name and contacts."""
        return User(
            full_name=cleaned.get("full_name", ""),
            email=cleaned.get("email"),
            phone=cleaned.get("phone"),
        )

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2:
            if password1 != password2:
                self.add_error("password2", forms.ValidationError(PASSWORDS_DIFFER))
            else:
                try:
                    password_validation.validate_password(
                        password1, user=self.password_candidate(cleaned)
                    )
                except forms.ValidationError as error:
                    self.add_error("password1", error)
        return cleaned


class AccountFieldsMixin(PersonFieldsMixin):
    """Name, phone, email and birth year as a learner types them, cleaned to their stored form."""

    phone = forms.CharField(
        label=_("Mobile number"),
        required=False,
        help_text=_("For example 0812 3456 7890."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=_("Email (optional if you give a mobile number)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    field_order = ["full_name", "phone", "email", "birth_year"]
    user = None  # The account being edited, if any.

    def _others(self):
        users = User.objects.all()
        return users.exclude(pk=self.user.pk) if self.user else users

    def clean_phone(self):
        raw = self.cleaned_data["phone"]
        if not raw.strip():
            return None
        phone = normalise_phone(raw)
        if self._others().filter(phone=phone).exists():
            raise forms.ValidationError(PHONE_TAKEN, code="phone_taken")
        return phone

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if not email:
            return None
        if self._others().filter(email__iexact=email).exists():
            raise forms.ValidationError(EMAIL_TAKEN, code="email_taken")
        return email

    def clean(self):
        cleaned = super().clean()
        if (
            "phone" in cleaned
            and "email" in cleaned
            and not cleaned["phone"]
            and not cleaned["email"]
        ):
            raise forms.ValidationError(PHONE_OR_EMAIL_REQUIRED, code="no_identifier")
        return cleaned


class SignUpForm(ConsentFieldsMixin, NewPasswordFieldsMixin, AccountFieldsMixin):
    """A new account, with its consents (privacy.forms: the notice, research, a guardian)."""

    NEW, JOIN = "new", "join"

    business_choice = forms.ChoiceField(
        label=_("Your business"),
        choices=[(NEW, _("Register my business")), (JOIN, _("Join a business with its code"))],
        initial=NEW,
        widget=forms.RadioSelect,
    )


class ProfileForm(AccountFieldsMixin):
    def __init__(self, *args, user, **kwargs):
        self.user = user
        kwargs.setdefault(
            "initial",
            {
                "full_name": user.full_name,
                "phone": user.phone_display,
                "email": user.email or "",
                "birth_year": user.birth_year,
            },
        )
        super().__init__(*args, **kwargs)


DISTRICT_NOT_IN_REGENCY = _("This kapanewon/kemantren is not in %(regency)s.")
DISTRICT_UNKNOWN = _("Choose a kapanewon/kemantren from the list.")
DISTRICT_OUTSIDE_DIY = _(
    "Leave the kapanewon/kemantren empty for a business outside the Special Region of Yogyakarta."
)
DISTRICT_STORED_LABEL = _("%(district)s (as stored; not in the official list)")


class DistrictSelect(forms.Select):
    """Every kapanewon/kemantren in one plain <select>, an <optgroup> per regency or city, so
    it works without JavaScript; static/js/districts.js then offers only the chosen regency's.
    ``regency``: the chosen one (a Regency value): when two regencies share a name (Jetis), its
    option is the one selected."""

    regency = ""

    class Media:
        js = [forms.Script("js/districts.js", defer=True)]

    def optgroups(self, name, value, attrs=None):
        groups = super().optgroups(name, value, attrs)
        wanted = {str(v) for v in value if v}
        by_label = {str(Regency(regency).label): regency for regency in DISTRICTS}
        options = [
            (by_label.get(str(group_name)) if group_name else None, option)
            for group_name, subgroup, _index in groups
            for option in subgroup
        ]
        chosen = next(
            (
                option
                for regency, option in options
                if option["value"] in wanted and regency in (None, self.regency)
            ),
            next((option for _regency, option in options if option["value"] in wanted), None),
        )
        for regency, option in options:
            option["selected"] = option is chosen
            option["attrs"].pop("selected", None)
            if option is chosen:
                option["attrs"]["selected"] = True
            if regency:
                option["attrs"]["data-regency"] = regency
        return groups


class DistrictFieldMixin:
    """A business form's ``district``: a select of the kapanewon/kemantren of DIY (see
    DistrictSelect), cleaned against the chosen ``regency`` (a field before it) to its official
    spelling (lms.districts). A business whose stored district is not in the official list
    keeps it while nobody changes it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        stored = instance.district if instance is not None and instance.pk else ""
        self.stored_district = (
            stored if stored and official_district(instance.regency, stored) is None else ""
        )
        choices = [("", _("Choose a kapanewon/kemantren"))]
        if self.stored_district:
            label = DISTRICT_STORED_LABEL % {"district": self.stored_district}
            choices.append((self.stored_district, label))
        choices += grouped_choices()
        old = self.fields["district"]
        if self.is_bound:
            regency = self.data.get(self.add_prefix("regency"), "")
        else:
            regency = self.initial.get("regency", "")
        widget = DistrictSelect(
            choices=choices, attrs={"data-regency-field": self["regency"].auto_id}
        )
        widget.regency = regency if isinstance(regency, str) else ""
        self.fields["district"] = forms.CharField(
            label=old.label, help_text=old.help_text, required=False, widget=widget
        )

    def clean_district(self):
        raw = self.cleaned_data.get("district") or ""
        regency = self.cleaned_data.get("regency")
        if not raw.strip():
            return ""
        if self.stored_district and raw == self.stored_district:
            return raw
        if not regency:
            return raw  # the regency's own error says what to do
        name = official_district(regency, raw)
        if name:
            return name
        if regency not in DISTRICTS:
            raise forms.ValidationError(DISTRICT_OUTSIDE_DIY, code="district_outside_diy")
        if regencies_of(raw):
            raise forms.ValidationError(
                DISTRICT_NOT_IN_REGENCY,
                code="district_not_in_regency",
                params={"regency": Regency(regency).label},
            )
        raise forms.ValidationError(DISTRICT_UNKNOWN, code="district_unknown")


class BusinessForm(DistrictFieldMixin, forms.ModelForm):
    class Meta:
        model = Business
        fields = ["name", "sibakul_number", "sector", "regency", "district"]
        help_texts = {
            "sibakul_number": _("Optional. The number from your SiBakul Jogja registration."),
            "district": _("Optional. Choose your regency or city first."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = _("Enter your business's name.")
        self.fields["sector"].choices = [("", _("Choose a sector"))] + self.fields[
            "sector"
        ].choices[1:]
        self.fields["regency"].choices = [("", _("Choose a regency or city"))] + self.fields[
            "regency"
        ].choices[1:]

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_sibakul_number(self):
        raw = self.cleaned_data["sibakul_number"] or ""
        if not raw.strip():
            return None
        number = normalise_sibakul_number(raw)
        if Business.objects.filter(sibakul_number=number).exists():
            raise forms.ValidationError(SIBAKUL_TAKEN, code="sibakul_taken")
        return number

    def validate_unique(self):
        """Uniqueness is checked in clean_sibakul_number with a message a learner understands."""


class JoinCodeField(forms.CharField):
    """A business's or a class's code as people type it: case, spaces and dashes don't matter."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 12)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off"})
        )
        super().__init__(**kwargs)

    def clean(self, value):
        return normalise_join_code(super().clean(value))


class JoinCodeForm(forms.Form):
    """A form with a ``join_code`` that, while its sender has tried too many wrong codes
    (``throttled``: the minutes to wait, from lms.throttling.join_code_wait), refuses every code
    before looking it up, so the answer tells nothing about the code."""

    def __init__(self, *args, throttled: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.throttled = throttled

    def clean_join_code(self):
        if self.throttled:
            raise forms.ValidationError(
                JOIN_CODE_THROTTLED,
                code=JOIN_CODE_THROTTLED_CODE,
                params={"minutes": self.throttled},
            )
        return self.cleaned_data["join_code"]


class JoinBusinessForm(JoinCodeForm):
    join_code = JoinCodeField(
        label=_("Join code"),
        help_text=_("Six letters and digits; the business owner sees it on their profile."),
        error_messages={"required": _("Enter the join code.")},
    )

    def clean_join_code(self):
        code = super().clean_join_code()
        if not Business.objects.filter(join_code=code).exists():
            raise forms.ValidationError(JOIN_CODE_UNKNOWN, code=UNKNOWN_JOIN_CODE)
        return code


class SignInForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Mobile number or email"),
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _(
            "The mobile number or email and password do not match. Check them and try again."
        ),
        "inactive": _("This account has been deactivated."),
    }
    TEMPORARY_PASSWORD_SPENT = _(
        "This temporary password has already been used or has expired. Sign in with your own "
        "password, or ask your mentor or coordinator for a new temporary password."
    )

    def get_invalid_login_error(self):
        if getattr(self.request, "temporary_password_spent", False):
            return forms.ValidationError(self.TEMPORARY_PASSWORD_SPENT, code="temporary_spent")
        return super().get_invalid_login_error()


class TemporaryPasswordForm(forms.Form):
    learner = forms.CharField(
        label=_("Learner's mobile number or email"),
        help_text=_("The learner must change this password when they next sign in."),
    )
    password = forms.CharField(
        label=_("Temporary password"),
        strip=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        hours = settings.TEMPORARY_PASSWORD_MAX_AGE // timedelta(hours=1)
        self.fields["password"].help_text = _(
            "It signs in once, within %(hours)d hours; the learner then chooses their own password."
        ) % {"hours": hours}

    def clean_learner(self):
        user = user_by_identifier(self.cleaned_data["learner"])
        if user is None:
            raise forms.ValidationError(LEARNER_NOT_FOUND)
        return user


class BusinessAdminForm(DistrictFieldMixin, forms.ModelForm):
    """The business registry's create and edit form in the Wagtail admin (BusinessViewSet)."""

    class Meta:
        model = Business
        fields = ["name", "sibakul_number", "sector", "regency", "district"]


class AccountDeleteForm(forms.Form):
    """Delete my account: the person's own password, and, for an owner whose business has other
    members, the member who takes it over."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    new_owner = forms.TypedChoiceField(
        label=_("Member who takes over your business"),
        coerce=int,
        empty_value=None,
        required=False,
    )

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        if candidates:
            self.fields["new_owner"].choices = [
                ("", _("Choose a member")),
                *((member.user_id, member.user.full_name) for member in candidates),
            ]
        else:
            del self.fields["new_owner"]
