"""The credit application's forms: they read what was typed; the rules are ``services``'."""

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.amounts import INVALID_AMOUNT, InvalidAmount, RupiahField, parse_amount
from lms.text import strict_int
from mentoring.forms import FORM_OUT_OF_DATE, CleanTextField

from .models import Document, Lender, Status
from .selectors import lenders_to_choose
from .services import AMOUNT_OUT_OF_RANGE, MAX_AMOUNT

INVALID_RATE = _("Enter the interest rate per year as a percentage from 0 to 100, for example 6.")
INVALID_TENOR = _("Enter the term as a whole number of months from 1 to 360.")
CONFIRM_LENDER = _("Tick the box to confirm you have read the warning about this lender.")
INVALID_DATE = _("Enter the date, for example 31/12/2026.")

PRODUCT_MAX_LENGTH = 120
PURPOSE_MAX_LENGTH = 2000
NOTES_MAX_LENGTH = 5000
RATE_MAX_LENGTH = 12


class AmountField(RupiahField):
    """Rupiah as people type them (``lms.amounts``), up to the largest amount an application
    may hold; whole rupiah as a Decimal."""

    def __init__(self, **kwargs):
        super().__init__(max_value=int(MAX_AMOUNT), too_large=AMOUNT_OUT_OF_RANGE, **kwargs)

    def to_python(self, value):
        amount = super().to_python(value)
        return None if amount is None else Decimal(amount)


class RateField(forms.CharField):
    """An annual rate in percent with a decimal comma or point, 0 to 100, at most 4 decimals."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "decimal", "maxlength": RATE_MAX_LENGTH})
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        text = value.replace("%", "").strip()
        if len(text) > RATE_MAX_LENGTH:
            raise forms.ValidationError(INVALID_RATE, code="invalid")
        if text.count(".") == 1 and "," not in text:
            text = text.replace(".", ",")
        try:
            rate = parse_amount(text)
        except InvalidAmount as error:
            raise forms.ValidationError(INVALID_RATE, code="invalid") from error
        if not Decimal(0) <= rate <= 100 or rate != rate.quantize(Decimal("0.0001")):
            raise forms.ValidationError(INVALID_RATE, code="invalid")
        return rate


class TenorField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 6}))
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        months = strict_int(value.strip(), maximum=360)
        if not months:
            raise forms.ValidationError(INVALID_TENOR, code="invalid")
        return months


class LenderChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, lender):
        if lender.needs_warning:
            return _("%(name)s (check at OJK first)") % {"name": lender.name}
        return _("%(name)s (supervised by OJK)") % {"name": lender.name}


class ApplicationForm(forms.Form):
    """A new application, or an existing one's details. A lender not supervised by OJK (or one
    typed in) is saved only once ``confirm_lender`` is ticked, after the warning was shown."""

    token = forms.UUIDField(
        widget=forms.HiddenInput,
        required=False,
        error_messages={"invalid": FORM_OUT_OF_DATE},
    )
    lender = LenderChoiceField(
        label=_("Lender"),
        queryset=Lender.objects.none(),
        empty_label=_("Choose a lender"),
        error_messages={"required": _("Choose a lender."), "invalid_choice": _("Choose a lender.")},
    )
    other_lender_name = CleanTextField(
        label=_("Lender's name (if you chose Other)"), required=False, max_length=120
    )
    product = CleanTextField(
        label=_("Product"),
        help_text=_("For example KUR Mikro."),
        required=False,
        max_length=PRODUCT_MAX_LENGTH,
    )
    amount_requested = AmountField(
        label=_("Amount requested (Rp)"),
        error_messages={"required": INVALID_AMOUNT},
    )
    purpose = CleanTextField(
        label=_("What the money is for"),
        required=False,
        max_length=PURPOSE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    rate_percent_per_year = RateField(label=_("Interest rate (% per year)"), required=False)
    tenor_months = TenorField(label=_("Term (months)"), required=False)
    amount_approved = AmountField(label=_("Amount approved (Rp)"), required=False)
    documents = forms.MultipleChoiceField(
        label=_("Documents ready"),
        choices=Document.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    notes = CleanTextField(
        label=_("Notes"),
        required=False,
        max_length=NOTES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirm_lender = forms.BooleanField(
        label=_("I have read the warning and checked this lender at OJK."), required=False
    )

    def __init__(self, *args, application=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.application = application
        self.fields["lender"].queryset = lenders_to_choose()
        if application is None or application.status not in {Status.APPROVED, Status.DISBURSED}:
            del self.fields["amount_approved"]
        self.warn_about = None  # the lender whose warning is shown

    def clean(self):
        cleaned = super().clean()
        lender = cleaned.get("lender")
        if lender is not None and lender.needs_warning:
            self.warn_about = lender
            if not cleaned.get("confirm_lender"):
                self.add_error("confirm_lender", CONFIRM_LENDER)
        return cleaned

    def service_values(self) -> dict:
        values = {key: self.cleaned_data[key] for key in self.fields if key in self.cleaned_data}
        values.pop("confirm_lender", None)
        values.pop("token", None)
        for key in ("other_lender_name", "product", "purpose", "notes"):
            values[key] = (values.get(key) or "").strip()
        return values


class DocumentsForm(forms.Form):
    documents = forms.MultipleChoiceField(
        label=_("Documents ready"),
        choices=Document.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class AdvanceForm(forms.Form):
    """One step forward, with the date it was reached."""

    step = forms.ChoiceField(
        choices=Status.choices, error_messages={"invalid_choice": FORM_OUT_OF_DATE}
    )
    from_step = forms.ChoiceField(
        choices=Status.choices,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": FORM_OUT_OF_DATE, "required": FORM_OUT_OF_DATE},
    )
    on = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"],
        error_messages={"required": INVALID_DATE, "invalid": INVALID_DATE},
    )
    amount_approved = AmountField(label=_("Amount approved (Rp)"), required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("on", timezone.localdate())
        super().__init__(*args, **kwargs)
