"""Measure each public page type: SQL queries, median render time and peak memory.

Run through `make bench`, which first builds a large demo database with `load_demo_content`.
The pages and their query budgets are listed in ops.devtools.bench; budgets are checked here, not
in timed tests: a page over budget is flagged in the table.
"""

import resource
import statistics
import time

from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import override_settings

from ops.devtools.bench import QueryCounter, bench_jobs, bench_targets
from ops.devtools.pageweight import budget_kb, page_weight


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
            help="Iscritti a cui comporre e inviare la newsletter (0: salta; ops.devtools.newsletter).",
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
        for target in bench_targets():
            label, url = target.label, target.url
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
        for target in bench_targets():
            label, url, budget = target.label, target.url, target.budget
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
        for job in bench_jobs():
            line = job(options)
            if line:
                self.stdout.write(f"\n{line}")
        if over_budget:
            self.stdout.write(self.style.ERROR(f"Da controllare: {', '.join(over_budget)}"))
        else:
            self.stdout.write(self.style.SUCCESS("Tutte le pagine entro il budget di query."))
