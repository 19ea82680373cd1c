"""What the answers add up to, never shown from fewer than `MIN_ANSWERS` (5) answers.

`Rating` is one group of answers (an event, a year, a kind of event, the whole programme):
how many, the average overall rating and the share who would recommend (9 or 10 out of 10).
Below the threshold it says «dati insufficienti» instead, so that no one's answer can be
singled out. `rating_aggregates()` are the aggregate expressions every query uses.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Avg, Count, Q
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from ..models.feedback import RECOMMEND_FROM, FeedbackAnswer

INSUFFICIENT = _("dati insufficienti")


def min_answers() -> int:
    return getattr(settings, "FEEDBACK_MIN_ANSWERS", 5)


def rating_aggregates(prefix: str = "") -> dict:
    """Aggregates of answers (of `prefix`, e.g. "feedback_answers__" from an event)."""
    pk = f"{prefix}pk"
    recommend = f"{prefix}recommend"
    return {
        "answers": Count(pk, distinct=bool(prefix)),
        "average": Avg(f"{prefix}rating"),
        "recommend_answers": Count(pk, filter=Q(**{f"{recommend}__isnull": False})),
        "recommenders": Count(pk, filter=Q(**{f"{recommend}__gte": RECOMMEND_FROM})),
    }


@dataclass(frozen=True)
class Rating:
    answers: int = 0
    average_raw: float | None = None
    recommend_answers: int = 0
    recommenders: int = 0

    @classmethod
    def from_row(cls, row: dict) -> "Rating":
        return cls(
            answers=row.get("answers") or 0,
            average_raw=row.get("average"),
            recommend_answers=row.get("recommend_answers") or 0,
            recommenders=row.get("recommenders") or 0,
        )

    @property
    def enough(self) -> bool:
        return self.answers >= min_answers()

    @property
    def average(self) -> float | None:
        """The average rating to one decimal, or None below the threshold."""
        if not self.enough or self.average_raw is None:
            return None
        return round(self.average_raw, 1)

    @property
    def recommend_share(self) -> int | None:
        """The percentage who would recommend, or None below the threshold."""
        if self.recommend_answers < min_answers():
            return None
        return round(100 * self.recommenders / self.recommend_answers)

    @property
    def average_display(self) -> str:
        return number_format(self.average, 1) if self.average is not None else str(INSUFFICIENT)


def event_rating(event) -> Rating:
    """The answers about `event` (in any language: they belong to its original), one query."""
    answers = FeedbackAnswer.objects.filter(event_id=event.seats_page_id)
    return Rating.from_row(answers.aggregate(**rating_aggregates()))
