"""One named function per listing: each builds its whole queryset, ready for its template."""

import math

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import translation

from taggit.models import Tag
from wagtail.models import Page

from innovators.filters import InnovatorFilters
from innovators.models.innovators import Innovator
from innovators.models.reference import Municipality, Sector
from portal.images import LOGO_RENDITIONS, prefetch_image

SYNERGY_LIMIT = 6

# What the map's popups and the list need; the GeoJSON keeps only these.
FEATURE_FIELDS = (
    "slug",
    "name",
    "latitude",
    "longitude",
    "is_club_member",
    "updated_at",
    "sector_name",
    "sector__color",
    "municipality__name",
)


def published_innovators(language_code: str):
    """Published innovators in the reader's language, each with `sector_name`: its sector's
    name in that language (an Italian record shown on /en/ reads the English sector)."""
    translated_sector = Sector.objects.filter(
        translation_key=OuterRef("sector__translation_key"),
        locale__language_code=language_code,
    ).values("name")[:1]
    return (
        Innovator.objects.published()
        .in_language(language_code)
        .annotate(sector_name=Coalesce(Subquery(translated_sector), F("sector__name")))
    )


def sectors(language_code: str) -> list[Sector]:
    """The sectors in the reader's language, falling back to Italian when none is translated."""
    found = list(Sector.objects.filter(locale__language_code=language_code))
    if not found and language_code != settings.LANGUAGE_CODE:
        found = list(Sector.objects.filter(locale__language_code=settings.LANGUAGE_CODE))
    return found


def municipalities() -> list[Municipality]:
    return list(Municipality.objects.all())


def popular_tags(language_code: str, limit: int = 60):
    """The tags of published innovators, most used first, for the tag filter."""
    return list(
        Tag.objects.filter(
            innovators_taggedinnovator_items__content_object__in=published_innovators(language_code)
        )
        .annotate(uses=Count("innovators_taggedinnovator_items"))
        .order_by("-uses", "name")[:limit]
    )


def map_rows(filters: InnovatorFilters, language_code: str):
    """Rows for the GeoJSON and the map's list: one query, plain values, no model instances."""
    innovators = published_innovators(language_code).filter(latitude__isnull=False)
    return filters.apply(innovators, language_code).values(*FEATURE_FIELDS)


def map_list(filters: InnovatorFilters, language_code: str):
    """The map's accessible list: the same results as the markers, in name order."""
    innovators = published_innovators(language_code).filter(latitude__isnull=False)
    return filters.apply(innovators, language_code).select_related("sector", "municipality")


def directory_cards(filters: InnovatorFilters, language_code: str):
    """The club members for the directory cards, with logo renditions prefetched."""
    members = published_innovators(language_code).club_members()
    return (
        filters.apply(members, language_code)
        .select_related("sector", "municipality")
        .prefetch_related(prefetch_image("logo", *LOGO_RENDITIONS))
        .defer("description")
    )


def recent_club_members(language_code: str, limit: int = 3, with_logos: bool = True):
    """The members who joined last, newest first."""
    members = (
        published_innovators(language_code)
        .club_members()
        .select_related("sector", "municipality")
        .defer("description")
    )
    if with_logos:
        members = members.prefetch_related(prefetch_image("logo", *LOGO_RENDITIONS))
    return list(members.order_by("-joined_on", "-pk")[:limit])


def innovator_stats(language_code: str) -> dict[str, int]:
    """How many innovators are on the map and how many are club members (one query)."""
    return published_innovators(language_code).aggregate(
        innovators=Count("pk"), members=Count("pk", filter=Q(is_club_member=True))
    )


def municipality_counts(language_code: str) -> list[dict]:
    """Published innovators per comune with its centre, for the static map teaser."""
    rows = (
        published_innovators(language_code)
        .values("municipality__name", "municipality__latitude", "municipality__longitude")
        .annotate(count=Count("pk"))
        .order_by("municipality__name")
    )
    return list(rows)


def profile(slug: str, language_code: str) -> Innovator | None:
    return (
        published_innovators(language_code)
        .filter(slug=slug)
        .select_related("sector", "municipality", "logo")
        .prefetch_related("tagged_items__tag", prefetch_image("logo", *LOGO_RENDITIONS))
        .first()
    )


def closeness(queryset, innovator: Innovator, via: str = ""):
    """`queryset` annotated with how close each row is to `innovator`: `same_sector` (1 or 0)
    and, when the innovator has a point, `distance2` (an equirectangular distance, exact enough
    inside one province); with the ordering that puts the closest first. `via` reaches the
    innovator from the rows (``"innovator__"`` for its offers)."""
    same_sector = Case(
        When(**{f"{via}sector__translation_key": innovator.sector.translation_key}, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    queryset = queryset.annotate(same_sector=same_sector)
    order = ["-same_sector"]
    if innovator.point:
        scale = math.cos(math.radians(innovator.point.lat))
        dlat = F(f"{via}latitude") - Value(innovator.point.lat)
        dlng = (F(f"{via}longitude") - Value(innovator.point.lng)) * Value(scale)
        queryset = queryset.filter(**{f"{via}latitude__isnull": False}).annotate(
            distance2=ExpressionWrapper(dlat * dlat + dlng * dlng, output_field=FloatField())
        )
        order.append("distance2")
    return queryset, order


def synergies(innovator: Innovator, language_code: str, limit: int = SYNERGY_LIMIT):
    """Up to `limit` other published innovators: most shared tags first, then the same sector,
    then the nearest (`closeness`)."""
    tag_ids = [tag.pk for tag in innovator.tag_list]
    candidates = published_innovators(language_code).exclude(
        translation_key=innovator.translation_key
    )
    shared = (
        Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids), distinct=True)
        if tag_ids
        else Value(0, output_field=IntegerField())
    )
    candidates, nearest = closeness(candidates.annotate(shared_tags=shared), innovator)
    return list(
        candidates.select_related("sector", "municipality")
        .prefetch_related(prefetch_image("logo", *LOGO_RENDITIONS))
        .defer("description")
        .order_by("-shared_tags", *nearest, "name")[:limit]
    )


def directory_path(language_code: str) -> str | None:
    """The club directory's path in `language_code` (profiles live under it), in one query.

    Built from the page's `url_path` like Wagtail does for a single site, without the site
    lookups that `Page.url` may cost, so the GeoJSON endpoint stays at two queries.
    """
    paths = dict(
        Page.objects.live()
        .filter(
            content_type__app_label="innovators",
            content_type__model="clubdirectorypage",
            locale__language_code__in={language_code, settings.LANGUAGE_CODE},
        )
        .values_list("locale__language_code", "url_path")
    )
    url_path = paths.get(language_code) or paths.get(settings.LANGUAGE_CODE)
    if url_path is None:
        return None
    relative = url_path.strip("/").split("/", 1)[1] if "/" in url_path.strip("/") else ""
    language = language_code if language_code in paths else settings.LANGUAGE_CODE
    with translation.override(language):
        return reverse("wagtail_serve", args=[f"{relative}/" if relative else ""])
