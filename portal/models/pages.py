from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from .mixins import ImageMixin


class SEOMixin(models.Model):
    """What search engines and social networks read: Wagtail's search title and description
    (the «Promote» tab) and a share image for Open Graph and Twitter cards.

    `portal.seo` builds the metadata from these, falling back to the title, the introduction
    and the page's own image (`share_image_fallback`: a page's own image is always the
    `image` of `ImageMixin`).
    """

    share_image = models.ForeignKey(
        "portal.PortalImage",
        verbose_name=_("immagine per la condivisione"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Mostrata quando la pagina è condivisa sui social (1200×630). Se vuota si usa "
            "l'immagine principale della pagina."
        ),
    )

    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading=_("Per i motori di ricerca"),
        ),
        FieldPanel("share_image"),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading=_("Menu")),
    ]

    class Meta:
        abstract = True

    @property
    def share_image_fallback(self):
        """The image shown when a page is shared: the share image, else the page's own."""
        if self.share_image_id:
            return self.share_image
        if isinstance(self, ImageMixin) and self.image_id:
            return self.image
        return None


class BasePage(SEOMixin, Page):
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
    promote_panels = SEOMixin.promote_panels
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True

    @property
    def meta_description(self) -> str:
        return self.search_description or self.intro

    def get_view_restrictions(self):
        """The restrictions read when the route was cached (`portal.routing`), else a query."""
        cached = self.__dict__.get("_portal_view_restrictions")
        return cached if cached is not None else super().get_view_restrictions()
