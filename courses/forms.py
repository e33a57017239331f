from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from lms.forms import JoinCodeField, JoinCodeForm
from lms.selectors import sees_every_class
from lms.text import strict_int

from . import loans

MENTOR_MUST_BE_YOURSELF = _(
    "You can only run a class yourself: choose yourself as its mentor. A coordinator can "
    "give a class to another mentor."
)


class CohortAdminForm(WagtailAdminModelForm):
    """A class in the admin. Coordinators and superusers may give it to any mentor; a mentor
    creates and edits only classes they run themselves, and cannot hand one to another."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        mentor = self.fields.get("mentor")
        user = self.for_user
        if mentor is None or (user is not None and sees_every_class(user)):
            return
        mentor.queryset = mentor.queryset.filter(pk=getattr(user, "pk", None))
        mentor.error_messages["invalid_choice"] = MENTOR_MUST_BE_YOURSELF
        if user is not None and self.instance.pk is None:
            self.initial.setdefault("mentor", user.pk)


class CohortJoinForm(JoinCodeForm):
    join_code = JoinCodeField(
        label=_("Class code"),
        help_text=_("Six letters and digits from your mentor."),
        error_messages={"required": _("Enter the class code.")},
    )


class LoanSimulatorForm(forms.Form):
    """The loan simulator as a plain GET form; the figures come from courses.loans."""

    principal = forms.CharField(label=_("Loan amount (Rp)"), max_length=40)
    annual_rate = forms.CharField(label=_("Interest rate per year (%)"), max_length=12)
    tenor_months = forms.CharField(label=_("Term (months)"), max_length=6)
    method = forms.ChoiceField(
        label=_("Interest method"),
        choices=[
            (loans.Method.ANNUITY.value, _("Effective (annuity)")),
            (loans.Method.FLAT.value, _("Flat")),
        ],
        widget=forms.RadioSelect,
    )

    FIELD_FOR_ERROR = {"annual_rate_percent": "annual_rate"}

    def __init__(self, data, *, presets, prefix):
        self.presets = list(presets)
        super().__init__(data, prefix=prefix)
        self.result = None

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        try:
            self.result = loans.simulate(
                principal=cleaned["principal"],
                annual_rate_percent=cleaned["annual_rate"],
                tenor_months=cleaned["tenor_months"],
                method=cleaned["method"],
            )
        except loans.LoanInputError as error:
            self.add_error(self.FIELD_FOR_ERROR.get(error.field, error.field), error.message)
        return cleaned


def loan_simulator_form(value, block_id: str, query) -> LoanSimulatorForm:
    """The simulator's form for one block: what the learner sent, or the block's defaults with
    its first preset, so a worked example shows before anything is typed."""
    prefix = f"loan-{block_id}"
    presets = value["presets"]
    if query.get(f"{prefix}-principal") is not None:
        data = query.copy()
        chosen = strict_int(query.get(f"{prefix}-preset", ""), maximum=len(presets) - 1)
        if chosen is not None:
            preset = presets[chosen]
            data[f"{prefix}-annual_rate"] = str(preset["annual_rate"]).replace(".", ",")
            data[f"{prefix}-method"] = preset["method"]
    else:
        first = presets[0] if presets else {"annual_rate": 6, "method": loans.Method.ANNUITY.value}
        data = {
            f"{prefix}-principal": f"{value['default_principal']:,}".replace(",", "."),
            f"{prefix}-annual_rate": str(first["annual_rate"]).replace(".", ","),
            f"{prefix}-tenor_months": str(value["default_tenor_months"]),
            f"{prefix}-method": first["method"],
        }
    form = LoanSimulatorForm(data, presets=presets, prefix=prefix)
    form.is_valid()
    return form
