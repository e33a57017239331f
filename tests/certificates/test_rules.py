from itertools import product

import pytest

from certificates import rules

# Each requirement is absent from the course, present and not yet met, or present and met.
ABSENT, OPEN, MET = "absent", "open", "met"


def standing_for(lessons, quizzes, post, survey) -> rules.Standing:
    def counts(state, total):
        return {ABSENT: (0, 0), OPEN: (total - 1, total), MET: (total, total)}[state]

    lessons_done, lessons_total = counts(lessons, 12)
    quizzes_passed, quizzes_total = counts(quizzes, 4)
    return rules.Standing(
        lessons_done=lessons_done,
        lessons_total=lessons_total,
        quizzes_passed=quizzes_passed,
        quizzes_total=quizzes_total,
        has_post_questionnaire=post != ABSENT,
        post_questionnaire_done=post == MET,
        has_survey=survey != ABSENT,
        survey_done=survey == MET,
    )


@pytest.mark.parametrize("switches", list(product([True, False], repeat=4)))
def test_every_combination_of_switches_and_progress(switches):
    rule = rules.Rule(*switches)
    for states in product([ABSENT, OPEN, MET], repeat=4):
        standing = standing_for(*states)
        applying = [
            state for on, state in zip(switches, states, strict=True) if on and state != ABSENT
        ]
        expected = bool(applying) and all(state == MET for state in applying)
        assert rules.is_complete(rule, standing) is expected, (switches, states)
        keys = [item.key for item in rules.requirements(rule, standing)]
        wanted = [
            key
            for key, on, state in zip(
                (rules.LESSONS, rules.QUIZZES, rules.POST_QUESTIONNAIRE, rules.SURVEY),
                switches,
                states,
                strict=True,
            )
            if on and state != ABSENT
        ]
        assert keys == wanted


def test_checklist_counts_what_is_done_of_what_is_asked():
    standing = rules.Standing(lessons_done=7, lessons_total=12, quizzes_passed=1, quizzes_total=4)
    items = rules.requirements(rules.Rule(), standing)
    assert [(i.key, i.done, i.total, i.met) for i in items] == [
        (rules.LESSONS, 7, 12, False),
        (rules.QUIZZES, 1, 4, False),
    ]


def test_a_course_that_asks_nothing_certifies_nobody():
    everything_done = standing_for(MET, MET, MET, MET)
    assert not rules.is_complete(rules.Rule(False, False, False, False), everything_done)
    assert not rules.is_complete(rules.Rule(), rules.Standing())


def test_switching_a_requirement_off_drops_it():
    standing = standing_for(MET, MET, MET, OPEN)
    assert not rules.is_complete(rules.Rule(), standing)
    assert rules.is_complete(rules.Rule(survey=False), standing)
