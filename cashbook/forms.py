"""The cash book's forms. They only read the request; the rules (amounts, days, who may
change what) are ``cashbook.services``'."""

import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.amounts import AMOUNT_MAX_LENGTH
from lms.text import clean_text

from .models import NOTE_MAX_LENGTH, REPORT_NOTES_MAX_LENGTH, Category, Channel
from .services import AMOUNT_INVALID, CATEGORY_INVALID, CHANNEL_INVALID, MAX_UNITS, UNITS_INVALID


class CleanTextField(forms.CharField):
    """Text as typed, without NUL characters or lone surrogates (``lms.text.clean_text``)."""

    def to_python(self, value):
        return clean_text(super().to_python(value))


class EntryForm(forms.Form):
    """A sale (``kind="sale"``: channel, units) or a cost (category). On the add pages the
    channel or category comes from the big button tapped, which submits the form."""

    amount = CleanTextField(
        label=_("Amount (Rp)"),
        max_length=AMOUNT_MAX_LENGTH,
        error_messages={"required": AMOUNT_INVALID, "max_length": AMOUNT_INVALID},
        widget=forms.TextInput(
            attrs={
                "inputmode": "decimal",
                "autocomplete": "off",
                "placeholder": "25.000",
                "maxlength": AMOUNT_MAX_LENGTH,
            }
        ),
    )
    channel = forms.ChoiceField(
        label=_("Sold"),
        choices=Channel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": CHANNEL_INVALID, "invalid_choice": CHANNEL_INVALID},
    )
    category = forms.ChoiceField(
        label=_("Spent on"),
        choices=Category.choices,
        widget=forms.RadioSelect,
        error_messages={"required": CATEGORY_INVALID, "invalid_choice": CATEGORY_INVALID},
    )
    units = forms.IntegerField(
        label=_("Units sold (optional)"),
        required=False,
        min_value=1,
        max_value=MAX_UNITS,
        error_messages={
            "invalid": UNITS_INVALID,
            "min_value": UNITS_INVALID,
            "max_value": UNITS_INVALID,
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "placeholder": "1"}),
    )
    note = CleanTextField(
        label=_("Note (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.TextInput(attrs={"maxlength": NOTE_MAX_LENGTH}),
    )
    day = forms.DateField(
        label=_("Day"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    token = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        del self.fields["category" if kind == "sale" else "channel"]
        if kind != "sale":
            del self.fields["units"]
        self.fields["day"].widget.attrs["max"] = timezone.localdate().isoformat()

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        arguments = {"day": data["day"], "amount": data["amount"], "note": data["note"]}
        if self.kind == "sale":
            arguments.update(channel=data["channel"], units=data["units"])
        else:
            arguments["category"] = data["category"]
        return arguments

    def token_value(self) -> uuid.UUID:
        """The form's token, or a new one when none (or a tampered one) was sent."""
        token = getattr(self, "cleaned_data", {}).get("token")
        return token or uuid.uuid4()


class NotesForm(forms.Form):
    notes = CleanTextField(
        label=_("Notes"),
        required=False,
        max_length=REPORT_NOTES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": REPORT_NOTES_MAX_LENGTH}),
        help_text=_("For example what changed this month, or what the money will be used for."),
    )
