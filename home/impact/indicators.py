"""The programme's impact indicators, computed live from the portal's own data.

Every figure comes from an aggregate query (`aggregate`, `values().annotate()`), never from a
loop over rows, so the cost does not grow with the data: about a dozen queries for all of them.
The result is cached for a few minutes under the content version (`portal.cache`), so publishing
anything — an innovator, a story, an event — or taking a registration shows at once.

Counts are of the Italian records: an English page or innovator is a translation of an Italian
one, not another innovator, story or course.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage, Registration, RegistrationStatus, SessionPage
from home.impact.evaluation import evaluation
from innovators.introductions.models import Introduction, IntroductionState
from innovators.models import Innovator, Offer, Sector
from innovators.synergies import queries as synergy_queries
from newsletter.models import Subscriber
from portal.cache import cached_for_content
from portal.models import PhaseStatus, ProgrammePhase
from stories.models import StoryPage

CACHE_SECONDS = 300


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    description: str
    chart: str = ""  # "bar" (horizontal), "column" (vertical), "line", or "" for a number
    unit: str = ""
    # From participants' answers: no value (None) below 5 answers, shown as «dati insufficienti».
    from_answers: bool = False
    # A chart whose values add up (counts); averages and rates do not.
    summable: bool = True

    @property
    def is_series(self) -> bool:
        return bool(self.chart) or self.key == "phases"


# Phase 4, Valutazione: attendance and participants' answers (home/impact/evaluation.py).
EVALUATION_INDICATORS = [
    Indicator(
        "participants_present",
        _("Partecipanti presenti"),
        _("Presenze registrate all'ingresso di percorsi e sessioni conclusi."),
    ),
    Indicator(
        "attendance_rate",
        _("Tasso di presenza"),
        _("Presenti sul totale di presenti e assenti tra gli iscritti confermati."),
        unit="%",
    ),
    Indicator(
        "people_reached",
        _("Persone raggiunte"),
        _("Persone diverse (per indirizzo e-mail) presenti ad almeno un evento."),
    ),
    Indicator(
        "returning_participants",
        _("Partecipanti tornati"),
        _("Persone presenti ad almeno due eventi."),
    ),
    Indicator(
        "training_hours",
        _("Ore di formazione erogate"),
        _("Ore dei percorsi di formazione conclusi."),
    ),
    Indicator(
        "average_rating",
        _("Valutazione media dei partecipanti (su 5)"),
        _("Media della valutazione complessiva nei questionari dopo gli eventi, da 5 risposte."),
        from_answers=True,
    ),
    Indicator(
        "recommend_share",
        _("Lo consiglierebbero"),
        _("Chi ha risposto 9 o 10 a «Lo consiglieresti?», sul totale delle risposte, da 5."),
        unit="%",
        from_answers=True,
    ),
    Indicator(
        "present_by_year_and_kind",
        _("Partecipanti presenti per anno e tipo di evento"),
        _("Presenze registrate all'ingresso, per anno di fine dell'evento."),
        chart="bar",
    ),
    Indicator(
        "attendance_rate_by_year_and_kind",
        _("Tasso di presenza per anno e tipo di evento (%)"),
        _("Presenti sul totale di presenti e assenti, per anno di fine dell'evento."),
        chart="bar",
        summable=False,
    ),
    Indicator(
        "training_hours_by_year",
        _("Ore di formazione erogate per anno"),
        _("Ore dei percorsi di formazione conclusi, per anno di fine."),
        chart="bar",
    ),
    Indicator(
        "rating_by_year_and_kind",
        _("Valutazione media per anno e tipo di evento (su 5)"),
        _("Media della valutazione complessiva; «dati insufficienti» sotto le 5 risposte."),
        chart="bar",
        from_answers=True,
        summable=False,
    ),
    Indicator(
        "recommend_by_year_and_kind",
        _("Lo consiglierebbero, per anno e tipo di evento (%)"),
        _(
            "Chi ha risposto 9 o 10 a «Lo consiglieresti?»; «dati insufficienti» sotto le 5 risposte."
        ),
        chart="bar",
        from_answers=True,
        summable=False,
    ),
    Indicator(
        "top_needs",
        _("Di che cosa hanno bisogno"),
        _(
            "I bisogni scelti più spesso dai partecipanti nei questionari e dagli innovatori "
            "nell'adesione e nella loro area, da 5 risposte."
        ),
        chart="bar",
        from_answers=True,
    ),
]

INDICATORS = [
    Indicator(
        "innovators_total",
        _("Innovatori sulla mappa"),
        _("Innovatori pubblicati sulla mappa degli innovatori."),
    ),
    Indicator(
        "club_members",
        _("Membri del Club degli innovatori"),
        _("Innovatori pubblicati che hanno aderito al Club."),
    ),
    Indicator(
        "innovators_by_sector",
        _("Innovatori per settore"),
        _("Innovatori pubblicati, per settore dell'economia del territorio."),
        chart="bar",
    ),
    Indicator(
        "innovators_by_municipality",
        _("Innovatori per comune"),
        _("Innovatori pubblicati, per comune della provincia di Pistoia."),
        chart="bar",
    ),
    Indicator(
        "club_growth",
        _("Crescita del Club degli innovatori"),
        _("Membri del Club alla fine di ogni mese, dalla prima adesione."),
        chart="line",
    ),
    Indicator(
        "offers_current",
        _("Offerte sulla bacheca del club"),
        _("Offerte («Offro») degli innovatori approvate e non ancora scadute o ritirate."),
    ),
    Indicator(
        "needs_current",
        _("Richieste sulla bacheca del club"),
        _("Richieste («Cerco») degli innovatori approvate e non ancora scadute o ritirate."),
    ),
    Indicator(
        "offers_needs_by_month",
        _("Offerte e richieste pubblicate per mese"),
        _("Offerte e richieste degli innovatori approvate ogni mese sulla bacheca del club."),
        chart="column",
    ),
    Indicator("stories_total", _("Storie pubblicate"), _("Storie di innovatori pubblicate.")),
    Indicator(
        "stories_by_phase",
        _("Storie per fase del programma"),
        _("Storie pubblicate, per fase del programma a cui appartengono."),
        chart="bar",
    ),
    Indicator(
        "courses_held",
        _("Percorsi di formazione svolti"),
        _("Percorsi conclusi (esclusi gli annullati)."),
    ),
    Indicator(
        "courses_upcoming",
        _("Percorsi di formazione in arrivo"),
        _("Percorsi in programma o in corso."),
    ),
    Indicator(
        "sessions_held",
        _("Sessioni di co-creazione svolte"),
        _("Sessioni concluse (escluse le annullate)."),
    ),
    Indicator(
        "sessions_upcoming",
        _("Sessioni di co-creazione in arrivo"),
        _("Sessioni in programma o in corso."),
    ),
    Indicator(
        "registrations_confirmed",
        _("Iscrizioni confermate"),
        _("Iscrizioni confermate a percorsi e sessioni pubblicati."),
    ),
    Indicator(
        "seats_filled",
        _("Posti occupati"),
        _("Iscrizioni confermate sul totale dei posti di percorsi e sessioni non annullati."),
        unit="%",
    ),
    Indicator(
        "waiting_list",
        _("Persone in lista d'attesa"),
        _("Iscrizioni in lista d'attesa per un posto che si libera."),
    ),
    *EVALUATION_INDICATORS,
    Indicator(
        "registrations_by_month",
        _("Iscrizioni per mese"),
        _("Iscrizioni ricevute ogni mese (confermate o in lista d'attesa)."),
        chart="column",
    ),
    Indicator(
        "introductions_by_month",
        _("Presentazioni chieste per mese"),
        _("Richieste di presentazione tra innovatori, ogni mese in cui sono state chieste."),
        chart="column",
    ),
    Indicator(
        "introductions_accepted_by_month",
        _("Presentazioni accettate per mese"),
        _(
            "Richieste di presentazione accettate da entrambi: i due innovatori hanno ricevuto "
            "l'uno i contatti dell'altro (per mese della richiesta)."
        ),
        chart="column",
    ),
    Indicator(
        "newsletter_subscribers",
        _("Iscritti alla newsletter"),
        _("Persone che seguono il programma per e-mail (iscrizione confermata)."),
    ),
    Indicator(
        "phases",
        _("Le fasi del programma"),
        _("Le quattro fasi del programma e il loro stato."),
    ),
]
INDICATORS_BY_KEY = {indicator.key: indicator for indicator in INDICATORS}
CHOICES = [(indicator.key, indicator.label) for indicator in INDICATORS]
HOME_FIGURES = ("innovators_total", "club_members", "registrations_confirmed")


def _default_locale_filter(prefix: str = "") -> Q:
    return Q(**{f"{prefix}locale__language_code": settings.LANGUAGE_CODE})


def _innovators(values: dict, language_code: str) -> None:
    published = Innovator.objects.filter(_default_locale_filter(), live=True)
    values.update(
        published.aggregate(
            innovators_total=Count("pk"), club_members=Count("pk", filter=Q(is_club_member=True))
        )
    )
    # Sector names in the reader's language, matched on the translation key.
    names = dict(
        Sector.objects.filter(locale__language_code=language_code).values_list(
            "translation_key", "name"
        )
    )
    values["innovators_by_sector"] = [
        {
            "key": row["sector__slug"],
            "label": names.get(row["sector__translation_key"], row["sector__name"]),
            "value": row["count"],
            "color": row["sector__color"],
        }
        for row in published.values(
            "sector__slug", "sector__name", "sector__color", "sector__translation_key"
        )
        .annotate(count=Count("pk"))
        .order_by("-count", "sector__sort_order", "sector__name")
    ]
    values["innovators_by_municipality"] = [
        {
            "key": row["municipality__istat_code"],
            "label": row["municipality__name"],
            "value": row["count"],
        }
        for row in published.values("municipality__istat_code", "municipality__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "municipality__name")
    ]
    monthly = (
        published.filter(is_club_member=True, joined_on__isnull=False)
        .annotate(month=TruncMonth("joined_on"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("month")
    )
    growth, total = [], 0
    for row in monthly:  # one row per month, not per member
        total += row["count"]
        growth.append({"key": row["month"].isoformat()[:7], "date": row["month"], "value": total})
    values["club_growth"] = growth


def _offers(values: dict) -> None:
    """The club's board: offers and needs current now, and those published each month."""
    counts = synergy_queries.current_counts()
    values["offers_current"], values["needs_current"] = counts["offers"], counts["needs"]
    values["offers_needs_by_month"] = [
        {"key": row["month"].isoformat()[:7], "date": row["month"], "value": row["count"]}
        for row in Offer.objects.filter(first_published_at__isnull=False)
        .annotate(month=TruncMonth("first_published_at"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("month")
    ]


def _stories(values: dict, language_code: str) -> None:
    stories = StoryPage.objects.live().public().filter(_default_locale_filter())
    names = dict(
        ProgrammePhase.objects.filter(locale__language_code=language_code, live=True).values_list(
            "number", "name"
        )
    )
    rows = list(
        stories.values("phase__number", "phase__name")
        .annotate(count=Count("pk"))
        .order_by("phase__number")
    )
    values["stories_total"] = sum(row["count"] for row in rows)
    values["stories_by_phase"] = [
        {
            "key": str(row["phase__number"] or ""),
            "label": (
                f"{row['phase__number']}. {names.get(row['phase__number'], row['phase__name'])}"
                if row["phase__number"]
                else str(_("Senza fase"))
            ),
            "value": row["count"],
        }
        for row in rows
    ]


def _events(values: dict, now: datetime.datetime) -> None:
    capacity = 0
    for name, model in (("courses", CoursePage), ("sessions", SessionPage)):
        totals = (
            model.objects.live()
            .public()
            .filter(_default_locale_filter())
            .aggregate(
                held=Count("pk", filter=Q(end__lte=now, cancelled=False)),
                upcoming=Count("pk", filter=Q(end__gt=now, cancelled=False)),
                capacity=Sum("capacity", filter=Q(cancelled=False)),
            )
        )
        values[f"{name}_held"] = totals["held"]
        values[f"{name}_upcoming"] = totals["upcoming"]
        capacity += totals["capacity"] or 0
    registrations = Registration.objects.filter(event__live=True)
    totals = registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
    )
    values["registrations_confirmed"] = totals["confirmed"]
    values["waiting_list"] = totals["waiting"]
    values["seats_capacity"] = capacity
    values["seats_filled"] = round(100 * totals["confirmed"] / capacity) if capacity else 0
    values["registrations_by_month"] = [
        {"key": row["month"].isoformat()[:7], "date": row["month"], "value": row["count"]}
        for row in registrations.exclude(status=RegistrationStatus.CANCELLED)
        .annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("month")
    ]


def _introductions(values: dict) -> None:
    rows = list(
        Introduction.objects.annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(
            asked=Count("pk"), accepted=Count("pk", filter=Q(state=IntroductionState.ACCEPTED))
        )
        .order_by("month")
    )
    for key, field in (
        ("introductions_by_month", "asked"),
        ("introductions_accepted_by_month", "accepted"),
    ):
        values[key] = [
            {"key": row["month"].isoformat()[:7], "date": row["month"], "value": row[field]}
            for row in rows
        ]


def _phases(values: dict, language_code: str) -> None:
    phases = list(ProgrammePhase.objects.filter(locale__language_code=language_code, live=True))
    if not phases:
        phases = list(ProgrammePhase.objects.filter(_default_locale_filter(), live=True))
    values["phases"] = [
        {
            "key": str(phase.number),
            "label": phase.name,
            "value": phase.status,
            "status": str(PhaseStatus(phase.status).label),
            "start_date": phase.start_date,
            "end_date": phase.end_date,
        }
        for phase in phases
    ]


def compute(language_code: str | None = None) -> dict:
    """Every indicator's value, and when it was computed (uncached)."""
    language_code = language_code or translation.get_language() or settings.LANGUAGE_CODE
    now = timezone.now()
    values: dict = {}
    with translation.override(language_code):  # labels in the language asked for
        _innovators(values, language_code)
        _offers(values)
        _stories(values, language_code)
        _events(values, now)
        evaluation(values, now)
        _introductions(values)
        values["newsletter_subscribers"] = Subscriber.objects.confirmed().count()
        _phases(values, language_code)
    return {"computed_at": now, "language": language_code, "values": values}


def impact_figures() -> dict:
    """`compute()` for the reader's language, cached until the next change or a few minutes."""
    return cached_for_content("impact-figures", compute, timeout=CACHE_SECONDS)
