import json
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from certificates.views import award_if_earned
from courses.models import CoursePage, LessonPage
from lms.text import PK_MAX, strict_int

from . import selectors, services
from .models import KnowledgeCheckPage, QuizPage, SurveyPage

ANSWER_PREFIX = "q-"


def _live_page(page_id, *types):
    page = Page.objects.live().filter(pk=page_id).first()
    page = page.specific if page else None
    if not isinstance(page, types):
        raise Http404
    return page


def _raw_answers(post) -> dict[str, list[str]]:
    return {
        key.removeprefix(ANSWER_PREFIX): post.getlist(key)
        for key in post
        if key.startswith(ANSWER_PREFIX)
    }


def _refused(request, message, status):
    return render(request, "quizzes/refused.html", {"message": message}, status=status)


@login_required
@require_POST
def attempt_submit(request, page_id):
    page = _live_page(page_id, QuizPage, KnowledgeCheckPage)
    try:
        token = uuid.UUID(request.POST.get("token", ""))
    except ValueError:
        return HttpResponseBadRequest(_("The form is out of date. Reload the page and try again."))
    raw = _raw_answers(request.POST)
    try:
        attempt = services.attempt_submit(
            learner=request.user, page=page, raw_answers=raw, token=token
        )
    except PermissionDenied as error:
        return _refused(request, str(error), 403)
    except ValidationError as error:
        errors = getattr(error, "message_dict", {"__all__": error.messages})
        access = selectors.assessment_access_for(page=page, user=request.user)
        context = {
            "page": page,
            "self": page,
            "form_errors": errors.get("__all__", []),
            **selectors.assessment_page_context(
                page=page,
                access=access,
                user=request.user,
                given=raw,
                errors={key: messages_[0] for key, messages_ in errors.items()},
            ),
        }
        return TemplateResponse(request, page.get_template(request), context, status=400)
    award_if_earned(request, attempt.course)
    return redirect("quizzes:attempt", attempt_id=attempt.pk)


@login_required
def attempt_detail(request, attempt_id):
    attempt = selectors.attempt_for(learner=request.user, attempt_id=attempt_id)
    if attempt is None:
        raise Http404
    context = {"attempt": attempt, **selectors.attempt_review(attempt)}
    return render(request, "quizzes/attempt_detail.html", context)


@login_required
@require_POST
def draft_save(request, page_id):
    page = _live_page(page_id, QuizPage, KnowledgeCheckPage)
    if len(request.body) > services.DRAFT_TOO_LARGE:
        return HttpResponseBadRequest()
    try:
        body = json.loads(request.body or b"{}")
        token = uuid.UUID(body.get("token", ""))
        services.draft_save(
            learner=request.user, page=page, raw_answers=body.get("answers", {}), token=token
        )
    except (ValueError, AttributeError, TypeError, ValidationError):
        return HttpResponseBadRequest()
    except PermissionDenied:
        raise Http404 from None
    return HttpResponse(status=204)


@login_required
@require_POST
def survey_submit(request, page_id):
    page = _live_page(page_id, SurveyPage)
    raw = _raw_answers(request.POST)
    try:
        survey_response = services.survey_submit(learner=request.user, page=page, raw_answers=raw)
    except PermissionDenied as error:
        return _refused(request, str(error), 403)
    except ValidationError as error:
        errors = getattr(error, "message_dict", None)
        if errors is None:
            messages.info(request, error.messages[0])
            return redirect(page.url)
        context = {
            "page": page,
            "self": page,
            **selectors.survey_page_context(
                page=page,
                user=request.user,
                given=raw,
                errors={key: value[0] for key, value in errors.items()},
            ),
        }
        return TemplateResponse(request, page.get_template(request), context, status=400)
    messages.success(request, _("Thank you! Your answers help the mentors improve the course."))
    if award_if_earned(request, survey_response.course):
        return redirect("certificates:mine")
    return redirect(page.url)


@login_required
@require_POST
def before_skip(request, course_id):
    """The learner chose to go to the lesson (``next``) without the questionnaire before the
    course: recorded once, then back to that lesson (or to the course when it names none)."""
    course = _live_course(course_id)
    try:
        services.before_skip(learner=request.user, course=course)
    except PermissionDenied as error:
        return _refused(request, str(error), 403)
    next_id = strict_int(request.POST.get("next", ""), maximum=PK_MAX)
    lesson = (
        LessonPage.objects.live().descendant_of(course).filter(pk=next_id).first()
        if next_id
        else None
    )
    return redirect(lesson.url if lesson else course.url)


def _live_course(course_id) -> CoursePage:
    course = CoursePage.objects.live().filter(pk=course_id).first()
    if course is None:
        raise Http404
    return course
