"""Points on the map: the province's bounding box, the location format, our own Leaflet.

`location` is stored the way wagtailgeowidget writes it (``SRID=4326;POINT(lng lat)``); the
model keeps a copy as two floats so listings and exports read coordinates without parsing.
"""

import re
from dataclasses import dataclass

from django import forms

from wagtailgeowidget.panels import LeafletPanel
from wagtailgeowidget.widgets import LeafletField

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


def parse_point(value: str) -> Point | None:
    """The point in a ``SRID=4326;POINT(lng lat)`` string, or None when there is none."""
    match = POINT_PATTERN.match(value or "")
    if not match:
        return None
    return Point(lat=float(match["lat"]), lng=float(match["lng"]))


class StaticLeafletField(LeafletField):
    """wagtailgeowidget's Leaflet widget, loading Leaflet from our static files (no CDN)."""

    @property
    def media(self):
        return forms.Media(
            css={"all": ("wagtailgeowidget/css/leaflet-field.css", "vendor/leaflet/leaflet.css")},
            js=(
                "wagtailgeowidget/js/leaflet-field.js",
                "wagtailgeowidget/js/leaflet-field-controller.js",
                "vendor/leaflet/leaflet.js",
            ),
        )


class StaticLeafletPanel(LeafletPanel):
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
        )
        return {self.field_name: widget}
