"""Profile one URL in process and print where a request's time goes.

`make profile URL=/storie/` runs this under the production settings with the page cache off
(the page work itself), on the `make bench-http` database. Warm-up requests first (fragment
caches filled, as readers mostly get them), then `--requests` profiled requests through the
whole middleware stack with cProfile. It prints the time per request, the SQL queries, the
time by area (ORM, templates, cache, middleware, our code) and the top functions. Times are
CPU time of this process (`time.process_time`), so other work on a shared machine does not
count; cProfile's own overhead inflates the profiled figures, the ranking holds.
"""

import cProfile
import pstats
import statistics
import time
from collections import defaultdict

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client

# (label, substring of a function's file path): the first match wins, most specific first.
AREAS = [
    ("ORM: SQL compile", "django/db/models/sql/"),
    ("ORM: database driver", "django/db/backends/"),
    ("ORM: models, querysets", "django/db/models/"),
    ("cache backends", "django/core/cache/"),
    ("templates", "django/template/"),
    ("translation", "django/utils/translation/"),
    ("middleware, handlers", "django/core/handlers/"),
    ("middleware, handlers", "django/middleware/"),
    ("middleware, handlers", "/csp/"),
    ("Django, other", "/django/"),
    ("Wagtail images", "wagtail/images/"),
    ("Wagtail", "/wagtail/"),
    ("modelcluster, taggit", "/modelcluster/"),
    ("modelcluster, taggit", "/taggit/"),
    ("Python stdlib", "/lib/python3"),
]


def area_of(filename: str) -> str:
    if filename.startswith(str(settings.BASE_DIR)) and "/.venv/" not in filename:
        return "portal code"
    for label, needle in AREAS:
        if needle in filename:
            return label
    return "other (builtins, C)"


class Command(BaseCommand):
    help = "Profile a URL in process (cProfile) and print where a request's time goes."

    def add_arguments(self, parser):
        parser.add_argument("url")
        parser.add_argument("--requests", type=int, default=20)
        parser.add_argument("--warmup", type=int, default=3)
        parser.add_argument("--top", type=int, default=25)
        parser.add_argument("--sql", action="store_true", help="also print the SQL of a request")
        parser.add_argument("--callers", default="", help="also print who calls functions named so")

    def handle(self, url, requests, warmup, top, callers, sql, **options):
        client = Client(SERVER_NAME="127.0.0.1")
        for _ in range(max(warmup, 1)):
            response = client.get(url)
            client.cookies.clear()
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}")
        queries = []
        with connection.execute_wrapper(
            lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)
        ):
            client.get(url)
        client.cookies.clear()
        # CPU time of this process, not wall time: other work on a shared machine does not count.
        cpu = []
        for _ in range(requests):
            start = time.process_time()
            client.get(url)
            client.cookies.clear()
            cpu.append(time.process_time() - start)
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        for _ in range(requests):
            client.get(url)
            client.cookies.clear()
        profiler.disable()
        elapsed = statistics.median(cpu)
        cache_state = response.headers.get("X-Page-Cache", "off")
        self.stdout.write(
            f"{url}: {elapsed * 1000:.1f} ms CPU per request (median of {requests}, unprofiled; "
            f"≈{1 / elapsed:.0f} req/s per core), {len(queries)} SQL queries, page cache "
            f"{cache_state}, {len(response.content) // 1024} KB"
        )
        if sql:
            for statement in queries:
                self.stdout.write(f"  SQL: {statement[:200]}")
        stats = pstats.Stats(profiler)
        self._areas(stats)
        self.stdout.write(f"\nTop {top} functions by own time (tottime per request, ms):")
        self._top(stats, top, requests, key=lambda row: row[1][2])
        self.stdout.write(f"\nTop {top} functions by cumulative time (ms per request):")
        self._top(stats, top, requests, key=lambda row: row[1][3], cumulative=True)
        self.stdout.write(f"\nTop {top} of our code and templates by cumulative time (ms):")
        ours = {
            func: row
            for func, row in stats.stats.items()
            if area_of(func[0]) == "portal code" or "templatetags" in func[0]
        }
        self._rows(
            sorted(ours.items(), key=lambda item: -item[1][3])[:top], requests, cumulative=True
        )
        if callers:
            stats.stream = self.stdout
            stats.sort_stats("tottime").print_callers(callers)

    def _areas(self, stats):
        totals = defaultdict(float)
        for func, (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
            totals[area_of(func[0])] += tottime
        total = sum(totals.values()) or 1
        self.stdout.write("\nOwn time by area:")
        for label, seconds in sorted(totals.items(), key=lambda item: -item[1]):
            self.stdout.write(f"  {label:28} {seconds / total:6.1%}")

    def _top(self, stats, top, requests, key, cumulative=False):
        rows = sorted(stats.stats.items(), key=lambda item: -key(item))[:top]
        self._rows(rows, requests, cumulative=cumulative)

    def _rows(self, rows, requests, cumulative):
        for (filename, line, name), (_cc, calls, tottime, cumtime, _callers) in rows:
            where = filename.split("site-packages/")[-1].replace(str(settings.BASE_DIR) + "/", "")
            seconds = cumtime if cumtime and cumulative else tottime
            self.stdout.write(
                f"  {seconds * 1000 / requests:7.2f}  {calls / requests:7.1f} calls  "
                f"{where}:{line}({name})"
            )
