"""Reading check-ins: which are done, due or later for a business, and who may read them."""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP

from django.db.models import Exists, Min, OuterRef, Subquery
from django.utils import timezone

from cashbook.selectors import period_figures
from courses.models import CourseCompletion, Enrolment
from courses.selectors import businesses_visible_to
from lms.models import Business, Membership

from . import due_cache, rules
from .models import CheckIn, CheckInPlan, Moment


@dataclass
class CheckInRow:
    course: object
    moment: str
    state: str  # rules.DONE, DUE, LATER or MISSED
    opens_on: object
    checkin: CheckIn | None

    @property
    def label(self):
        return Moment(self.moment).label

    @property
    def is_due(self) -> bool:
        return self.state == rules.DUE


@dataclass
class CourseCheckIns:
    course: object
    rows: list[CheckInRow] = field(default_factory=list)


def _day(moment):
    return timezone.localdate(moment) if moment else None


def checkin_rows_for(*, business, course=None, today=None) -> list[CheckInRow]:
    """Each moment of each course with a check-in plan that the business is taking (or has
    check-ins for), in course order; ``course`` narrows to one course. Four queries."""
    today = today or timezone.localdate()
    members = {"learner__membership__business": business}
    narrow = {"course": course} if course is not None else {}
    enrolled = dict(
        Enrolment.objects.filter(**members, **narrow)
        .values("course_id")
        .annotate(first=Min("enrolled_at"))
        .values_list("course_id", "first")
    )
    completed = dict(
        CourseCompletion.objects.filter(**members, **narrow)
        .values("course_id")
        .annotate(first=Min("completed_at"))
        .values_list("course_id", "first")
    )
    checkins = {}
    for checkin in CheckIn.objects.filter(business=business, **narrow):
        checkins.setdefault(checkin.course_id, {})[checkin.moment] = checkin
    course_ids = set(enrolled) | set(checkins)
    plans = (
        CheckInPlan.objects.filter(course_id__in=course_ids)
        .select_related("course")
        .order_by("course__path")
    )
    rows = []
    for plan in plans:
        done = checkins.get(plan.course_id, {})
        for state in rules.moment_states(
            enrolled_on=_day(enrolled.get(plan.course_id)),
            completed_on=_day(completed.get(plan.course_id)),
            today=today,
            moments=plan.moments + tuple(done),  # a recorded check-in stays listed
            done=set(done),
        ):
            rows.append(
                CheckInRow(
                    plan.course, state.moment, state.state, state.opens_on, done.get(state.moment)
                )
            )
    return rows


def checkins_by_course(*, business, today=None) -> list[CourseCheckIns]:
    grouped = {}
    for row in checkin_rows_for(business=business, today=today):
        grouped.setdefault(row.course.pk, CourseCheckIns(row.course)).rows.append(row)
    return list(grouped.values())


def due_checkins_for(*, user, today=None) -> list[CheckInRow]:
    """The check-ins due now for the business ``user`` belongs to (none without one)."""
    if not user.is_authenticated:
        return []
    membership = Membership.objects.filter(user=user).select_related("business").first()
    if membership is None:
        return []
    rows = checkin_rows_for(business=membership.business, today=today)
    return [row for row in rows if row.is_due]


def due_moment_on_course(*, user, course, today=None) -> str | None:
    """The moment of ``course`` due now for ``user``'s business (course page): what decides it
    is cached per person (``due_cache``), so a warm view runs no query; the day is not."""
    if not user.is_authenticated:
        return None
    found = due_cache.inputs(
        user=user, course=course, build=lambda: _due_inputs(user=user, course=course)
    )
    if found is None:
        return None
    enrolled_on, completed_on, moments, done = found
    return rules.due_moment(
        enrolled_on=enrolled_on,
        completed_on=completed_on,
        today=today or timezone.localdate(),
        moments=moments,
        done=set(done),
    )


def _due_inputs(*, user, course):
    """(first enrolment day, first completion day, moments asked, moments done) for ``user``'s
    business on ``course``, in one query; None when nothing can be due."""
    business = Membership.objects.filter(user=user).values("business_id")[:1]
    members = {"course": course, "learner__membership__business_id": Subquery(business)}
    plan = (
        CheckInPlan.objects.filter(course=course)
        .annotate(
            enrolled=Subquery(
                Enrolment.objects.filter(**members)
                .order_by("enrolled_at")
                .values("enrolled_at")[:1]
            ),
            completed=Subquery(
                CourseCompletion.objects.filter(**members)
                .order_by("completed_at")
                .values("completed_at")[:1]
            ),
            **{
                f"done_{moment}": Exists(
                    CheckIn.objects.filter(
                        course=OuterRef("course"), business_id=Subquery(business), moment=moment
                    )
                )
                for moment in rules.MOMENTS
            },
        )
        .first()
    )
    if plan is None or plan.enrolled is None:
        return None
    done = tuple(moment for moment in rules.MOMENTS if getattr(plan, f"done_{moment}"))
    return _day(plan.enrolled), _day(plan.completed), plan.moments, done


CASHBOOK_DAYS = 30  # a new check-in is pre-filled from the cash book's last 30 days


def cashbook_initial_for(*, business, today=None) -> dict:
    """Form values from the business's cash book over the 30 days before ``today`` (empty when
    the book has nothing then), written the way people write them."""
    today = today or timezone.localdate()
    figures = period_figures(
        business=business,
        start=today - datetime.timedelta(days=CASHBOOK_DAYS),
        end=today - datetime.timedelta(days=1),
    )
    if figures is None:
        return {}
    initial = {
        "revenue_per_day": _dotted(figures.revenue_per_day),
        "products_per_day": _dotted(int(figures.units_per_day.to_integral_value(ROUND_HALF_UP))),
        "ad_spend_last_month": _dotted(figures.advertising),
    }
    if figures.online_share is not None:
        initial["online_share_percent"] = int(figures.online_share.to_integral_value(ROUND_HALF_UP))
    return initial


def _dotted(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def is_member(*, user, business) -> bool:
    return Membership.objects.filter(user=user, business=business).exists()


def business_for_reader(*, user, business_id: int) -> Business | None:
    """The business if ``user`` may read its check-ins (a member, a mentor of a class it is in,
    a coordinator), else None."""
    business = Business.objects.filter(pk=business_id).first()
    if business is None:
        return None
    if is_member(user=user, business=business):
        return business
    if businesses_visible_to(user).filter(pk=business.pk).exists():
        return business
    return None
