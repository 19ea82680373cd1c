"""Attendance and answers added up: per event, per year and kind of event, per phase, for the
whole programme. Every figure is an aggregate query (`values().annotate()`), so the number of
queries does not grow with the registrations or the answers.

Only courses and sessions that are live, not cancelled and over count; registrations and
answers belong to an event's original page (the Italian one), whatever language was used.

- **registered**: every registration received (cancelled ones too); **confirmed**, **waiting**:
  by status; **present**: checked in at the door; **absent**: confirmed and not checked in;
  **attendance rate**: present out of present and absent.
- **people reached**: distinct e-mail addresses (case-insensitive) checked in, counted from the
  registrations themselves (no second copy of the addresses is kept); addresses anonymised by
  the retention purge no longer count. **Returning**: those present at two events or more.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce, ExtractYear, Lower
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from innovators.needs import category_counts
from portal.models import ProgrammePhase

from ..models import CoursePage, FeedbackAnswer, Registration, RegistrationStatus, SessionPage
from .ratings import Rating, min_answers, rating_aggregates

EVENT_MODELS = (CoursePage, SessionPage)


@dataclass(frozen=True)
class Attendance:
    registered: int = 0
    confirmed: int = 0
    present: int = 0
    absent: int = 0
    waiting: int = 0

    @classmethod
    def from_row(cls, row: dict) -> "Attendance":
        return cls(**{name: row.get(name) or 0 for name in cls.__dataclass_fields__})

    @property
    def rate(self) -> int | None:
        """Present out of those expected (present + absent), in %; None before anyone."""
        expected = self.present + self.absent
        return round(100 * self.present / expected) if expected else None

    def response_rate(self, rating: Rating) -> int | None:
        return round(100 * rating.answers / self.present) if self.present else None


def attendance_aggregates() -> dict:
    return {
        "registered": Count("pk"),
        "confirmed": Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        "present": Count("pk", filter=Q(attended_at__isnull=False)),
        "absent": Count(
            "pk", filter=Q(status=RegistrationStatus.CONFIRMED, attended_at__isnull=True)
        ),
        "waiting": Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
    }


def held(prefix: str = "", now=None) -> Q:
    """Q for an event (through `prefix`, e.g. "event__") that is live, not cancelled and over."""
    now = now or timezone.now()
    either = Q()
    for model in EVENT_MODELS:
        name = model._meta.model_name
        either |= Q(**{f"{prefix}{name}__end__lte": now, f"{prefix}{name}__cancelled": False})
    return Q(**{f"{prefix}live": True}) & either


def event_year(prefix: str = "event__"):
    """The year an event (through `prefix`) ended."""
    return Coalesce(
        *(ExtractYear(f"{prefix}{model._meta.model_name}__end") for model in EVENT_MODELS)
    )


def kind_labels() -> dict[int, str]:
    """Content type id → the kind of event, plural («Percorsi di formazione»), cached."""
    types = ContentType.objects.get_for_models(*EVENT_MODELS)
    return {
        types[model].pk: capfirst(str(model._meta.verbose_name_plural)) for model in EVENT_MODELS
    }


def held_pages(model, now=None):
    """The live `model` events (courses or sessions) over and not cancelled: their original
    pages, so that each is counted once."""
    return model.objects.live().filter(
        cancelled=False,
        end__lte=now or timezone.now(),
        locale__language_code=settings.LANGUAGE_CODE,
    )


def held_courses(now=None):
    """The courses over (training hours are counted on them)."""
    return held_pages(CoursePage, now)


def held_registrations(now=None):
    return Registration.objects.filter(held("event__", now))


def held_answers(now=None):
    return FeedbackAnswer.objects.filter(held("event__", now))


@dataclass
class ProgrammeFigures:
    attendance: Attendance
    people_reached: int
    returning: int
    training_hours: int
    rating: Rating
    by_year_and_kind: list[dict] = field(default_factory=list)
    needs: list[dict] = field(default_factory=list)


def programme_figures(now=None) -> ProgrammeFigures:
    """The whole programme's attendance and answers: a fixed number of queries."""
    registrations = held_registrations(now)
    present = registrations.filter(attended_at__isnull=False).exclude(email="")
    addresses = present.annotate(address=Lower("email")).values("address")
    hours = held_courses(now).aggregate(total=Sum("duration_hours"))["total"]
    answers = held_answers(now)
    return ProgrammeFigures(
        attendance=Attendance.from_row(registrations.aggregate(**attendance_aggregates())),
        people_reached=addresses.distinct().count(),
        returning=addresses.annotate(events=Count("event__translation_key", distinct=True))
        .filter(events__gte=2)
        .count(),
        training_hours=hours or 0,
        rating=Rating.from_row(answers.aggregate(**rating_aggregates())),
        by_year_and_kind=by_year_and_kind(registrations, answers),
        needs=needs_counts(answers),
    )


def by_year_and_kind(registrations, answers) -> list[dict]:
    """Rows of year, kind, `attendance` and `rating`, oldest year first."""
    labels = kind_labels()
    groups: dict[tuple, dict] = {}
    for row in (
        registrations.annotate(year=event_year(), kind=Coalesce("event__content_type", 0))
        .values("year", "kind")
        .annotate(**attendance_aggregates())
        .order_by()
    ):
        groups.setdefault((row["year"], row["kind"]), {})["attendance"] = row
    for row in (
        answers.annotate(year=event_year(), kind=Coalesce("event__content_type", 0))
        .values("year", "kind")
        .annotate(**rating_aggregates())
        .order_by()
    ):
        groups.setdefault((row["year"], row["kind"]), {})["rating"] = row
    return [
        {
            "year": year,
            "kind": kind,
            "label": f"{year} · {labels.get(kind, '')}",
            "attendance": Attendance.from_row(parts.get("attendance", {})),
            "rating": Rating.from_row(parts.get("rating", {})),
        }
        for (year, kind), parts in sorted(groups.items(), key=lambda item: item[0])
    ]


def needs_counts(answers) -> list[dict]:
    """How often each need was chosen in `answers`, most chosen first; nothing below the
    threshold of answers."""
    if answers.count() < min_answers():
        return []
    return category_counts(FeedbackAnswer.needs.through.objects.filter(feedbackanswer__in=answers))


# --- the editors' reports: per event, per phase, per goal ----------------------------------------

GOALS = {
    CoursePage: _("Accrescere le competenze"),
    SessionPage: _("Stimolare la partecipazione"),
}


@dataclass
class ReportRow:
    label: str
    attendance: Attendance
    rating: Rating
    event: dict | None = None  # an event's id, kind, phase and end, for the per-event rows

    @property
    def response_rate(self) -> int | None:
        return self.attendance.response_rate(self.rating)


def held_events(now=None, pk: int | None = None) -> list[dict]:
    """The events over (original pages), latest first: id, title, kind, phase, end; only the
    one of id `pk` when given."""
    labels = kind_labels()
    events = []
    for model in EVENT_MODELS:
        has_phase = any(field.name == "phase" for field in model._meta.fields)
        rows = (
            held_pages(model, now)
            .filter(**({"pk": pk} if pk is not None else {}))
            .values(
                "pk",
                "title",
                "end",
                "content_type",
                *(["phase__number", "phase__name"] if has_phase else []),
            )
        )
        for row in rows:
            row["kind"] = labels.get(row["content_type"], "")
            row["phase"] = (
                f"{row['phase__number']}. {row['phase__name']}" if row.get("phase__number") else ""
            )
            events.append(row)
    return sorted(events, key=lambda row: (row["end"], row["pk"]), reverse=True)


def _grouped(group_by: str, now=None) -> dict:
    """{group value: (attendance row, rating row)} for registrations and answers of held
    events, grouped on `group_by` (a path from the event, e.g. "content_type")."""
    groups: dict = {}
    for row in (
        held_registrations(now)
        .values(f"event__{group_by}")
        .annotate(**attendance_aggregates())
        .order_by()
    ):
        groups.setdefault(row[f"event__{group_by}"], [{}, {}])[0] = row
    for row in (
        held_answers(now).values(f"event__{group_by}").annotate(**rating_aggregates()).order_by()
    ):
        groups.setdefault(row[f"event__{group_by}"], [{}, {}])[1] = row
    return groups


def event_report(events: list[dict], now=None) -> list[ReportRow]:
    """One row per event of `events` (from `held_events`): three queries whatever their number."""
    ids = [event["pk"] for event in events]
    attendance = {
        row["event_id"]: row
        for row in Registration.objects.filter(event_id__in=ids)
        .values("event_id")
        .annotate(**attendance_aggregates())
        .order_by()
    }
    ratings = {
        row["event_id"]: row
        for row in FeedbackAnswer.objects.filter(event_id__in=ids)
        .values("event_id")
        .annotate(**rating_aggregates())
        .order_by()
    }
    return [
        ReportRow(
            label=event["title"],
            attendance=Attendance.from_row(attendance.get(event["pk"], {})),
            rating=Rating.from_row(ratings.get(event["pk"], {})),
            event=event,
        )
        for event in events
    ]


def goal_report(now=None) -> list[ReportRow]:
    """The same rolled up per goal of the programme (courses and sessions serve one each)."""
    types = ContentType.objects.get_for_models(*EVENT_MODELS)
    groups = _grouped("content_type", now)
    return [
        ReportRow(
            label=f"{GOALS[model]} ({kind_labels()[types[model].pk].lower()})",
            attendance=Attendance.from_row(groups.get(types[model].pk, [{}, {}])[0]),
            rating=Rating.from_row(groups.get(types[model].pk, [{}, {}])[1]),
        )
        for model in EVENT_MODELS
    ]


def phase_report(now=None) -> list[ReportRow]:
    """The same rolled up per phase of the programme (the courses' phase; «Senza fase» else)."""
    groups = _grouped("coursepage__phase__number", now)
    names = dict(
        ProgrammePhase.objects.filter(locale__language_code=settings.LANGUAGE_CODE).values_list(
            "number", "name"
        )
    )
    return [
        ReportRow(
            label=f"{number}. {names.get(number, '')}" if number else str(_("Senza fase")),
            attendance=Attendance.from_row(attendance),
            rating=Rating.from_row(rating),
        )
        for number, (attendance, rating) in sorted(
            groups.items(), key=lambda item: (item[0] is None, item[0] or 0)
        )
    ]
