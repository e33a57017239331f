from urllib.parse import quote

from django import template
from django.utils.translation import gettext as _

from ..selectors import certificate_status_for

register = template.Library()


@register.simple_tag(takes_context=True)
def certificate_status(context, course, enrolment):
    """The viewer's certificate for the course, or the checklist of what is left."""
    if enrolment is None:
        return None
    if "certificate_standing" in context:  # read with the course page's context
        return context["certificate_standing"]
    return certificate_status_for(learner=context["request"].user, course=course)


@register.simple_tag
def whatsapp_share_url(certificate, url):
    text = _("My certificate for %(course)s from Pintar UMKM: %(url)s") % {
        "course": certificate.course_title,
        "url": url,
    }
    return f"https://wa.me/?text={quote(text)}"
