"""Matches: the other innovators' offers that answer an innovator's needs, and the needs its
offers answer. Same category and shared tags first, then the profiles' own synergy scoring
(`innovators.queries.closeness`: same sector, then the nearest). One query, whatever the size
of the board; each match says which of the innovator's items it answers.
"""

from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Q, Value, When

from innovators import queries as innovator_queries
from innovators.synergies.models import Offer, OfferKind
from innovators.synergies.queries import current_offers

MATCH_LIMIT = 12


@dataclass(frozen=True)
class Match:
    offer: Offer  # the other innovator's offer or need
    answers: Offer  # the innovator's own need or offer it answers
    profile_url: str

    @property
    def same_category(self) -> bool:
        return self.offer.category_id == self.answers.category_id


def _fit(candidate: Offer, own: Offer) -> tuple[int, int]:
    tags = {tag.pk for tag in own.tag_list}
    return (
        int(candidate.category_id == own.category_id),
        sum(1 for tag in candidate.tag_list if tag.pk in tags),
    )


def matches(innovator, language_code: str, limit: int = MATCH_LIMIT) -> list[Match]:
    own = list(
        Offer.objects.current()
        .filter(innovator__translation_key=innovator.translation_key)
        .prefetch_related("tagged_items__tag")
    )
    if not own:
        return []
    by_kind = {kind: [item for item in own if item.kind == kind] for kind in OfferKind.values}
    # A candidate of kind K answers the innovator's items of the opposite kind.
    wanted = Q()
    same_category = []
    shared_tags = Q()
    for kind in OfferKind:
        mine = by_kind[kind.opposite]
        if not mine:
            continue
        categories = {item.category_id for item in mine}
        tag_ids = {tag.pk for item in mine for tag in item.tag_list}
        wanted |= Q(kind=kind) & (Q(category_id__in=categories) | Q(tags__in=tag_ids))
        same_category.append(When(kind=kind, category_id__in=categories, then=Value(1)))
        shared_tags |= Q(kind=kind, tagged_items__tag_id__in=tag_ids)
    candidates = (
        current_offers()
        .exclude(innovator__translation_key=innovator.translation_key)
        .filter(pk__in=Offer.objects.filter(wanted).values("pk"))
        .annotate(
            same_category=Case(*same_category, default=Value(0), output_field=IntegerField()),
            shared_tags=Count("tagged_items", filter=shared_tags, distinct=True),
        )
    )
    candidates, nearest = innovator_queries.closeness(candidates, innovator, via="innovator__")
    found = candidates.order_by("-same_category", "-shared_tags", *nearest, "-first_published_at")
    directory = innovator_queries.directory_path(language_code) or ""
    return [
        Match(
            offer=candidate,
            answers=max(
                by_kind[OfferKind(candidate.kind).opposite], key=lambda item: _fit(candidate, item)
            ),
            profile_url=f"{directory}{candidate.innovator.slug}/",
        )
        for candidate in found[:limit]
    ]
