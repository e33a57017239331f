"""StreamField blocks for lesson bodies."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

from . import loans
from .video import duration_label, file_megabytes, hosted_video, streamed_megabytes

INLINE_FEATURES = ["bold", "italic", "link"]
TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]
VIDEO_SOURCE_NEEDED = _("Give either a YouTube or Vimeo link or an uploaded MP4 file, not both.")
VIDEO_HOST_UNKNOWN = _("Only YouTube and Vimeo links can be used; upload other videos as MP4.")
VIDEO_FILE_NOT_MP4 = _("The uploaded video must be an MP4 file.")


class TipBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=INLINE_FEATURES + ["ul", "ol"])

    class Meta:
        icon = "help"
        label = _("Tip")
        template = "courses/blocks/tip.html"
        description = _("A highlighted tip or warning.")
        preview_value = {
            "title": "Tips",
            "text": "<p>Foto produk di dekat jendela pada pagi hari.</p>",
        }


class LessonImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "courses/blocks/image.html"
        description = _("A picture, resized for phones and loaded only when scrolled to.")


class VideoBlock(blocks.StructBlock):
    """A tip video that loads nothing from its host until the learner taps play."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    url = blocks.URLBlock(label=_("YouTube or Vimeo link"), required=False)
    file = DocumentChooserBlock(label=_("or an uploaded MP4 file"), required=False)
    thumbnail = ImageChooserBlock(
        label=_("Thumbnail"), help_text=_("Shown before the video plays; stored on this site.")
    )
    duration_seconds = blocks.IntegerBlock(label=_("Length in seconds"), min_value=1)
    transcript = blocks.RichTextBlock(
        label=_("Transcript or captions"),
        features=INLINE_FEATURES + ["ul", "ol"],
        help_text=_("For learners who cannot play sound or spend the data."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video.html"
        description = _("A tip video with its length, data cost and transcript.")

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if bool(value.get("url")) == bool(value.get("file")):
            errors["url"] = ValidationError(VIDEO_SOURCE_NEEDED)
        elif value.get("url") and hosted_video(value["url"]) is None:
            errors["url"] = ValidationError(VIDEO_HOST_UNKNOWN)
        elif value.get("file") and not value["file"].file.name.lower().endswith(".mp4"):
            errors["file"] = ValidationError(VIDEO_FILE_NOT_MP4)
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        if value["file"]:
            megabytes = file_megabytes(value["file"].get_file_size() or 0)
        else:
            megabytes = streamed_megabytes(value["duration_seconds"])
        context.update(
            hosted=hosted_video(value["url"]) if value["url"] else None,
            duration=duration_label(value["duration_seconds"]),
            megabytes=megabytes,
        )
        return context


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "courses/blocks/document.html"
        description = _("A file to download, such as a bookkeeping template.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["megabytes"] = file_megabytes(value["document"].get_file_size() or 0)
        return context


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    items = blocks.ListBlock(blocks.CharBlock(label=_("Item"), max_length=250), label=_("Items"))

    class Meta:
        icon = "list-ul"
        label = _("Checklist")
        template = "courses/blocks/checklist.html"
        description = _("Steps a learner ticks off.")


class LoanPresetBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=80)
    annual_rate = blocks.DecimalBlock(
        label=_("Annual interest rate (%)"), min_value=0, max_value=100, decimal_places=4
    )
    method = blocks.ChoiceBlock(
        label=_("Method"),
        choices=[
            (loans.Method.ANNUITY.value, _("Effective (annuity)")),
            (loans.Method.FLAT.value, _("Flat")),
        ],
    )


class LoanSimulatorBlock(blocks.StructBlock):
    """A loan calculator that works as a plain form; results come from courses.loans."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    intro = blocks.RichTextBlock(label=_("Introduction"), features=INLINE_FEATURES, required=False)
    default_principal = blocks.IntegerBlock(
        label=_("Default amount (Rp)"), min_value=1, default=10_000_000
    )
    default_tenor_months = blocks.IntegerBlock(
        label=_("Default term (months)"), min_value=1, max_value=360, default=12
    )
    presets = blocks.ListBlock(LoanPresetBlock(), label=_("Rate presets"), min_num=1)

    class Meta:
        icon = "table"
        label = _("Loan simulator")
        template = "courses/blocks/loan_simulator.html"
        description = _("Learners compare instalments for flat and effective interest.")

    def get_context(self, value, parent_context=None):
        from .forms import loan_simulator_form

        context = super().get_context(value, parent_context)
        block_id = context.get("block_id", "")
        request = context.get("request")
        context["form"] = loan_simulator_form(value, block_id, request.GET if request else {})
        return context


class LessonBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=TEXT_FEATURES, icon="pilcrow")
    tip = TipBlock()
    image = LessonImageBlock()
    video = VideoBlock()
    document = DocumentBlock()
    checklist = ChecklistBlock()
    loan_simulator = LoanSimulatorBlock()
