"""The unread-feedback badge on the site navigation."""

from django import template

from mentoring.selectors import unread_feedback_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_feedback(context) -> int:
    """How many reviews the signed-in learner has not read: the page's own list when it shows
    one ("Kursus saya"), else the cached count."""
    if "unread_feedback" in context:
        return len(context["unread_feedback"])
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return 0
    return unread_feedback_count(learner=user)
