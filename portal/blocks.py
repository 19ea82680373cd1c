"""StreamField blocks shared by every page with a body.

Each block has an icon for the editor and its own template in
`templates/components/streamfield/`. Apps build their streams on `BaseStreamBlock`.
"""

from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("testo"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("livello"),
        choices=[("h2", _("Titolo di sezione (H2)")), ("h3", _("Sottotitolo (H3)"))],
        default="h2",
        help_text=_("Usa H2 per le sezioni e H3 per le sotto-sezioni, senza saltare livelli."),
    )

    class Meta:
        icon = "title"
        label = _("Titolo")
        template = "components/streamfield/heading_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    """An image with its caption and credit line. Not Wagtail's own `ImageBlock`: that one
    carries an alt text per use, where the portal's alt text is the image's own description
    (Wagtail's default alt text), kept with the image and shared by cards and feeds."""

    image = ImageChooserBlock(label=_("immagine"))
    caption = blocks.CharBlock(label=_("didascalia"), required=False, max_length=250)
    credit = blocks.CharBlock(
        label=_("credito"),
        required=False,
        max_length=120,
        help_text=_("Lascia vuoto per usare il credito salvato con l'immagine."),
    )

    class Meta:
        icon = "image"
        label = _("Immagine")
        template = "components/streamfield/image_block.html"

    def bulk_to_python(self, values):
        """The images of a whole stream with their renditions: one query, not one per image."""
        structs = super().bulk_to_python(values)
        prefetch_related_objects([s["image"] for s in structs if s["image"]], "renditions")
        return structs


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("citazione"), max_length=600)
    attribution = blocks.CharBlock(label=_("autore"), required=False, max_length=120)
    role = blocks.CharBlock(
        label=_("ruolo"),
        required=False,
        max_length=160,
        help_text=_("Ad esempio «fondatrice di Vivai Rossi»."),
    )

    class Meta:
        icon = "openquote"
        label = _("Citazione")
        template = "components/streamfield/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("titolo"), max_length=120)
    text = blocks.TextBlock(label=_("testo"), required=False, max_length=400)
    page = blocks.PageChooserBlock(label=_("pagina del sito"), required=False)
    url = blocks.URLBlock(label=_("oppure indirizzo esterno"), required=False)
    button_label = blocks.CharBlock(label=_("testo del pulsante"), max_length=60)

    class Meta:
        icon = "pick"
        label = _("Invito all'azione")
        template = "components/streamfield/call_to_action_block.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Scegli una pagina del sito oppure un indirizzo esterno (uno solo).")
            raise blocks.StructBlockValidationError(block_errors={"page": ValidationError(message)})
        return value


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(
        label=_("valore"), max_length=20, help_text=_("Ad esempio «120» o «4».")
    )
    label = blocks.CharBlock(label=_("etichetta"), max_length=80)
    description = blocks.CharBlock(label=_("nota"), required=False, max_length=160)

    class Meta:
        icon = "order"
        label = _("Numero")


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("titolo"), required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), min_num=1, max_num=6, label=_("numeri"))

    class Meta:
        icon = "table"
        label = _("Numeri chiave")
        template = "components/streamfield/key_figures_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragrafo"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="components/streamfield/paragraph_block.html",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedBlock(
        label=_("Video o contenuto incorporato"),
        help_text=_(
            "Indirizzo di un video (YouTube, Vimeo) o di un altro contenuto incorporabile."
        ),
        icon="media",
        template="components/streamfield/embed_block.html",
    )
    key_figures = KeyFiguresBlock()
