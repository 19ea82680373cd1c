"""`make bench`'s map figures (issue 28): what a phone downloads for the map's first view and
how many queries the GeoJSON costs, with every innovator of the large data set.

Before: the page, then the whole GeoJSON, uncompressed. Now: the page and the GeoJSON of the
view (`innovators.viewport`), gzipped: the map asks for the province at the zoom a 375 px
phone fits it to (9), then for the view it settles on (here Pistoia's comune at zoom 11).
"""

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import override_settings

from innovators.models import Innovator
from portal.geo import BBOX_EAST, BBOX_NORTH, BBOX_SOUTH, BBOX_WEST

from .bench import QueryCounter

GEOJSON = "/api/innovatori.geojson"
PROVINCE = f"{BBOX_WEST},{BBOX_SOUTH},{BBOX_EAST},{BBOX_NORTH}"
PHONE_VIEW = "10.80,43.85,11.05,44.00"  # the fitted view around Pistoia, 375 px wide
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip"}


def _measure(client: Client, url: str, headers: dict, repeat: int = 5) -> tuple[int, int, float]:
    """Bytes sent, SQL queries and median milliseconds of `url` (its queries on the first)."""
    client.get(url, **headers)  # warm: the fragment caches, as `manage.py bench` measures
    queries = QueryCounter()
    with connection.execute_wrapper(queries):
        response = client.get(url, **headers)
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url, **headers)
        timings.append((time.perf_counter() - start) * 1000)
    if response.status_code != 200:
        raise LookupError(f"{url}: HTTP {response.status_code}")
    return len(response.content), queries.count, statistics.median(timings)


def map_figures(options) -> str | None:
    """The report's lines: each request of the map's first view, before and now."""
    count = Innovator.objects.filter(live=True).count()
    if not count:
        return None
    client = Client(SERVER_NAME="localhost")
    with override_settings(PAGE_CACHE_ENABLED=False):  # the work of a miss, not a cache hit
        try:
            return "\n".join(_report(client, count))
        except LookupError as error:  # no map page in this database
            return f"Mappa: non misurata ({error})"


def _report(client: Client, count: int) -> list[str]:
    requests = [
        ("prima", "pagina /mappa/", "/mappa/", {}),
        ("prima", "GeoJSON intero", GEOJSON + "?lang=it", {}),
        ("ora", "pagina /mappa/ (gzip)", "/mappa/", GZIP),
        ("ora", "GeoJSON provincia, zoom 9", f"{GEOJSON}?lang=it&bbox={PROVINCE}&zoom=9", GZIP),
        ("ora", "GeoJSON vista, zoom 11", f"{GEOJSON}?lang=it&bbox={PHONE_VIEW}&zoom=11", GZIP),
        ("ora", "GeoJSON intero (gzip)", GEOJSON + "?lang=it", GZIP),
    ]
    lines = [
        f"Mappa con {count} innovatori pubblicati: la prima vista su un telefono",
        f"{'':6} {'richiesta':30} {'kB':>8} {'query':>5} {'mediana ms':>10}",
    ]
    first_view = {"prima": 0.0, "ora": 0.0}
    for when, label, url, headers in requests:
        size, queries, median = _measure(client, url, headers)
        if "intero (gzip)" not in label:
            first_view[when] += size / 1024
        lines.append(f"{when:6} {label:30} {size / 1024:>8.1f} {queries:>5} {median:>10.1f}")
    lines.append(
        f"Prima vista (HTML e punti, senza CSS, JS e sfondo): prima {first_view['prima']:.0f} kB, "
        f"ora {first_view['ora']:.0f} kB. Il tempo ai primi segnaposti è la mediana del server "
        "più il trasferimento: la richiesta della provincia basta a disegnarli."
    )
    return lines
