from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizzes.grading import (
    ANSWER_REQUIRED,
    CHOOSE_ONE,
    MULTIPLE,
    NOT_A_NUMBER,
    NUMERIC,
    SINGLE,
    TRUE_FALSE,
    UNKNOWN_CHOICE,
    UNKNOWN_QUESTION,
    AnswerError,
    Choice,
    Question,
    grade,
    passed,
    question_score,
    read_answers,
)

SINGLE_Q = Question("s", SINGLE, (Choice("a", True), Choice("b", False), Choice("c", False)))
MULTI_ALL = Question("m", MULTIPLE, (Choice("a", True), Choice("b", True), Choice("c", False)))
MULTI_PART = Question(
    "p",
    MULTIPLE,
    (Choice("a", True), Choice("b", True), Choice("c", False), Choice("d", False)),
    partial_credit=True,
)
TF_Q = Question("t", TRUE_FALSE, (Choice("true", False), Choice("false", True)))
NUM_Q = Question("n", NUMERIC, answer=Decimal(600000), tolerance=Decimal(1))
QUIZ = [SINGLE_Q, MULTI_ALL, MULTI_PART, TF_Q, NUM_Q]


def raw(**values):
    return {key: value if isinstance(value, list) else [value] for key, value in values.items()}


def test_all_right_is_full_marks():
    answers = read_answers(QUIZ, raw(s="a", m=["a", "b"], p=["a", "b"], t="false", n="600.000"))
    result = grade(QUIZ, answers)
    assert result.score == 1
    assert result.percent == Decimal("100.00")


def test_numeric_answers_are_read_the_indonesian_way():
    for typed in ["600000", "600.000", "0,6 juta", "Rp 600.000", "600.001"]:
        answers = read_answers([NUM_Q], raw(n=typed))
        assert question_score(NUM_Q, answers["n"]) == 1, typed
    assert question_score(NUM_Q, read_answers([NUM_Q], raw(n="600.002"))["n"]) == 0


def test_all_or_nothing_gives_nothing_for_half():
    assert question_score(MULTI_ALL, frozenset({"a"})) == 0


def test_partial_credit_counts_right_choices_less_wrong_ones():
    assert question_score(MULTI_PART, frozenset({"a"})) == Decimal("0.5")
    assert question_score(MULTI_PART, frozenset({"a", "c"})) == 0
    assert question_score(MULTI_PART, frozenset({"a", "b", "c"})) == Decimal("0.5")
    assert question_score(MULTI_PART, frozenset({"c", "d"})) == 0


def test_score_is_the_mean_of_questions_and_pass_mark_is_inclusive():
    answers = read_answers(QUIZ, raw(s="a", m=["a"], p=["a"], t="false", n="1"))
    result = grade(QUIZ, answers)
    assert result.percent == Decimal("50.00")  # 1 + 0 + 0.5 + 1 + 0 of 5
    assert passed(result, 50)
    assert not passed(result, 51)


@pytest.mark.parametrize(
    ("submitted", "question_id", "message"),
    [
        (raw(s="a", m=["a"], p=["a"], t="false"), "n", ANSWER_REQUIRED),
        (raw(s=["a", "b"], m=["a"], p=["a"], t="false", n="1"), "s", CHOOSE_ONE),
        (raw(s="zz", m=["a"], p=["a"], t="false", n="1"), "s", UNKNOWN_CHOICE),
        (raw(s="a", m=["a"], p=["a"], t="maybe", n="1"), "t", UNKNOWN_CHOICE),
        (raw(s="a", m=["a"], p=["a"], t="false", n="banyak"), "n", NOT_A_NUMBER),
        (raw(s="a", m=["a", "x"], p=["a"], t="false", n="1"), "m", UNKNOWN_CHOICE),
    ],
    ids=[
        "missing",
        "two-on-single",
        "foreign-choice",
        "bad-true-false",
        "not-a-number",
        "foreign-choice-in-multiple",
    ],
)
def test_bad_or_tampered_answers_are_refused_by_question(submitted, question_id, message):
    with pytest.raises(AnswerError) as error:
        read_answers(QUIZ, submitted)
    assert error.value.errors[question_id] == message


def test_answers_for_questions_not_in_this_quiz_are_refused():
    with pytest.raises(AnswerError) as error:
        read_answers(QUIZ, raw(s="a", m=["a"], p=["a"], t="false", n="1", other="a"))
    assert error.value.errors == {"": UNKNOWN_QUESTION}


choice_lists = st.lists(st.booleans(), min_size=2, max_size=6).filter(any)


@st.composite
def questions_and_answers(draw):
    questions, answers = [], {}
    for index in range(draw(st.integers(min_value=1, max_value=12))):
        kind = draw(st.sampled_from([SINGLE, MULTIPLE, TRUE_FALSE, NUMERIC]))
        qid = f"q{index}"
        if kind == NUMERIC:
            right = Decimal(draw(st.integers(min_value=-(10**9), max_value=10**9)))
            tolerance = Decimal(draw(st.integers(min_value=0, max_value=100)))
            questions.append(Question(qid, NUMERIC, answer=right, tolerance=tolerance))
            answers[qid] = Decimal(draw(st.integers(min_value=-(10**9), max_value=10**9)))
            continue
        flags = draw(choice_lists)
        if kind != MULTIPLE:
            flags = [i == draw(st.integers(0, len(flags) - 1)) for i in range(len(flags))]
            flags = flags if any(flags) else [True] + flags[1:]
        choices = tuple(Choice(f"{qid}c{i}", flag) for i, flag in enumerate(flags))
        partial = draw(st.booleans())
        questions.append(Question(qid, kind, choices, partial_credit=partial))
        ids = [c.id for c in choices]
        picked = draw(
            st.sets(st.sampled_from(ids), min_size=1, max_size=len(ids) if kind == MULTIPLE else 1)
        )
        answers[qid] = frozenset(picked)
    return questions, answers


@given(questions_and_answers())
def test_score_is_always_between_0_and_100(case):
    questions, answers = case
    result = grade(questions, answers)
    assert 0 <= result.score <= 1
    assert Decimal(0) <= result.percent <= Decimal(100)


@given(questions_and_answers())
def test_full_marks_exactly_when_every_answer_is_right(case):
    questions, answers = case

    def right(question):
        if question.kind == NUMERIC:
            return abs(answers[question.id] - question.answer) <= question.tolerance
        return answers[question.id] == question.correct_ids

    assert (grade(questions, answers).score == 1) == all(right(q) for q in questions)


@given(questions_and_answers(), st.data())
def test_adding_a_wrong_choice_never_raises_a_score(case, data):
    questions, answers = case
    for question in questions:
        if question.kind != MULTIPLE:
            continue
        wrong = [
            c.id for c in question.choices if not c.correct and c.id not in answers[question.id]
        ]
        if not wrong:
            continue
        extra = data.draw(st.sampled_from(wrong))
        before = question_score(question, answers[question.id])
        after = question_score(question, answers[question.id] | {extra})
        assert after <= before
