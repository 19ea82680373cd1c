"""The stories' and the programme's part of the API v2 (portal.api): page fields and /phases/."""

from wagtail.api import APIField
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.images.api.fields import ImageRenditionField

from rest_framework import serializers

from portal.api import INTRO, BoundedPagination, LocaleField
from portal.images import CARD_RENDITION
from portal.models import ProgrammePhase
from stories.models import PhaseUpdatePage, ProgrammePage, StoryIndexPage, StoryPage

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


def page_fields() -> dict[type, list[APIField]]:
    return {
        ProgrammePage: [*INTRO, APIField("body")],
        PhaseUpdatePage: ARTICLE,
        StoryIndexPage: INTRO,
        StoryPage: [*ARTICLE, APIField("author_name"), APIField("quote")],
    }


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


def endpoint() -> tuple[str, type]:
    return PhasesAPIViewSet.name, PhasesAPIViewSet
