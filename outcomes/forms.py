"""The check-in form: figures typed as people type them, and a "periksa lagi" step for the odd."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lms.amounts import AMOUNT_MAX_LENGTH, InvalidAmount, RupiahField, format_rupiah, parse_amount
from lms.text import clean_text

from .models import Channel

MAX_AMOUNT = 10**12  # Rp 1 triliun: more is a typing slip, refused
MAX_PRODUCTS = 10_000_000
MAX_FOLLOWERS = 10_000_000_000

PLAUSIBLE_REVENUE_PER_DAY = 10**9
PLAUSIBLE_PRODUCTS_PER_DAY = 100_000
PLAUSIBLE_FOLLOWERS = 100_000_000
AD_SPEND_DAYS = 31  # ad spend above a month of revenue is worth a second look

AMOUNT_TOO_LARGE = _("That amount is too large. Enter at most %(limit)s.")
NOT_A_COUNT = _("Enter a whole number, for example 25, 1.500 or 12rb.")
COUNT_TOO_LARGE = _("That number is too large. Enter at most %(limit)s.")
NOT_A_PERCENT = _("Enter a percentage from 0 to 100, for example 40.")
OFFLINE_WITH_ONLINE = _("“Offline only” cannot be ticked together with online channels.")
CHECK_AGAIN = _(
    "Some figures look unusual. Check them again: if they are right, tick “Yes, that is right”."
)
WARN_REVENUE = _("Revenue of %(value)s on a typical day is more than Rp 1 miliar.")
WARN_PRODUCTS = _("%(value)s products on a typical day is more than 100.000.")
WARN_FOLLOWERS = _("%(value)s followers is more than 100 million.")
WARN_AD_SPEND = _("Advertising spend of %(value)s is more than a month of the revenue above.")

FROM_CASHBOOK = _("From your cash book (the last 30 days). Change it if a typical day differs.")

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def _dotted(number: int) -> str:
    return f"{number:,}".replace(",", ".")


class CountField(forms.CharField):
    """A whole number typed as people type it ("1.500", "12rb", "1,2k"); cleans to an int."""

    def __init__(self, *, max_value: int, **kwargs):
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"inputmode": "decimal", "maxlength": AMOUNT_MAX_LENGTH}),
        )
        super().__init__(**kwargs)
        self.max_value = max_value

    def to_python(self, value):
        text = clean_text(super().to_python(value) or "")
        if not text:
            return None
        try:
            if len(text) > AMOUNT_MAX_LENGTH:
                raise InvalidAmount(text)
            number = parse_amount(text)
        except InvalidAmount as error:
            raise forms.ValidationError(NOT_A_COUNT, code="invalid") from error
        if number < 0 or number != number.to_integral_value():
            raise forms.ValidationError(NOT_A_COUNT, code="invalid")
        if number > self.max_value:
            raise forms.ValidationError(
                COUNT_TOO_LARGE, code="max_value", params={"limit": _dotted(self.max_value)}
            )
        return int(number)


class PercentField(forms.CharField):
    """0..100, typed as "40", "40%" or "12,5" (rounded to a whole percent)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "maxlength": 8}))
        super().__init__(**kwargs)

    def to_python(self, value):
        text = clean_text(super().to_python(value) or "").removesuffix("%").strip()
        if not text:
            return None
        try:
            if len(text) > 8:
                raise InvalidAmount(text)
            number = parse_amount(text)
        except InvalidAmount as error:
            raise forms.ValidationError(NOT_A_PERCENT, code="invalid") from error
        if not 0 <= number <= 100:
            raise forms.ValidationError(NOT_A_PERCENT, code="invalid")
        return int(number.to_integral_value())


def _yes_no(value):
    return {"yes": True, "no": False}.get(value)


class YesNoField(forms.TypedChoiceField):
    """An optional yes/no question as two radio buttons: True, False, or None unanswered."""

    def __init__(self, *, label):
        super().__init__(
            label=label,
            choices=YES_NO,
            coerce=_yes_no,
            empty_value=None,
            widget=forms.RadioSelect,
            required=False,
        )


class CheckInForm(forms.Form):
    """Validates a check-in; ``warnings`` lists the unusual figures, and ``needs_confirmation``
    is true while they are not confirmed (nothing may be saved then)."""

    revenue_per_day = RupiahField(
        label=_("Revenue on a typical day (Rp)"),
        help_text=_("For example 750.000, 750rb or 1,5 juta."),
        max_value=MAX_AMOUNT,
        too_large=AMOUNT_TOO_LARGE,
    )
    products_per_day = CountField(
        label=_("Products sold on a typical day"), max_value=MAX_PRODUCTS, required=False
    )
    online_share_percent = PercentField(
        label=_("Share of sales made online (%)"),
        help_text=_("Through WhatsApp, social media or marketplaces."),
        required=False,
    )
    channels = forms.MultipleChoiceField(
        label=_("Channels you sell through"),
        choices=Channel.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    followers = CountField(
        label=_("Followers of your main account"), max_value=MAX_FOLLOWERS, required=False
    )
    ad_spend_last_month = RupiahField(
        label=_("Advertising spend last month (Rp)"),
        max_value=MAX_AMOUNT,
        too_large=AMOUNT_TOO_LARGE,
        required=False,
    )
    keeps_books = YesNoField(label=_("Do you keep written books?"))
    has_monthly_report = YesNoField(label=_("Do you make a monthly financial report?"))
    applied_for_credit = YesNoField(label=_("Have you applied for credit?"))
    confirm = forms.BooleanField(label=_("Yes, that is right"), required=False)

    FIGURES = (
        "revenue_per_day",
        "products_per_day",
        "online_share_percent",
        "channels",
        "followers",
        "ad_spend_last_month",
        "keeps_books",
        "has_monthly_report",
        "applied_for_credit",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.warnings = []

    def clean(self):
        data = super().clean()
        channels = data.get("channels") or []
        if Channel.OFFLINE in channels and len(channels) > 1:
            self.add_error("channels", OFFLINE_WITH_ONLINE)
        if not self.errors:
            self.warnings = plausibility_warnings(data)
        return data

    @property
    def needs_confirmation(self) -> bool:
        return bool(self.warnings) and not self.cleaned_data.get("confirm")

    def figures(self) -> dict:
        """The cleaned figures, as the service takes them."""
        return {name: self.cleaned_data.get(name) for name in self.FIGURES}


def initial_from(checkin) -> dict:
    """Form values showing a recorded check-in the way people write them."""

    def dotted(value):
        return None if value is None else _dotted(value)

    def yes_no(value):
        return None if value is None else ("yes" if value else "no")

    return {
        "revenue_per_day": dotted(checkin.revenue_per_day),
        "products_per_day": dotted(checkin.products_per_day),
        "online_share_percent": checkin.online_share_percent,
        "channels": checkin.channels,
        "followers": dotted(checkin.followers),
        "ad_spend_last_month": dotted(checkin.ad_spend_last_month),
        "keeps_books": yes_no(checkin.keeps_books),
        "has_monthly_report": yes_no(checkin.has_monthly_report),
        "applied_for_credit": yes_no(checkin.applied_for_credit),
    }


def plausibility_warnings(data: dict) -> list[str]:
    """The figures worth a second look, each as a sentence showing the value back."""
    warnings = []
    revenue = data.get("revenue_per_day")
    if revenue is not None and revenue > PLAUSIBLE_REVENUE_PER_DAY:
        warnings.append(WARN_REVENUE % {"value": format_rupiah(revenue)})
    products = data.get("products_per_day")
    if products is not None and products > PLAUSIBLE_PRODUCTS_PER_DAY:
        warnings.append(WARN_PRODUCTS % {"value": _dotted(products)})
    followers = data.get("followers")
    if followers is not None and followers > PLAUSIBLE_FOLLOWERS:
        warnings.append(WARN_FOLLOWERS % {"value": _dotted(followers)})
    spend = data.get("ad_spend_last_month")
    if spend is not None and revenue is not None and spend > revenue * AD_SPEND_DAYS:
        warnings.append(WARN_AD_SPEND % {"value": format_rupiah(spend)})
    return warnings
