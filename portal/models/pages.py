from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


class BasePage(Page):
    """What every page of the portal has: a short introduction under the title.

    The introduction also feeds cards, search results and the meta description, so editors
    write it once.
    """

    intro = models.TextField(
        _("introduzione"),
        blank=True,
        max_length=400,
        help_text=_(
            "Una o due frasi sotto il titolo (max 400 caratteri). Compare anche nelle schede, "
            "nei risultati di ricerca e come descrizione per i motori di ricerca."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True

    @property
    def meta_description(self) -> str:
        return self.search_description or self.intro
