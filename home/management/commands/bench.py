"""Measure each public page type: SQL queries, median render time and peak memory.

Run through `make bench`, which first builds a large demo database with `load_demo_content`.
Budgets are checked here, not in timed tests: a page over budget is flagged in the table.
"""

import resource
import statistics
import time

from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import override_settings

from courses.models import CoursePage, SessionPage
from home.pageweight import budget_kb, page_weight
from newsletter.benchmark import bench_digest
from stories.models import PhaseUpdatePage, StoryPage

HOME_QUERY_BUDGET = 15
PAGE_QUERY_BUDGET = 25
OPEN_DATA_QUERY_BUDGET = 2  # GeoJSON and CSV: two queries whatever the number of innovators


def bench_targets() -> list[tuple[str, str, int]]:
    """(label, URL, query budget) for every public page type; each app adds its own here."""
    update = PhaseUpdatePage.objects.live().order_by("-date").first()
    story = StoryPage.objects.live().order_by("-date").first()
    course = CoursePage.objects.live().order_by("-start").first()
    session = SessionPage.objects.live().order_by("-start").first()
    targets = [
        ("Home", "/", HOME_QUERY_BUDGET),
        ("Programma", "/programma/", PAGE_QUERY_BUDGET),
        ("Programma, fase 2, pagina 2", "/programma/?fase=2&page=2", PAGE_QUERY_BUDGET),
        ("Aggiornamento di fase", update.url if update else None, PAGE_QUERY_BUDGET),
        ("Pagina di contenuto", "/il-nostro-approccio/", PAGE_QUERY_BUDGET),
        ("Percorsi di formazione", "/formazione/", PAGE_QUERY_BUDGET),
        ("Formazione, online", "/formazione/?formato=online", PAGE_QUERY_BUDGET),
        ("Formazione, calendario", "/formazione/calendario/", PAGE_QUERY_BUDGET),
        ("Formazione, iCalendar", "/formazione/calendario.ics", PAGE_QUERY_BUDGET),
        ("Percorso di formazione", course.url if course else None, PAGE_QUERY_BUDGET),
        ("Sessioni di co-creazione", "/co-creazione/", PAGE_QUERY_BUDGET),
        ("Sessione di co-creazione", session.url if session else None, PAGE_QUERY_BUDGET),
        ("Mappa degli innovatori", "/mappa/", PAGE_QUERY_BUDGET),
        ("Mappa, filtrata", "/mappa/?settore=vivaismo&club=1", PAGE_QUERY_BUDGET),
        ("Mappa incorporabile", "/mappa/embed/?settore=digitale", PAGE_QUERY_BUDGET),
        ("GeoJSON innovatori", "/api/innovatori.geojson", OPEN_DATA_QUERY_BUDGET),
        ("GeoJSON, filtrato", "/api/innovatori.geojson?tag=iot&club=1", OPEN_DATA_QUERY_BUDGET),
        ("CSV innovatori", "/api/innovatori.csv", OPEN_DATA_QUERY_BUDGET),
        ("Club degli innovatori", "/club/", PAGE_QUERY_BUDGET),
        ("Club, recenti, pagina 2", "/club/?ordine=recenti&page=2", PAGE_QUERY_BUDGET),
        ("Profilo innovatore", "/club/vivai-verdecitta/", PAGE_QUERY_BUDGET),
        ("Aderisci al club", "/club/aderisci/", PAGE_QUERY_BUDGET),
        ("Storie", "/storie/", PAGE_QUERY_BUDGET),
        ("Storie, filtrate", "/storie/?fase=3&settore=agroalimentare", PAGE_QUERY_BUDGET),
        ("Storia", story.url if story else None, PAGE_QUERY_BUDGET),
        ("Racconta la tua storia", "/storie/racconta/", PAGE_QUERY_BUDGET),
        ("Feed RSS delle storie", "/storie/feed/", PAGE_QUERY_BUDGET),
        ("Feed Atom del programma", "/programma/feed/atom/", PAGE_QUERY_BUDGET),
        ("Ricerca", "/cerca/?q=fase", PAGE_QUERY_BUDGET),
        ("Pagina non trovata (404)", "/non-esiste/", PAGE_QUERY_BUDGET),
        ("Impatto", "/impatto/", PAGE_QUERY_BUDGET),
        ("Newsletter", "/newsletter/", PAGE_QUERY_BUDGET),
        ("Impatto, JSON", "/api/impatto.json", OPEN_DATA_QUERY_BUDGET),
        (
            "Impatto, CSV per settore",
            "/api/impatto/innovators_by_sector.csv",
            OPEN_DATA_QUERY_BUDGET,
        ),
        ("Home (en)", "/en/", HOME_QUERY_BUDGET),
        ("Programme (en)", "/en/programme/", PAGE_QUERY_BUDGET),
        ("Stories (en)", "/en/stories/", PAGE_QUERY_BUDGET),
        ("Map (en)", "/en/map/", PAGE_QUERY_BUDGET),
        ("Impact (en)", "/en/impact/", PAGE_QUERY_BUDGET),
        ("Newsletter (en)", "/en/newsletter/", PAGE_QUERY_BUDGET),
        ("API v2, innovators", "/api/v2/innovators/", PAGE_QUERY_BUDGET),
    ]
    return [(label, url, budget) for label, url, budget in targets if url]


class QueryCounter:
    """Counts the SQL statements run while installed with `connection.execute_wrapper`."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


class Command(BaseCommand):
    help = "Stampa, per ogni tipo di pagina pubblica, query SQL, tempo mediano e memoria di picco."

    def add_arguments(self, parser):
        parser.add_argument(
            "--requests", type=int, default=50, help="Richieste misurate per pagina."
        )
        parser.add_argument("--warmup", type=int, default=3, help="Richieste di riscaldamento.")
        parser.add_argument(
            "--weight-only", action="store_true", help="Solo il peso delle pagine a 375 px."
        )
        parser.add_argument(
            "--subscribers",
            type=int,
            default=10_000,
            help="Iscritti a cui comporre e inviare la newsletter (0: salta).",
        )

    def handle(self, *args, **options):
        # Measure as production runs: no debug templates, no query log kept in memory.
        with override_settings(DEBUG=False):
            if not options["weight_only"]:
                self.measure(options)
            self.weigh()

    def weigh(self):
        """Bytes a 375 px phone fetches per page type: HTML, CSS, JS and images."""
        client = Client(SERVER_NAME="localhost")
        self.stdout.write(
            f"\n{'Peso a 375 px (kB)':32} {'HTML':>6} {'CSS':>6} {'JS':>6} {'img':>6} "
            f"{'lazy':>6} {'totale':>7} {'budget':>6}  esito"
        )
        over = []
        for label, url, _budget in bench_targets():
            response = client.get(url)
            if "text/html" not in response.get("Content-Type", ""):
                continue
            kb = {key: value / 1024 for key, value in page_weight(response.content).items()}
            total, budget = sum(kb.values()), budget_kb(url)
            verdict = "ok" if total <= budget else "OLTRE"
            if verdict != "ok":
                over.append(label)
            self.stdout.write(
                f"{label[:32]:32} {kb['html']:>6.0f} {kb['css']:>6.0f} {kb['js']:>6.0f} "
                f"{kb['images']:>6.0f} {kb['lazy']:>6.0f} {total:>7.0f} {budget:>6}  {verdict}"
            )
        if over:
            self.stdout.write(self.style.ERROR(f"Oltre il budget di peso: {', '.join(over)}"))
        else:
            self.stdout.write(self.style.SUCCESS("Tutte le pagine entro il budget di peso."))

    def measure(self, options):
        client = Client(SERVER_NAME="localhost")
        rows = []
        over_budget = []
        for label, url, budget in bench_targets():
            for _ in range(options["warmup"]):
                client.get(url)
            queries, cold_queries = QueryCounter(), QueryCounter()
            with connection.execute_wrapper(queries):
                status = client.get(url).status_code
            cache.clear()  # the same request with nothing cached: the worst case
            with connection.execute_wrapper(cold_queries):
                client.get(url)
            timings = []
            for _ in range(options["requests"]):
                start = time.perf_counter()
                client.get(url)
                timings.append((time.perf_counter() - start) * 1000)
            query_count = queries.count
            expected_status = 404 if "(404)" in label else 200
            if status != expected_status:
                verdict = f"HTTP {status}"
            elif query_count > budget:
                verdict = "OLTRE"
            else:
                verdict = "ok"
            if verdict != "ok":
                over_budget.append(label)
            rows.append(
                (
                    label,
                    url,
                    status,
                    query_count,
                    cold_queries.count,
                    budget,
                    statistics.median(timings),
                    verdict,
                )
            )

        self.stdout.write(
            f"{'Pagina':32} {'URL':42} {'HTTP':>4} {'query':>5} {'a freddo':>8} {'budget':>6} "
            f"{'mediana ms':>10}  esito"
        )
        for label, url, status, count, cold, budget, median, verdict in rows:
            self.stdout.write(
                f"{label[:32]:32} {url[:42]:42} {status:>4} {count:>5} {cold:>8} {budget:>6} "
                f"{median:>10.1f}  {verdict}"
            )
        self.stdout.write(
            "\nquery: con la cache dei frammenti calda (il caso comune); a freddo: cache svuotata."
        )
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(f"\nMemoria di picco del processo: {peak_mb:.0f} MB")
        if options["subscribers"]:
            digest = bench_digest(options["subscribers"])
            self.stdout.write(
                f"\n{digest}" if digest else "\nNewsletter: nessuna novità da inviare."
            )
        if over_budget:
            self.stdout.write(self.style.ERROR(f"Da controllare: {', '.join(over_budget)}"))
        else:
            self.stdout.write(self.style.SUCCESS("Tutte le pagine entro il budget di query."))
