"""Figures for coordinators and mentors, computed in the database.

Every report starts from a ``Scope``: one course and the enrolments the viewer may see and has
filtered (``reports.filters.EnrolmentFilterSet``). Each figure counts those enrolled learners
only, so the overview and the per-business table always agree.
"""

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from zoneinfo import ZoneInfo

from django.db.models import (
    Avg,
    BigIntegerField,
    Case,
    CharField,
    Count,
    DecimalField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    FilteredRelation,
    FloatField,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Cast, Coalesce, Floor, Least, RowNumber
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates.models import Certificate
from courses.models import CourseCompletion, CoursePage, Enrolment, LessonCompletion
from courses.selectors import course_outline
from lms import pagetree
from lms.models import Business, Membership, Regency, Sector
from lms.selectors import sees_every_class
from mentoring.models import AssignmentPage, State, Submission
from quizzes.models import (
    AttemptAnswer,
    KnowledgeCheckPage,
    Phase,
    QuizAttempt,
    QuizPage,
    SurveyAnswer,
    SurveyPage,
    SurveyResponse,
)

from . import ages
from .ages import age_band  # noqa: F401 - the rule, read here with the other figures
from .charts import likert_mean


def default_course() -> CoursePage | None:
    """The course a report shows when its link names none: the first published, by title."""
    return CoursePage.objects.live().order_by("title").first()


def enrolments_visible_to(user) -> QuerySet[Enrolment]:
    """Coordinators (and superusers) see every enrolment; a mentor those of their cohorts."""
    enrolments = Enrolment.objects.all()
    if sees_every_class(user):
        return enrolments
    return enrolments.filter(cohort__mentor=user)


@dataclass
class Week:
    number: int
    title: str
    lesson_ids: list[int]
    quiz_id: int | None = None  # the quiz a week holding no lesson requires passed

    @property
    def counted(self) -> bool:
        """A week holding neither a lesson nor a quiz is not counted (``courses.progress``)."""
        return bool(self.lesson_ids or self.quiz_id)


@dataclass
class Scope:
    course: CoursePage
    enrolments: QuerySet  # of Enrolment, filtered, all of ``course``
    weeks: list[Week]

    @property
    def lesson_ids(self) -> list[int]:
        return [pk for week in self.weeks for pk in week.lesson_ids]

    def learners(self):
        return self.enrolments.values("learner")

    @cached_property
    def survey(self) -> SurveyPage | None:
        """The course's live survey, read once for the page's table and its chart."""
        return SurveyPage.objects.live().child_of(self.course).first()


def scope_for(*, course: CoursePage, enrolments: QuerySet) -> Scope:
    outline = course_outline(course=course)
    weeks = [
        Week(
            row.number,
            row.page.title,
            [lesson.pk for lesson in row.lessons],
            None if row.lessons else row.quiz_id,
        )
        for row in outline.weeks
    ]
    return Scope(course, enrolments.filter(course=course), weeks)


def completed_learners(scope: Scope) -> QuerySet:
    """The scope's learners who completed ``scope.course`` (``values("learner")``): those
    holding a ``CourseCompletion`` record, whatever the course has gained since."""
    return CourseCompletion.objects.filter(
        course=scope.course, learner__in=scope.learners()
    ).values("learner")


def _per_row(queryset, aggregate, output_field=None, **outer) -> Subquery:
    """``aggregate`` over the rows of ``queryset`` that match the ``outer`` references: one
    value per row of the outer query (NULL when none match)."""
    grouped = queryset.filter(**outer).order_by().values(*outer).annotate(value=aggregate)
    return Subquery(grouped.values("value")[:1], output_field=output_field)


def _count(queryset, **outer) -> Coalesce:
    """A correlated COUNT(*) of ``queryset`` (0 when it has no rows)."""
    return Coalesce(_per_row(queryset, Count("pk"), IntegerField(), **outer), 0)


MEAN_SCORE = DecimalField(max_digits=5, decimal_places=2)


def best_attempts(attempts: QuerySet[QuizAttempt]) -> QuerySet[QuizAttempt]:
    """Of ``attempts``, each learner's best at each quiz (of equal scores, the earlier): those
    no other attempt of theirs at that quiz beats. Attempts whose quiz page is gone are left
    out, as in ``first_attempts``."""
    better = QuizAttempt.objects.filter(
        learner=OuterRef("learner"), page=OuterRef("page"), phase=OuterRef("phase")
    ).filter(
        Q(score_percent__gt=OuterRef("score_percent"))
        | Q(score_percent=OuterRef("score_percent"), number__lt=OuterRef("number"))
    )
    return attempts.filter(~Exists(better), page__isnull=False)


def first_attempts(attempts: QuerySet[QuizAttempt]) -> QuerySet[QuizAttempt]:
    """Of ``attempts``, each learner's first at each quiz."""
    return attempts.filter(number=1, page__isnull=False)


def quiz_scores(attempts: QuerySet[QuizAttempt], **outer) -> dict:
    """Annotations ``quiz_best`` and ``quiz_first``: the mean over the ``outer`` row's learners
    and quizzes of each learner's best attempt at each quiz, and of their first attempt. A
    failed try that a retry improved counts in ``quiz_first`` only."""
    return {
        "quiz_best": _per_row(best_attempts(attempts), Avg("score_percent"), MEAN_SCORE, **outer),
        "quiz_first": _per_row(first_attempts(attempts), Avg("score_percent"), MEAN_SCORE, **outer),
    }


def lessons_done(lesson_ids) -> Subquery:
    """How many of ``lesson_ids`` the enrolment's learner has done."""
    if not lesson_ids:
        return Value(0)
    return _count(
        LessonCompletion.objects.filter(lesson_id__in=lesson_ids), learner=OuterRef("learner")
    )


def with_progress(scope: Scope, enrolments=None) -> QuerySet:
    """Enrolments annotated with ``done`` (lessons done) and ``week_<n>`` (lessons done of week
    n), for status filters and the funnel."""
    enrolments = scope.enrolments if enrolments is None else enrolments
    return enrolments.annotate(
        done=lessons_done(scope.lesson_ids),
        **{f"week_{week.number}": lessons_done(week.lesson_ids) for week in scope.weeks},
    )


def _score(course, phase) -> Subquery:
    """The learner's questionnaire score in ``phase`` (answered once: attempt number 1)."""
    return Subquery(
        QuizAttempt.objects.filter(
            course=course, phase=phase, number=1, learner=OuterRef("learner")
        ).values("score_percent")[:1]
    )


def with_knowledge(scope: Scope, enrolments=None) -> QuerySet:
    """Enrolments annotated with the learner's ``pre`` and ``post`` questionnaire scores."""
    enrolments = scope.enrolments if enrolments is None else enrolments
    return enrolments.annotate(
        pre=_score(scope.course, Phase.PRE), post=_score(scope.course, Phase.POST)
    )


def percent(part, whole) -> Decimal | None:
    return Decimal(part * 100) / whole if whole else None


def median_days_of(durations) -> float | None:
    """The median of ``durations`` (timedeltas from enrolment to completion) in days, to 0.1;
    None when there are none."""
    durations = sorted(durations)
    count = len(durations)
    if not count:
        return None
    middle = durations[(count - 1) // 2 : count // 2 + 1]
    seconds = sum(took.total_seconds() for took in middle) / len(middle)
    return round(seconds / 86400, 1)


@dataclass
class KnowledgeSummary:
    """The knowledge questionnaire before and after: means, and over the learners who answered
    both times, how many, their mean gain and how many improved."""

    pre_mean: Decimal | None
    post_mean: Decimal | None
    paired: int
    mean_gain: Decimal | None
    improved: int
    # Learners who answered before the course, after it, both times, and who chose to skip it
    # before (and did not answer it after all): every enrolled learner is in ``took_before``,
    # ``skipped_before`` or neither.
    took_before: int = 0
    took_after: int = 0
    took_both: int = 0
    skipped_before: int = 0

    @property
    def improved_share(self) -> Decimal | None:
        return percent(self.improved, self.paired)


@dataclass
class Overview:
    learners: int
    businesses: int
    started: int
    funnel: list[tuple[Week, int]]  # learners who met each counted week's requirements
    completed: int  # learners holding a completion record (``completed_learners``)
    businesses_started: int  # businesses where any learner did a lesson
    business_funnel: list[tuple[Week, int]]  # each week's requirements met by its learners
    businesses_completed: int  # businesses where any learner holds a completion record
    certificates: int  # valid certificates of those learners
    median_days: float | None
    quizzes: list[dict]  # ``quiz_figures``; empty when left out
    knowledge: KnowledgeSummary
    survey_responses: int

    @property
    def survey_rate(self) -> Decimal | None:
        return percent(self.survey_responses, self.learners)


BUSINESS = "learner__membership__business"
LESSONS_PER_MASK = 60  # lessons per bit mask column: its sum stays below 2**63


@dataclass
class Funnel:
    """How far a scope's learners, or their businesses, got (``progress_counts``)."""

    enrolled: int
    started: int  # did a lesson of today's course, or completed
    completed: int  # hold a completion record (a business: any of its learners does)
    weeks: dict[int, int]  # week number → met its requirements (0: a week not counted)
    median_days: float | None = None  # learners: from enrolment to their completion record


def _lesson_masks(scope: Scope) -> dict[int, int]:
    """Each of the scope's learners who did a lesson of today's course, with the lessons done
    as one integer: bit i set when ``scope.lesson_ids[i]`` is done. One grouped pass over their
    lesson completions (a learner does a lesson once, so each sum adds distinct bits)."""
    lesson_ids = scope.lesson_ids
    chunks = [
        lesson_ids[start : start + LESSONS_PER_MASK]
        for start in range(0, len(lesson_ids), LESSONS_PER_MASK)
    ]
    columns = {
        f"mask_{number}": Cast(
            Sum(
                Case(
                    *(When(lesson_id=pk, then=Value(1 << bit)) for bit, pk in enumerate(chunk)),
                    default=Value(0),
                )
            ),
            BigIntegerField(),
        )
        for number, chunk in enumerate(chunks)
    }
    rows = (
        LessonCompletion.objects.filter(learner__in=scope.learners(), lesson_id__in=lesson_ids)
        .order_by()
        .values("learner")
        .annotate(**columns)
        .values_list("learner", *columns)
    )
    if len(chunks) == 1:
        return dict(rows)
    return {
        learner: sum(mask << (number * LESSONS_PER_MASK) for number, mask in enumerate(masks))
        for learner, *masks in rows
    }


def _met(masks: Counter, need: int) -> int:
    """How many of the ``masks`` (lessons done, counted by mask) include every bit of ``need``."""
    return sum(count for mask, count in masks.items() if mask & need == need)


def progress_counts(scope: Scope) -> tuple[Funnel, Funnel]:
    """How many of the scope's learners, and of their businesses, enrolled, started (did a
    lesson, or completed), completed and met each week's requirements.

    Completed means holding a completion record (``completed_learners``; a business completed
    when any of its learners did), whatever lessons were added since. A week's requirements
    (``courses.progress``) are its lessons (for a business: each done by any of its learners),
    or for a week holding only a quiz, that quiz passed, never merely starting; a week holding
    neither counts nobody (0). Learners who completed count for every counted week; learners
    without a business count for no business.

    Two or three queries, whatever the number of learners, each one pass: the enrolments (each
    learner's business and the time from enrolment to their record, if any), the lessons each
    learner did (as bit masks, ``_lesson_masks``) and, when some week holds only a quiz, who
    passed those quizzes.
    Both funnels are counted from these rows in Python: a business's lessons are the union of
    its learners' masks, rather than a COUNT(DISTINCT) over every lesson completion."""
    # The learner's completion record of the course (one at most), joined: its time less the
    # enrolment's is the time to complete, NULL for a learner without one.
    record = FilteredRelation(
        "learner__course_completions",
        condition=Q(learner__course_completions__course=scope.course),
    )
    took = ExpressionWrapper(
        F("record__completed_at") - F("enrolled_at"), output_field=DurationField()
    )
    enrolments = list(
        scope.enrolments.alias(record=record).order_by().values_list("learner", BUSINESS, took)
    )
    business_of = {learner: business for learner, business, _took in enrolments}
    durations = [took for _learner, _business, took in enrolments if took is not None]
    completed = {learner for learner, _business, took in enrolments if took is not None}
    completed_businesses = {business_of[learner] for learner in completed}
    completed_businesses.discard(None)
    masks = _lesson_masks(scope) if scope.lesson_ids else {}
    business_masks = {}
    for learner, mask in masks.items():
        business = business_of[learner]
        if business is not None:
            business_masks[business] = business_masks.get(business, 0) | mask
    # Under way: not completed; counted by their lessons done, whose patterns are few.
    learner_patterns = Counter(mask for learner, mask in masks.items() if learner not in completed)
    business_patterns = Counter(
        mask for business, mask in business_masks.items() if business not in completed_businesses
    )
    quiz_weeks = [week for week in scope.weeks if week.quiz_id and not week.lesson_ids]
    passed = {week.quiz_id: set() for week in quiz_weeks}
    if quiz_weeks:
        passes = (
            QuizAttempt.objects.filter(
                page_id__in=list(passed),
                phase=Phase.QUIZ,
                passed=True,
                learner__in=scope.learners(),
            )
            .order_by()
            .values_list("learner", "page_id")
            .distinct()
        )
        for learner, page_id in passes:
            passed[page_id].add(learner)
    bits = {pk: 1 << position for position, pk in enumerate(scope.lesson_ids)}
    learner_weeks, business_weeks = {}, {}
    for week in scope.weeks:
        if not week.counted:
            learner_weeks[week.number] = business_weeks[week.number] = 0
        elif week.lesson_ids:
            need = sum(bits[pk] for pk in week.lesson_ids)
            learner_weeks[week.number] = len(completed) + _met(learner_patterns, need)
            business_weeks[week.number] = len(completed_businesses) + _met(business_patterns, need)
        else:
            learners = passed[week.quiz_id] - completed
            businesses = {business_of[learner] for learner in learners}
            businesses.discard(None)
            learner_weeks[week.number] = len(completed) + len(learners)
            business_weeks[week.number] = len(completed_businesses) + len(
                businesses - completed_businesses
            )
    businesses = {business for _learner, business, _took in enrolments}
    businesses.discard(None)
    learner_funnel = Funnel(
        enrolled=len(enrolments),
        started=len(completed.union(masks)),
        completed=len(durations),
        weeks=learner_weeks,
        median_days=median_days_of(durations),
    )
    business_funnel = Funnel(
        enrolled=len(businesses),
        started=len(completed_businesses.union(business_masks)),
        completed=len(completed_businesses),
        weeks=business_weeks,
    )
    return learner_funnel, business_funnel


def _questionnaire(scope: Scope, *phases: str) -> QuerySet[QuizAttempt]:
    """The scope's learners' questionnaire answers in ``phases`` (answered once: number 1)."""
    return QuizAttempt.objects.filter(
        course=scope.course, phase__in=phases, number=1, learner__in=scope.learners()
    )


def _after_course(scope: Scope) -> QuerySet[QuizAttempt]:
    """The scope's questionnaire answers after the course, each with the learner's ``pre``."""
    return _questionnaire(scope, Phase.POST).annotate(pre=_score(scope.course, Phase.PRE))


def computed_once(queryset: QuerySet, *fields: str) -> QuerySet:
    """``queryset``'s ``fields``, one annotated with a subquery (``pre``) that an
    ``aggregate()`` reads several times, made to compute it once a row. DISTINCT over rows
    holding their primary key drops none, but keeps PostgreSQL from inlining the subquery at
    each use (the knowledge summary ran it three to six times a row)."""
    return queryset.values("pk", *fields).distinct()


GAIN = ExpressionWrapper(F("score_percent") - F("pre"), output_field=DecimalField())


def _after_figures() -> dict:
    """Over answers after the course annotated with ``pre`` (``_after_course``): their mean
    and, over the learners who also answered before, how many, the mean gain and how many
    improved."""
    paired = Q(pre__isnull=False)
    return {
        "post_mean": Avg("score_percent"),
        "paired": Count("pk", filter=paired),
        "mean_gain": Avg(GAIN, filter=paired),
        "improved": Count("pk", filter=paired & Q(score_percent__gt=F("pre"))),
    }


def knowledge_summary(scope: Scope) -> KnowledgeSummary:
    """Two queries: one pass over the scope's enrolments joined to their answers before the
    course and their skips (the mean before, who answered it, who skipped it and did not answer
    after all), one over the answers after the course (each with its learner's before). Joins
    rather than a lookup per enrolment: about half the time at 50,000 learners."""
    course = scope.course
    before = (
        scope.enrolments.alias(
            pre_attempt=FilteredRelation(
                "learner__quiz_attempts",
                condition=Q(
                    learner__quiz_attempts__course=course,
                    learner__quiz_attempts__phase=Phase.PRE,
                    learner__quiz_attempts__number=1,
                ),
            ),
            skip=FilteredRelation(
                "learner__questionnaire_skips",
                condition=Q(learner__questionnaire_skips__course=course),
            ),
        )
        .order_by()
        .aggregate(
            pre_mean=Avg("pre_attempt__score_percent"),
            took_before=Count("pk", distinct=True, filter=Q(pre_attempt__isnull=False)),
            skipped_before=Count("pk", filter=Q(pre_attempt__isnull=True, skip__isnull=False)),
        )
    )
    paired = Q(pre__isnull=False)
    after = computed_once(_after_course(scope), "learner", "score_percent", "pre").aggregate(
        **_after_figures(),
        took_after=Count("learner", distinct=True),
        took_both=Count("learner", distinct=True, filter=paired),
    )
    return KnowledgeSummary(**before, **after)


def quiz_figures(scope: Scope) -> list[dict]:
    """Per week quiz, in the course's order: the learners who tried it and passed it, the pass
    rate, and the means of each learner's best and of each learner's first attempt
    (``{"page", "learners", "passed", "pass_rate", "best_mean", "first_mean"}``)."""
    pages = {page.pk: page for page in QuizPage.objects.live().descendant_of(scope.course)}
    if not pages:
        return []
    # Each learner's figures per quiz (their best, their first, whether any try passed), then
    # per quiz over its learners: one pass over the attempts.
    per_learner = (
        QuizAttempt.objects.filter(
            page_id__in=pages, phase=Phase.QUIZ, learner__in=scope.learners()
        )
        .order_by()
        .values("page_id", "learner")
        .annotate(
            best=Max("score_percent"),
            first=Max("score_percent", filter=Q(number=1)),
            passed_any=Max(Case(When(passed=True, then=1), default=0)),
        )
    )
    figures = per_learner.aggregate(
        **{
            f"{name}_{pk}": aggregate
            for pk in pages
            for name, aggregate in (
                ("learners", Count("learner", filter=Q(page_id=pk))),
                ("passed", Count("learner", filter=Q(page_id=pk, passed_any=1))),
                ("best", Avg("best", filter=Q(page_id=pk))),
                ("first", Avg("first", filter=Q(page_id=pk))),
            )
        }
    )
    quizzes = []
    for page in sorted(pages.values(), key=lambda page: page.path):
        learners, passed = figures[f"learners_{page.pk}"], figures[f"passed_{page.pk}"]
        quizzes.append(
            {
                "page": page,
                "learners": learners,
                "passed": passed,
                "pass_rate": percent(passed, learners),
                "best_mean": figures[f"best_{page.pk}"],
                "first_mean": figures[f"first_{page.pk}"],
            }
        )
    return quizzes


def course_overview(scope: Scope, *, with_quizzes: bool = True) -> Overview:
    """The course's figures for the scope's learners, in a fixed number of queries; without
    the week quizzes' figures (``quiz_figures``) when ``with_quizzes`` is false."""
    learners, businesses = progress_counts(scope)
    return Overview(
        learners=learners.enrolled,
        businesses=businesses.enrolled,
        started=learners.started,
        funnel=[(week, learners.weeks[week.number]) for week in scope.weeks if week.counted],
        completed=learners.completed,
        businesses_started=businesses.started,
        business_funnel=[
            (week, businesses.weeks[week.number]) for week in scope.weeks if week.counted
        ],
        businesses_completed=businesses.completed,
        certificates=valid_certificates(scope).count(),
        median_days=learners.median_days,
        quizzes=quiz_figures(scope) if with_quizzes else [],
        knowledge=knowledge_summary(scope),
        survey_responses=survey_responses(scope).count(),
    )


def business_rows(scope: Scope) -> QuerySet[Business]:
    """One row per business with a learner in the scope, with its figures over those learners.

    Annotations: ``learners``, ``members``, ``cohort_name`` (the owner's class first),
    ``lessons_done`` (distinct lessons done by any of its learners), ``completed`` (any of its
    learners holds a completion record), ``progress`` (percent of the requirements met: lessons,
    and quiz-only weeks' quizzes passed; 100 once completed), ``weeks_completed`` (every
    counted week once completed), ``quiz_best`` and ``quiz_first`` (``quiz_scores``),
    ``pre_mean``, ``post_mean``, ``certificate_count``."""
    # Rows of the business's learners in the scope: correlated on the business, one level deep.
    learners, business = scope.learners(), {"learner__membership__business": OuterRef("pk")}
    quiz_weeks = [week for week in scope.weeks if week.quiz_id and not week.lesson_ids]
    total = len(scope.lesson_ids) + len(quiz_weeks)

    def passed(week):
        attempts = QuizAttempt.objects.filter(
            page_id=week.quiz_id, phase=Phase.QUIZ, passed=True, learner__in=learners, **business
        )
        return Case(When(Exists(attempts), then=1), default=0, output_field=IntegerField())

    def distinct_lessons(lesson_ids):
        if not lesson_ids:
            return Value(0)
        done = LessonCompletion.objects.filter(lesson_id__in=lesson_ids, learner__in=learners)
        return Coalesce(
            _per_row(done, Count("lesson", distinct=True), IntegerField(), **business), 0
        )

    def mean_score(phase):
        attempts = QuizAttempt.objects.filter(
            course=scope.course, phase=phase, learner__in=learners
        )
        return _per_row(attempts, Avg("score_percent"), MEAN_SCORE, **business)

    weeks_met = sum(
        (
            Case(When(**{f"week_{week.number}": len(week.lesson_ids) or 1}, then=1), default=0)
            for week in scope.weeks
            if week.counted
        ),
        Value(0),
    )
    weeks_completed = Case(
        When(completed=True, then=Value(sum(week.counted for week in scope.weeks))),
        default=weeks_met,
    )
    requirements_met = sum((F(f"week_{week.number}") for week in quiz_weeks), F("lessons_done"))
    valid = Certificate.objects.with_status(Certificate.Status.VALID)
    # The learners' memberships read directly: through the enrolment, the business is joined
    # via the user row, a pass over every user that each page makes three times (count, page,
    # rows).
    in_scope = Membership.objects.filter(user__in=learners).values("business")
    rows = Business.objects.filter(pk__in=in_scope).annotate(
        learners=_count(scope.enrolments, **business),
        members=_count(Membership.objects, business=OuterRef("pk")),
        cohort_name=Subquery(
            scope.enrolments.filter(
                learner__membership__business=OuterRef("pk"), cohort__isnull=False
            )
            .order_by("-learner__membership__is_owner", "enrolled_at")
            .values("cohort__name")[:1]
        ),
        lessons_done=distinct_lessons(scope.lesson_ids),
        **{
            f"week_{week.number}": passed(week)
            if week in quiz_weeks
            else distinct_lessons(week.lesson_ids)
            for week in scope.weeks
        },
        completed=Exists(
            CourseCompletion.objects.filter(course=scope.course, learner__in=learners, **business)
        ),
        **quiz_scores(
            QuizAttempt.objects.filter(course=scope.course, phase=Phase.QUIZ, learner__in=learners),
            **business,
        ),
        pre_mean=mean_score(Phase.PRE),
        post_mean=mean_score(Phase.POST),
        certificate_count=_count(
            valid.filter(course=scope.course, learner__in=learners), **business
        ),
    )
    return rows.annotate(
        weeks_completed=ExpressionWrapper(weeks_completed, output_field=IntegerField()),
        progress=Case(
            When(completed=True, then=Value(100.0)),
            default=requirements_met * 100.0 / total if total else Value(0.0),
            output_field=FloatField(),
        ),
    )


def learner_figures(scope: Scope) -> dict:
    """Annotations for enrolments of the scope: the learner's ``completed_at`` (their completion
    record), ``quiz_best`` and ``quiz_first`` (``quiz_scores``) and ``certificate_serial`` (the
    current certificate)."""
    learner = OuterRef("learner")
    return {
        "completed_at": Subquery(
            CourseCompletion.objects.filter(course=scope.course, learner=learner).values(
                "completed_at"
            )[:1]
        ),
        **quiz_scores(
            QuizAttempt.objects.filter(course=scope.course, phase=Phase.QUIZ), learner=learner
        ),
        "certificate_serial": Subquery(
            Certificate.objects.current()
            .filter(course=scope.course, learner=learner)
            .values("serial")[:1]
        ),
    }


def business_members(scope: Scope, business: Business) -> list[Enrolment]:
    """A business's learners in the scope, each with progress, completion (``completed_at``),
    scores and certificate."""
    enrolments = with_knowledge(
        scope, with_progress(scope, scope.enrolments.filter(learner__membership__business=business))
    ).select_related("learner", "cohort", "learner__membership")
    enrolments = enrolments.annotate(
        **learner_figures(scope),
    ).order_by("-learner__membership__is_owner", "learner__full_name")
    return list(enrolments)


def attempts_of(scope: Scope, business: Business) -> QuerySet[QuizAttempt]:
    return (
        QuizAttempt.objects.filter(
            course=scope.course,
            learner__in=scope.enrolments.filter(learner__membership__business=business).values(
                "learner"
            ),
        )
        .select_related("learner")
        .order_by("learner__full_name", "submitted_at")
    )


def knowledge_pairs(scope: Scope) -> QuerySet[QuizAttempt]:
    """Questionnaire answers after the course of learners who also answered before: each with
    ``learner_name``, ``business_name``, ``pre``, ``post`` and ``gain``."""
    return (
        _after_course(scope)
        .filter(pre__isnull=False)
        .annotate(
            post=F("score_percent"),
            gain=GAIN,
            learner_name=F("learner__full_name"),
            business_name=F("learner__membership__business__name"),
        )
    )


def score_distribution(scope: Scope, phase: str, *, bucket: int = 10) -> dict[int, int]:
    """How many learners scored in each ``bucket``-wide band (0-9, 10-19, …, 90-100)."""
    return score_distributions(scope, (phase,), bucket=bucket)[phase]


def score_distributions(
    scope: Scope, phases=(Phase.PRE, Phase.POST), *, bucket: int = 10
) -> dict[str, dict[int, int]]:
    """``score_distribution`` of each of ``phases``, in one query."""
    band = Least(
        Floor(F("score_percent") / bucket) * bucket,
        Value(100 - bucket),
        output_field=IntegerField(),
    )
    rows = (
        _questionnaire(scope, *phases)
        .annotate(band=band)
        .order_by()
        .values("phase", "band")
        .annotate(n=Count("pk"))
    )
    counts = {str(phase): dict.fromkeys(range(0, 100, bucket), 0) for phase in phases}
    for row in rows:
        counts[row["phase"]][int(row["band"])] += row["n"]
    return counts


def likert_results(scope: Scope) -> list[dict]:
    """Per agree/disagree item of the course's survey: prompt, counts 1..5, answers, mean."""
    page = scope.survey
    if page is None:
        return []
    rows = (
        SurveyAnswer.objects.filter(
            response__course=scope.course,
            response__learner__in=scope.learners(),
            likert__isnull=False,
        )
        .values("item_id", "likert")
        .annotate(n=Count("pk"))
    )
    counts = {}
    for row in rows:
        counts.setdefault(row["item_id"], {})[row["likert"]] = row["n"]
    results = []
    for block in page.items:
        if block.block_type != "likert":
            continue
        item = {value: counts.get(block.id, {}).get(value, 0) for value in range(1, 6)}
        results.append(
            {
                "id": block.id,
                "prompt": block.value["prompt"],
                "counts": item,
                "answers": sum(item.values()),
                "mean": likert_mean(item),
            }
        )
    return results


def open_answers(scope: Scope) -> QuerySet[SurveyAnswer]:
    return (
        SurveyAnswer.objects.filter(
            response__course=scope.course,
            response__learner__in=scope.learners(),
            likert__isnull=True,
        )
        .exclude(text="")
        .select_related("response")
        .order_by("-response__submitted_at")
    )


def question_results(scope: Scope) -> list[dict]:
    """Per week quiz and for the questionnaire: each question with the percent of the
    scope's attempts that got it fully right, so mentors can fix confusing questions."""
    pages = list(QuizPage.objects.live().descendant_of(scope.course).order_by("path"))
    pages += list(KnowledgeCheckPage.objects.live().child_of(scope.course))
    rows = (
        AttemptAnswer.objects.filter(
            attempt__page_id__in=[page.pk for page in pages],
            attempt__learner__in=scope.learners(),
        )
        .order_by()
        .values("attempt__page_id", "question_id")
        .annotate(attempts=Count("*"), right=Count("pk", filter=Q(score=1)))
    )
    by_question = {(row["attempt__page_id"], row["question_id"]): row for row in rows}
    results = []
    for page in pages:
        questions = []
        for block in page.questions:
            row = by_question.get((page.pk, block.id), {"attempts": 0, "right": 0})
            questions.append(
                {
                    "id": block.id,
                    "prompt": block.value["prompt"],
                    "attempts": row["attempts"],
                    "right": row["right"],
                    "percent": percent(row["right"], row["attempts"]),
                }
            )
        results.append({"page": page, "questions": questions})
    return results


# Breakdowns (issue 14, item 6): the overview's learner figures per regency or city, district,
# sector, class and age band: one grouped query for them all, whatever their groups.

DIMENSIONS = ("regency", "district", "sector", "cohort", "age_band")
DIMENSION_LABELS = {
    "regency": _("Regency or city"),
    "district": _("District (kapanewon/kemantren)"),
    "sector": _("Sector"),
    "cohort": _("Class"),
    "age_band": _("Age band"),
}
UNKNOWN = _("Unknown")
NO_CLASS = _("No class")
JAKARTA = ZoneInfo("Asia/Jakarta")
_BUSINESS = "learner__membership__business__"


def this_year() -> int:
    """The current year in Yogyakarta, whatever time zone the viewer's admin shows."""
    return timezone.localdate(timezone=JAKARTA).year


@dataclass
class BreakdownRow:
    """One group of a breakdown with the overview's figures over its learners."""

    key: str | int | None  # the value a filter selects the group by; None: no such filter
    label: str
    enrolled: int
    started: int  # did any lesson
    completed: int  # hold a completion record (``completed_learners``)
    completed_percent: Decimal | None
    pre_mean: Decimal | None
    post_mean: Decimal | None
    paired: int  # answered the questionnaire before and after
    mean_gain: Decimal | None  # over the paired learners, in points
    improved: int
    improved_share: Decimal | None  # percent of the paired learners
    certificates: int  # valid certificates
    survey_responses: int


def valid_certificates(scope: Scope) -> QuerySet[Certificate]:
    """The valid certificates of the course held by the scope's learners."""
    return Certificate.objects.with_status(Certificate.Status.VALID).filter(
        course=scope.course, learner__in=scope.learners()
    )


def survey_responses(scope: Scope) -> QuerySet[SurveyResponse]:
    """The course's survey responses from the scope's learners (one each at most)."""
    return SurveyResponse.objects.filter(course=scope.course, learner__in=scope.learners())


def age_band_expression(birth_year_field: str, year: int) -> Case:
    """``reports.ages.age_band`` in the database: the band of the birth year in ``field``
    (NULL when unknown), from the same table of bands."""
    return Case(
        *(
            When(
                **{f"{birth_year_field}__range": ages.birth_years(band, year)},
                then=Value(band.key),
            )
            for band in ages.AGE_BANDS
        ),
        default=Value(None),
        output_field=CharField(),
    )


def _groups(year: int, names=None) -> dict:
    """What a breakdown groups enrolments by, of ``names`` (all by default): the learner's
    business's regency, district and sector, the class (with its name and start, one per
    class) and the age band. Grouping by fewer makes fewer, larger groups to add up."""
    groups = {
        "group_regency": F(f"{_BUSINESS}regency"),
        "group_district": F(f"{_BUSINESS}district"),
        "group_sector": F(f"{_BUSINESS}sector"),
        "group_cohort": F("cohort"),
        "group_name": F("cohort__name"),
        "group_start": F("cohort__start_date"),
        "group_band": age_band_expression("learner__birth_year", year),
    }
    return groups if names is None else {name: groups[name] for name in groups if name in names}


def _answer(course, phase: str) -> FilteredRelation:
    """The learner's questionnaire answer in ``phase`` (answered once: attempt number 1)."""
    return FilteredRelation(
        "learner__quiz_attempts",
        condition=Q(
            learner__quiz_attempts__course=course,
            learner__quiz_attempts__phase=phase,
            learner__quiz_attempts__number=1,
        ),
    )


PRE, POST = "pre_answer__score_percent", "post_answer__score_percent"
ADDITIVE = (
    "enrolled",
    "started",
    "completed",
    "certificates",
    "survey_responses",
    "pre_sum",
    "pre_count",
    "post_sum",
    "post_count",
    "paired",
    "gain_sum",
    "improved",
)


def _figures(scope: Scope) -> dict:
    """Per group of the scope's enrolments (joined to their answers before and after), the
    figures that add up across groups: the learners who enrolled, started (did any of today's
    lessons), completed (``completed_learners``), hold a valid certificate and answered the
    survey; and over the answers, as ``knowledge_summary`` counts them, their sums and counts
    before and after, the pairs, their gains and how many improved."""
    course, learner = scope.course, OuterRef("learner")

    def learners_with(rows):
        return Count("pk", distinct=True, filter=Exists(rows.filter(learner=learner)))

    paired = Q(pre_answer__isnull=False, post_answer__isnull=False)
    lessons = LessonCompletion.objects.filter(lesson_id__in=scope.lesson_ids)
    valid = Certificate.objects.with_status(Certificate.Status.VALID)
    return {
        "enrolled": Count("pk", distinct=True),
        "started": learners_with(lessons) if scope.lesson_ids else Value(0),
        "completed": learners_with(CourseCompletion.objects.filter(course=course)),
        "certificates": learners_with(valid.filter(course=course)),
        "survey_responses": learners_with(SurveyResponse.objects.filter(course=course)),
        "pre_sum": Sum(PRE, default=0),
        "pre_count": Count(PRE),
        "post_sum": Sum(POST, default=0),
        "post_count": Count(POST),
        "paired": Count("pk", filter=paired),
        "gain_sum": Sum(F(POST) - F(PRE), filter=paired, default=0, output_field=DecimalField()),
        "improved": Count("pk", filter=paired & Q(post_answer__score_percent__gt=F(PRE))),
    }


def _unknown_last(key, position):
    return (key is None, position)


def _by_choice(name: str, choices) -> tuple[tuple, callable]:
    """Grouping by a business field with ``choices``: groups in the choices' order, labelled
    by them, the unknown last."""
    order = list(choices.values)

    def describe(row):
        key = row[name]
        position = order.index(key) if key in order else len(order)
        label = choices(key).label if key in order else UNKNOWN
        return _unknown_last(key, position), key, label

    return (name,), describe


def _grouping(dimension: str) -> tuple[tuple, callable]:
    """The ``_groups`` a breakdown by ``dimension`` adds up over, and a function of a group's
    row giving its sort key, filter key and label."""
    if dimension == "regency":
        return _by_choice("group_regency", Regency)
    if dimension == "district":
        order = list(Regency.values)

        def describe(row):
            regency, district = row["group_regency"], row["group_district"] or None
            if regency is None:  # no business
                return (True,), None, UNKNOWN
            position = order.index(regency) if regency in order else len(order)
            label = _("%(district)s (%(regency)s)") % {
                "district": district or UNKNOWN,
                "regency": Regency(regency).label if regency in order else regency,
            }
            return (False, position, district is None, (district or "").casefold()), district, label

        return ("group_regency", "group_district"), describe
    if dimension == "sector":
        return _by_choice("group_sector", Sector)
    if dimension == "cohort":

        def describe(row):
            key = row["group_cohort"]
            if key is None:
                return (True,), None, NO_CLASS
            return (False, row["group_start"], row["group_name"], key), key, row["group_name"]

        return ("group_cohort", "group_name", "group_start"), describe
    if dimension == "age_band":
        order = [band.key for band in ages.AGE_BANDS]

        def describe(row):
            key = row["group_band"]
            return _unknown_last(key, order.index(key) if key else 0), key, key or UNKNOWN

        return ("group_band",), describe
    raise ValueError(f"Unknown dimension {dimension!r}; one of {DIMENSIONS}")


def _breakdown_row(row: dict, key, label) -> BreakdownRow:
    paired, improved = row["paired"], row["improved"]
    return BreakdownRow(
        key=key,
        label=str(label),
        enrolled=row["enrolled"],
        started=row["started"],
        completed=row["completed"],
        completed_percent=percent(row["completed"], row["enrolled"]),
        pre_mean=Decimal(row["pre_sum"]) / row["pre_count"] if row["pre_count"] else None,
        post_mean=Decimal(row["post_sum"]) / row["post_count"] if row["post_count"] else None,
        paired=paired,
        mean_gain=Decimal(row["gain_sum"]) / paired if paired else None,
        improved=improved,
        improved_share=percent(improved, paired),
        certificates=row["certificates"],
        survey_responses=row["survey_responses"],
    )


def breakdowns(
    scope: Scope, dimensions=DIMENSIONS, *, year: int | None = None
) -> dict[str, list[BreakdownRow]]:
    """The scope's learners in groups by each of ``dimensions`` (of ``DIMENSIONS``), each
    group with the overview's figures. One grouped query, whatever the dimensions and their
    groups: the enrolments grouped at once by every attribute the ``dimensions`` need
    (``_groups``), whose additive figures each breakdown then adds up. Groups come in their
    natural order (the choices' order, classes by start date, bands by age) with the unknown
    last; business attributes are those of the learner's business, and learners without one
    are unknown."""
    groupings = {dimension: _grouping(dimension) for dimension in dimensions}
    names = {name for grouped_by, _describe in groupings.values() for name in grouped_by}
    facts = list(
        scope.enrolments.alias(
            pre_answer=_answer(scope.course, Phase.PRE),
            post_answer=_answer(scope.course, Phase.POST),
        )
        .order_by()
        .values(**_groups(year or this_year(), names))
        .annotate(**_figures(scope))
    )
    result = {}
    for dimension, (names, describe) in groupings.items():
        totals = {}
        for fact in facts:
            key = tuple(fact[name] for name in names)
            if key in totals:
                total = totals[key]
                for name in ADDITIVE:
                    total[name] += fact[name]
            else:
                totals[key] = dict(fact)
        rows = []
        for total in totals.values():
            sort_key, key, label = describe(total)
            rows.append((sort_key, _breakdown_row(total, key, label)))
        result[dimension] = [row for _sort, row in sorted(rows, key=lambda pair: pair[0])]
    return result


def breakdown(scope: Scope, dimension: str, *, year: int | None = None) -> list[BreakdownRow]:
    """``breakdowns`` by one dimension."""
    return breakdowns(scope, (dimension,), year=year)[dimension]


# Learner-level rows (issue 14, item 7): one row per enrolled learner of the scope.


def learner_rows(scope: Scope, *, year: int, contact: bool = False) -> QuerySet[Enrolment]:
    """One row per enrolment of the scope, with its learner's business and figures.

    Annotations: ``business_pk``, ``sibakul_number``, ``regency``, ``district``, ``sector``,
    ``cohort_name``, ``age_band`` (``reports.ages``, in ``year``), ``progress`` (percent of
    today's lessons done; 100 once completed), ``completed_at`` (the ``CourseCompletion``
    record's time), ``quiz_best`` and ``quiz_first`` (``quiz_scores``), ``pre``, ``post``,
    ``gain`` (points) and ``certificate_serial`` (the current certificate). With ``contact``
    (coordinators only) also ``learner_name``, ``phone`` and ``email``."""
    business = "learner__membership__business__"
    total = len(scope.lesson_ids)
    rows = with_knowledge(scope).annotate(
        business_pk=F(f"{business}pk"),
        sibakul_number=F(f"{business}sibakul_number"),
        regency=F(f"{business}regency"),
        district=F(f"{business}district"),
        sector=F(f"{business}sector"),
        cohort_name=F("cohort__name"),
        age_band=age_band_expression("learner__birth_year", year),
        **learner_figures(scope),
    )
    rows = rows.annotate(
        gain=ExpressionWrapper(F("post") - F("pre"), output_field=DecimalField()),
        # As the business table: 100 once completed, whatever lessons were added since.
        progress=Case(
            When(completed_at__isnull=False, then=Value(100.0)),
            default=lessons_done(scope.lesson_ids) * 100.0 / total if total else Value(0.0),
            output_field=FloatField(),
        ),
    )
    if contact:
        rows = rows.annotate(
            learner_name=F("learner__full_name"),
            phone=F("learner__phone"),
            email=_contact_email("learner__"),
        )
    return rows


def _contact_email(user: str) -> Case:
    """The email of the user at ``user`` (a lookup prefix), empty for a deleted account, whose
    address is a placeholder that reaches nobody (``lms.data_rights``)."""
    return Case(When(**{f"{user}anonymised_at__isnull": True}, then=F(f"{user}email")))


def with_owner(businesses: QuerySet[Business], *, contact: bool = False) -> QuerySet[Business]:
    """``businesses`` annotated with ``owner_name`` and, with ``contact`` (coordinators only),
    the owner's ``owner_phone`` and ``owner_email``."""
    owner = Membership.objects.filter(business=OuterRef("pk"), is_owner=True).order_by("pk")
    fields = {"owner_name": F("user__full_name")}
    if contact:
        fields.update(owner_phone=F("user__phone"), owner_email=_contact_email("user__"))
    return businesses.annotate(
        **{name: Subquery(owner.values(value=path)[:1]) for name, path in fields.items()}
    )


# Practical assignments (issue 16, item 7): hand-ins per class and the median time to a first
# review, for the overview and the class breakdown.


@dataclass
class AssignmentFigures:
    """Hand-ins of the scope's learners: how many, in each state, how many were reviewed, and
    the median hours from the first hand-in to the first review (None: none reviewed)."""

    handins: int
    accepted: int
    waiting: int  # handed in, not yet reviewed (state handed in)
    needs_revision: int
    reviewed: int  # reviewed at least once
    median_hours: float | None


def has_assignments(course: CoursePage) -> bool:
    """Whether ``course`` holds a live practical assignment (from the page-tree cache, else
    one query)."""

    def build():
        return AssignmentPage.objects.live().descendant_of(course).exists()

    return pagetree.cached("report_assignments", course.pk, build)


def _handins(scope: Scope) -> QuerySet[Submission]:
    """The hand-ins for ``scope.course`` of the scope's learners. A hand-in counts once, for
    the learner who handed it in first (its ``learner``), so a business's hand-in is not
    counted again for its other learners. (The scope's enrolments are the viewer's, as
    ``mentoring.selectors.submissions_visible_to`` draws them.)"""
    return Submission.objects.filter(course=scope.course, learner__in=scope.learners())


def _first_review_time() -> ExpressionWrapper:
    return ExpressionWrapper(F("first_reviewed_at") - F("created_at"), output_field=DurationField())


def _hours(times) -> float | None:
    """The mean of ``times`` (timedeltas: the middle one or two) in hours, to 0.1."""
    seconds = [took.total_seconds() for took in times]
    return round(sum(seconds) / len(seconds) / 3600, 1) if seconds else None


NO_HANDINS = AssignmentFigures(0, 0, 0, 0, 0, None)


def assignment_figures(scope: Scope) -> AssignmentFigures | None:
    """The scope's hand-ins (``AssignmentFigures``), or None when the course has no live
    assignment (the report then shows none of these figures). One pass to count them, and
    when any was reviewed one to read the middle one or two times."""
    if not has_assignments(scope.course):
        return None
    handins = _handins(scope)
    counts = handins.aggregate(
        handins=Count("pk"),
        accepted=Count("pk", filter=Q(state=State.ACCEPTED)),
        waiting=Count("pk", filter=Q(state=State.HANDED_IN)),
        needs_revision=Count("pk", filter=Q(state=State.NEEDS_REVISION)),
        reviewed=Count("first_reviewed_at"),
    )
    reviewed, middle = counts["reviewed"], []
    if reviewed:
        middle = (
            handins.filter(first_reviewed_at__isnull=False)
            .annotate(took=_first_review_time())
            .order_by("took", "pk")
            .values_list("took", flat=True)[(reviewed - 1) // 2 : reviewed // 2 + 1]
        )
    return AssignmentFigures(**counts, median_hours=_hours(middle))


def assignment_figures_by_class(scope: Scope) -> dict | None:
    """``AssignmentFigures`` per class of the scope (keyed by the class's pk, None: learners in
    no class; a class without a hand-in is left out), or None when the course has no live
    assignment. A hand-in counts in the class of the learner who handed it in first; the
    counts add up to ``assignment_figures``, the medians do not.

    One query: the database numbers each class's hand-ins by the time to their first review
    (the reviewed first) and returns each class's first row, which carries the class's counts,
    and its middle one or two reviewed rows (at most three rows a class), whose times Python
    averages. SQLite and PostgreSQL both run it; PostgreSQL's ``percentile_cont`` would be
    faster but SQLite has none."""
    if not has_assignments(scope.course):
        return None
    in_class = FilteredRelation(
        "learner__enrolments", condition=Q(learner__enrolments__course=scope.course)
    )
    partition = [F("enrolment__cohort")]

    def per_class(aggregate):
        return Window(aggregate, partition_by=partition)

    def in_state(state):
        return per_class(Sum(Case(When(state=state, then=1), default=0)))

    rows = (
        _handins(scope)
        .alias(enrolment=in_class)
        .annotate(group=F("enrolment__cohort"), took=_first_review_time())
        .annotate(
            position=Window(
                RowNumber(),
                partition_by=partition,
                order_by=[F("took").asc(nulls_last=True), F("pk").asc()],
            ),
            handins=per_class(Count("pk")),
            accepted=in_state(State.ACCEPTED),
            waiting=in_state(State.HANDED_IN),
            needs_revision=in_state(State.NEEDS_REVISION),
            reviewed=per_class(Count("first_reviewed_at")),
        )
        .filter(
            Q(position=1)
            | Q(position__gte=(F("reviewed") + 1) / 2, position__lte=F("reviewed") / 2 + 1)
        )
        .order_by()
        .values(*_CLASS_COLUMNS)
    )
    classes, middles = {}, {}
    for row in rows:
        reviewed = row["reviewed"]
        classes.setdefault(row["group"], row)
        if (reviewed + 1) // 2 <= row["position"] <= reviewed // 2 + 1 and row["took"] is not None:
            middles.setdefault(row["group"], []).append(row["took"])
    return {
        group: AssignmentFigures(
            handins=row["handins"],
            accepted=row["accepted"],
            waiting=row["waiting"],
            needs_revision=row["needs_revision"],
            reviewed=row["reviewed"],
            median_hours=_hours(middles.get(group, [])),
        )
        for group, row in classes.items()
    }


_CLASS_COLUMNS = (
    "group",
    "took",
    "position",
    "handins",
    "accepted",
    "waiting",
    "needs_revision",
    "reviewed",
)
