"""The board's filters, from the query string (`?tipo=offro&categoria=spazi-attrezzature
&tag=iot&comune=pistoia&q=…`), so a filtered board is a shareable URL. Anything malformed is
ignored, never an error; every filter resolves inside the one SQL query."""

from dataclasses import dataclass, fields

from django.db.models import Q, QuerySet
from django.utils.http import urlencode

from innovators.filters import _slug, _words
from innovators.synergies.models import OfferKind


@dataclass(frozen=True)
class BoardFilters:
    tipo: str = ""
    categoria: str = ""
    tag: str = ""
    comune: str = ""
    q: str = ""

    @classmethod
    def from_query(cls, data) -> "BoardFilters":
        tipo = data.get("tipo", "")
        return cls(
            tipo=tipo if tipo in OfferKind.values else "",
            categoria=_slug(data.get("categoria", "")),
            tag=_slug(data.get("tag", "")),
            comune=_slug(data.get("comune", "")),
            q=_words(data.get("q")),
        )

    @property
    def active(self) -> bool:
        return any(getattr(self, field.name) for field in fields(self))

    @property
    def querystring(self) -> str:
        return urlencode(
            {
                field.name: getattr(self, field.name)
                for field in fields(self)
                if getattr(self, field.name)
            }
        )

    def apply(self, offers: QuerySet) -> QuerySet:
        if self.tipo:
            offers = offers.filter(kind=self.tipo)
        if self.categoria:
            offers = offers.filter(category__slug=self.categoria)
        if self.comune:
            # The offer's own comune, else its innovator's.
            offers = offers.filter(
                Q(municipality__slug=self.comune)
                | Q(municipality__isnull=True, innovator__municipality__slug=self.comune)
            )
        if self.tag:
            offers = offers.filter(tags__slug=self.tag)
        if self.q:
            for word in self.q.split()[:8]:
                offers = offers.filter(
                    Q(title__icontains=word)
                    | Q(text__icontains=word)
                    | Q(tags__name__icontains=word)
                    | Q(innovator__name__icontains=word)
                    | Q(category__name__icontains=word)
                    | Q(category__name_en__icontains=word)
                )
        if self.tag or self.q:
            offers = offers.distinct()
        return offers
