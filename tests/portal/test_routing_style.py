"""One way of routing to sub-pages (docs/architecture.md, «Routing to sub-pages: one style»).

Every routable page type is a `ViewRoutesMixin` page whose route methods hand the request to a
view registered with `route_view` (`view(request, page, *args)`). No model module imports a
views module.
"""

import ast
import inspect
import textwrap
from pathlib import Path

from django.apps import apps

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

import pytest

from portal.models import ViewRoutesMixin
from portal.models.routes import registered_view

ROOT = Path(__file__).resolve().parents[2]
ROUTABLE_PAGES = sorted(
    (
        model
        for model in apps.get_models()
        if issubclass(model, Page) and issubclass(model, RoutablePageMixin)
    ),
    key=lambda model: model._meta.label,
)


def route_methods(model):
    """(pattern, method) of each route the page declares (not Wagtail's own `index_route`,
    which renders the page at its own URL when no route of ours answers ``""``)."""
    return [
        (str(url.pattern), url.callback)
        for url in model.get_resolver().url_patterns
        if url.callback is not RoutablePageMixin.index_route
    ]


def returned_call(method) -> ast.Call:
    """The call a route method returns, which must be its whole body."""
    source = textwrap.dedent(inspect.getsource(inspect.unwrap(method)))
    body = ast.parse(source).body[0].body
    assert len(body) == 1 and isinstance(body[0], ast.Return), (
        f"{method.__qualname__}: a route method only returns self.serve_route(...)"
    )
    assert isinstance(body[0].value, ast.Call)
    return body[0].value


def test_there_are_routable_pages_to_check():
    assert len(ROUTABLE_PAGES) >= 8


@pytest.mark.parametrize("model", ROUTABLE_PAGES, ids=lambda model: model._meta.label)
def test_every_route_hands_the_request_to_a_registered_view(model):
    assert issubclass(model, ViewRoutesMixin)
    for pattern, method in route_methods(model):
        call = returned_call(method)
        assert ast.unparse(call.func) == "self.serve_route", f"{pattern}: {method.__qualname__}"
        name = ast.literal_eval(call.args[0])
        assert ast.unparse(call.args[1]) == "request"
        view = registered_view(model, name)
        assert view is not None, f"{model._meta.label}: no view for route {name!r}"
        # The request first, then the page (named for what it is: `page`, `event`, `index`)
        request, page = list(inspect.signature(view).parameters)[:2]
        assert request == "request" and page != "request", view.__qualname__


def test_no_model_module_imports_a_view_module():
    for path in sorted(ROOT.glob("*/models/*.py")):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or "", *(alias.name for alias in node.names)]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            assert not any(name.split(".")[-1] == "views" for name in names), (
                f"{path.relative_to(ROOT)} imports views"
            )
