from django import template
from django.utils.safestring import mark_safe

from lms.critical_css import critical_css as read_critical_css

register = template.Library()


@register.simple_tag
def critical_css():
    """``<style>`` with the critical part of main.css (lms/critical_css.py); its hash is in the
    Content-Security-Policy of every learner page."""
    return mark_safe(f"<style>{read_critical_css()}</style>")  # noqa: S308 - our own stylesheet
