"""The rule that admits a sign-in attempt already counted: it may be checked exactly when, before
it, no count had reached its own limit (what ``scaled_failures`` says for the counts before it)."""

from hypothesis import given
from hypothesis import strategies as st

from lms.throttling import claim_admitted, scaled_failures


@given(
    limit=st.integers(1, 20),
    pairs=st.lists(st.tuples(st.integers(0, 500), st.integers(1, 200)), min_size=1, max_size=4),
)
def test_an_attempt_counted_first_is_admitted_exactly_when_the_counts_before_it_allow(limit, pairs):
    before, limits = zip(*pairs, strict=True)
    counted = [count + 1 for count in before]
    assert claim_admitted(counted, limits) == (scaled_failures(before, limits, limit) < limit)


def test_the_attempt_that_reaches_the_limit_is_checked_and_the_next_is_not():
    assert claim_admitted([5, 5, 5], [5, 5, 50])
    assert not claim_admitted([6, 6, 6], [5, 5, 50])
    assert not claim_admitted([1, 1, 51], [5, 5, 50])  # The address had its 50.
