"""Measure each public page type: SQL queries, median render time and peak memory.

Run through `make bench`, which first builds a large demo database with `load_demo_content`.
Budgets are checked here, not in timed tests: a page over budget is flagged in the table.
"""

import resource
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from stories.models import PhaseUpdatePage

HOME_QUERY_BUDGET = 15
PAGE_QUERY_BUDGET = 25


def bench_targets() -> list[tuple[str, str, int]]:
    """(label, URL, query budget) for every public page type; each app adds its own here."""
    update = PhaseUpdatePage.objects.live().order_by("-date").first()
    targets = [
        ("Home", "/", HOME_QUERY_BUDGET),
        ("Programma", "/programma/", PAGE_QUERY_BUDGET),
        ("Programma, fase 2, pagina 2", "/programma/?fase=2&page=2", PAGE_QUERY_BUDGET),
        ("Aggiornamento di fase", update.url if update else None, PAGE_QUERY_BUDGET),
        ("Pagina di contenuto", "/il-nostro-approccio/", PAGE_QUERY_BUDGET),
        ("Ricerca", "/cerca/?q=fase", PAGE_QUERY_BUDGET),
        ("Pagina non trovata (404)", "/non-esiste/", PAGE_QUERY_BUDGET),
    ]
    return [(label, url, budget) for label, url, budget in targets if url]


class Command(BaseCommand):
    help = "Stampa, per ogni tipo di pagina pubblica, query SQL, tempo mediano e memoria di picco."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=50, help="Richieste misurate per pagina.")
        parser.add_argument("--warmup", type=int, default=3, help="Richieste di riscaldamento.")

    def handle(self, *args, **options):
        client = Client()
        rows = []
        over_budget = []
        for label, url, budget in bench_targets():
            for _ in range(options["warmup"]):
                client.get(url)
            with CaptureQueriesContext(connection) as queries:
                status = client.get(url).status_code
            timings = []
            for _ in range(options["requests"]):
                start = time.perf_counter()
                client.get(url)
                timings.append((time.perf_counter() - start) * 1000)
            query_count = len(queries.captured_queries)
            verdict = "ok" if query_count <= budget else "OLTRE"
            if verdict != "ok":
                over_budget.append(label)
            rows.append((label, url, status, query_count, budget, statistics.median(timings), verdict))

        self.stdout.write(
            f"{'Pagina':32} {'URL':42} {'HTTP':>4} {'query':>5} {'budget':>6} {'mediana ms':>10}  esito"
        )
        for label, url, status, count, budget, median, verdict in rows:
            self.stdout.write(
                f"{label[:32]:32} {url[:42]:42} {status:>4} {count:>5} {budget:>6} {median:>10.1f}  {verdict}"
            )
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(f"\nMemoria di picco del processo: {peak_mb:.0f} MB")
        if over_budget:
            self.stdout.write(self.style.ERROR(f"Oltre il budget di query: {', '.join(over_budget)}"))
        else:
            self.stdout.write(self.style.SUCCESS("Tutte le pagine entro il budget di query."))
