"""``{% chart spec %}``: a chart from ``reports.charts`` with its table equivalent."""

from django import template

register = template.Library()


@register.inclusion_tag("reports/includes/chart.html")
def chart(spec, *, hide_title=False):
    """Render ``spec`` (``{% chart funnel %}``); ``hide_title=True`` when the page's own heading
    already names the chart (the SVG keeps its accessible name)."""
    return {"spec": spec, "hide_title": hide_title}
