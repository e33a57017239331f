"""The hand-in form: what a learner sends for an assignment. It only reads the request; the
rules (accepted hosts, sizes, how many photos) are ``services.submission_hand_in``'s."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lms.text import clean_text

from .rules import LINK_MAX_LENGTH, normalise_host
from .services import TEXT_MAX_LENGTH

FORM_OUT_OF_DATE = _("The form is out of date. Reload the page and try again.")


class CleanTextField(forms.CharField):
    """Text as typed, without NUL characters or lone surrogates (``lms.text.clean_text``)."""

    def to_python(self, value):
        return clean_text(super().to_python(value))


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Any number of files under one name; cleaned to a list (empty when none was sent)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class HandInForm(forms.Form):
    """The fields the assignment accepts, and the token that makes a retry harmless."""

    token = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={"required": FORM_OUT_OF_DATE, "invalid": FORM_OUT_OF_DATE},
    )
    link = CleanTextField(
        label=_("Link"),
        required=False,
        widget=forms.URLInput(
            attrs={"inputmode": "url", "autocomplete": "url", "maxlength": LINK_MAX_LENGTH}
        ),
    )
    photos = MultipleFileField(
        label=_("Photos"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": "image/*", "capture": "environment"}),
    )
    text = CleanTextField(
        label=_("Text"),
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": TEXT_MAX_LENGTH}),
    )
    pdf = forms.FileField(
        label=_("PDF"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def __init__(self, *args, assignment, **kwargs):
        super().__init__(*args, **kwargs)
        accepted = {
            "link": assignment.accepts_link,
            "photos": assignment.accepts_photos,
            "text": assignment.accepts_text,
            "pdf": assignment.accepts_pdf,
        }
        for name, accepts in accepted.items():
            if not accepts:
                del self.fields[name]
        if "photos" in self.fields:
            self.fields["photos"].help_text = _(
                "Take them with the camera or choose them from the gallery: up to %(limit)d."
            ) % {"limit": assignment.max_photos}
        if "link" in self.fields and assignment.host_list():
            self.fields["link"].help_text = _("A link from %(hosts)s.") % {
                "hosts": ", ".join(normalise_host(host) for host in assignment.host_list())
            }
        if "pdf" in self.fields:
            self.fields["pdf"].help_text = _("One PDF file.")

    def service_arguments(self) -> dict:
        """The cleaned values as ``services.submission_hand_in`` takes them."""
        data = self.cleaned_data
        return {
            "link": data.get("link", ""),
            "text": data.get("text", ""),
            "photos": data.get("photos", []),
            "pdf": data.get("pdf"),
            "token": data["token"],
        }
