"""Site search across content kinds.

`portal` imports no app, so each app registers its own *search provider* with the Wagtail hook
``register_search_provider`` (in its ``wagtail_hooks.py``): a function returning a
`SearchProvider`. The search view (`portal.views.search`) asks every provider for its results,
groups them by kind with their counts and paginates the kind the reader opens.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet

from wagtail import hooks
from wagtail.models import Locale

HOOK = "register_search_provider"
MAX_TERMS = 8
MAX_TERM_LENGTH = 40


def search_terms(query: str) -> list[str]:
    """The words of a reader's query, lowercased and without punctuation.

    Full-text engines read quotes, `*`, `-`, `:`, parentheses and upper-case AND/OR/NOT/NEAR as
    syntax (SQLite's FTS5 answers a stray quote with an error): searching for plain words only
    means no query a reader types can break the search.
    """
    words = re.findall(r"\w+", query.lower())
    return [word[:MAX_TERM_LENGTH] for word in words[:MAX_TERMS]]


@dataclass(frozen=True)
class SearchProvider:
    """One kind of content the site search finds.

    `search(terms, locale)` returns an ordered queryset (or Wagtail search results) that
    costs a fixed number of queries however many results it has; `template` renders one
    `result`. `page_models` are the page types this provider lists, which the generic pages
    provider leaves out so that nothing is listed twice.
    """

    key: str
    label: str
    search: Callable[[list[str], Locale], QuerySet]
    template: str
    order: int = 100
    page_models: tuple = ()


def providers() -> list[SearchProvider]:
    """Every registered provider, in display order."""
    found = [register() for register in hooks.get_hooks(HOOK)]
    return sorted(found, key=lambda provider: (provider.order, provider.key))


def claimed_page_models() -> list:
    """The page types listed by a provider of their own."""
    return [model for provider in providers() for model in provider.page_models]
