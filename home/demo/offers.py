"""The club's board in the demo (`offers.toml`): a dozen offers and needs of the demo
innovators, in Italian and in English, published and current (each ends six months after it
was published). What exists (same innovator and title) is kept."""

import dataclasses
import datetime

from django.utils import timezone

from innovators.factories import OfferFactory
from innovators.models import Innovator, Municipality, Offer, OfferCategory
from innovators.synergies.models import OFFER_DURATION_DAYS

from .data import Reader


@dataclasses.dataclass
class OfferRecord:
    innovator: str  # the slug of a demo innovator
    kind: str
    category: str
    language: str
    title: str
    text: str
    tags: list[str]
    municipality: str  # an ISTAT code, or ""
    days_ago: int


def build(data: Reader) -> None:
    categories = {category.slug: category for category in OfferCategory.objects.all()}
    innovators = {
        innovator.slug: innovator
        for innovator in Innovator.objects.filter(locale__language_code="it")
    }
    municipalities = {m.istat_code: m for m in Municipality.objects.all()}
    now = timezone.now()
    for record in data.records(OfferRecord, "offers", "offers"):
        innovator = innovators[record.innovator]
        if Offer.objects.filter(innovator=innovator, title=record.title).exists():
            continue
        published = now - datetime.timedelta(days=record.days_ago)
        OfferFactory(
            innovator=innovator,
            kind=record.kind,
            category=categories[record.category],
            language=record.language,
            title=record.title,
            text=record.text,
            tags=record.tags,
            municipality=municipalities.get(record.municipality),
            first_published_at=published,
            last_published_at=published,
            ends_on=timezone.localdate(published) + datetime.timedelta(days=OFFER_DURATION_DAYS),
        )
