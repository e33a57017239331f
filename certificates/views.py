from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from courses.models import CoursePage
from lms.throttling import certificate_verify_rate

from . import selectors, services


def award_if_earned(request, course):
    """After a learner's step forward: issue the certificate it has just earned, and say so."""
    certificate = services.certificate_issue_if_earned(learner=request.user, course=course)
    if certificate:
        messages.success(
            request,
            _("Congratulations! You have completed %(course)s. Your certificate is ready.")
            % {"course": certificate.course_title},
        )
    return certificate


@login_required
@never_cache
def mine(request):
    certificates = selectors.certificates_of(learner=request.user)
    return render(
        request,
        "certificates/certificate_list.html",
        {
            "certificates": [
                (certificate, selectors.verification_url(certificate))
                for certificate in certificates
            ]
        },
    )


@login_required
@never_cache
def download(request, certificate_id):
    """The holder's own PDF; anyone else's id is a 404, like an id that does not exist."""
    certificate = selectors.certificate_owned_by(
        learner=request.user, certificate_id=certificate_id
    )
    if certificate is None:
        raise Http404
    return FileResponse(
        services.certificate_pdf_file(certificate),
        as_attachment=True,
        filename=f"{certificate.serial}.pdf",
        content_type="application/pdf",
    )


@login_required
@require_POST
def issue(request, course_id):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    try:
        services.certificate_issue(learner=request.user, course=course)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(course.url)
    messages.success(request, _("Congratulations! Your certificate is ready."))
    return redirect("certificates:mine")


@ratelimit(group="certificate_verify", key="ip", rate=certificate_verify_rate, method=ratelimit.ALL)
def verify(request, code):
    """Public: what the certificate says and whether it still stands, nothing more."""
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        raise Http404
    return render(request, "certificates/certificate_verify.html", {"certificate": certificate})
