"""The unread-feedback badge on the site navigation."""

from django import template

from lms import pagetree
from mentoring.selectors import unread_feedback_count, unread_key

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
    # Read with the page's other entries; a count above zero is read again, as the page itself
    # may have just marked the feedback seen (an assignment page does).
    count = pagetree.learner_entry(unread_key(pagetree.USER), user.pk)
    return 0 if count == 0 else unread_feedback_count(learner=user)
