"""Links inside a cash book (its business's id when a mentor or coordinator reads it) and
rupiah as written in Indonesia."""

from django import template
from django.urls import reverse

from lms.amounts import format_rupiah

register = template.Library()


@register.simple_tag
def book_url(book, name, **kwargs):
    """``cashbook:<name>`` in ``book``: with its business's id when the book was opened by it."""
    return reverse(f"cashbook:{name}", kwargs={**book.url_kwargs, **kwargs})


@register.filter
def rupiah(amount) -> str:
    return format_rupiah(amount or 0)
