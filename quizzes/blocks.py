"""StreamField blocks for quiz questions and survey items. Each block's id keys the answers."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from . import grading

ONE_CORRECT = _("Mark exactly one choice as correct.")
SOME_CORRECT = _("Mark at least one choice as correct.")


class AnswerChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Choice"), max_length=200)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = blocks.CharBlock(
        label=_("Feedback"),
        max_length=400,
        required=False,
        help_text=_("Shown to a learner who chose this, when the quiz shows feedback."),
    )


class QuestionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Question"), max_length=400)
    explanation = blocks.TextBlock(
        label=_("Explanation"),
        max_length=400,
        required=False,
        help_text=_("Why the right answer is right; shown when the quiz shows feedback."),
    )

    kind = None  # a grading kind

    def as_question(self, block_id: str, value) -> grading.Question:
        raise NotImplementedError


class ChoiceQuestionBlock(QuestionBlock):
    choices = blocks.ListBlock(AnswerChoiceBlock(), label=_("Choices"), min_num=2)

    def as_question(self, block_id, value):
        return grading.Question(
            id=block_id,
            kind=self.kind,
            choices=tuple(
                grading.Choice(str(item.id), bool(item.value["correct"]))
                for item in value["choices"].bound_blocks
            ),
            partial_credit=bool(value.get("partial_credit")),
        )


class SingleChoiceQuestionBlock(ChoiceQuestionBlock):
    kind = grading.SINGLE

    class Meta:
        icon = "radio-full"
        label = _("Single choice")

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for choice in value["choices"] if choice["correct"]) != 1:
            raise StructBlockValidationError(block_errors={"choices": ValidationError(ONE_CORRECT)})
        return value


class MultipleChoiceQuestionBlock(ChoiceQuestionBlock):
    kind = grading.MULTIPLE
    partial_credit = blocks.BooleanBlock(
        label=_("Partial credit"),
        required=False,
        help_text=_(
            "Credit for each right choice, less for each wrong one; otherwise all or nothing."
        ),
    )

    class Meta:
        icon = "list-ul"
        label = _("Multiple choice")

    def clean(self, value):
        value = super().clean(value)
        if not any(choice["correct"] for choice in value["choices"]):
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(SOME_CORRECT)}
            )
        return value


class TrueFalseQuestionBlock(QuestionBlock):
    kind = grading.TRUE_FALSE
    answer = blocks.ChoiceBlock(
        label=_("The statement is"), choices=[("true", _("True")), ("false", _("False"))]
    )

    class Meta:
        icon = "tick"
        label = _("True or false")

    def as_question(self, block_id, value):
        return grading.Question(
            id=block_id,
            kind=self.kind,
            choices=tuple(
                grading.Choice(c, c == value["answer"]) for c in grading.TRUE_FALSE_CHOICES
            ),
        )


class NumericQuestionBlock(QuestionBlock):
    kind = grading.NUMERIC
    answer = blocks.DecimalBlock(label=_("Right answer"), decimal_places=4)
    tolerance = blocks.DecimalBlock(
        label=_("Accepted difference"),
        min_value=0,
        decimal_places=4,
        default=0,
        help_text=_("An answer this far from the right one still counts, e.g. 1 for rounding."),
    )
    unit = blocks.CharBlock(
        label=_("Unit"), max_length=20, required=False, help_text=_("e.g. Rp or %")
    )

    class Meta:
        icon = "decimal"
        label = _("Number")

    def as_question(self, block_id, value):
        return grading.Question(
            id=block_id, kind=self.kind, answer=value["answer"], tolerance=value["tolerance"]
        )


class QuestionsBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()
    numeric = NumericQuestionBlock()


# The answers to an agree/disagree item, 1 to 5.
LIKERT_LABELS = {
    1: _("Strongly disagree"),
    2: _("Disagree"),
    3: _("Neutral"),
    4: _("Agree"),
    5: _("Strongly agree"),
}


class LikertItemBlock(blocks.StructBlock):
    prompt = blocks.CharBlock(label=_("Statement"), max_length=300)

    class Meta:
        icon = "order"
        label = _("Agree or disagree (1-5)")


class OpenQuestionBlock(blocks.StructBlock):
    prompt = blocks.CharBlock(label=_("Question"), max_length=300)
    required = blocks.BooleanBlock(label=_("Required"), required=False)

    class Meta:
        icon = "comment"
        label = _("Open question")


class SurveyItemsBlock(blocks.StreamBlock):
    likert = LikertItemBlock()
    open_text = OpenQuestionBlock()
