"""Offers and needs in the site search (portal.search): what the board shows, found by the
board's own word filter (title, text, tags, innovator, category), newest first."""

from django.utils.translation import gettext_lazy as _

from innovators import queries as innovator_queries
from innovators.synergies import queries
from innovators.synergies.filters import BoardFilters
from portal.search import SearchProvider


def search_offers(terms: list[str], locale):
    """Current offers and needs, in whatever language they were written (the board's too);
    a result shows no tags, so none are fetched."""
    return queries.board(BoardFilters(q=" ".join(terms))).prefetch_related(None)


def provider() -> SearchProvider:
    return SearchProvider(
        key="offro-cerco",
        label=_("Offro e cerco"),
        search=search_offers,
        template="innovators/synergies/search_result.html",
        order=25,
        context=lambda locale: {
            "directory_url": innovator_queries.directory_path(locale.language_code)
        },
    )
