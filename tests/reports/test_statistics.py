"""reports.statistics: the paired comparison equals scipy's on the same pairs, and says why
when a statistic cannot be computed instead of failing."""

import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from reports.statistics import (
    NO_DIFFERENCE,
    NO_VARIATION,
    NOT_ENOUGH_PAIRS,
    paired_comparison,
)

PAIRS = [(25, 75), (50, 50), (75, 100), (0, 50), (50, 25), (25, 50), (100, 100), (50, 75)]


def test_every_figure_equals_scipys_on_the_same_pairs():
    result = paired_comparison(PAIRS)
    before = [b for b, _ in PAIRS]
    after = [a for _, a in PAIRS]
    gains = [a - b for b, a in PAIRS]
    t_test = stats.ttest_rel(after, before)
    interval = t_test.confidence_interval(0.95)
    signed_rank = stats.wilcoxon(after, before)

    assert result.n == 8
    assert result.before_mean == pytest.approx(sum(before) / 8)  # 46.875
    assert result.after_mean == pytest.approx(sum(after) / 8)  # 65.625
    assert result.mean_gain == pytest.approx(18.75)
    assert result.t_statistic == pytest.approx(t_test.statistic)
    assert result.t_p_value == pytest.approx(t_test.pvalue)
    assert (result.ci_low, result.ci_high) == (
        pytest.approx(interval.low),
        pytest.approx(interval.high),
    )
    assert result.wilcoxon_statistic == pytest.approx(signed_rank.statistic)
    assert result.wilcoxon_p_value == pytest.approx(signed_rank.pvalue)
    assert result.improved == sum(1 for gain in gains if gain > 0) == 5
    assert result.improved_share == pytest.approx(62.5)
    assert result.reason == ""


def test_the_interval_is_the_t_distributions_around_the_mean_gain():
    result = paired_comparison(PAIRS)
    gains = [a - b for b, a in PAIRS]
    low, high = stats.t.interval(0.95, len(gains) - 1, loc=18.75, scale=stats.sem(gains))
    assert (result.ci_low, result.ci_high) == (pytest.approx(low), pytest.approx(high))
    assert result.ci_low < result.mean_gain < result.ci_high


def test_decimal_scores_as_the_database_returns_them_are_accepted():
    decimals = [(Decimal(b), Decimal(a)) for b, a in PAIRS]
    assert paired_comparison(decimals) == paired_comparison(PAIRS)


@pytest.mark.parametrize("pairs", [[], [(25, 75)]])
def test_fewer_than_two_pairs_give_means_but_no_statistic(pairs):
    result = paired_comparison(pairs)
    assert result.n == len(pairs)
    assert result.reason == NOT_ENOUGH_PAIRS
    assert result.t_p_value is result.wilcoxon_p_value is result.ci_low is None
    if pairs:
        assert (result.mean_gain, result.improved, result.improved_share) == (50, 1, 100)
    else:
        assert result.mean_gain is result.improved_share is None


def test_every_learner_scoring_the_same_twice_is_named_not_an_error():
    result = paired_comparison([(50, 50), (75, 75), (25, 25)])
    assert result.mean_gain == 0
    assert result.t_p_value is result.wilcoxon_p_value is None
    assert str(NO_VARIATION) in result.reason
    assert str(NO_DIFFERENCE) in result.reason


def test_the_same_gain_for_everyone_has_a_signed_rank_test_but_no_t_test():
    result = paired_comparison([(25, 50), (50, 75), (0, 25)])
    assert result.mean_gain == 25
    assert result.t_p_value is None
    assert result.ci_low is None
    assert result.wilcoxon_p_value == pytest.approx(stats.wilcoxon([25, 25, 25]).pvalue)
    assert result.reason == NO_VARIATION


scores = st.integers(min_value=0, max_value=4).map(lambda right: right * 25)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(scores, scores), max_size=30))
def test_never_fails_and_never_returns_nan(pairs):
    result = paired_comparison(pairs)
    for value in (
        result.mean_gain,
        result.ci_low,
        result.ci_high,
        result.t_p_value,
        result.wilcoxon_p_value,
    ):
        assert value is None or math.isfinite(value)
    if result.t_p_value is not None:
        assert result.t_p_value == pytest.approx(
            stats.ttest_rel([a for _, a in pairs], [b for b, _ in pairs]).pvalue
        )
    assert (result.reason == "") == (
        result.t_p_value is not None and result.wilcoxon_p_value is not None
    )
