from django.http import HttpResponse
from django.shortcuts import render

from wagtail.models import Locale, Page

from portal.pagination import paginate

SEARCH_QUERY_MAX_LENGTH = 200


def search(request):
    """Full-text search over the live, public pages of the reader's language."""
    query = request.GET.get("q", "").strip()[:SEARCH_QUERY_MAX_LENGTH]
    results = None
    if query:
        pages = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .exclude(depth=1)
            .specific()
            .search(query)
        )
        results = paginate(request, pages)
    return render(request, "portal/search.html", {"query": query, "results": results})


def bench_bare(request):
    """A bare Django view for `make bench-http` (routed only when BENCH_BARE_VIEW is set)."""
    return HttpResponse(b"ok", content_type="text/plain")
