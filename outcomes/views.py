"""Check-in pages: the business's check-ins per course, and the form for one moment."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from courses.models import CoursePage
from lms.selectors import membership_for

from . import rules, selectors, services
from .forms import CHECK_AGAIN, FROM_CASHBOOK, CheckInForm, initial_from


@login_required
@never_cache
def mine(request):
    membership = membership_for(user=request.user)
    if membership is None:
        return render(request, "outcomes/no_business.html")
    return _checkins_page(request, membership.business, can_fill=True)


@login_required
@never_cache
def business_checkins(request, business_id):
    business = selectors.business_for_reader(user=request.user, business_id=business_id)
    if business is None:
        raise Http404
    can_fill = selectors.is_member(user=request.user, business=business)
    return _checkins_page(request, business, can_fill=can_fill)


def _checkins_page(request, business, *, can_fill):
    return render(
        request,
        "outcomes/checkin_list.html",
        {
            "business": business,
            "courses": selectors.checkins_by_course(business=business),
            "can_fill": can_fill,
        },
    )


@login_required
@never_cache
def checkin_form(request, course_id, moment):
    if moment not in rules.MOMENTS:
        raise Http404
    membership = membership_for(user=request.user)
    if membership is None:
        return render(request, "outcomes/no_business.html")
    business = membership.business
    course = get_object_or_404(CoursePage, pk=course_id)
    rows = selectors.checkin_rows_for(business=business, course=course)
    row = next((row for row in rows if row.moment == moment), None)
    if row is None or (row.checkin is None and not row.is_due):
        messages.info(request, services.NOT_DUE)
        return redirect("outcomes:mine")
    if request.method == "POST":
        form = CheckInForm(request.POST)
        if form.is_valid() and not form.needs_confirmation:
            try:
                services.checkin_save(
                    business=business,
                    course=course,
                    moment=moment,
                    person=request.user,
                    figures=form.figures(),
                )
            except services.CheckInRefused as error:
                messages.error(request, error.message)
                return redirect("outcomes:mine")
            messages.success(request, _("Thank you. The check-in is saved."))
            return redirect("outcomes:mine")
    elif row.checkin:
        form = CheckInForm(initial=initial_from(row.checkin))
    else:
        initial = selectors.cashbook_initial_for(business=business)
        form = CheckInForm(initial=initial)
        for name in initial:
            form.fields[name].help_text = FROM_CASHBOOK
    return render(
        request,
        "outcomes/checkin_form.html",
        {
            "form": form,
            "row": row,
            "course": course,
            "business": business,
            "check_again": CHECK_AGAIN,
        },
    )
