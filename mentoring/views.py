"""Learners' side of assignments: the assignment page's context, handing in, and the files of
a hand-in (photos and PDFs), served only to those who may see them."""

import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from courses.selectors import page_access_for

from . import selectors, services
from .forms import HandInForm
from .models import AssignmentPage, State, SubmissionPhoto, SubmissionVersion
from .rules import normalise_host

PHOTO, PDF = "foto", "pdf"  # the kinds of file ``mentoring:file`` serves

STATE_NOTES = {
    None: gettext_lazy("You have not handed in anything yet."),
    State.HANDED_IN: gettext_lazy(
        "Handed in. Your mentor will look at it and answer here; you can't change it meanwhile."
    ),
    State.NEEDS_REVISION: gettext_lazy(
        "Your mentor asks for a revision: read the feedback below, then hand in again."
    ),
    State.ACCEPTED: gettext_lazy("Accepted by your mentor. Well done!"),
}
HANDED_IN = gettext_lazy("Handed in. Your mentor will answer on this page.")


def hand_in_rate(group, request) -> str:
    """Hand-ins allowed per account (django-ratelimit ``rate``; setting
    ``MENTORING_HAND_IN_RATE``), read at request time."""
    rate = settings.MENTORING_HAND_IN_RATE
    request.throttle_rate = rate  # lms.throttling.rate_limited says how long to wait
    return rate


def file_url_args(obj) -> tuple[str, int]:
    """The arguments of ``mentoring:file`` for a SubmissionPhoto or a SubmissionVersion's PDF."""
    return (PHOTO, obj.pk) if isinstance(obj, SubmissionPhoto) else (PDF, obj.pk)


def _hosts(page) -> list[str]:
    return [host for host in map(normalise_host, page.host_list()) if host]


def _next_step(page):
    """The page after the assignment in its week, else the course."""
    following = page.get_next_siblings().live().first()
    return following.specific if following else None


def assignment_page_context(request, page, *, form=None, access=None) -> dict:
    """What templates/mentoring/assignment_page.html shows: the learner's hand-in with every
    version (newest first), its state in words and the form while a hand-in is open. Opening
    the page marks unread feedback as seen."""
    access = access or getattr(request, "assessment_access", None)
    user = request.user
    if access is None or access.outline is None:  # Wagtail's preview of an unsaved page
        return {"preview": True, "hosts": _hosts(page)}
    outline = access.outline
    course = outline.course
    week = next((row for row in outline.weeks if row.page.pk == page.get_parent().pk), None)
    submission = None if access.preview else selectors.submission_for(learner=user, assignment=page)
    if (
        submission is not None
        and request.method == "GET"
        and submission.reviewed_at is not None
        and submission.feedback_seen_at is None
    ):
        services.submission_feedback_seen(learner=user, submission=submission)
    state = submission.state if submission and submission.versions.all() else None
    can_hand_in = not access.preview and state in {None, State.NEEDS_REVISION}
    if can_hand_in and form is None:
        form = HandInForm(assignment=page, initial={"token": uuid.uuid4()})
    following = _next_step(page)
    return {
        "course": course,
        "week": week,
        "preview": access.preview,
        "submission": submission,
        "versions": list(submission.versions.all()) if submission else [],
        "state": state,
        "state_note": STATE_NOTES[state],
        "can_hand_in": can_hand_in,
        "form": form if can_hand_in else None,
        "hosts": _hosts(page),
        "next_page": following,
    }


def _live_assignment(page_id) -> AssignmentPage:
    page = AssignmentPage.objects.live().filter(pk=page_id).first()
    if page is None:
        raise Http404
    return page


def _refused(request, message, status):
    return render(request, "quizzes/refused.html", {"message": message}, status=status)


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
@ratelimit(group="mentoring_hand_in", key="user", rate=hand_in_rate, method="POST")
@require_POST
def hand_in(request, page_id):
    """Hand in work for an assignment; back to its page, which shows the new version."""
    page = _live_assignment(page_id)
    form = HandInForm(request.POST, request.FILES, assignment=page)
    if form.is_valid():
        try:
            services.submission_hand_in(
                learner=request.user, assignment=page, **form.service_arguments()
            )
        except PermissionDenied as error:
            return _refused(request, str(error), 403)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, HANDED_IN)
            return redirect(page.url)
    access = page_access_for(page=page, user=request.user, with_progress=False)
    if access.refusal:
        return _refused(request, str(services.HAND_IN_NOT_ENROLLED), 403)
    form.data = form.data.copy()
    form.data["token"] = str(uuid.uuid4())  # what was refused may be sent again, changed
    context = {
        "page": page,
        "self": page,
        **assignment_page_context(request, page, form=form, access=access),
    }
    return TemplateResponse(request, page.get_template(request), context, status=400)


@login_required
@never_cache
def submission_file(request, kind, object_id):
    """A hand-in's photo (shown in the page) or PDF (downloaded), for the learner, the members
    of their business when the assignment is per business, and staff who see the hand-in;
    anyone else gets a 404, like a file that does not exist."""
    if kind == PHOTO:
        photo = SubmissionPhoto.objects.select_related("version__submission").filter(pk=object_id)
        photo = photo.first()
        if photo is None:
            raise Http404
        submission, stored, filename = photo.version.submission, photo.image, f"foto-{photo.pk}.jpg"
        content_type, attachment = "image/jpeg", False
    elif kind == PDF:
        version = SubmissionVersion.objects.select_related("submission").filter(pk=object_id)
        version = version.first()
        if version is None or not version.pdf:
            raise Http404
        submission, stored = version.submission, version.pdf
        filename = f"tugas-{submission.pk}-versi-{version.number}.pdf"
        content_type, attachment = "application/pdf", True
    else:
        raise Http404
    if not selectors.may_see_submission(user=request.user, submission=submission):
        raise Http404
    if not stored.storage.exists(stored.name):
        raise Http404
    response = FileResponse(
        stored.open("rb"), as_attachment=attachment, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
