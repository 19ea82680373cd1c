"""Courses and co-creation sessions in the site search: title, venue and body (portal.search)."""

from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from courses.models import CoursePage, SessionPage
from portal.search import SearchProvider

EVENT_MODELS = (CoursePage, SessionPage)


def search_events(terms: list[str], locale):
    """Live events of the reader's language, by relevance (title and venue are indexed)."""
    return (
        Page.objects.live()
        .public()
        .type(*EVENT_MODELS)
        .filter(locale=locale)
        .specific()
        .search(" ".join(terms), operator="and")
    )


def provider() -> SearchProvider:
    return SearchProvider(
        key="eventi",
        label=_("Percorsi e sessioni"),
        search=search_events,
        template="courses/includes/search_result.html",
        order=30,
        page_models=EVENT_MODELS,
    )
