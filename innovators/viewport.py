"""The map's GeoJSON for one view: `?bbox=west,south,east,north&zoom=z` (issue 28).

The map asks only for what its view shows. Inside the box, the matching innovators are counted
on a grid whose cells are `CELL_PIXELS` wide at that zoom, in one grouped query; when they are
few (`MAX_POINTS`, or the setting `MAP_VIEW_MAX_POINTS`) or the map is zoomed in past `CLUSTER_MAX_ZOOM`, the points themselves are
sent (two more queries: the profiles' path and the rows), else one feature per cell: a
cluster with its count, the average position of its innovators and their bounds. Either way the
answer has a fixed number of queries and a size bounded by the view, not by the data set.
"""

from django.conf import settings
from django.db.models import Avg, Count, F, Max, Min
from django.db.models.functions import Floor

from innovators import queries
from innovators.filters import InnovatorFilters
from innovators.models import Innovator
from portal.geo import BBox

MAX_POINTS = 400  # settings.MAP_VIEW_MAX_POINTS overrides it
CLUSTER_MAX_ZOOM = 16
MAX_ZOOM = 22
CELL_PIXELS = 64


def cell_degrees(zoom: int) -> float:
    """A grid cell's side in degrees: `CELL_PIXELS` of a 256 px web-map tile at `zoom`."""
    return 360 / 2**zoom * CELL_PIXELS / 256


def _inside(rows, bbox: BBox):
    return rows.filter(
        latitude__range=(bbox.south, bbox.north), longitude__range=(bbox.west, bbox.east)
    )


def cells(filters: InnovatorFilters, language_code: str, bbox: BBox, zoom: int) -> list[dict]:
    """The matching innovators inside `bbox`, grouped by grid cell: one query."""
    matching = filters.apply(queries.published_innovators(language_code), language_code, sort=False)
    size = cell_degrees(zoom)
    grouped = (
        _inside(Innovator.objects.filter(pk__in=matching.values("pk")), bbox)
        .annotate(row=Floor(F("latitude") / size), column=Floor(F("longitude") / size))
        .values("row", "column")
        .annotate(
            count=Count("pk"),
            lat=Avg("latitude"),
            lng=Avg("longitude"),
            south=Min("latitude"),
            north=Max("latitude"),
            west=Min("longitude"),
            east=Max("longitude"),
            updated=Max("updated_at"),
        )
        .order_by("row", "column")
    )
    return list(grouped)


def cluster_feature(cell: dict) -> dict:
    return {
        "type": "Feature",
        "id": f"cell-{int(cell['row'])}-{int(cell['column'])}",
        "geometry": {
            "type": "Point",
            "coordinates": [round(cell["lng"], 6), round(cell["lat"], 6)],
        },
        "properties": {
            "cluster": True,
            "count": cell["count"],
            "bounds": [round(cell[key], 6) for key in ("west", "south", "east", "north")],
        },
    }


def shows_points(total: int, zoom: int) -> bool:
    limit = getattr(settings, "MAP_VIEW_MAX_POINTS", MAX_POINTS)
    return total <= limit or zoom >= CLUSTER_MAX_ZOOM


def points(filters: InnovatorFilters, language_code: str, bbox: BBox) -> list[dict]:
    """The GeoJSON's rows (`queries.map_rows`) inside `bbox`: one query."""
    return list(_inside(queries.map_rows(filters, language_code), bbox))


def cluster_collection(grid: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": [cluster_feature(cell) for cell in grid]}
