"""The questions of an event's questionnaire, written by editors on the event's page.

The overall rating (a radio group named `rating`, 1 to 5) and «di che cosa hai bisogno ora?»
are always asked (`courses.feedback.forms`); these blocks add the event's own questions. An
answer is stored under the block's id, so the translation of a question (wagtail-localize keeps
the ids) adds up with the original; choices are stored by their position for the same reason.
The blocks are never rendered as such: `courses.feedback.forms` turns them into form fields.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("domanda"), max_length=200)
    required = blocks.BooleanBlock(label=_("obbligatoria"), required=False, default=False)


class ScaleQuestionBlock(QuestionBlock):
    low_label = blocks.CharBlock(
        label=_("etichetta di 1"), max_length=60, required=False, default="Per niente"
    )
    high_label = blocks.CharBlock(
        label=_("etichetta di 5"), max_length=60, required=False, default="Moltissimo"
    )

    class Meta:
        icon = "order"
        label = _("Scala da 1 a 5")


class RecommendQuestionBlock(QuestionBlock):
    class Meta:
        icon = "pick"
        label = _("Lo consiglieresti? (da 0 a 10)")


class ChoiceQuestionBlock(QuestionBlock):
    options = blocks.ListBlock(
        blocks.CharBlock(label=_("opzione"), max_length=120), label=_("opzioni"), min_num=2
    )
    multiple = blocks.BooleanBlock(
        label=_("più risposte"), required=False, help_text=_("Si possono scegliere più opzioni.")
    )

    class Meta:
        icon = "list-ul"
        label = _("Scelta")


class TextQuestionBlock(QuestionBlock):
    class Meta:
        icon = "pilcrow"
        label = _("Risposta breve")


class QuestionnaireBlock(blocks.StreamBlock):
    scale = ScaleQuestionBlock()
    recommend = RecommendQuestionBlock()
    choice = ChoiceQuestionBlock()
    text = TextQuestionBlock()

    class Meta:
        block_counts = {"recommend": {"max_num": 1}}


def _question(number: int, kind: str, **value) -> dict:
    return {
        "type": kind,
        "value": {"required": False, **value},
        "id": f"00000000-0000-4000-8000-{number:012d}",
    }


# The questions a new course or session starts from (editors change them at will). Fixed ids:
# each event keeps its own answers, and the migrations hold a plain copy of this value.
DEFAULT_QUESTIONNAIRE = [
    _question(1, "recommend", question="Consiglieresti questo evento a un collega o a un'amica?"),
    _question(
        2,
        "scale",
        question="Quanto ti è stato utile per il tuo lavoro?",
        low_label="Per niente",
        high_label="Moltissimo",
    ),
    _question(
        3,
        "scale",
        question="Com'era organizzato (luogo, tempi, materiali)?",
        low_label="Male",
        high_label="Benissimo",
    ),
    _question(4, "text", question="Che cosa ti è piaciuto di più, e che cosa cambieresti?"),
]
