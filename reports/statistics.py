"""Paired before/after statistics for the evaluation report: plain pairs in, a dataclass out.

No database, no request. Every test statistic comes from scipy (``ttest_rel``, ``wilcoxon``,
the t distribution's interval), never from a formula written here. Where a statistic cannot be
computed (fewer than two pairs, every difference the same, every difference zero) its field is
None and ``reason`` says why, instead of an error or a NaN reaching a report.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

CONFIDENCE = 0.95
MIN_PAIRS = 2

NOT_ENOUGH_PAIRS = _("Not enough pairs: at least two learners must answer before and after.")
NO_VARIATION = _("Not enough variation: every learner's gain is the same.")
NO_DIFFERENCE = _("Not enough pairs with a difference: every learner scored the same twice.")


@dataclass(frozen=True)
class PairedComparison:
    """Scores before and after of the same learners (percent)."""

    n: int
    before_mean: float | None
    after_mean: float | None
    mean_gain: float | None  # after minus before, in points
    ci_low: float | None  # the mean gain's 95% confidence interval (t distribution)
    ci_high: float | None
    t_statistic: float | None
    t_p_value: float | None  # paired t-test, two-sided
    wilcoxon_statistic: float | None
    wilcoxon_p_value: float | None  # Wilcoxon signed-rank, two-sided
    improved: int  # pairs whose after is higher than before
    reason: str = ""  # why a statistic is missing; empty when all are there

    @property
    def improved_share(self) -> float | None:
        return self.improved * 100 / self.n if self.n else None


def _finite(value) -> float | None:
    value = float(value)
    return value if math.isfinite(value) else None


def paired_comparison(pairs: Iterable[tuple[Decimal | float, Decimal | float]]) -> PairedComparison:
    """The comparison of ``pairs`` of (before, after) scores."""
    pairs = [(float(before), float(after)) for before, after in pairs]
    n = len(pairs)
    before = [pair[0] for pair in pairs]
    after = [pair[1] for pair in pairs]
    gains = [b - a for a, b in pairs]
    improved = sum(1 for gain in gains if gain > 0)
    means = {
        "before_mean": sum(before) / n if n else None,
        "after_mean": sum(after) / n if n else None,
        "mean_gain": sum(gains) / n if n else None,
    }
    missing = dict.fromkeys(
        ("ci_low", "ci_high", "t_statistic", "t_p_value", "wilcoxon_statistic", "wilcoxon_p_value")
    )
    if n < MIN_PAIRS:
        return PairedComparison(n, **means, **missing, improved=improved, reason=NOT_ENOUGH_PAIRS)
    # Imported here: scipy.stats takes about a second to load, and only this report needs it.
    from scipy import stats

    values = dict(missing)
    reasons = []
    if len(set(gains)) == 1:
        # Zero spread: scipy's t-test and interval divide by it (NaN or a warning).
        reasons.append(NO_VARIATION)
    else:
        test = stats.ttest_rel(after, before)
        interval = test.confidence_interval(confidence_level=CONFIDENCE)
        values.update(
            t_statistic=_finite(test.statistic),
            t_p_value=_finite(test.pvalue),
            ci_low=_finite(interval.low),
            ci_high=_finite(interval.high),
        )
    if not any(gains):
        reasons.append(NO_DIFFERENCE)
    else:
        signed_rank = stats.wilcoxon(after, before)
        values.update(
            wilcoxon_statistic=_finite(signed_rank.statistic),
            wilcoxon_p_value=_finite(signed_rank.pvalue),
        )
    return PairedComparison(
        n, **means, **values, improved=improved, reason=" ".join(str(r) for r in reasons)
    )
