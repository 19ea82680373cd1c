from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from wagtail.models import Locale

from portal.pagination import page_or_404
from portal.search import SearchProvider, providers, search_terms

SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_PREVIEW_SIZE = 5


@dataclass
class SearchGroup:
    """One kind of result: its provider, a paginator (the count is asked once) and what shows."""

    provider: SearchProvider
    paginator: Paginator
    context: dict = field(default_factory=dict)
    items: object = None

    @property
    def count(self) -> int:
        return self.paginator.count


def search(request):
    """Full-text search over pages, innovators and events of the reader's language.

    Without `?tipo=`, every kind with results shows its first few, with its count; with it (or
    when only one kind has results), that kind's results are paginated.
    """
    query = request.GET.get("q", "").strip()[:SEARCH_QUERY_MAX_LENGTH]
    terms = search_terms(query)
    groups, selected = [], None
    if terms:
        locale = Locale.get_active()
        for provider in providers():
            results = provider.search(terms, locale)
            groups.append(
                SearchGroup(
                    provider,
                    Paginator(results, settings.PORTAL_PAGE_SIZE),
                    provider.context(locale) if provider.context else {},
                )
            )
        found = [group for group in groups if group.count]
        wanted = request.GET.get("tipo")
        selected = next((group for group in groups if group.provider.key == wanted), None)
        if selected is None and len(found) == 1:
            selected = found[0]
        if selected is not None:
            selected.items = page_or_404(request, selected.paginator)
        else:
            for group in found:
                group.items = group.paginator.object_list[:SEARCH_PREVIEW_SIZE]
        groups = found if selected is None else groups
    context = {
        "query": query,
        "groups": groups,
        "selected": selected,
        "total": sum(group.count for group in groups),
        "searched": bool(terms) or bool(query),
    }
    return render(request, "portal/search.html", context)


def bench_bare(request):
    """A bare Django view for `make bench-http` (routed only when BENCH_BARE_VIEW is set)."""
    return HttpResponse(b"ok", content_type="text/plain")
