"""The read-only Wagtail API v2 at /api/v2/: pages, phases and innovators.

Only live, public pages and published innovators; no e-mail address, no online-meeting link
(those reach confirmed registrants only), no draft. Every listing is paginated (`limit`, at most
`WAGTAILAPI_LIMIT_MAX`, and `offset`, at most `MAX_OFFSET`). The fields each page type exposes
are listed here, next to the endpoints, rather than on the models: see docs/api.md.

There is no images endpoint: it would list every image, also the photos and logos the public
forms uploaded before a moderator saw them. Images reach the API only as fields of live pages.
"""

import re

from django.conf import settings

from wagtail.api import APIField
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.images.api.fields import ImageRenditionField

from rest_framework import serializers

from courses.models import CourseIndexPage, CoursePage, SessionIndexPage, SessionPage
from innovators import queries as innovator_queries
from innovators.filters import InnovatorFilters
from innovators.models import ClubDirectoryPage, Innovator, InnovatorMapPage
from portal.images import CARD_RENDITION
from stories.models import PhaseUpdatePage, ProgrammePage, ProgrammePhase, StoryIndexPage, StoryPage

from .models import ContentPage, HomePage, ImpactPage

MAX_OFFSET = 1_000_000
MAX_SEARCH_LENGTH = 200
# Anything but letters, digits and spaces: quotes, NUL, FTS operators (`*`, `^`, `:`, `(`, `-`).
SEARCH_NOISE = re.compile(r"[^\w\s]|_")


class BoundedPagination(WagtailPagination):
    """Wagtail's `limit`/`offset` pagination, with an offset the database can take."""

    def paginate_queryset(self, queryset, request, view=None):
        try:
            too_far = int(request.GET.get("offset", 0)) > MAX_OFFSET
        except ValueError:
            too_far = False  # not a number: Wagtail answers 400 itself
        if too_far:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


def search_terms(query: str) -> str:
    """The words of a reader's query, without any search-engine syntax (never a syntax error)."""
    return " ".join(SEARCH_NOISE.sub(" ", query[:MAX_SEARCH_LENGTH]).split())


class PlainSearchFilter(SearchFilter):
    """`?search=` on plain words: an unbalanced quote or an operator is not an error."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        terms = search_terms(request.GET["search"])
        if not terms:
            return queryset.none()
        query = request._request.GET.copy()
        query["search"] = terms
        request._request.GET = query
        return super().filter_queryset(request, queryset, view)


def safe_filters(filter_backends) -> list:
    return [PlainSearchFilter if f is SearchFilter else f for f in filter_backends]


INTRO = [APIField("intro"), APIField("search_description")]
ARTICLE = [
    *INTRO,
    APIField("date"),
    APIField("image"),
    APIField("image_card", serializer=ImageRenditionField(CARD_RENDITION, source="image")),
    APIField(
        "phase_number", serializer=serializers.IntegerField(source="phase.number", allow_null=True)
    ),
    APIField("tags"),
    APIField("body"),
]
EVENT = [
    *INTRO,
    APIField("start"),
    APIField("end"),
    APIField("cancelled"),
    APIField("status"),
    APIField("format"),
    APIField("venue"),
    APIField("address"),
    APIField("latitude", serializer=serializers.FloatField(source="point.lat", allow_null=True)),
    APIField("longitude", serializer=serializers.FloatField(source="point.lng", allow_null=True)),
    APIField("audience"),
    APIField("cost"),
    APIField("capacity"),
    APIField("seats_left"),
    APIField("registration_open"),
    APIField("image"),
    APIField("body"),
]
PAGE_FIELDS: dict[type, list[APIField]] = {
    HomePage: [*INTRO, APIField("motto"), APIField("body")],
    ContentPage: [*INTRO, APIField("body")],
    ImpactPage: [*INTRO],
    ProgrammePage: [*INTRO, APIField("body")],
    PhaseUpdatePage: ARTICLE,
    StoryIndexPage: INTRO,
    StoryPage: [*ARTICLE, APIField("author_name"), APIField("quote")],
    InnovatorMapPage: INTRO,
    ClubDirectoryPage: INTRO,
    CourseIndexPage: [*INTRO, APIField("body")],
    SessionIndexPage: [*INTRO, APIField("body")],
    CoursePage: [*EVENT, APIField("level"), APIField("duration_hours"), APIField("teachers")],
    SessionPage: [*EVENT],
}


class PortalPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint with the public fields of each page type named above."""

    pagination_class = BoundedPagination
    filter_backends = safe_filters(PagesAPIViewSet.filter_backends)

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields + PAGE_FIELDS.get(model, []))


class PhasesAPIViewSet(BaseAPIViewSet):
    """The programme's four phases in every language (`?locale=en`)."""

    model = ProgrammePhase
    name = "phases"
    body_fields = [*BaseAPIViewSet.body_fields, "number", "name", "summary", "status"]
    meta_fields = [*BaseAPIViewSet.meta_fields, "locale"]
    listing_default_fields = [
        *BaseAPIViewSet.listing_default_fields,
        "number",
        "name",
        "status",
        "start_date",
        "end_date",
        "locale",
    ]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union({"locale"})
    filter_backends = [FieldsFilter, OrderingFilter]
    pagination_class = BoundedPagination

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(
            [*cls.body_fields, "start_date", "end_date", APIField("summary")]
        )

    @classmethod
    def get_meta_fields(cls, model):
        return cls._convert_api_fields(
            [*cls.meta_fields[:-1], APIField("locale", serializer=LocaleField())]
        )

    def get_queryset(self):
        phases = (
            ProgrammePhase.objects.filter(live=True)
            .select_related("locale")
            .order_by("locale_id", "number")
        )
        language = self.request.GET.get("locale")
        if language:
            phases = phases.filter(locale__language_code=language)
        return phases


class LocaleField(serializers.Field):
    def __init__(self, *args, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)

    def to_representation(self, value):
        return value.locale.language_code


class InnovatorsAPIViewSet(BaseAPIViewSet):
    """Published innovators with the GeoJSON's public fields, and the map's filters."""

    model = Innovator
    name = "innovators"
    body_fields = [
        *BaseAPIViewSet.body_fields,
        "name",
        "slug",
        APIField("url", serializer=serializers.SerializerMethodField()),
        APIField("sector", serializer=serializers.CharField(source="sector.name")),
        APIField("color", serializer=serializers.CharField(source="sector.color")),
        APIField("municipality", serializer=serializers.CharField(source="municipality.name")),
        APIField("club", serializer=serializers.BooleanField(source="is_club_member")),
        "latitude",
        "longitude",
    ]
    listing_default_fields = [
        *BaseAPIViewSet.listing_default_fields,
        "name",
        "slug",
        "url",
        "sector",
        "color",
        "municipality",
        "club",
        "latitude",
        "longitude",
    ]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(
        {"lang", "settore", "comune", "tag", "club", "q", "ordine"}
    )
    filter_backends = [OrderingFilter, PlainSearchFilter]
    pagination_class = BoundedPagination

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields)

    def language(self) -> str:
        code = self.request.GET.get("lang", "")
        return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE

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


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("phases", PhasesAPIViewSet)
api_router.register_endpoint("innovators", InnovatorsAPIViewSet)

app_name = "wagtailapi"
urlpatterns = api_router.get_urlpatterns()
