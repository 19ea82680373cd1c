"""Open data: the published innovators as GeoJSON and CSV, with the map's filters.

Each answers in at most two SQL queries whatever the number of innovators (plain `.values()`
rows, no model instances), carries an ETag and a Last-Modified date, and answers a conditional
request with 304. The GeoJSON with `bbox` (the map's view) answers in at most three, with the
points inside the box or, when they are many, clusters (`innovators.viewport`).
"""

import hashlib
import json

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from innovators import queries, viewport
from innovators.exports import csv_rows, write_csv
from innovators.filters import InnovatorFilters
from portal.api import read_only_view
from portal.geo import parse_bbox
from portal.numbers import parse_positive_int

CACHE_SECONDS = 300


def _language(request) -> str:
    code = request.GET.get("lang", "")
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _conditional_response(request, body: bytes, content_type: str, last_modified):
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    timestamp = int(last_modified.timestamp()) if last_modified else None
    response = get_conditional_response(request, etag=etag, last_modified=timestamp)
    if response is None:
        response = HttpResponse(body, content_type=content_type)
    response["ETag"] = etag
    if timestamp:
        response["Last-Modified"] = http_date(timestamp)
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def feature_collection(rows, profile_base: str | None) -> dict:
    features = [
        {
            "type": "Feature",
            "id": row["slug"],
            "geometry": {
                "type": "Point",
                # GeoJSON is longitude first (RFC 7946).
                "coordinates": [round(row["longitude"], 6), round(row["latitude"], 6)],
            },
            "properties": {
                "name": row["name"],
                "url": f"{profile_base}{row['slug']}/" if profile_base else None,
                "sector": row["sector_name"],
                "color": row["sector__color"],
                "municipality": row["municipality__name"],
                "club": row["is_club_member"],
            },
        }
        for row in rows
    ]
    return {"type": "FeatureCollection", "features": features}


BBOX_HELP = (
    "bbox: west,south,east,north in decimal degrees (WGS 84), west < east and south < north; "
    f"zoom: a whole number from 0 to {viewport.MAX_ZOOM}.\n"
)


def _view_collection(request, filters: InnovatorFilters, language: str):
    """The collection for the map's view (`?bbox=…&zoom=…`), or None when either is malformed."""
    bbox = parse_bbox(request.GET["bbox"])
    zoom_text = request.GET.get("zoom")
    if bbox is None:
        return None, None
    if zoom_text is None:
        zoom = bbox.zoom()
    else:
        zoom = parse_positive_int(zoom_text, minimum=0, maximum=viewport.MAX_ZOOM)
        if zoom is None:
            return None, None
    grid = viewport.cells(filters, language, bbox, zoom)
    total = sum(cell["count"] for cell in grid)
    if not viewport.shows_points(total, zoom):
        collection = viewport.cluster_collection(grid)
    elif total:
        collection = feature_collection(
            viewport.points(filters, language, bbox), queries.directory_path(language)
        )
    else:
        collection = feature_collection([], None)
    collection.update(total=total, clustered=not viewport.shows_points(total, zoom))
    return collection, max((cell["updated"] for cell in grid), default=None)


@read_only_view
def geojson(request):
    language = _language(request)
    filters = InnovatorFilters.from_query(request.GET)
    if "bbox" in request.GET:
        collection, last_modified = _view_collection(request, filters, language)
        if collection is None:
            return HttpResponseBadRequest(BBOX_HELP, content_type="text/plain; charset=utf-8")
    else:
        rows = list(queries.map_rows(filters, language))
        collection = feature_collection(rows, queries.directory_path(language))
        last_modified = max((row["updated_at"] for row in rows), default=None)
    body = json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode()
    return _conditional_response(request, body, "application/geo+json", last_modified)


@read_only_view
def csv_export(request):
    language = _language(request)
    filters = InnovatorFilters.from_query(request.GET)
    innovators = filters.apply(queries.published_innovators(language), language, sort=False)
    rows, last_modified = csv_rows(innovators)
    body = write_csv(rows).encode("utf-8")
    response = _conditional_response(request, body, "text/csv; charset=utf-8", last_modified)
    response["Content-Disposition"] = 'attachment; filename="innovatori-pistoia2030.csv"'
    return response
