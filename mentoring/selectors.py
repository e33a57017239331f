"""Read-only queries about assignments, hand-ins and reviews."""

from copy import copy
from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest, Length, Substr
from django.utils import timezone
from wagtail.models import Page

from certificates.models import Certificate
from courses.models import Cohort, Enrolment, LessonCompletion, WeekPage
from courses.progress import CourseProgress, summarise
from courses.selectors import WeekRow, completion_of, course_outline, with_completion
from lms import pagetree
from lms.claims import whatsapp_url
from lms.models import Membership
from lms.selectors import sees_every_class
from quizzes.models import Phase, QuizAttempt

from . import roster
from .models import AssignmentPage, State, Submission, SubmissionVersion


def submissions_visible_to(user) -> QuerySet[Submission]:
    """Every hand-in for coordinators and superusers; for a mentor, those of learners enrolled
    in the course in a class the mentor runs, and a per-business hand-in when any member of
    the business is (whoever handed it in). The one scope rule of hand-ins, their files, the
    review queue and the roster."""
    submissions = Submission.objects.all()
    if sees_every_class(user):
        return submissions
    in_my_classes = Enrolment.objects.filter(course=OuterRef("course"), cohort__mentor=user)
    return submissions.filter(
        Exists(in_my_classes.filter(learner=OuterRef("learner")))
        | Q(
            Exists(in_my_classes.filter(learner__membership__business=OuterRef("business"))),
            business__isnull=False,
        )
    )


def learner_submissions(*, learner) -> QuerySet[Submission]:
    """The hand-ins a learner may see, in the courses they are enrolled in: their own, and
    their business's for a per-business assignment."""
    return Submission.objects.filter(
        Q(business__isnull=True, learner=learner)
        | Q(business__in=Membership.objects.filter(user=learner).values("business_id")),
        Exists(Enrolment.objects.filter(learner=learner, course=OuterRef("course"))),
    )


def _unread(submissions: QuerySet[Submission]) -> QuerySet[Submission]:
    """Reviewed hand-ins whose review the learner has not opened yet (a hand-in waiting for a
    new review has no news)."""
    return submissions.filter(
        reviewed_at__isnull=False, feedback_seen_at__isnull=True, assignment__live=True
    ).exclude(state=State.HANDED_IN)


UNREAD_TIMEOUT = 5 * 60  # bounds how late a review shows on the badge if nobody retires it


def unread_key(learner_id) -> str:
    """The cache key of the learner's unread count (``services.unread_feedback_changed``)."""
    return f"mentoring:unread:{learner_id}"


def unread_feedback_for(*, learner) -> list[Submission]:
    """The learner's reviewed hand-ins with feedback not seen yet, latest review first, each
    with its assignment page, ``course_title`` and ``latest_feedback`` (the last review's
    feedback): one query."""
    last_review = SubmissionVersion.objects.filter(
        submission=OuterRef("pk"), reviewed_at__isnull=False
    ).order_by("-number")
    submissions = list(
        _unread(learner_submissions(learner=learner))
        .select_related("assignment")
        .defer("assignment__instructions", "assignment__rubric")
        .annotate(
            course_title=F("course__title"),
            latest_feedback=Subquery(last_review.values("feedback")[:1]),
        )
        .order_by("-reviewed_at", "-pk")
    )
    cache.set(unread_key(learner.pk), len(submissions), UNREAD_TIMEOUT)
    return submissions


def unread_feedback_count(*, learner) -> int:
    """How many of the learner's reviews are unread, for the badge on every page: from the
    cache, else one query. ``services.unread_feedback_changed`` retires it."""
    if not learner.is_authenticated:
        return 0
    key = unread_key(learner.pk)
    count = cache.get(key)
    if count is None:
        count = _unread(learner_submissions(learner=learner)).count()
        cache.set(key, count, UNREAD_TIMEOUT)
    return count


def assignment_states_for(*, learner, course) -> dict[int, str]:
    """{assignment page id: state} of the hand-ins the learner may see in ``course``; an
    assignment not handed in yet is absent. One query."""
    return dict(
        learner_submissions(learner=learner)
        .filter(course=course)
        .order_by(F("business").asc(nulls_first=True))  # a business's wins over an own one
        .values_list("assignment_id", "state")
    )


def assignments_by_week(*, course) -> dict[str, list[AssignmentPage]]:
    """{week page path: the week's live assignments in order} for the course: from the
    page-tree cache, else one query."""

    def build():
        assignments = (
            AssignmentPage.objects.live()
            .descendant_of(course)
            .defer_streamfields()
            .defer("instructions")
            .order_by("path")
        )
        by_week_path = {}
        for assignment in assignments:
            by_week_path.setdefault(assignment.path[: -AssignmentPage.steplen], []).append(
                assignment
            )
        return by_week_path

    return pagetree.cached("assignments", course.pk, build)


# --- review queue ---------------------------------------------------------------------------

ANY_STATE = "any"  # the review queue's state filter: hand-ins in every state


def _ancestor_path(path_field: str, *, levels: int = 1):
    """The path of the page ``levels`` above the one whose path the outer query's
    ``path_field`` holds. Never a negative length: PostgreSQL may compute it for rows (the
    root page) before the join that excludes them, and refuses one."""
    length = Length(OuterRef(path_field)) - levels * Page.steplen
    return Substr(OuterRef(path_field), 1, Greatest(length, 0))


def review_queue(
    *, user, cohort=None, week=None, assignment=None, state=None
) -> QuerySet[Submission]:
    """The hand-ins ``user`` may review (``submissions_visible_to``), oldest hand-in first:
    those waiting for a review unless ``state`` names another (``ANY_STATE``: all), narrowed to
    a class, a week or an assignment. Each carries ``learner_name``, ``business_name`` (the
    hand-in's business, else the learner's), ``cohort_name``, ``course_title``, ``week_title``
    and ``version_number``, so a page of any size costs the same queries."""
    submissions = submissions_visible_to(user)
    if state != ANY_STATE:
        submissions = submissions.filter(state=state or State.HANDED_IN)
    if cohort is not None:
        submissions = submissions.filter(
            Exists(
                Enrolment.objects.filter(
                    learner=OuterRef("learner"), course=OuterRef("course"), cohort=cohort
                )
            )
        )
    if week is not None:
        submissions = submissions.filter(
            assignment__path__startswith=week.path, assignment__depth=week.depth + 1
        )
    if assignment is not None:
        submissions = submissions.filter(assignment=assignment)
    enrolment = Enrolment.objects.filter(learner=OuterRef("learner"), course=OuterRef("course"))
    latest = SubmissionVersion.objects.filter(submission=OuterRef("pk")).order_by("-number")
    week_page = Page.objects.filter(path=_ancestor_path("assignment__path"))
    return submissions.annotate(
        learner_name=F("learner__full_name"),
        business_name=Coalesce(F("business__name"), F("learner__membership__business__name")),
        cohort_name=Subquery(enrolment.values("cohort__name")[:1]),
        course_title=F("course__title"),
        week_title=Subquery(week_page.values("title")[:1]),
        version_number=Subquery(latest.values("number")[:1]),
    ).order_by("handed_in_at", "pk")


def state_counts(user) -> dict[str, int]:
    """{state: how many hand-ins ``user`` may see are in it}, every state named: one query."""
    counts = dict.fromkeys(State.values, 0)
    rows = submissions_visible_to(user).order_by().values_list("state").annotate(Count("pk"))
    counts.update(rows)
    return counts


def _courses_reviewed_by(user, path_field: str, *, levels: int):
    """A condition on pages: the course ``levels`` above is one ``user`` reviews for (every
    course for coordinators)."""
    if sees_every_class(user):
        return Q()
    return Exists(
        Cohort.objects.filter(mentor=user, course__path=_ancestor_path(path_field, levels=levels))
    )


def review_weeks_for(user) -> QuerySet:
    """The weeks holding an assignment, in the courses whose hand-ins ``user`` reviews, each
    with its ``course_title``, in course order (the queue's week filter)."""
    course = Page.objects.filter(path=_ancestor_path("path"))
    return (
        WeekPage.objects.filter(
            _courses_reviewed_by(user, "path", levels=1),
            Exists(
                AssignmentPage.objects.filter(
                    path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1
                )
            ),
        )
        .annotate(course_title=Subquery(course.values("title")[:1]))
        .order_by("path")
    )


def review_assignments_for(user) -> QuerySet[AssignmentPage]:
    """The assignments in the courses whose hand-ins ``user`` reviews, each with its
    ``course_title``, in course order (the queue's assignment filter)."""
    course = Page.objects.filter(path=_ancestor_path("path", levels=2))
    return (
        AssignmentPage.objects.filter(_courses_reviewed_by(user, "path", levels=2))
        .defer_streamfields()
        .defer("instructions")
        .annotate(course_title=Subquery(course.values("title")[:1]))
        .order_by("path")
    )


# --- hand-in ------------------------------------------------------------------------------


def hand_in_key(*, learner, assignment) -> dict:
    """The filter naming the one hand-in ``learner`` works on for ``assignment``: their
    business's for a per-business assignment (when they have one), else their own."""
    if assignment.per_business:
        business_id = (
            Membership.objects.filter(user=learner).values_list("business_id", flat=True).first()
        )
        if business_id is not None:
            return {"business_id": business_id}
    return {"learner": learner, "business": None}


def submission_for(*, learner, assignment) -> Submission | None:
    """The learner's own hand-in for ``assignment``, or their business's for a per-business
    one, with its versions (newest first, each with its photos and who handed it in); None
    before anything was handed in."""
    if not learner.is_authenticated:
        return None
    versions = SubmissionVersion.objects.select_related("handed_in_by").order_by("-number")
    return (
        Submission.objects.filter(
            assignment=assignment, **hand_in_key(learner=learner, assignment=assignment)
        )
        .prefetch_related(Prefetch("versions", queryset=versions.prefetch_related("photos")))
        .first()
    )


# --- The class roster ("Kelas saya") ------------------------------------------------------

ROSTER_BEHIND = "behind"
ROSTER_NOT_STARTED = "not_started"
ROSTER_WAITING = "waiting"
ROSTER_FILTERS = (ROSTER_BEHIND, ROSTER_NOT_STARTED, ROSTER_WAITING)
# What a row reads of the enrolment, its learner and their business.
ROSTER_FIELDS = (
    "learner__full_name",
    "learner__phone",
    "learner__last_login",
    "learner__membership__business__name",
    "course_id",
    "cohort_id",
)


@dataclass
class RosterQuiz:
    page_id: int
    title: str
    week_number: int


@dataclass
class RosterRow:
    """One enrolled learner of the class, with their figures and the message that fits."""

    enrolment: Enrolment
    learner: object
    business: object  # lms.Business or None
    progress: CourseProgress
    last_visit: datetime | None
    quiz_states: list[str]  # roster.QUIZ_*, one per ``Roster.quizzes``
    assignment_states: list[str]  # State values or "", one per ``Roster.assignments``
    certificate_serial: str  # the valid certificate's, else ""
    figures: roster.LearnerFigures
    nudge: roster.Nudge

    @property
    def whatsapp_url(self) -> str:
        """A chat with the learner, the nudge typed in; "" when they have no number."""
        if not self.learner.phone:
            return ""
        return whatsapp_url(phone=self.learner.phone, message=self.nudge.message)


@dataclass
class Roster:
    cohort: Cohort
    week_number: int  # the class's current week, 0 before it starts
    week: WeekRow | None
    quizzes: list[RosterQuiz]
    assignments: list[AssignmentPage]  # live, in course order, each with ``week_number``
    rows: list[RosterRow]
    total: int  # learners enrolled, before a filter
    class_message: str


def roster_rows(*, user, cohort: Cohort, show: str = "", today=None) -> Roster:
    """The class ``cohort`` as ``user`` sees it: every learner enrolled in it (by name) with
    business, progress, last visit, week-quiz states, assignment states (a per-business
    assignment's is the business's hand-in), certificate and the nudge that fits. ``show``:
    one of ``ROSTER_FILTERS`` keeps the learners behind on the weeks reached, those who have
    not started, or those with a hand-in waiting for review. A constant number of queries
    whatever the class size. Only a class ``user`` may see has rows (a mentor: their own)."""
    course = cohort.course
    today = today or timezone.localdate()
    outline = course_outline(course=course)
    week_number = roster.programme_week(
        start=cohort.start_date, today=today, weeks=len(outline.weeks)
    )
    quiz_ids = [row.quiz_id for row in outline.weeks if row.quiz_id]
    titles = dict(Page.objects.filter(pk__in=quiz_ids).values_list("pk", "title"))
    quizzes = [
        RosterQuiz(row.quiz_id, titles.get(row.quiz_id, ""), row.number)
        for row in outline.weeks
        if row.quiz_id
    ]
    by_week = assignments_by_week(course=course)
    assignments = []
    for row in outline.weeks:
        for kept in by_week.get(row.page.path, ()):
            assignment = copy(kept)  # the page-tree cache's pages are shared: never changed
            assignment.week_number = row.number
            assignments.append(assignment)

    enrolments = Enrolment.objects.filter(cohort=cohort, course=course)
    if not sees_every_class(user):
        enrolments = enrolments.filter(cohort__mentor=user)
    learner_ids = enrolments.values("learner_id")
    enrolments = list(
        with_completion(enrolments)
        .select_related("learner", "learner__membership__business")
        .only(*ROSTER_FIELDS)
        .order_by("learner__full_name", "pk")
    )

    done, latest = {}, {}

    def seen(learner_id, when):
        if when and (latest.get(learner_id) is None or when > latest[learner_id]):
            latest[learner_id] = when

    completions = LessonCompletion.objects.filter(
        course=course, learner__in=learner_ids, lesson__isnull=False
    ).values_list("learner_id", "lesson_id", "completed_at")
    for learner_id, lesson_id, completed_at in completions:
        done.setdefault(learner_id, set()).add(lesson_id)
        seen(learner_id, completed_at)
    tried, passed = {}, {}
    attempts = QuizAttempt.objects.filter(
        learner__in=learner_ids, course=course, page_id__in=quiz_ids, phase=Phase.QUIZ
    ).values_list("learner_id", "page_id", "passed", "submitted_at")
    for learner_id, page_id, has_passed, submitted_at in attempts:
        tried.setdefault(learner_id, set()).add(page_id)
        if has_passed:
            passed.setdefault(learner_id, set()).add(page_id)
        seen(learner_id, submitted_at)
    business_ids = [e.learner.membership.business_id for e in enrolments if _business(e)]
    hand_ins = (
        submissions_visible_to(user)
        .filter(course=course, assignment_id__in=[a.pk for a in assignments])
        .filter(Q(business__isnull=True, learner__in=learner_ids) | Q(business_id__in=business_ids))
        .values_list("assignment_id", "learner_id", "business_id", "state", "handed_in_at")
    )
    by_learner, by_business = {}, {}
    for assignment_id, learner_id, business_id, state, handed_in_at in hand_ins:
        if business_id is None:
            by_learner[assignment_id, learner_id] = state
            seen(learner_id, handed_in_at)
        else:
            by_business[assignment_id, business_id] = state
    certificates = dict(
        Certificate.objects.with_status(Certificate.Status.VALID)
        .filter(course=course, learner__in=learner_ids)
        .values_list("learner_id", "serial")
    )

    week = outline.weeks[week_number - 1] if week_number else None
    rows = []
    for enrolment in enrolments:
        learner, business = enrolment.learner, _business(enrolment)
        progress = summarise(
            outline.for_progress(),
            done.get(learner.pk, set()),
            passed.get(learner.pk, set()),
            completion_of(enrolment),
        )
        quiz_states = [
            roster.QUIZ_PASSED
            if quiz.page_id in passed.get(learner.pk, ())
            else roster.QUIZ_FAILED
            if quiz.page_id in tried.get(learner.pk, ())
            else roster.QUIZ_NOT_TAKEN
            for quiz in quizzes
        ]
        assignment_states = [
            by_business.get((assignment.pk, business.pk), "")
            if assignment.per_business and business is not None
            else by_learner.get((assignment.pk, learner.pk), "")
            for assignment in assignments
        ]
        due_weeks = [w for w in progress.weeks if w.number <= week_number and not w.quiz_only]
        serial = certificates.get(learner.pk, "")
        figures = roster.LearnerFigures(
            name=learner.full_name,
            course=course.title,
            week_number=week_number,
            week_title=week.page.title if week else "",
            lessons_done=sum(min(w.done, w.total) for w in due_weeks),
            lessons_due=sum(w.total for w in due_weeks),
            started=progress.started
            or bool(tried.get(learner.pk))
            or any(assignment_states)
            or bool(serial),
            quizzes=tuple(
                roster.QuizFigure(quiz.title, state, quiz.week_number <= week_number)
                for quiz, state in zip(quizzes, quiz_states, strict=True)
            ),
            assignments=tuple(
                roster.AssignmentFigure(a.title, state, a.week_number <= week_number)
                for a, state in zip(assignments, assignment_states, strict=True)
            ),
            certificate=bool(serial),
        )
        last_visit = max(
            (when for when in (learner.last_login, latest.get(learner.pk)) if when),
            default=None,
        )
        rows.append(
            RosterRow(
                enrolment,
                learner,
                business,
                progress,
                last_visit,
                quiz_states,
                assignment_states,
                serial,
                figures,
                roster.nudge_for(figures),
            )
        )
    total = len(rows)
    if show == ROSTER_BEHIND:
        rows = [row for row in rows if row.figures.behind]
    elif show == ROSTER_NOT_STARTED:
        rows = [row for row in rows if not row.figures.started]
    elif show == ROSTER_WAITING:
        rows = [row for row in rows if row.figures.waiting]
    return Roster(
        cohort=cohort,
        week_number=week_number,
        week=week,
        quizzes=quizzes,
        assignments=assignments,
        rows=rows,
        total=total,
        class_message=roster.class_message(
            course=course.title,
            week_number=week_number,
            week_title=week.page.title if week else "",
            lessons=[lesson.title for lesson in week.lessons] if week else [],
            quizzes=[q.title for q in quizzes if week and q.week_number == week_number],
            assignments=[a.title for a in assignments if a.week_number == week_number],
            starts_on=cohort.start_date,
        ),
    )


def _business(enrolment):
    membership = getattr(enrolment.learner, "membership", None)
    return membership.business if membership else None


def may_see_submission(*, user, submission) -> bool:
    """Whether ``user`` may see ``submission`` and its files: its learner, a member of its
    business (per-business hand-ins), or staff through ``submissions_visible_to``."""
    if not user.is_authenticated:
        return False
    if submission.learner_id == user.pk:
        return True
    if (
        submission.business_id is not None
        and Membership.objects.filter(user=user, business_id=submission.business_id).exists()
    ):
        return True
    return submissions_visible_to(user).filter(pk=submission.pk).exists()
