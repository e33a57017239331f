from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def rupiah(value):
    """``Rp 1.500.000``: Indonesian thousands separators, whole rupiah."""
    if value in (None, ""):
        return ""
    return "Rp " + f"{Decimal(value):,.0f}".replace(",", ".")


@register.filter
def percent_id(value):
    """``6,25%``: a decimal comma, as Indonesians write rates."""
    return f"{Decimal(value).normalize():f}".replace(".", ",") + "%"
