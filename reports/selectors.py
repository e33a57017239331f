"""Figures for coordinators and mentors, computed in the database.

Every report starts from a ``Scope``: one course and the enrolments the viewer may see and has
filtered (``reports.filters.EnrolmentFilterSet``). Each figure counts those enrolled learners
only, so the overview and the per-business table always agree.
"""

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from django.db.models import (
    Avg,
    Case,
    Count,
    DecimalField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
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
)
from django.db.models.functions import Coalesce, Floor, Least

from certificates.models import Certificate
from courses.models import CoursePage, Enrolment, LessonCompletion
from courses.selectors import course_outline
from lms.models import Business, Membership
from lms.selectors import sees_every_class
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
        Week(row.number, row.page.title, [lesson.pk for lesson in row.lessons])
        for row in outline.weeks
    ]
    return Scope(course, enrolments.filter(course=course), weeks)


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


def median_days_to_complete(scope: Scope, *, completed: int) -> float | None:
    """Median days from enrolment to the last lesson, over the ``completed`` learners who did
    every lesson (``progress_counts`` has counted them)."""
    total = len(scope.lesson_ids)
    if not total or not completed:
        return None
    last_done = _per_row(
        LessonCompletion.objects.filter(lesson_id__in=scope.lesson_ids),
        Max("completed_at"),
        learner=OuterRef("learner"),
    )
    finished = (
        scope.enrolments.annotate(done=lessons_done(scope.lesson_ids))
        .filter(done=total)
        .annotate(finished_at=last_done)
        .annotate(
            took=ExpressionWrapper(
                F("finished_at") - F("enrolled_at"), output_field=DurationField()
            )
        )
        .order_by("took")
        .values_list("took", flat=True)
    )
    middle = list(finished[(completed - 1) // 2 : completed // 2 + 1])
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

    @property
    def improved_share(self) -> Decimal | None:
        return percent(self.improved, self.paired)


@dataclass
class Overview:
    learners: int
    businesses: int
    started: int
    funnel: list[tuple[Week, int]]  # learners who did every lesson of each week
    completed: int  # learners who did every lesson of the course
    businesses_started: int  # businesses where any learner did a lesson
    business_funnel: list[tuple[Week, int]]  # every lesson of the week done by its learners
    businesses_completed: int
    certificates: int  # valid certificates of those learners
    median_days: float | None
    # {"page", "learners", "passed", "pass_rate", "best_mean", "first_mean"} per week quiz: the
    # means of each learner's best and of each learner's first attempt
    quizzes: list[dict]
    knowledge: KnowledgeSummary
    survey_responses: int

    @property
    def survey_rate(self) -> Decimal | None:
        return percent(self.survey_responses, self.learners)


LEARNER = "learner"
BUSINESS = "learner__membership__business"


def progress_counts(scope: Scope, by: str = LEARNER) -> dict:
    """How many learners (``by=LEARNER``) or businesses (``by=BUSINESS``: a lesson counts when
    any of its learners did it) started, did every lesson (``completed``) and did every lesson
    of each week (``week_<n>``): one pass over the lesson completions, grouped."""
    if not scope.lesson_ids:
        return {"started": 0, "completed": 0, **{f"week_{w.number}": 0 for w in scope.weeks}}
    # A learner does a lesson once; a business's learners may each do it.
    distinct = by != LEARNER
    grouped = (
        LessonCompletion.objects.filter(
            learner__in=scope.learners(), lesson_id__in=scope.lesson_ids
        )
        .values(unit=F(by))
        .annotate(
            done=Count("lesson", distinct=distinct),
            **{
                f"done_{week.number}": Count(
                    "lesson", distinct=distinct, filter=Q(lesson_id__in=week.lesson_ids)
                )
                for week in scope.weeks
                if week.lesson_ids
            },
        )
    )
    every_week = {
        f"week_{week.number}": Count(
            "unit", filter=Q(**{f"done_{week.number}": len(week.lesson_ids)})
        )
        if week.lesson_ids
        else Count("unit")
        for week in scope.weeks
    }
    return grouped.aggregate(
        started=Count("unit"),
        completed=Count("unit", filter=Q(done=len(scope.lesson_ids))),
        **every_week,
    )


def _questionnaire(scope: Scope, phase: str) -> QuerySet[QuizAttempt]:
    """The scope's learners' questionnaire answers in ``phase`` (answered once: number 1)."""
    return QuizAttempt.objects.filter(
        course=scope.course, phase=phase, number=1, learner__in=scope.learners()
    )


def _after_course(scope: Scope) -> QuerySet[QuizAttempt]:
    """The scope's questionnaire answers after the course, each with the learner's ``pre``."""
    return _questionnaire(scope, Phase.POST).annotate(pre=_score(scope.course, Phase.PRE))


GAIN = ExpressionWrapper(F("score_percent") - F("pre"), output_field=DecimalField())


def knowledge_summary(scope: Scope) -> KnowledgeSummary:
    before = _questionnaire(scope, Phase.PRE).aggregate(pre_mean=Avg("score_percent"))
    paired = Q(pre__isnull=False)
    after = _after_course(scope).aggregate(
        post_mean=Avg("score_percent"),
        paired=Count("pk", filter=paired),
        mean_gain=Avg(GAIN, filter=paired),
        improved=Count("pk", filter=paired & Q(score_percent__gt=F("pre"))),
    )
    return KnowledgeSummary(**before, **after)


def course_overview(scope: Scope) -> Overview:
    """The course's figures for the scope's learners, in a fixed number of queries."""
    learners = scope.learners()
    counts = scope.enrolments.aggregate(
        learners=Count("pk"), businesses=Count("learner__membership__business", distinct=True)
    )
    progress = progress_counts(scope)
    business_progress = progress_counts(scope, by=BUSINESS)
    quizzes = []
    pages = {page.pk: page for page in QuizPage.objects.live().descendant_of(scope.course)}
    attempts = QuizAttempt.objects.filter(
        page_id__in=pages, phase=Phase.QUIZ, learner__in=learners
    ).order_by()
    rows = attempts.values("page_id").annotate(
        learners=Count("learner", distinct=True),
        passed=Count("learner", filter=Q(passed=True), distinct=True),
        first_mean=Avg("score_percent", filter=Q(number=1)),
    )
    by_page = {row["page_id"]: row for row in rows}
    # Each learner's best per quiz, then their mean per quiz: a second query over the grouped
    # rows, faster at scale than telling each attempt whether it is its learner's best.
    best = (
        attempts.values("page_id", "learner")
        .annotate(best=Max("score_percent"))
        .aggregate(**{f"best_{pk}": Avg("best", filter=Q(page_id=pk)) for pk in pages})
        if pages
        else {}
    )
    for page in sorted(pages.values(), key=lambda page: page.path):
        row = by_page.get(page.pk, {"learners": 0, "passed": 0})
        quizzes.append(
            {
                "page": page,
                "learners": row["learners"],
                "passed": row["passed"],
                "pass_rate": percent(row["passed"], row["learners"]),
                "best_mean": best.get(f"best_{page.pk}"),
                "first_mean": row.get("first_mean"),
            }
        )
    return Overview(
        learners=counts["learners"],
        businesses=counts["businesses"],
        started=progress["started"],
        funnel=[(week, progress[f"week_{week.number}"]) for week in scope.weeks],
        completed=progress["completed"],
        businesses_started=business_progress["started"],
        business_funnel=[(week, business_progress[f"week_{week.number}"]) for week in scope.weeks],
        businesses_completed=business_progress["completed"],
        certificates=Certificate.objects.with_status(Certificate.Status.VALID)
        .filter(course=scope.course, learner__in=learners)
        .count(),
        median_days=median_days_to_complete(scope, completed=progress["completed"]),
        quizzes=quizzes,
        knowledge=knowledge_summary(scope),
        survey_responses=SurveyResponse.objects.filter(
            course=scope.course, learner__in=learners
        ).count(),
    )


def business_rows(scope: Scope) -> QuerySet[Business]:
    """One row per business with a learner in the scope, with its figures over those learners.

    Annotations: ``learners``, ``members``, ``cohort_name`` (the owner's class first),
    ``lessons_done`` (distinct lessons done by any of its learners), ``progress`` (percent),
    ``weeks_completed``, ``quiz_best`` and ``quiz_first`` (``quiz_scores``), ``pre_mean``,
    ``post_mean``, ``certificate_count``."""
    # Rows of the business's learners in the scope: correlated on the business, one level deep.
    learners, business = scope.learners(), {"learner__membership__business": OuterRef("pk")}
    total = len(scope.lesson_ids)

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

    weeks_completed = sum(
        (
            Case(When(**{f"week_{week.number}": len(week.lesson_ids)}, then=1), default=0)
            for week in scope.weeks
            if week.lesson_ids
        ),
        Value(0),
    )
    valid = Certificate.objects.with_status(Certificate.Status.VALID)
    rows = Business.objects.filter(
        pk__in=scope.enrolments.values("learner__membership__business")
    ).annotate(
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
        **{f"week_{week.number}": distinct_lessons(week.lesson_ids) for week in scope.weeks},
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
        progress=ExpressionWrapper(
            F("lessons_done") * 100.0 / total if total else Value(0.0),
            output_field=FloatField(),
        ),
    )


def business_members(scope: Scope, business: Business) -> list[Enrolment]:
    """A business's learners in the scope, each with progress, scores and certificate."""
    enrolments = with_knowledge(
        scope, with_progress(scope, scope.enrolments.filter(learner__membership__business=business))
    ).select_related("learner", "cohort", "learner__membership")
    enrolments = enrolments.annotate(
        **quiz_scores(
            QuizAttempt.objects.filter(course=scope.course, phase=Phase.QUIZ),
            learner=OuterRef("learner"),
        ),
        certificate_serial=Subquery(
            Certificate.objects.current()
            .filter(course=scope.course, learner=OuterRef("learner"))
            .values("serial")[:1]
        ),
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
    band = Least(
        Floor(F("score_percent") / bucket) * bucket,
        Value(100 - bucket),
        output_field=IntegerField(),
    )
    rows = _questionnaire(scope, phase).annotate(band=band).values("band").annotate(n=Count("pk"))
    counts = dict.fromkeys(range(0, 100, bucket), 0)
    for row in rows:
        counts[int(row["band"])] += row["n"]
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
        .values("attempt__page_id", "question_id")
        .annotate(
            attempts=Count("pk"),
            right=Sum(Case(When(score=1, then=1), default=0, output_field=IntegerField())),
        )
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
