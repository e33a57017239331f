"""The import's forms: a file, a column per field, and the confirmation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courses.models import Cohort

from . import rows as rules

NO_COLUMN = ""


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or Excel (.xlsx) file"),
        help_text=_(
            "A SiBakul export or your own sheet, with a row of headings (a title or blank rows "
            "above it are skipped); at most 5 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )


class MappingForm(forms.Form):
    """One select per field, listing the sheet's headings; starts from the guessed mapping."""

    def __init__(self, *args, headers, mapping, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(NO_COLUMN, _("(not in this sheet)"))] + [
            (str(index), heading or _("Column %(number)d") % {"number": index + 1})
            for index, heading in enumerate(headers)
        ]
        for name in rules.FIELDS:
            initial = mapping.get(name)
            self.fields[name] = forms.TypedChoiceField(
                label=rules.FIELD_LABELS[name],
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                initial="" if initial is None else str(initial),
            )

    def mapping(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in rules.FIELDS}


class ConfirmForm(forms.Form):
    cohort = forms.ModelChoiceField(
        label=_("Enrol everyone imported into a class (optional)"),
        queryset=Cohort.objects.select_related("course").order_by("-start_date", "name"),
        required=False,
        empty_label=_("No class"),
    )
