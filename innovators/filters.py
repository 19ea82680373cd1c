"""The filters shared by the map, the embed, the directory and the open-data endpoints.

They come from the query string (`?settore=vivaismo&comune=pistoia&tag=iot&club=1&q=…`; on the
map also `offre=<category>` / `cerca=<category>`: who offers or looks for it on the board), so a
filtered view is a shareable URL. Every filter resolves inside the SQL query (subqueries on slugs),
so applying them costs no extra query.
"""

import re
from dataclasses import dataclass, fields

from django.db.models import Q, QuerySet
from django.utils.http import urlencode

from innovators.synergies.models import Offer, OfferKind

SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")
QUERY_MAX_LENGTH = 100
SORTS = {"nome": ("name", "pk"), "recenti": ("-joined_on", "-pk")}


def _slug(value: str) -> str:
    value = (value or "").strip()
    return value if SLUG.match(value) else ""


def _words(value: str) -> str:
    """Search text: spaces collapsed, at most `QUERY_MAX_LENGTH` characters."""
    return " ".join((value or "").split())[:QUERY_MAX_LENGTH]


@dataclass(frozen=True)
class InnovatorFilters:
    q: str = ""
    settore: str = ""
    tag: str = ""
    comune: str = ""
    club: bool = False
    offre: str = ""  # an offer category's slug (innovators.synergies)
    cerca: str = ""  # a need's category
    ordine: str = "nome"

    @classmethod
    def from_query(cls, data) -> "InnovatorFilters":
        """Read the filters from a QueryDict; anything malformed is ignored, never an error."""
        ordine = data.get("ordine", "")
        return cls(
            q=_words(data.get("q")),
            settore=_slug(data.get("settore", "")),
            tag=_slug(data.get("tag", "")),
            comune=_slug(data.get("comune", "")),
            club=(data.get("club") or "") in {"1", "on", "true", "si"},
            offre=_slug(data.get("offre", "")),
            cerca=_slug(data.get("cerca", "")),
            ordine=ordine if ordine in SORTS else "nome",
        )

    @property
    def active(self) -> bool:
        return any(getattr(self, field.name) for field in fields(self) if field.name != "ordine")

    def as_query(self, **overrides) -> dict[str, str]:
        values = {}
        for field in fields(self):
            value = overrides.get(field.name, getattr(self, field.name))
            if field.name == "ordine" and value == "nome":
                continue
            if field.name == "club":
                value = "1" if value else ""
            if value:
                values[field.name] = value
        return values

    @property
    def querystring(self) -> str:
        return urlencode(self.as_query())

    def apply(self, innovators: QuerySet, language_code: str, sort: bool = True) -> QuerySet:
        if self.settore:
            sector_model = innovators.model._meta.get_field("sector").related_model
            sectors = sector_model.objects.filter(
                slug=self.settore, locale__language_code=language_code
            )
            innovators = innovators.filter(
                sector__translation_key__in=sectors.values("translation_key")
            )
        if self.comune:
            innovators = innovators.filter(municipality__slug=self.comune)
        if self.tag:
            innovators = innovators.filter(tags__slug=self.tag)
        if self.club:
            innovators = innovators.filter(is_club_member=True)
        for kind, category in ((OfferKind.OFFER, self.offre), (OfferKind.NEED, self.cerca)):
            if category:
                innovators = innovators.filter(
                    translation_key__in=Offer.objects.current()
                    .filter(kind=kind, category__slug=category, innovator__live=True)
                    .values("innovator__translation_key")
                )
        if self.q:
            for word in self.q.split()[:8]:
                innovators = innovators.filter(
                    Q(name__icontains=word)
                    | Q(short_description__icontains=word)
                    | Q(tags__name__icontains=word)
                    | Q(municipality__name__icontains=word)
                    | Q(sector__name__icontains=word)
                )
        if self.tag or self.q:
            innovators = innovators.distinct()
        if sort:
            innovators = innovators.order_by(*SORTS[self.ordine])
        return innovators
