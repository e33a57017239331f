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


# The five requirements in the order a learner meets them, as Rule's and Standing's fields.
FIVE = (
    (rules.LESSONS, "lessons", ("lessons_done", "lessons_total"), 12),
    (rules.QUIZZES, "quizzes", ("quizzes_passed", "quizzes_total"), 4),
    (rules.ASSIGNMENTS, "assignments", ("assignments_accepted", "assignments_total"), 3),
    (rules.POST_QUESTIONNAIRE, "post_questionnaire", None, 1),
    (rules.SURVEY, "survey", None, 1),
)


def standing_of_five(states) -> rules.Standing:
    fields = {}
    for (_key, name, counted, total), state in zip(FIVE, states, strict=True):
        if counted:
            done, of = {ABSENT: (0, 0), OPEN: (total - 1, total), MET: (total, total)}[state]
            fields.update({counted[0]: done, counted[1]: of})
        elif name == "post_questionnaire":
            fields.update(
                has_post_questionnaire=state != ABSENT, post_questionnaire_done=state == MET
            )
        else:
            fields.update(has_survey=state != ABSENT, survey_done=state == MET)
    return rules.Standing(**fields)


@pytest.mark.parametrize("switches", list(product([True, False], repeat=5)))
def test_every_combination_of_five_switches_and_progress(switches):
    rule = rules.Rule(**{name: on for (_k, name, _c, _t), on in zip(FIVE, switches, strict=True)})
    for states in product([ABSENT, OPEN, MET], repeat=5):
        standing = standing_of_five(states)
        applying = [
            (key, state)
            for (key, _n, _c, _t), on, state in zip(FIVE, switches, states, strict=True)
            if on and state != ABSENT
        ]
        items = rules.requirements(rule, standing)
        assert [item.key for item in items] == [key for key, _state in applying]
        assert [item.met for item in items] == [state == MET for _key, state in applying]
        expected = bool(applying) and all(state == MET for _key, state in applying)
        assert rules.is_complete(rule, standing) is expected, (switches, states)


def test_required_assignments_come_after_quizzes_and_before_the_questionnaire():
    standing = rules.Standing(
        lessons_done=12,
        lessons_total=12,
        quizzes_passed=4,
        quizzes_total=4,
        assignments_accepted=1,
        assignments_total=2,
        has_post_questionnaire=True,
        has_survey=True,
    )
    items = rules.requirements(rules.Rule(), standing)
    assert [(i.key, i.done, i.total, i.met) for i in items] == [
        (rules.LESSONS, 12, 12, True),
        (rules.QUIZZES, 4, 4, True),
        (rules.ASSIGNMENTS, 1, 2, False),
        (rules.POST_QUESTIONNAIRE, 0, 1, False),
        (rules.SURVEY, 0, 1, False),
    ]


def test_a_course_without_required_assignments_does_not_list_them():
    standing = rules.Standing(lessons_done=3, lessons_total=3, assignments_accepted=0)
    assert [i.key for i in rules.requirements(rules.Rule(), standing)] == [rules.LESSONS]
    assert rules.is_complete(rules.Rule(), standing)


def test_the_last_accepted_assignment_completes_the_course():
    short = rules.Standing(
        lessons_done=3, lessons_total=3, assignments_accepted=1, assignments_total=2
    )
    done = rules.Standing(
        lessons_done=3, lessons_total=3, assignments_accepted=2, assignments_total=2
    )
    assert not rules.is_complete(rules.Rule(), short)
    assert rules.is_complete(rules.Rule(), done)
    assert rules.is_complete(rules.Rule(assignments=False), short)


def test_assignments_alone_certify_when_they_are_all_the_course_asks():
    rule = rules.Rule(lessons=False, quizzes=False, post_questionnaire=False, survey=False)
    assert rules.is_complete(rule, rules.Standing(assignments_accepted=2, assignments_total=2))
    assert not rules.is_complete(rule, rules.Standing(assignments_accepted=0, assignments_total=2))
    assert not rules.is_complete(rule, rules.Standing())
