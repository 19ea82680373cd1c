"""Points on the map and the admin's map widget, shared by every geolocated model.

`location` is stored the way wagtailgeowidget writes it (``SRID=4326;POINT(lng lat)``) and read
back with `parse_point`. The widget is wagtailgeowidget's Leaflet field loading our own Leaflet
(no CDN), with a click to set the point and a select of places to centre the map on. `portal`
imports no app, so the places come from a provider an app registers
(`register_map_centres`: the innovators app registers the province's comuni).
"""

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.utils.functional import lazy
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtailgeowidget.panels import GeoAddressPanel, LeafletPanel
from wagtailgeowidget.widgets import LeafletField

from portal.numbers import parse_decimal

SRID = 4326
# The Provincia di Pistoia, from the Abetone ridge to the Padule di Fucecchio, with a margin.
BBOX_SOUTH, BBOX_WEST, BBOX_NORTH, BBOX_EAST = 43.70, 10.60, 44.25, 11.15

POINT_PATTERN = re.compile(
    r"^\s*(?:SRID=(?P<srid>\d+);)?\s*POINT\s*\(\s*(?P<lng>-?\d+(?:\.\d+)?)\s+(?P<lat>-?\d+(?:\.\d+)?)\s*\)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Point:
    lat: float
    lng: float

    @property
    def wkt(self) -> str:
        return f"SRID={SRID};POINT({self.lng:.6f} {self.lat:.6f})"

    def in_province(self) -> bool:
        return BBOX_SOUTH <= self.lat <= BBOX_NORTH and BBOX_WEST <= self.lng <= BBOX_EAST


@dataclass(frozen=True)
class BBox:
    """A bounding box in degrees (WGS 84), as GeoJSON writes it: west, south, east, north."""

    west: float
    south: float
    east: float
    north: float

    def zoom(self) -> int:
        """The web-map zoom at which the box is about two 256 px tiles wide (0 to 22)."""
        width = max(self.east - self.west, (self.north - self.south) * 1.5, 1e-6)
        return max(0, min(22, int(math.log2(720 / width))))


def parse_bbox(value) -> BBox | None:
    """``west,south,east,north`` in degrees (`portal.numbers.parse_decimal` for each); None for
    anything else, a box turned inside out or one of no area."""
    if not isinstance(value, str) or len(value) > 200:
        return None
    parts = value.split(",")
    if len(parts) != 4:
        return None
    west, east = (parse_decimal(parts[i].strip(), minimum=-180, maximum=180) for i in (0, 2))
    south, north = (parse_decimal(parts[i].strip(), minimum=-90, maximum=90) for i in (1, 3))
    if None in (west, south, east, north) or west >= east or south >= north:
        return None
    return BBox(west, south, east, north)


def parse_point(value: str) -> Point | None:
    """The point in a ``SRID=4326;POINT(lng lat)`` string, or None when there is none."""
    match = POINT_PATTERN.match(value or "")
    if not match:
        return None
    return Point(lat=float(match["lat"]), lng=float(match["lng"]))


def geocoder() -> str:
    """The address search service of the admin's map (a wagtailgeowidget geocoder), or ""."""
    return getattr(settings, "PORTAL_GEOCODER", "")


def location_help_text(with_comune_field: bool) -> str:
    """What the location field really does, with or without an address search."""
    comune = (
        _("Scegli il comune: il segnaposto va al suo centro.")
        if with_comune_field
        else _("Scegli un comune sotto la mappa per centrarla.")
    )
    point = _("Poi fai clic sulla mappa nel punto esatto o trascina il segnaposto.")
    if geocoder():
        search = _("Oppure scrivi l'indirizzo: il segnaposto va al punto trovato.")
    else:
        search = _("La ricerca dell'indirizzo non è attiva: l'indirizzo non sposta la mappa.")
    parts = [comune, point, search]
    if with_comune_field:
        parts.append(_("Se la posizione resta vuota si usa il centro del comune."))
    return " ".join(str(part) for part in parts)


# Read when the form is shown, so the help follows the settings.
lazy_location_help_text = lazy(location_help_text, str)


MapCentres = Callable[[], list[tuple[int, str, float, float]]]
_centres_provider: list[MapCentres] = []


def register_map_centres(provider: MapCentres) -> None:
    """`provider()` gives ``(pk, name, lat, lng)`` of the places the admin map centres on."""
    _centres_provider[:] = [provider]


def map_centres() -> list[tuple[int, str, float, float]]:
    return _centres_provider[0]() if _centres_provider else []


class StaticLeafletField(LeafletField):
    """wagtailgeowidget's Leaflet widget, loading Leaflet from our static files (no CDN), with
    a click to set the point and the comune to centre it (portal/static/portal/geo-field.js). `municipality_field` names the form's comune select; without it the widget
    offers its own select, only to centre the map."""

    def __init__(self, *args, municipality_field: str = "", **kwargs):
        self.municipality_field = municipality_field
        super().__init__(*args, **kwargs)

    def build_attrs(self, *args, **kwargs):
        attrs = super().build_attrs(*args, **kwargs)
        self._centres = map_centres()
        attrs["data-portal-geo"] = json.dumps(
            {
                "municipalityField": self.municipality_field,
                "centres": {pk: [lat, lng] for pk, _name, lat, lng in self._centres},
                "latLngLabel": str(_("Latitudine e longitudine")),
                "geocoder": geocoder(),
            }
        )
        return attrs

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        if self.municipality_field:
            return html
        options = format_html_join(
            "", '<option value="{}">{}</option>', ((pk, name) for pk, name, _a, _b in self._centres)
        )
        select = format_html(
            '<div class="portal-geo-comune"><label for="{id}_comune">{label}</label> '
            '<select id="{id}_comune"><option value="">{empty}</option>{options}</select></div>',
            id=attrs["id"],
            label=_("Centra la mappa sul comune"),
            empty=_("Scegli un comune"),
            options=options,
        )
        return mark_safe(html + select)

    @property
    def media(self):
        return forms.Media(
            css={"all": ("wagtailgeowidget/css/leaflet-field.css", "vendor/leaflet/leaflet.css")},
            js=(
                "wagtailgeowidget/js/leaflet-field.js",
                "portal/geo-field.js",
                "wagtailgeowidget/js/leaflet-field-controller.js",
                "vendor/leaflet/leaflet.js",
            ),
        )


class StaticLeafletPanel(LeafletPanel):
    def __init__(self, *args, municipality_field: str = "", **kwargs):
        self.municipality_field = municipality_field
        kwargs.setdefault("help_text", lazy_location_help_text(bool(municipality_field)))
        super().__init__(*args, **kwargs)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "municipality_field": self.municipality_field}

    def widget_overrides(self):
        widgets = super().widget_overrides()
        original = widgets[self.field_name]
        widget = StaticLeafletField(
            address_field=original.address_field,
            zoom_field=original.zoom_field,
            hide_latlng=original.hide_latlng,
            zoom=original.zoom,
            srid=original.srid,
            id_prefix="id_",
            municipality_field=self.municipality_field,
        )
        return {self.field_name: widget}


def address_panel(field_name: str = "address"):
    """The address field: with an address search when a geocoder is configured."""
    if geocoder():
        return GeoAddressPanel(field_name, geocoder=geocoder())
    return FieldPanel(field_name)
