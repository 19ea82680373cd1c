"""Routable pages whose routes are answered by their app's views.

The page declares its URLs (`RoutablePageMixin`'s ``@path``), because they are part of the
page; the code that answers them lives in the app's views, which import the models and their
forms. So that the models never import views or forms, a view registers itself for a route::

    # courses/views.py
    @route_view(EventPage, "confirmation")
    def confirmation(request, event, token): ...

    # courses/models/events.py
    @path("iscrizione/<str:token>/")
    def confirmation(self, request, token):
        return self.serve_route("confirmation", request, token)

The app's `AppConfig.ready()` imports its views, so every view is registered before the first
request. A view takes the request first and the page second, as a Django view takes the request
first: ``view(request, page, *args, **kwargs)``. A view registered for a base class answers its
subclasses too. (A preview answers through the page's own route, ``""``, as Wagtail's
`RoutablePageMixin` does.)

This is the one way a page routes to its sub-pages (docs/architecture.md, «Routing to
sub-pages: one style»): a route method holds one line, ``return self.serve_route(...)``. The
page's own URL, ``""``, is Wagtail's `index_route` (the page rendered as it is) unless the page
declares a route for it that a view answers.
"""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

from wagtail.contrib.routable_page.models import RoutablePageMixin

_views: dict[tuple[type, str], Callable] = {}


def route_view(model: type, name: str):
    """Decorator: `view(request, page, *args, **kwargs)` answers route `name` of `model`."""

    def decorator(view: Callable) -> Callable:
        _views[(model, name)] = view
        return view

    return decorator


def registered_view(model: type, name: str) -> Callable | None:
    """The view that answers route `name` of `model`: its own, or the nearest base class's."""
    for cls in model.__mro__:
        view = _views.get((cls, name))
        if view is not None:
            return view
    return None


class ViewRoutesMixin(RoutablePageMixin):
    """A routable page whose route methods hand the request to registered views."""

    def serve_route(self, name: str, request, *args, **kwargs):
        """The response of the view registered for route `name` of this page's type."""
        view = registered_view(type(self), name)
        if view is not None:
            return view(request, self, *args, **kwargs)
        raise ImproperlyConfigured(
            f"No view answers the route {name!r} of {type(self).__name__}: register one with "
            "portal.models.route_view in a module the app's AppConfig.ready() imports."
        )
