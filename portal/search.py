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
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.models import Locale, Page

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
    `result` (with `context(locale)` added, when given). `page_models` are the page types this provider lists, which the generic pages
    provider leaves out so that nothing is listed twice.
    """

    key: str
    label: str
    search: Callable[[list[str], Locale], QuerySet]
    template: str
    order: int = 100
    page_models: tuple = ()
    context: Callable[[Locale], dict] | None = None


def providers() -> list[SearchProvider]:
    """Every registered provider, in display order."""
    found = [register() for register in hooks.get_hooks(HOOK)]
    return sorted(found, key=lambda provider: (provider.order, provider.key))


def claimed_page_models() -> list:
    """The page types listed by a provider of their own."""
    return [model for provider in providers() for model in provider.page_models]


def search_pages(terms: list[str], locale):
    """Live public pages of the reader's language, except the kinds another provider lists."""
    pages = Page.objects.live().public().filter(locale=locale).exclude(depth=1)
    claimed = claimed_page_models()
    if claimed:
        pages = pages.not_type(*claimed)
    return pages.specific().search(" ".join(terms), operator="and")


def pages_provider() -> SearchProvider:
    return SearchProvider(
        key="pagine",
        label=_("Pagine"),
        search=search_pages,
        template="portal/search/page_result.html",
        order=10,
    )
