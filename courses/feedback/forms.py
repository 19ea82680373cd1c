"""The questionnaire as a public form: the fixed questions, then the event's own blocks.

Always there: `rating`, a radio group with the values 1 to 5, and the needs question set
(`innovators.needs`). Each block of the event's questionnaire becomes a field named
`q_<block id>`; `answers()` gives them back keyed by the block's id, ready to store.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from innovators.needs import NeedsForm
from portal.forms import PlainTextField, PublicForm

from ..models.feedback import RATING_CHOICES

TEXT_MAX_LENGTH = 1000
FIELD_PREFIX = "q_"


def _scale_field(value, **kwargs):
    return forms.TypedChoiceField(
        choices=[(number, str(number)) for number in range(1, 6)],
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect,
        help_text=(
            _("1 = %(low)s, 5 = %(high)s")
            % {"low": value["low_label"], "high": value["high_label"]}
            if value["low_label"] and value["high_label"]
            else ""
        ),
        **kwargs,
    )


def _recommend_field(value, **kwargs):
    return forms.TypedChoiceField(
        choices=[(number, str(number)) for number in range(11)],
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect,
        help_text=_("0 = per niente, 10 = certamente"),
        **kwargs,
    )


def _choice_field(value, **kwargs):
    choices = [(str(index), option) for index, option in enumerate(value["options"])]
    if value["multiple"]:
        return forms.TypedMultipleChoiceField(
            choices=choices, coerce=int, widget=forms.CheckboxSelectMultiple, **kwargs
        )
    return forms.TypedChoiceField(
        choices=choices, coerce=int, widget=forms.RadioSelect, empty_value=None, **kwargs
    )


def _text_field(value, **kwargs):
    return PlainTextField(
        max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3}), **kwargs
    )


FIELD_BUILDERS = {
    "scale": _scale_field,
    "recommend": _recommend_field,
    "choice": _choice_field,
    "text": _text_field,
}


class QuestionnaireForm(NeedsForm, PublicForm):
    rating = forms.TypedChoiceField(
        label=_("Com'è andata, nel complesso?"),
        help_text=_("1 = male, 5 = molto bene"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Scegli un voto da 1 a 5.")},
    )

    def __init__(self, *args, questionnaire=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = {}
        for block in questionnaire:
            builder = FIELD_BUILDERS.get(block.block_type)
            if builder is None or not block.id:
                continue
            name = f"{FIELD_PREFIX}{block.id}"
            self.fields[name] = builder(
                block.value, label=block.value["question"], required=block.value["required"]
            )
            self.questions[name] = block
        self.order_fields(["rating", *self.questions, "needs", "needs_other"])

    def answers(self) -> dict:
        """The event's own questions' answers by block id (unanswered ones left out)."""
        answers = {}
        for name, block in self.questions.items():
            value = self.cleaned_data.get(name)
            if value in (None, "", []):
                continue
            answers[block.id] = value
        return answers

    def recommend(self) -> int | None:
        for name, block in self.questions.items():
            if block.block_type == "recommend":
                return self.cleaned_data.get(name)
        return None
