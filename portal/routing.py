"""Wagtail's page serving with the route cached until the next content change.

Routing a URL to its page costs Wagtail about ten queries on every request (the site, the
locale, the root and each page along the path, the specific page, the view restrictions of
the page and its ancestors). Which page a URL names changes only with content (a publish,
unpublish, move or delete), so the route, with the page's view restrictions, is cached per
process under the content version (`portal.cache.cached_for_content`).

A cached route is served as `wagtail.views.serve` serves one, through Wagtail's documented
hooks only: `on_serve_page` wraps `page.serve`, `before_serve_page` may answer first (the
view restrictions: it still runs on every request, on the cached restrictions). A request
with no cached route (a 404, a POST) goes to Wagtail's own view.
"""

import hashlib

from django.http import HttpResponse

from wagtail import hooks
from wagtail import views as wagtail_views
from wagtail.models import Page

from portal.cache import cached_for_content

VIEW_RESTRICTIONS_ATTR = "_portal_view_restrictions"


def _route(request, path):
    route = Page.route_for_request(request, path)
    if route is None:
        return None  # not cached: a 404 costs its routing each time, as before
    page = route[0]
    # Read now, so that the cached page answers its view restrictions without a query.
    page.__dict__[VIEW_RESTRICTIONS_ATTR] = list(page.get_view_restrictions())
    return route


def serve_route(request, page, args, kwargs):
    """Serve a routed page through Wagtail's serving hooks, in the order Wagtail runs them."""
    chain = wagtail_views.serve_chain
    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        chain = wrap(chain)
    for before in hooks.get_hooks("before_serve_page"):
        result = before(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, args, kwargs)


def serve(request, path):
    if request.method in ("GET", "HEAD"):
        # Hashed: a URL may be longer than a cache key can be (memcached's 250 characters).
        address = f"{request.get_host()}:{path}".encode()
        key = f"route:{hashlib.blake2b(address, digest_size=16).hexdigest()}"
        route = cached_for_content(key, lambda: _route(request, path))
        if route is not None:
            page, args, kwargs = route
            return serve_route(request, page, args, kwargs)
    return wagtail_views.serve(request, path)
