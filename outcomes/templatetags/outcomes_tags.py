"""Check-in notices for "My courses" and the course page, and amounts shown the Indonesian way."""

from django import template

from lms.amounts import format_rupiah

from .. import selectors

register = template.Library()


@register.filter
def rupiah(value):
    """``1500000`` as "Rp 1.500.000"; blank stays blank."""
    return "" if value is None or value == "" else format_rupiah(value)


@register.filter
def dotted(value):
    """``1500`` as "1.500"."""
    return "" if value is None or value == "" else f"{int(value):,}".replace(",", ".")


@register.simple_tag(takes_context=True)
def checkins_due(context):
    """The check-ins due now for the signed-in person's business."""
    return selectors.due_checkins_for(user=context["request"].user)


@register.simple_tag(takes_context=True)
def checkin_due_on(context, course):
    """The moment of ``course`` due now for the signed-in person's business, or None."""
    return selectors.due_moment_on_course(user=context["request"].user, course=course)
