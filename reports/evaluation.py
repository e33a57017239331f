"""The programme evaluation's figures: every section of the evaluation report for one scope.

Only reads. Each figure comes from the selector the on-screen report uses for it
(``course_overview``, ``knowledge_pairs``, ``score_distribution``, ``question_results``,
``likert_results``, ``open_answers``, ``breakdowns``), so the report and the pages agree for the
same filters; the statistics over the pairs come from ``reports.statistics``.
"""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage
from lms.selectors import sees_every_class
from quizzes.models import Phase

from . import outcomes as business_outcomes
from . import selectors
from .filters import EnrolmentFilterSet
from .statistics import PairedComparison, paired_comparison

LANGUAGE = "id"  # the evaluation report's files are in Indonesian, as certificates are
PARTICIPANT_DIMENSIONS = ("regency", "district", "sector", "age_band")
OPEN_ANSWER_SAMPLE = 10

NO_COURSE = _("Choose a published course for the evaluation report.")
FILTERS_DROPPED = _(
    "The evaluation report was not made: these filters cannot be applied: %(filters)s. "
    "Change or remove them and try again."
)


class _Viewer:
    """What the filters need of a request: the person filtering (their classes)."""

    def __init__(self, user):
        self.user = user


def filter_query(data) -> dict[str, str]:
    """The report filters' values in ``data`` (a QueryDict or dict), without empty ones and
    without the listing's own parameters."""
    names = set(EnrolmentFilterSet.base_filters) | {"enrolled_at_after", "enrolled_at_before"}
    return {
        key: str(value).strip()
        for key, value in data.items()
        if key in names and key != "course" and str(value).strip()
    }


def filterset_for(*, user, course: CoursePage, query: dict) -> EnrolmentFilterSet:
    data = QueryDict(mutable=True)
    data.update({**query, "course": course.pk})
    enrolments = selectors.enrolments_visible_to(user).filter(course=course)
    return EnrolmentFilterSet(data, queryset=enrolments, request=_Viewer(user))


def scope_of(*, user, course: CoursePage | None, query: dict) -> selectors.Scope:
    """The scope the evaluation of ``course`` counts for ``user`` with the filters ``query``:
    the learners they may see (a mentor: their own classes'), filtered. Raises ValidationError
    naming the filters that cannot be applied, rather than counting a wider selection."""
    if course is None or not CoursePage.objects.live().filter(pk=course.pk).exists():
        raise ValidationError(NO_COURSE)
    filterset = filterset_for(user=user, course=course, query=query)
    if not filterset.is_valid():
        own_classes_only = not sees_every_class(user)
        dropped = filterset.dropped(own_classes_only=own_classes_only)
        raise ValidationError(
            FILTERS_DROPPED
            % {"filters": ", ".join(f"{item.label} ({item.reason})" for item in dropped)}
        )
    return selectors.scope_for(course=course, enrolments=filterset.qs)


def filter_labels(*, user, course: CoursePage, query: dict) -> list[tuple[str, str]]:
    """(label, value) of each filter applied, as the report (in Indonesian) names them:
    ("Kabupaten/kota", "Sleman")."""
    with translation.override(LANGUAGE):
        return _filter_labels(filterset_for(user=user, course=course, query=query))


def _filter_labels(filterset) -> list[tuple[str, str]]:
    if not filterset.is_valid():
        return []
    labels = []
    for name, value in filterset.form.cleaned_data.items():
        if name == "course" or value is None or value == "":
            continue
        form_field = filterset.form.fields[name]
        if isinstance(value, slice):
            start = value.start.date() if isinstance(value.start, datetime) else value.start
            stop = value.stop.date() if isinstance(value.stop, datetime) else value.stop
            shown = f"{start or '…'} – {stop or '…'}"
        elif hasattr(form_field, "choices") and not hasattr(value, "pk"):
            shown = str(dict(form_field.choices).get(value, value))
        else:
            shown = str(value)
        labels.append((str(form_field.label), shown))
    return labels


@dataclass
class QuestionRow:
    quiz: str
    prompt: str
    attempts: int
    right: int
    percent: Decimal | None


@dataclass
class Evaluation:
    course: CoursePage
    filters: list[tuple[str, str]]  # (label, value) of each filter applied
    made_at: datetime
    overview: selectors.Overview
    participants: dict[str, list]  # dimension → [BreakdownRow]
    comparison: PairedComparison
    distribution: dict[str, dict[int, int]]  # "pre"/"post" → {band start: learners}
    questions: list[QuestionRow]  # weakest first
    likert: list[dict]  # likert_results
    open_answers: list[tuple[str, str]]  # (question, answer), no names
    dimension_labels: dict = field(default_factory=dict)
    outcomes: business_outcomes.OutcomeSummary | None = None  # the businesses' check-ins, paired

    @property
    def outcome_rows(self) -> list[tuple[str, object]]:
        """The "Business outcomes" section's figures, or its note alone when no business of
        the scope has a check-in both before and after the course."""
        if self.outcomes is None or not self.outcomes.pairs:
            return [(str(_("Business outcomes")), str(NO_OUTCOMES))]
        return business_outcomes.summary_rows(self.outcomes)

    @property
    def knowledge(self) -> selectors.KnowledgeSummary:
        return self.overview.knowledge


def weakest_first(results: list[dict]) -> list[QuestionRow]:
    """``question_results`` flattened, the lowest share right first; unanswered ones last."""
    rows = [
        QuestionRow(
            result["page"].title,
            question["prompt"],
            question["attempts"],
            question["right"],
            question["percent"],
        )
        for result in results
        for question in result["questions"]
    ]
    return sorted(rows, key=lambda row: (row.percent is None, row.percent or 0))


def open_answer_sample(scope: selectors.Scope) -> list[tuple[str, str]]:
    """Up to ``OPEN_ANSWER_SAMPLE`` written answers, the latest first, with their question and
    no name."""
    prompts = (
        {block.id: block.value["prompt"] for block in scope.survey.items} if scope.survey else {}
    )
    answers = selectors.open_answers(scope).values_list("item_id", "text")[:OPEN_ANSWER_SAMPLE]
    return [(prompts.get(item_id, ""), text) for item_id, text in answers]


def evaluation_data(scope: selectors.Scope, *, filters=()) -> Evaluation:
    """Every section of the evaluation report for ``scope``."""
    pairs = selectors.knowledge_pairs(scope).order_by().values_list("pre", "post")
    return Evaluation(
        course=scope.course,
        filters=list(filters),
        made_at=timezone.now(),
        overview=selectors.course_overview(scope, with_quizzes=False),  # not reported
        participants=selectors.breakdowns(scope, PARTICIPANT_DIMENSIONS),
        comparison=paired_comparison(pairs),
        distribution=selectors.score_distributions(scope, (Phase.PRE, Phase.POST)),
        questions=weakest_first(selectors.question_results(scope)),
        likert=selectors.likert_results(scope),
        open_answers=open_answer_sample(scope),
        dimension_labels={
            dimension: str(selectors.DIMENSION_LABELS[dimension])
            for dimension in PARTICIPANT_DIMENSIONS
        },
        outcomes=business_outcomes.outcome_summary(scope),
    )


NO_OUTCOMES = _(
    "No data yet: no business of these learners has filled a check-in both before the course "
    "and after it. This section will show their sales, online selling, books and credit once "
    "some have."
)


def score_band(start: int, bucket: int = 10) -> str:
    """``score_distribution``'s band as text: "0-9", …, "90-100"."""
    return f"{start}-{100 if start + bucket >= 100 else start + bucket - 1}"


def methods_notes(evaluation: Evaluation) -> list[str]:
    """The methods section: who is counted, how pairs are formed, what was skipped."""
    overview, comparison = evaluation.overview, evaluation.comparison
    knowledge = overview.knowledge
    applied = "; ".join(f"{label}: {value}" for label, value in evaluation.filters)
    notes = [
        _(
            "Who is counted: the %(learners)s learners enrolled in %(course)s whom the person "
            "who asked for this report may see (a mentor: the learners of their own classes), "
            "with these filters: %(filters)s."
        )
        % {
            "learners": overview.learners,
            "course": evaluation.course.title,
            "filters": applied or _("none"),
        },
        _(
            "Knowledge pairs: each learner's first answer to the knowledge questionnaire before "
            "the course and their first answer after it. A learner with both is one pair "
            "(%(pairs)s pairs). The gain is the score after minus the score before, in "
            "percentage points."
        )
        % {"pairs": comparison.n},
        _(
            "Statistics: the mean gain's 95%% confidence interval uses the t distribution; the "
            "p-values are two-sided, from the paired t-test and the Wilcoxon signed-rank test "
            "(scipy). %(reason)s"
        )
        % {"reason": comparison.reason},
        _(
            "Left out of the pairs: %(no_before)s learners did not answer the questionnaire "
            "before the course and %(no_after)s did not answer it after."
        )
        % {
            "no_before": overview.learners - knowledge.took_before,
            "no_after": overview.learners - knowledge.took_after,
        },
        _(
            "Completion, certificates and survey figures are those of the course overview for "
            "the same filters. Per question, the share of all answers (every attempt) that were "
            "fully right. Satisfaction: 1 strongly disagree to 5 strongly agree. Open answers: "
            "up to %(sample)s, the latest first, without names."
        )
        % {"sample": OPEN_ANSWER_SAMPLE},
        _("%(skipped)s learners chose to skip the questionnaire before the course.")
        % {"skipped": knowledge.skipped_before},
    ]
    return [str(note).strip() for note in notes]
