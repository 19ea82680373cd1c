"""The shared page mixins and routes of `portal.models`: one convention each, used everywhere."""

import ast
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

import pytest

from courses.factories import CourseIndexPageFactory, CoursePageFactory
from courses.models import CoursePage, SessionPage
from home.factories import ContentPageFactory
from home.models import ContentPage, HomePage, ImpactPage
from innovators.factories import InnovatorFactory
from innovators.models import Innovator
from portal.factories import ImageFactory
from portal.geo import parse_point
from portal.models import BodyMixin, GeoLocationMixin, ImageMixin
from stories.models import PhaseUpdatePage, ProgrammePage, StoryPage
from tests.html import parse

ROOT = Path(__file__).resolve().parents[2]
WKT = "SRID=4326;POINT(10.917300 43.933500)"


@pytest.mark.parametrize(
    "model", [HomePage, ContentPage, ImpactPage, ProgrammePage, StoryPage, CoursePage, SessionPage]
)
def test_every_body_is_the_mixins_with_its_panel_and_search_field(model):
    assert issubclass(model, BodyMixin)
    assert "body" in model.get_edit_handler().get_form_options()["fields"]
    assert "body" in {field.field_name for field in model.search_fields}


@pytest.mark.parametrize("model", [HomePage, StoryPage, PhaseUpdatePage, CoursePage, SessionPage])
def test_a_pages_own_image_is_always_called_image(model):
    assert issubclass(model, ImageMixin)
    assert model._meta.get_field("image").related_model.__name__ == "PortalImage"


def test_the_share_image_falls_back_to_the_pages_image(home_page):
    image, share = ImageFactory(), ImageFactory()
    home_page.image = image
    assert home_page.share_image_fallback == image
    home_page.share_image = share
    assert home_page.share_image_fallback == share
    # A page with no image of its own shares the site's default (none of its own).
    assert ContentPageFactory(parent=home_page).share_image_fallback is None


def test_the_home_pages_image_is_shared(client, home_page):
    home_page.image = ImageFactory()
    home_page.save_revision().publish()
    html = parse(client.get("/"))
    assert "/images/" in html.select_one('meta[property="og:image"]')["content"]


@pytest.mark.parametrize("model", [Innovator, CoursePage, SessionPage])
def test_events_and_innovators_share_one_location(model):
    assert issubclass(model, GeoLocationMixin)
    assert model._meta.get_field("address").max_length == 255
    assert model._meta.get_field("location").max_length == 250


def test_event_and_innovator_read_their_point_the_same_way(home_page):
    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=home_page), location=WKT)
    innovator = InnovatorFactory(location=WKT)
    assert course.point == innovator.point == parse_point(WKT)
    innovator.refresh_from_db()
    assert (innovator.latitude, innovator.longitude) == (43.9335, 10.9173)


def test_tags_of_a_detail_cost_one_query(db, django_assert_num_queries):
    innovator = InnovatorFactory()
    innovator.tags.add("IoT", "formazione", "economia circolare")
    innovator.save()
    fresh = Innovator.objects.get(pk=innovator.pk)
    with django_assert_num_queries(1):
        assert sorted(tag.name for tag in fresh.tag_list) == [
            "IoT",
            "economia circolare",
            "formazione",
        ]


def test_a_route_without_a_registered_view_says_so(home_page):
    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=home_page))
    with pytest.raises(ImproperlyConfigured, match="route_view"):
        course.serve_route("missing", RequestFactory().get("/"))


def test_the_preview_of_an_event_shows_its_registration_form(home_page):
    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=home_page))
    response = course.make_preview_request()
    assert response.status_code == 200
    assert parse(response).select_one('form input[name="email"]') is not None


MODEL_MODULES = [
    *(ROOT / "courses/models").glob("*.py"),
    *(ROOT / "stories/models").glob("*.py"),
    *(ROOT / "innovators/models").glob("*.py"),
    ROOT / "home/models.py",
    *(ROOT / "portal/models").glob("*.py"),
]
VIEW_MODULES = ("views", "forms", "submissions", "join")


def imported_modules(source: str, package: tuple[str, ...]) -> list[str]:
    """Every module (and name) `source` imports, anywhere in it, relative imports resolved
    from `package` (the module's package, e.g. ``("courses", "models")``)."""
    imported = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else ()
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            imported.append(module)
            imported.extend(f"{module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            imported.extend(alias.name for alias in node.names)
    return imported


@pytest.mark.parametrize("path", MODEL_MODULES, ids=lambda path: str(path.relative_to(ROOT)))
def test_models_import_no_views_or_forms(path):
    """Views import models, never the other way round (views register their routes)."""
    offending = [
        name
        for name in imported_modules(path.read_text(), path.relative_to(ROOT).parts[:-1])
        if name.rsplit(".", 1)[-1] in VIEW_MODULES and ".models." not in name
    ]
    assert offending == []


def test_the_import_check_sees_a_view_imported_inside_a_method():
    source = "def route(self):\n    from .. import views\n    from ..forms import F\n"
    imported = imported_modules(source, ("courses", "models"))
    assert {"courses.views", "courses.forms"} <= set(imported)
