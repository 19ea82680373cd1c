"""What `make bench` measures: the public URLs of every page type with their query budgets
(`bench_targets`), and heavier jobs to time (`bench_jobs`: the newsletter's sending, the map's
first view), each a function of the command's options that returns a line for the report, or
None to skip. `manage.py bench` runs them all. A new page type gets a target here.
"""

from dataclasses import dataclass

HOME_QUERY_BUDGET = 15
PAGE_QUERY_BUDGET = 25
OPEN_DATA_QUERY_BUDGET = 2  # GeoJSON, CSV, JSON: a fixed number of queries whatever the data


@dataclass(frozen=True)
class BenchTarget:
    """A URL to measure and its query budget (warm cache); `url` None: no such page yet."""

    label: str
    url: str | None
    budget: int = PAGE_QUERY_BUDGET


def bench_targets() -> list[BenchTarget]:
    """Every public page type's targets that have a URL (a page the data set lacks has none)."""
    from django.utils import timezone

    from courses.models import CoursePage, SessionPage
    from stories.models import PhaseUpdatePage, StoryPage

    from .map import PROVINCE

    update = PhaseUpdatePage.objects.live().order_by("-date").first()
    story = StoryPage.objects.live().order_by("-date").first()
    course = CoursePage.objects.live().order_by("-start").first()
    # A past course shows its participants' evaluation (courses.feedback).
    past_course = CoursePage.objects.live().filter(end__lt=timezone.now()).order_by("-end").first()
    session = SessionPage.objects.live().order_by("-start").first()
    targets = [
        # home
        BenchTarget("Home", "/", HOME_QUERY_BUDGET),
        BenchTarget("Pagina di contenuto", "/il-nostro-approccio/"),
        BenchTarget("Impatto", "/impatto/"),
        BenchTarget("Impatto, JSON", "/api/impatto.json", OPEN_DATA_QUERY_BUDGET),
        BenchTarget(
            "Impatto, CSV per settore",
            "/api/impatto/innovators_by_sector.csv",
            OPEN_DATA_QUERY_BUDGET,
        ),
        BenchTarget(
            "Impatto, CSV della valutazione",
            "/api/impatto/average_rating.csv",
            OPEN_DATA_QUERY_BUDGET,
        ),
        BenchTarget("Home (en)", "/en/", HOME_QUERY_BUDGET),
        BenchTarget("Impact (en)", "/en/impact/"),
        # stories
        BenchTarget("Programma", "/programma/"),
        BenchTarget("Programma, fase 2, pagina 2", "/programma/?fase=2&page=2"),
        BenchTarget("Aggiornamento di fase", update.url if update else None),
        BenchTarget("Storie", "/storie/"),
        BenchTarget("Storie, filtrate", "/storie/?fase=3&settore=agroalimentare"),
        BenchTarget("Storia", story.url if story else None),
        BenchTarget("Racconta la tua storia", "/storie/racconta/"),
        BenchTarget("Feed RSS delle storie", "/storie/feed/"),
        BenchTarget("Feed Atom del programma", "/programma/feed/atom/"),
        BenchTarget("Programme (en)", "/en/programme/"),
        BenchTarget("Stories (en)", "/en/stories/"),
        # courses
        BenchTarget("Percorsi di formazione", "/formazione/"),
        BenchTarget("Formazione, online", "/formazione/?formato=online"),
        BenchTarget("Formazione, calendario", "/formazione/calendario/"),
        BenchTarget("Formazione, iCalendar", "/formazione/calendario.ics"),
        BenchTarget("Percorso di formazione", course.url if course else None),
        BenchTarget("Percorso concluso, valutato", past_course.url if past_course else None),
        BenchTarget("Sessioni di co-creazione", "/co-creazione/"),
        BenchTarget("Sessione di co-creazione", session.url if session else None),
        # innovators
        BenchTarget("Mappa degli innovatori", "/mappa/"),
        BenchTarget("Mappa, filtrata", "/mappa/?settore=vivaismo&club=1"),
        BenchTarget("Mappa incorporabile", "/mappa/embed/?settore=digitale"),
        BenchTarget("GeoJSON innovatori", "/api/innovatori.geojson", OPEN_DATA_QUERY_BUDGET),
        BenchTarget(
            "GeoJSON, filtrato", "/api/innovatori.geojson?tag=iot&club=1", OPEN_DATA_QUERY_BUDGET
        ),
        # The map's first view (innovators.viewport): clusters or points, three queries at most.
        BenchTarget(
            "GeoJSON, vista della mappa",
            f"/api/innovatori.geojson?bbox={PROVINCE}&zoom=9",
            OPEN_DATA_QUERY_BUDGET + 1,
        ),
        BenchTarget("CSV innovatori", "/api/innovatori.csv", OPEN_DATA_QUERY_BUDGET),
        BenchTarget("Club degli innovatori", "/club/"),
        BenchTarget("Club, recenti, pagina 2", "/club/?ordine=recenti&page=2"),
        BenchTarget("Profilo innovatore", "/club/vivai-verdecitta/"),
        BenchTarget("Aderisci al club", "/club/aderisci/"),
        BenchTarget("Bacheca offro e cerco", "/club/bacheca/?tipo=offro"),
        BenchTarget("Bacheca, feed", "/club/bacheca/feed/"),
        BenchTarget("Board (en)", "/en/club/board/"),
        BenchTarget("Area innovatori, accesso", "/area-innovatori/accedi/"),
        BenchTarget("Map (en)", "/en/map/"),
        BenchTarget("API v2, innovators", "/api/v2/innovators/"),
        # newsletter
        BenchTarget("Newsletter", "/newsletter/"),
        BenchTarget("Newsletter (en)", "/en/newsletter/"),
        # the site's own
        BenchTarget("Ricerca", "/cerca/?q=fase"),
        BenchTarget("Pagina non trovata (404)", "/non-esiste/"),
    ]
    return [target for target in targets if target.url]


def bench_jobs() -> list:
    from .map import map_figures
    from .newsletter import bench_job

    return [bench_job, map_figures]


class QueryCounter:
    """Counts the SQL statements run while installed with `connection.execute_wrapper`."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)
