"""The impact page's body: the shared blocks plus a «figure» block naming a live indicator."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from portal.blocks import BaseStreamBlock

from .indicators import CHOICES


class FigureBlock(blocks.StructBlock):
    indicator = blocks.ChoiceBlock(
        label=_("indicatore"),
        choices=CHOICES,
        help_text=_("Il valore è calcolato dal sito, mai scritto a mano."),
    )
    heading = blocks.CharBlock(
        label=_("titolo"),
        required=False,
        max_length=120,
        help_text=_("Se vuoto si usa il nome dell'indicatore."),
    )
    commentary = blocks.TextBlock(
        label=_("commento"),
        required=False,
        max_length=600,
        help_text=_("Una o due frasi che aiutano a leggere il dato."),
    )

    class Meta:
        icon = "table"
        label = _("Indicatore")
        template = "components/streamfield/figure_block.html"


class ImpactStreamBlock(BaseStreamBlock):
    figure = FigureBlock()
