"""StreamField blocks of practical assignments."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class RubricItemBlock(blocks.CharBlock):
    """One thing the mentor ticks when reviewing; its block id keys the ticks."""

    def __init__(self, **kwargs):
        super().__init__(max_length=200, **kwargs)

    class Meta:
        icon = "tick"
        label = _("Rubric item")
        help_text = _("Something the mentor checks, e.g. “The profile shows the shop's address”.")


class RubricBlock(blocks.StreamBlock):
    item = RubricItemBlock()

    class Meta:
        max_num = 12
