"""Read-only queries for course pages, lesson access and progress."""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.db.models import Exists, F, JSONField, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from lms import fragments, pagetree, roles
from lms.models import Business, User
from lms.selectors import membership_for, sees_every_class
from quizzes.models import Phase, QuestionnaireSkip, QuizAttempt, QuizPage, SurveyResponse

from . import progress_cache
from .models import (
    Cohort,
    CourseCompletion,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    WeekPage,
)
from .progress import (
    Completion,
    CourseProgress,
    WeekOutline,
    WeekProgress,
    is_week_open,
    summarise,
    week_opens_on,
)


@dataclass
class WeekRow:
    page: WeekPage
    number: int
    lessons: list[LessonPage]
    is_open: bool = True
    opens_on: object = None  # date, when not open yet
    progress: WeekProgress | None = None
    done_ids: set[int] = field(default_factory=set)
    quiz_id: int | None = None  # the week's quiz, required when the week holds no lesson
    new_ids: frozenset[int] = frozenset()  # lessons added since the learner completed
    assignments: list = field(default_factory=list)  # [(AssignmentPage, state or "")]


@dataclass
class Outline:
    course: CoursePage
    weeks: list[WeekRow]
    progress: CourseProgress | None = None  # the learner's, once ``_fill`` has run

    def for_progress(self) -> list[WeekOutline]:
        return [
            WeekOutline(
                row.page.pk,
                tuple(lesson.pk for lesson in row.lessons),
                (row.quiz_id,) if row.quiz_id else (),
            )
            for row in self.weeks
        ]

    def quiz_only_ids(self) -> list[int]:
        """The quizzes of weeks holding no lesson: what completing those weeks requires."""
        return [row.quiz_id for row in self.weeks if row.quiz_id and not row.lessons]

    def lessons(self) -> list[LessonPage]:
        return [lesson for row in self.weeks for lesson in row.lessons]

    def week_of(self, lesson_id: int) -> WeekRow | None:
        return next(
            (row for row in self.weeks if any(item.pk == lesson_id for item in row.lessons)), None
        )


def course_outline(*, course: CoursePage, with_lessons: bool = True) -> Outline:
    """Live weeks in order, each with its live lessons in order (without their bodies): from
    the page-tree cache, else two queries (one without lessons)."""

    def build():
        weeks = WeekPage.objects.live().child_of(course).order_by("path")
        if with_lessons:  # each week's (first) quiz, in the same query
            quizzes = QuizPage.objects.live().filter(
                path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1
            )
            weeks = weeks.annotate(quiz_id=Subquery(quizzes.order_by("path").values("pk")[:1]))
        weeks = list(weeks)
        lessons = (
            LessonPage.objects.live().descendant_of(course).defer_streamfields().order_by("path")
            if with_lessons
            else []
        )
        by_week = {week.path: [] for week in weeks}
        for lesson in lessons:
            parent_path = lesson.path[: -WeekPage.steplen]
            if parent_path in by_week:
                by_week[parent_path].append(lesson)
        return [(week, by_week[week.path]) for week in weeks]

    weeks = pagetree.cached("outline", f"{course.pk}:{with_lessons}", build)
    return Outline(
        course,
        [
            WeekRow(week, number, list(lessons), quiz_id=getattr(week, "quiz_id", None))
            for number, (week, lessons) in enumerate(weeks, start=1)
        ],
    )


def with_completion(enrolments):
    """Enrolments annotated with their learner's completion record of the course, if any:
    ``completion_at`` and ``completion_required`` (read by ``completion_of``)."""
    record = CourseCompletion.objects.filter(learner=OuterRef("learner"), course=OuterRef("course"))
    return enrolments.annotate(
        completion_at=Subquery(record.values("completed_at")[:1]),
        completion_required=Subquery(record.values("required")[:1], output_field=JSONField()),
    )


def completion_of(enrolment: Enrolment | None) -> Completion | None:
    """The completion record of an enrolment read through ``with_completion``."""
    if enrolment is None or getattr(enrolment, "completion_at", None) is None:
        return None
    return Completion.of(enrolment.completion_at, enrolment.completion_required)


def completion_for(*, learner, course) -> Completion | None:
    record = CourseCompletion.objects.filter(learner=learner, course=course).first()
    return Completion.of(record.completed_at, record.required) if record else None


def passed_quiz_ids(*, learners, quiz_ids) -> set[int]:
    """Of ``quiz_ids``, those any of ``learners`` has passed (no query when there are none)."""
    if not quiz_ids:
        return set()
    return set(
        QuizAttempt.objects.filter(
            learner__in=learners, page_id__in=quiz_ids, phase=Phase.QUIZ, passed=True
        ).values_list("page_id", flat=True)
    )


class IdList(Subquery):
    """The values of a one-column subquery as a list, in one column of the outer row: an
    array on PostgreSQL, a JSON array elsewhere (both read back as a Python list)."""

    template = "(SELECT json_group_array(v) FROM (%(subquery)s))"
    output_field = JSONField()

    def __init__(self, queryset, column: str, **kwargs):
        super().__init__(queryset.values(v=F(column)), **kwargs)

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler, connection, template="to_jsonb(ARRAY(%(subquery)s))", **extra_context
        )


def enrolment_for(*, learner, course, with_progress: bool = False) -> Enrolment | None:
    """The learner's enrolment, with their completion record (``with_completion``). With
    ``with_progress``, the same one query also brings what a lesson or the course page reads of
    the learner's own work: ``done_ids`` (the lessons done, as ``done_lesson_ids``),
    ``pre_taken`` and ``skipped`` (the questionnaire before the course answered or skipped) and
    ``survey_done``, kept per learner between requests (``courses.progress_cache``)."""
    if not learner.is_authenticated:
        return None
    if not with_progress:
        return (
            with_completion(Enrolment.objects.select_related("cohort"))
            .filter(learner=learner, course=course)
            .first()
        )

    def build():  # the queryset is built only on a miss: building it costs as much as a hit
        own = {"learner": OuterRef("learner"), "course": OuterRef("course")}
        return (
            with_completion(Enrolment.objects.select_related("cohort"))
            .annotate(
                done_ids=IdList(
                    LessonCompletion.objects.filter(**own, lesson__isnull=False), "lesson_id"
                ),
                pre_taken=Exists(QuizAttempt.objects.filter(**own, phase=Phase.PRE)),
                skipped=Exists(QuestionnaireSkip.objects.filter(**own)),
                survey_done=Exists(SurveyResponse.objects.filter(**own)),
            )
            .filter(learner=learner, course=course)
            .first()
        )

    return progress_cache.enrolment(learner=learner, course=course, build=build)


def done_lesson_ids(*, learners, course) -> set[int]:
    """Lessons of ``course`` that any of ``learners`` has done (one learner or a business)."""
    return set(
        LessonCompletion.objects.filter(
            learner__in=learners, course=course, lesson__isnull=False
        ).values_list("lesson_id", flat=True)
    )


def done_ids_of(enrolment: Enrolment, *, learner, course) -> set[int]:
    """The lessons done, from an enrolment read ``with_progress``, else one query."""
    if hasattr(enrolment, "done_ids"):
        return set(enrolment.done_ids or ())
    return done_lesson_ids(learners=[learner], course=course)


def start_date_for(enrolment: Enrolment | None):
    if enrolment is None:
        return None
    if enrolment.cohort_id:
        return enrolment.cohort.start_date
    return timezone.localdate(enrolment.enrolled_at)


def _fill(outline: Outline, enrolment: Enrolment | None, done: set[int]) -> CourseProgress:
    weekly = outline.course.pacing == "weekly"
    start = start_date_for(enrolment)
    today = timezone.localdate()
    passed = (
        passed_quiz_ids(learners=[enrolment.learner_id], quiz_ids=outline.quiz_only_ids())
        if enrolment
        else set()
    )
    summary = summarise(outline.for_progress(), done, passed, completion_of(enrolment))
    outline.progress = summary
    for row, week_progress in zip(outline.weeks, summary.weeks, strict=True):
        row.progress = week_progress
        row.done_ids = done
        row.new_ids = summary.new_lesson_ids
        row.is_open = is_week_open(weekly=weekly, start=start, week_number=row.number, today=today)
        if not row.is_open:
            row.opens_on = week_opens_on(start=start, week_number=row.number)
    return summary


def course_progress_for(
    *, learner, course, outline: Outline | None = None, enrolment: Enrolment | None = None
):
    """The learner's progress; ``enrolment`` read through ``with_completion`` saves a query."""
    outline = outline or course_outline(course=course)
    done = done_lesson_ids(learners=[learner], course=course)
    passed = passed_quiz_ids(learners=[learner], quiz_ids=outline.quiz_only_ids())
    completion = (
        completion_of(enrolment)
        if enrolment is not None and hasattr(enrolment, "completion_at")
        else completion_for(learner=learner, course=course)
    )
    return summarise(outline.for_progress(), done, passed, completion)


def course_page_context(*, course: CoursePage, learner) -> dict:
    """What the course page shows, read once: the outline, the enrolment and the lessons done
    (one query), the quizzes, questionnaire and survey with the learner's attempts (one
    query), the assignments' states (one query, when the course has assignments) and the
    certificate checklist built from all of that (plus the certificate itself, one query)."""
    from quizzes.selectors import course_assessments_for

    outline = course_outline(course=course)
    enrolment = enrolment_for(learner=learner, course=course, with_progress=True)
    done = done_ids_of(enrolment, learner=learner, course=course) if enrolment else set()
    summary = _fill(outline, enrolment, done)
    attempts, submissions, certificate = (
        progress_cache.course_page_reads(
            learner=learner, course=course, build=lambda: _course_page_reads(learner, course)
        )
        if enrolment
        else ([], [], None)
    )
    _add_assignments(outline, submissions)
    assessments = course_assessments_for(
        course=course,
        learner=learner,
        enrolled=enrolment is not None,
        enrolment=enrolment,
        progress=summary,
        attempts=attempts,
    )
    next_lesson = next((x for x in outline.lessons() if x.pk == summary.next_lesson_id), None)
    next_quiz_week = next(
        (row for row in outline.weeks if row.quiz_id and row.quiz_id == summary.next_quiz_id),
        None,
    )
    context = {
        "outline": outline,
        "enrolment": enrolment,
        "progress": summary,
        "next_lesson": next_lesson,
        "next_quiz_week": next_quiz_week,  # every lesson done, this week's quiz still to pass
        # The cover with its renditions, read only when its kept HTML is missing.
        "cover": SimpleLazyObject(lambda: course_cover(course)),
        # Read by the page's {% course_assessments %} and {% certificate_status %} tags.
        "course_assessments": assessments,
        "certificate_standing": _certificate_status(
            outline, done, learner, summary, assessments, submissions, certificate
        )
        if enrolment
        else None,
    }
    context["page_key"] = course_page_key(context)
    return context


def course_page_key(context: dict) -> str:
    """What the course page's kept parts (progress card, certificate, weeks) show beyond the
    pages themselves, which the tree version covers: where the learner stands. Equal keys,
    equal HTML, whoever the learner."""
    outline, assessments = context["outline"], context["course_assessments"]
    enrolment, progress = context["enrolment"], context["progress"]
    standing, next_lesson = context["certificate_standing"], context["next_lesson"]
    next_week = context["next_quiz_week"]
    weeks = []
    for row in outline.weeks:
        quiz = assessments.quizzes.get(row.page.path) or {}
        week = row.progress
        weeks.append(
            (
                row.page.pk,
                row.is_open,
                row.opens_on,
                (week.done, week.total) if week else None,
                [(item.pk in row.done_ids, item.pk in row.new_ids) for item in row.lessons],
                [(page.pk, state) for page, state in row.assignments],
                (quiz.get("best"), quiz.get("passed")),
            )
        )
    cohort = enrolment.cohort if enrolment else None
    certificate = standing.certificate if standing else None
    state = (
        enrolment is not None,
        weeks,
        (
            progress.done,
            progress.total,
            progress.percent,
            progress.started,
            progress.complete,
            progress.completed_at,
            sorted(progress.new_lesson_ids),
        )
        if progress
        else None,
        next_lesson.pk if next_lesson else None,
        (next_week.page.pk, next_week.number, next_week.is_open) if next_week else None,
        (
            getattr(assessments.knowledge, "pk", None),
            assessments.knowledge_phase,
            assessments.before_pending,
            getattr(assessments.survey, "pk", None),
            assessments.survey_done,
        ),
        (cohort.name, cohort.whatsapp_group_url) if cohort else None,
        (certificate.pk, certificate.is_valid, certificate.revoked_at) if certificate else None,
        [(i.key, str(i.label), i.done, i.total, i.met) for i in standing.checklist]
        if standing
        else None,
        standing.complete if standing else None,
    )
    return fragments.state_key(*state)


def _course_page_reads(learner, course) -> tuple:
    """(the learner's attempts, the hand-ins they may see, their current certificate) on
    ``course``: three queries, kept per learner by ``progress_cache.course_page_reads``."""
    from certificates.selectors import certificate_for
    from mentoring.selectors import learner_submissions
    from quizzes.selectors import attempt_rows_for

    submissions = list(
        learner_submissions(learner=learner)
        .filter(course=course)
        .order_by(F("business").asc(nulls_first=True))  # a business's wins over an own one
        .values_list("assignment_id", "state", "business_id")
    )
    return (
        attempt_rows_for(learner=learner, course=course),
        submissions,
        certificate_for(learner=learner, course=course),
    )


def _certificate_status(outline, done, learner, summary, assessments, submissions, certificate):
    """``certificates.selectors.certificate_status_for`` from what the course page has read
    already (the same rule and labels, and the certificate)."""
    from certificates import rules
    from certificates.selectors import certificate_status_from
    from mentoring.models import State

    course = outline.course
    lesson_ids = [lesson.pk for lesson in outline.lessons()]
    required = [
        assignment.pk
        for row in outline.weeks
        for assignment, _state in row.assignments
        if assignment.required_for_certificate
    ]
    accepted = {pk for pk, state, _business in submissions if state == State.ACCEPTED}
    quizzes = assessments.quizzes.values()
    standing = rules.Standing(
        lessons_done=len(lesson_ids)
        if summary.completed_at is not None
        else sum(1 for pk in lesson_ids if pk in done),
        lessons_total=len(lesson_ids),
        quizzes_passed=sum(1 for quiz in quizzes if quiz["passed"]),
        quizzes_total=len(assessments.quizzes),
        has_post_questionnaire=assessments.knowledge is not None,
        post_questionnaire_done=assessments.post_taken,
        has_survey=assessments.survey is not None,
        survey_done=assessments.survey_done,
        assignments_accepted=sum(1 for pk in required if pk in accepted),
        assignments_total=len(required),
    )
    return certificate_status_from(
        learner=learner, course=course, standing=standing, certificate=certificate
    )


COVER_SPECS = ("format-webp|fill-720x405", "format-jpeg|fill-720x405")  # the course page's


def course_cover(course: CoursePage):
    """The cover image of ``course`` (or None) from the page-tree cache, with its renditions
    attached as if prefetched: Wagtail then neither queries for the image nor reads its
    renditions from the cache and writes them back on every view (it does for renditions found
    in the cache). The renditions the course page shows are made when the entry is built."""
    if not course.cover_image_id:
        return

    def build():
        from wagtail.images import get_image_model

        image = (
            get_image_model()
            .objects.prefetch_related("renditions")
            .filter(pk=course.cover_image_id)
            .first()
        )
        if image is None:
            return ()
        image.get_renditions(*COVER_SPECS)  # made once if missing, then held with the image
        return (image,)

    found = pagetree.cached("cover", f"{course.pk}:{course.cover_image_id}", build)
    return found[0] if found else None


def _add_assignments(outline: Outline, submissions) -> None:
    """Each week's live assignments, with the state of the learner's hand-in from
    ``submissions`` (as ``_course_page_reads`` reads them; "" when not handed in): the
    assignments from the page-tree cache."""
    from mentoring.selectors import assignments_by_week

    by_week = assignments_by_week(course=outline.course)
    if not by_week:
        return
    states = {pk: state for pk, state, _business in submissions}
    for row in outline.weeks:
        row.assignments = [
            (assignment, states.get(assignment.pk, ""))
            for assignment in by_week.get(row.page.path, ())
        ]


SIGN_IN, NOT_ENROLLED, LOCKED = "sign_in", "not_enrolled", "locked"


@dataclass
class LessonAccess:
    refusal: str = ""  # SIGN_IN, NOT_ENROLLED or LOCKED; empty when the lesson may be read
    redirect_to: str = ""
    enrolment: Enrolment | None = None
    outline: Outline | None = None
    preview: bool = False  # staff looking at a lesson without taking the course


def page_access_for(*, page, user, with_progress: bool = True) -> LessonAccess:
    """Who may open a page of a course (a lesson, a week quiz, a questionnaire): enrolled
    learners, in an open week for pages inside a week; curriculum staff for a preview.
    Without ``with_progress`` the outline has weeks only and no lessons done are looked up."""
    if not user.is_authenticated:
        return LessonAccess(SIGN_IN, f"{reverse('lms:sign_in')}?next={page.url}")
    parent = page.get_parent().specific  # cached by routing: no query
    week = None if isinstance(parent, CoursePage) else parent
    course = parent if week is None else week.get_parent().specific
    if not isinstance(course, CoursePage) or not course.live:
        return LessonAccess(NOT_ENROLLED, "/")
    outline = course_outline(course=course, with_lessons=with_progress)
    # The learner's cached standing (``progress_cache``) even where no lessons done are needed:
    # on a warm cache that is no query at all.
    enrolment = enrolment_for(learner=user, course=course, with_progress=True)
    if enrolment is None:
        if user.has_perm("wagtailadmin.access_admin"):
            return LessonAccess(outline=outline, preview=True)
        return LessonAccess(NOT_ENROLLED, course.url)
    done = done_ids_of(enrolment, learner=user, course=course) if with_progress else set()
    _fill(outline, enrolment, done)
    if week is not None:
        row = next((row for row in outline.weeks if row.page.pk == week.pk), None)
        if row is None or not row.is_open:
            anchor = f"#week-{week.pk}" if row else ""
            return LessonAccess(LOCKED, f"{course.url}{anchor}", enrolment=enrolment)
    return LessonAccess(enrolment=enrolment, outline=outline)


def lesson_page_context(*, lesson: LessonPage, access: LessonAccess | None, user, query) -> dict:
    if access is None or access.outline is None:  # Wagtail's preview of an unsaved lesson
        return {"preview": True}
    outline = access.outline
    lessons = outline.lessons()
    position = next((i for i, item in enumerate(lessons) if item.pk == lesson.pk), None)
    row = outline.week_of(lesson.pk)
    summary = outline.progress or summarise(outline.for_progress(), row.done_ids if row else set())
    is_done = bool(row and lesson.pk in row.done_ids)
    is_new = lesson.pk in summary.new_lesson_ids
    return {
        "course": outline.course,
        "week": row,
        "is_done": is_done,
        "is_new": is_new,
        "previous_lesson": lessons[position - 1] if position else None,
        "next_lesson": lessons[position + 1]
        if position is not None and position + 1 < len(lessons)
        else None,
        "progress": summary,
        "preview": access.preview,
        # What the lesson's kept heading shows beyond the pages (the tree version covers those).
        "lesson_key": fragments.state_key(is_done, is_new, access.preview),
    }


@dataclass
class CourseCard:
    course: CoursePage
    enrolment: Enrolment | None
    progress: CourseProgress | None


def course_cards_for(*, index, learner) -> list[CourseCard]:
    courses = list(CoursePage.objects.live().child_of(index).order_by("path"))
    enrolments = {}
    if learner.is_authenticated:
        enrolments = {
            e.course_id: e for e in with_completion(Enrolment.objects.filter(learner=learner))
        }
    return [
        CourseCard(
            course,
            enrolments.get(course.pk),
            course_progress_for(learner=learner, course=course, enrolment=enrolments[course.pk])
            if course.pk in enrolments
            else None,
        )
        for course in courses
    ]


@dataclass
class MemberProgress:
    learner: object
    progress: CourseProgress


@dataclass
class BusinessCourse:
    course: CoursePage
    business_progress: CourseProgress
    members: list[MemberProgress]


def learner_dashboard(*, learner) -> dict:
    """The learner's courses with progress; for a business owner, each member's progress too;
    the mentors' reviews the learner has not read yet."""
    enrolments = list(
        with_completion(Enrolment.objects.filter(learner=learner))
        .select_related("course", "cohort")
        .order_by("-enrolled_at")
    )
    outlines = {}

    def outline_of(course):
        if course.pk not in outlines:
            outlines[course.pk] = course_outline(course=course)
        return outlines[course.pk]

    cards = [
        CourseCard(
            e.course,
            e,
            course_progress_for(
                learner=learner, course=e.course, outline=outline_of(e.course), enrolment=e
            ),
        )
        for e in enrolments
    ]
    business_courses = []
    membership = membership_for(user=learner)
    if membership and membership.is_owner:
        member_enrolments = (
            with_completion(
                Enrolment.objects.filter(learner__membership__business=membership.business)
            )
            .select_related("course", "learner")
            .order_by("course__path", "learner__full_name")
        )
        by_course, records_of = {}, {}
        for enrolment in member_enrolments:
            by_course.setdefault(enrolment.course, []).append(enrolment.learner)
            records_of[enrolment.learner_id, enrolment.course_id] = completion_of(enrolment)
        for course, learners in by_course.items():
            outline = outline_of(course)
            # A business completed the course when any member did (as in the reports): its
            # first member's record.
            records = [records_of[member.pk, course.pk] for member in learners]
            first = min(
                (record for record in records if record),
                key=lambda record: record.completed_at,
                default=None,
            )
            passed = passed_quiz_ids(learners=learners, quiz_ids=outline.quiz_only_ids())
            completions = LessonCompletion.objects.filter(
                learner__in=learners, course=course, lesson__isnull=False
            ).values_list("learner_id", "lesson_id")
            per_learner = {}
            for learner_id, lesson_id in completions:
                per_learner.setdefault(learner_id, set()).add(lesson_id)
            everyone = set().union(*per_learner.values()) if per_learner else set()
            business_courses.append(
                BusinessCourse(
                    course,
                    summarise(outline.for_progress(), everyone, passed, first),
                    [
                        MemberProgress(
                            member,
                            summarise(
                                outline.for_progress(),
                                per_learner.get(member.pk, set()),
                                passed_quiz_ids(learners=[member], quiz_ids=outline.quiz_only_ids())
                                if passed
                                else set(),
                                records_of[member.pk, course.pk],
                            ),
                        )
                        for member in learners
                    ],
                )
            )
    from mentoring.selectors import unread_feedback_for

    return {
        "cards": cards,
        "membership": membership,
        "business_courses": business_courses,
        "unread_feedback": unread_feedback_for(learner=learner),  # "Pesan dari mentor"
    }


def cohorts_visible_to(user):
    """Coordinators (and superusers) see every cohort; a mentor sees the cohorts they run."""
    cohorts = Cohort.objects.select_related("course", "mentor")
    if sees_every_class(user):
        return cohorts
    return cohorts.filter(mentor=user)


def learners_visible_to(user):
    """The learners whose data a member of staff may see and act on: every learner for
    coordinators and superusers, else those enrolled in a class ``user`` mentors. A learner is
    an account without a staff role (not staff, not superuser, in no group but Learners)."""
    learners = User.objects.filter(is_staff=False, is_superuser=False).exclude(
        groups__in=Group.objects.exclude(name=roles.LEARNERS)
    )
    if sees_every_class(user):
        return learners
    return learners.filter(
        pk__in=Enrolment.objects.filter(cohort__mentor=user).values("learner_id")
    )


def businesses_visible_to(user):
    """Coordinators and superusers see every business; a mentor sees the businesses with a
    learner in a class they run (and so only those businesses' members and join codes)."""
    if sees_every_class(user):
        return Business.objects.all()
    return Business.objects.filter(
        pk__in=learners_visible_to(user).values("membership__business_id")
    )


def cohorts_to_filter_by(request):
    """The classes a filter offers the person filtering (none without a request)."""
    if request is None:
        return Cohort.objects.none()
    return cohorts_visible_to(request.user).order_by("course__title", "-start_date", "name")
