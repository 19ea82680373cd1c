"""The innovators' part of the API v2 (portal.api): /innovators/ and the map and club pages.

Published innovators only, with the GeoJSON's public fields: never the contact e-mail.
"""

from django.conf import settings

from wagtail.api import APIField
from wagtail.api.v2.filters import OrderingFilter

from rest_framework import serializers

from innovators import queries as innovator_queries
from innovators.filters import InnovatorFilters
from innovators.models import ClubDirectoryPage, Innovator, InnovatorMapPage
from portal.api import INTRO, PlainSearchFilter, PublicFieldsAPIViewSet

# The GeoJSON's public fields, in its order; a serializer for those not read off the model.
PUBLIC_FIELDS = [
    *("name", "slug", "url", "sector", "color"),
    *("municipality", "club", "latitude", "longitude"),
]
SERIALIZERS = {
    "url": serializers.SerializerMethodField(),
    "sector": serializers.CharField(source="sector.name"),
    "color": serializers.CharField(source="sector.color"),
    "municipality": serializers.CharField(source="municipality.name"),
    "club": serializers.BooleanField(source="is_club_member"),
}


def requested_language(request) -> str:
    """`?lang=en` or the site's language: the endpoints are not under a language prefix."""
    code = request.GET.get("lang", "")
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def page_fields() -> dict[type, list[APIField]]:
    return {InnovatorMapPage: INTRO, ClubDirectoryPage: INTRO}


class InnovatorsAPIViewSet(PublicFieldsAPIViewSet):
    """Published innovators with the GeoJSON's public fields, and the map's filters."""

    model = Innovator
    name = "innovators"
    public_fields = PUBLIC_FIELDS
    field_serializers = SERIALIZERS
    known_query_parameters = PublicFieldsAPIViewSet.known_query_parameters.union(
        {"lang", "settore", "comune", "tag", "club", "q", "ordine"}
    )
    filter_backends = [OrderingFilter, PlainSearchFilter]

    def language(self) -> str:
        return requested_language(self.request)

    def get_queryset(self):
        language = self.language()
        filters = InnovatorFilters.from_query(self.request.GET)
        innovators = innovator_queries.published_innovators(language)
        return (
            filters.apply(innovators, language, sort=False)
            .select_related("sector", "municipality")
            .defer("description", "contact_email")
            .order_by("name", "pk")
        )

    def get_serializer_class(self):
        serializer_class = super().get_serializer_class()
        profile_base = innovator_queries.directory_path(self.language())

        class InnovatorSerializer(serializer_class):
            def get_url(self, innovator):
                return f"{profile_base}{innovator.slug}/" if profile_base else None

        return InnovatorSerializer


def endpoint() -> tuple[str, type]:
    return InnovatorsAPIViewSet.name, InnovatorsAPIViewSet
