"""Offers and needs in the API v2 (portal.api): /api/v2/offers/, what the board shows, with the
board's filters (`tipo`, `categoria`, `tag`, `comune`, `q`) and `lang` (the category's name and
the profile's address in that language). Public fields only: no contact e-mail, no author,
nothing of a draft, a lapsed or a withdrawn offer."""

from django.utils import translation

from wagtail.api.v2.filters import OrderingFilter

from rest_framework import serializers

from innovators import queries as innovator_queries
from innovators.api import requested_language
from innovators.synergies import queries
from innovators.synergies.filters import BoardFilters
from innovators.synergies.models import Offer
from portal.api import PublicFieldsAPIViewSet

PUBLIC_FIELDS = [
    *("kind", "title", "text", "language", "category", "tags"),
    *("municipality", "innovator", "url", "ends_on", "published_at"),
]
SERIALIZERS = {
    "category": serializers.CharField(source="category.label"),
    "tags": serializers.SerializerMethodField(),
    # The offer's own comune, else its innovator's (as the board's filter reads it).
    "municipality": serializers.SerializerMethodField(),
    "innovator": serializers.CharField(source="innovator.name"),
    "url": serializers.SerializerMethodField(),
    "published_at": serializers.DateTimeField(source="first_published_at"),
}


class OffersAPIViewSet(PublicFieldsAPIViewSet):
    """Current offers and needs, newest first, as on the board (/club/bacheca/)."""

    model = Offer
    name = "offers"
    public_fields = PUBLIC_FIELDS
    field_serializers = SERIALIZERS
    # `q` searches, as on the board: Wagtail's `search` is refused (400) rather than ignored.
    known_query_parameters = (
        PublicFieldsAPIViewSet.known_query_parameters - {"search", "search_operator"}
    ) | {"tipo", "categoria", "tag", "comune", "q", "lang"}
    filter_backends = [OrderingFilter]

    def dispatch(self, request, *args, **kwargs):
        with translation.override(requested_language(request)):
            return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return queries.board(BoardFilters.from_query(self.request.GET))

    def get_serializer_class(self):
        serializer_class = super().get_serializer_class()
        profile_base = innovator_queries.directory_path(translation.get_language())

        class OfferSerializer(serializer_class):
            def get_tags(self, offer):
                return [tag.name for tag in offer.tag_list]

            def get_municipality(self, offer):
                municipality = offer.municipality or offer.innovator.municipality
                return municipality.name if municipality else None

            def get_url(self, offer):
                if not profile_base:
                    return None
                return f"{profile_base}{offer.innovator.slug}/#offerta-{offer.pk}"

        return OfferSerializer


def endpoint() -> tuple[str, type]:
    return OffersAPIViewSet.name, OffersAPIViewSet
