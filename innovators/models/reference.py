"""Reference records behind the map: the province's municipalities and the sectors."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from portal.geo import Point


class Municipality(models.Model):
    """One of the 20 comuni of the Provincia di Pistoia, loaded by a data migration.

    Proper names, so not translated; editors pick them, they never type them.
    """

    name = models.CharField(_("nome"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    istat_code = models.CharField(_("codice ISTAT"), max_length=6, unique=True)
    latitude = models.FloatField(_("latitudine del centro"))
    longitude = models.FloatField(_("longitudine del centro"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("comune")
        verbose_name_plural = _("comuni")

    def __str__(self):
        return self.name

    @property
    def centroid(self) -> Point:
        return Point(lat=self.latitude, lng=self.longitude)


class Sector(TranslatableMixin, index.Indexed, models.Model):
    """A sector of the territory's economy (vivaismo, tessile, …), with its colour on the map."""

    name = models.CharField(_("nome"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("Usato negli indirizzi dei filtri, ad esempio /mappa/?settore=vivaismo."),
    )
    color = models.CharField(
        _("colore"),
        max_length=7,
        default="#0b5e55",
        validators=[
            RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Usa un colore esadecimale, es. #0b5e55."))
        ],
        help_text=_(
            "Il colore dei segnaposto sulla mappa. Scegli un colore scuro: il testo è bianco."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("ordine"), default=0)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("color"), FieldPanel("sort_order")]),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("settore")
        verbose_name_plural = _("settori")
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_sector_slug_per_locale")
        ]

    def __str__(self):
        return self.name
