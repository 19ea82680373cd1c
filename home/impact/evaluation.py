"""The impact page's figures of phase 4, Valutazione: who came and what they said.

Computed by `courses.feedback.stats` (aggregate queries) and the innovators' needs
(`innovators.needs_report`); here they become the indicators' values. A value from answers is
None, shown as «dati insufficienti», below 5 answers (`courses.feedback.ratings`).
"""

from django.db.models import Sum
from django.db.models.functions import ExtractYear

from courses.feedback.ratings import INSUFFICIENT, min_answers
from courses.feedback.stats import held_courses, programme_figures
from innovators.needs_report import innovators_with_needs, needs_by_category


def _row(group: dict, value, suffix: str = "") -> dict:
    row = {"key": f"{group['year']}-{group['kind']}", "label": group["label"], "value": value}
    if value is None:
        row["status"] = str(INSUFFICIENT)
    elif suffix:
        row["status"] = f"{value} {suffix}"
    return row


def _top_needs(participants: list[dict]) -> list[dict]:
    """The participants' needs and the innovators' ones, added up by category; each side only
    from 5 answers (participants' questionnaires, innovators who said what they need)."""
    innovators = needs_by_category() if innovators_with_needs() >= min_answers() else []
    totals: dict[str, dict] = {}
    for row in [*participants, *innovators]:
        entry = totals.setdefault(row["slug"], {"key": row["slug"], "label": row["label"]})
        entry["value"] = entry.get("value", 0) + row["count"]
    return sorted(totals.values(), key=lambda row: (-row["value"], row["label"]))


def evaluation(values: dict, now) -> None:
    figures = programme_figures(now)
    attendance, rating = figures.attendance, figures.rating
    values.update(
        participants_present=attendance.present,
        attendance_rate=attendance.rate,
        people_reached=figures.people_reached,
        returning_participants=figures.returning,
        training_hours=figures.training_hours,
        average_rating=rating.average,
        recommend_share=rating.recommend_share,
    )
    groups = figures.by_year_and_kind
    values["present_by_year_and_kind"] = [
        _row(group, group["attendance"].present) for group in groups
    ]
    values["attendance_rate_by_year_and_kind"] = [
        _row(group, group["attendance"].rate, "%")
        for group in groups
        if group["attendance"].rate is not None
    ]
    values["rating_by_year_and_kind"] = [
        _row(group, group["rating"].average) for group in groups if group["rating"].answers
    ]
    values["recommend_by_year_and_kind"] = [
        _row(group, group["rating"].recommend_share, "%")
        for group in groups
        if group["rating"].recommend_answers
    ]
    values["training_hours_by_year"] = [
        {"key": str(row["year"]), "label": str(row["year"]), "value": row["hours"] or 0}
        for row in held_courses(now)
        .annotate(year=ExtractYear("end"))
        .values("year")
        .annotate(hours=Sum("duration_hours"))
        .order_by("year")
    ]
    values["top_needs"] = _top_needs(figures.needs)
