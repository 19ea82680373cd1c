"""One named function per listing of offers and needs, each building its whole queryset."""

from django.db.models import Count, Q

from taggit.models import Tag

from innovators.synergies.filters import BoardFilters
from innovators.synergies.models import Offer, OfferCategory, OfferKind

FEED_SIZE = 30


def current_offers():
    """Live, not withdrawn, not lapsed offers and needs of published innovators, with what a
    card shows (category, comune, innovator, tags) loaded in the same few queries."""
    return (
        Offer.objects.current()
        .filter(innovator__live=True, innovator__removal__isnull=True)
        .select_related("category", "municipality", "innovator", "innovator__municipality")
        .defer("innovator__description")
        .prefetch_related("tagged_items__tag")
    )


def board(filters: BoardFilters):
    """The board (/club/bacheca/): newest first."""
    return filters.apply(current_offers()).order_by("-first_published_at", "-pk")


def of_innovator(innovator):
    """What the innovator's public profile lists: its current offers and needs."""
    return (
        current_offers()
        .filter(innovator__translation_key=innovator.translation_key)
        .order_by("kind", "-first_published_at", "-pk")
    )


def feed_items():
    return current_offers().order_by("-first_published_at", "-pk")[:FEED_SIZE]


def categories() -> list[OfferCategory]:
    return list(OfferCategory.objects.all())


def popular_tags(limit: int = 60) -> list[Tag]:
    """The tags of current offers and needs, most used first, for the tag filter."""
    return list(
        Tag.objects.filter(
            innovators_taggedoffer_items__content_object__in=current_offers().values("pk")
        )
        .annotate(uses=Count("innovators_taggedoffer_items"))
        .order_by("-uses", "name")[:limit]
    )


def current_counts() -> dict[str, int]:
    """Current offers and needs (one query), for the impact figures and the board."""
    return (
        Offer.objects.current()
        .filter(innovator__live=True)
        .aggregate(
            offers=Count("pk", filter=Q(kind=OfferKind.OFFER)),
            needs=Count("pk", filter=Q(kind=OfferKind.NEED)),
        )
    )
