"""Where something is: an address and a point on the map, edited with the admin's map widget."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.geo import Point, StaticLeafletPanel, address_panel, parse_point

# Long enough for any address, and for wagtailgeowidget's «SRID=4326;POINT(lng lat)».
ADDRESS_MAX_LENGTH = 255
LOCATION_MAX_LENGTH = 250


LOCATION_LABEL = _("posizione sulla mappa")
LOCATION_HELP_TEXT = _("Il punto sulla mappa.")


def location_field(verbose_name=LOCATION_LABEL, help_text=LOCATION_HELP_TEXT) -> models.CharField:
    return models.CharField(
        verbose_name, max_length=LOCATION_MAX_LENGTH, blank=True, help_text=help_text
    )


class GeoLocationMixin(models.Model):
    """`address` and `location` (a point stored as wagtailgeowidget writes it), read as `point`.

    `geo_panels()` edits them: the address (with an address search when a geocoder is set)
    and the map; `municipality_field` names the model's comune select that centres the map.
    """

    address = models.CharField(_("indirizzo"), max_length=ADDRESS_MAX_LENGTH, blank=True)
    location = location_field()

    class Meta:
        abstract = True

    @staticmethod
    def geo_panels(municipality_field: str = "") -> list:
        return [
            address_panel("address"),
            StaticLeafletPanel(
                "location", address_field="address", municipality_field=municipality_field
            ),
        ]

    @property
    def point(self) -> Point | None:
        """The location as a point with `lat` and `lng`, or None when there is none."""
        return parse_point(self.location)
