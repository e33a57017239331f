from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from certificates.views import award_if_earned
from lms import throttling
from lms.text import PK_MAX, strict_int
from quizzes.selectors import before_pending_for

from . import selectors, services
from .forms import CohortJoinForm
from .models import CoursePage, LessonPage


@login_required
def dashboard(request):
    return render(
        request, "courses/dashboard.html", selectors.learner_dashboard(learner=request.user)
    )


@login_required
@require_POST
def course_start(request, course_id):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    services.enrolment_start(learner=request.user, course=course)
    messages.success(request, _("You have started the course. Your first step is below."))
    first_step = (
        "before-heading"
        if before_pending_for(learner=request.user, course=course)
        else "progress-heading"
    )
    return redirect(f"{course.url}#{first_step}")


@login_required
def cohort_join(request, code=""):
    form = CohortJoinForm(
        request.POST or None,
        initial={"join_code": code},
        throttled=throttling.join_code_wait(request),
    )
    if request.method == "POST" and form.is_valid():
        try:
            enrolment = services.cohort_join(
                learner=request.user, join_code=form.cleaned_data["join_code"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            throttling.join_code_joined(request)
            messages.success(
                request, _("You have joined %(cohort)s.") % {"cohort": enrolment.cohort.name}
            )
            return redirect(enrolment.course.url)
    return render(
        request,
        "courses/cohort_join.html",
        {"form": form},
        status=throttling.join_code_tried(request, form),
    )


@login_required
@require_POST
def lesson_done(request, lesson_id):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    try:
        completion = services.lesson_mark_done(learner=request.user, lesson=lesson)
    except PermissionDenied as error:
        messages.error(request, str(error))
        course = CoursePage.objects.ancestor_of(lesson).first()
        return redirect(course.url if course else "/")
    if award_if_earned(request, completion.course):
        return redirect("certificates:mine")
    next_id = strict_int(request.POST.get("next", ""), maximum=PK_MAX)
    next_lesson = LessonPage.objects.live().filter(pk=next_id).first() if next_id else None
    return redirect(next_lesson.url if next_lesson else lesson.url)
