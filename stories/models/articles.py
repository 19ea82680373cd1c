from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from portal.blocks import BaseStreamBlock
from portal.models import BasePage


class ArticlePage(BasePage):
    """Dated editorial page with a hero image and a body: the base of stories and phase updates.

    Concrete subclasses add their own tags (taggit needs a concrete through model per page type).
    """

    date = models.DateField(_("data"), default=timezone.localdate, db_index=True)
    image = models.ForeignKey(
        "portal.PortalImage",
        verbose_name=_("immagine principale"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Mostrata in testa all'articolo e nelle schede. Ricorda il testo alternativo."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("corpo"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        abstract = True
