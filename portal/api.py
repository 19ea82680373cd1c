"""The read-only Wagtail API v2 at /api/v2/: the pieces every endpoint shares.

`portal` imports no app, so each app contributes through two Wagtail hooks, in its
`wagtail_hooks.py`: ``register_api_page_fields`` returns the public fields of its page types
(``{PageModel: [APIField, …]}``, listed in the app's `api.py` rather than on the models) and
``register_api_endpoint`` returns ``(name, viewset)`` for an endpoint of its own.
`portal/api_urls.py` builds the router from them.

Only live, public pages and published content; no e-mail address, no online-meeting link, no
draft. Every listing is paginated (`limit`, at most `WAGTAILAPI_LIMIT_MAX`, and `offset`, at
most `MAX_OFFSET`). There is no images endpoint: it would list every image, also the photos and
logos the public forms uploaded before a moderator saw them (docs/api.md).
"""

import re
from functools import cache

from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from wagtail import hooks
from wagtail.api import APIField
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet

from rest_framework import serializers

from portal.numbers import parse_positive_int

PAGE_FIELDS_HOOK = "register_api_page_fields"
ENDPOINT_HOOK = "register_api_endpoint"
MAX_OFFSET = 1_000_000
MAX_SEARCH_LENGTH = 200
# Anything but letters, digits and spaces: quotes, NUL, FTS operators (`*`, `^`, `:`, `(`, `-`).
SEARCH_NOISE = re.compile(r"[^\w\s]|_")

# The fields every page type has.
INTRO = [APIField("intro"), APIField("search_description")]


class BoundedPagination(WagtailPagination):
    """Wagtail's `limit`/`offset` pagination, with numbers in ASCII digits only
    (`portal.numbers`) and an offset the database can take."""

    def paginate_queryset(self, queryset, request, view=None):
        for name in ("offset", "limit"):
            value = request.GET.get(name)
            if value is not None and parse_positive_int(value, minimum=0) is None:
                raise BadRequestError(f"{name} must be a positive integer")  # as Wagtail says
        offset = request.GET.get("offset", "0")
        if parse_positive_int(offset, minimum=0, maximum=MAX_OFFSET) is None:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class PublicFieldsAPIViewSet(BaseAPIViewSet):
    """An endpoint of a model's public fields only: `public_fields` (names, in order) in
    listings and details alike, each read off the object unless `field_serializers` has a
    serializer for it; paginated with `BoundedPagination`."""

    public_fields: list[str] = []
    field_serializers: dict = {}
    pagination_class = BoundedPagination

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.body_fields = [
            *BaseAPIViewSet.body_fields,
            *(
                APIField(name, serializer=cls.field_serializers[name])
                if name in cls.field_serializers
                else name
                for name in cls.public_fields
            ),
        ]
        cls.listing_default_fields = [*BaseAPIViewSet.listing_default_fields, *cls.public_fields]

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields)


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


class LocaleField(serializers.Field):
    """An object's language code (`it`, `en`), for models that have a `locale`."""

    def __init__(self, *args, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)

    def to_representation(self, value):
        return value.locale.language_code


@cache
def page_fields() -> dict[type, list[APIField]]:
    """The public fields of every page type, as the apps registered them."""
    fields = {}
    for register in hooks.get_hooks(PAGE_FIELDS_HOOK):
        fields.update(register())
    return fields


def endpoints() -> list[tuple[str, type]]:
    """(name, viewset) of the endpoints the apps add beside `pages`."""
    return [register() for register in hooks.get_hooks(ENDPOINT_HOOK)]


def read_only_view(view):
    """An open-data view: GET and HEAD; any other method answers 405 with `Allow: GET, HEAD`
    before Django's CSRF check, which would answer a POST or a DELETE with 403 first. Such a view
    changes nothing, so there is nothing for CSRF to protect."""
    return csrf_exempt(require_safe(view))


def read_only_endpoint(viewset: type) -> type:
    """`viewset` answering GET and HEAD only (OPTIONS too is a 405 with `Allow: GET, HEAD`), as
    every other endpoint under /api/; `portal/api_urls.py` registers each endpoint through it."""
    return type(viewset.__name__, (viewset,), {"http_method_names": ["get", "head"]})


class PortalPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint with the public fields each app declares for its page types."""

    pagination_class = BoundedPagination
    filter_backends = safe_filters(PagesAPIViewSet.filter_backends)

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields + page_fields().get(model, []))
