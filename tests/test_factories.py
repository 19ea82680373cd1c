"""Every page type and every snippet has a factory, shared by the tests and the demo content,
and each factory builds a valid object."""

import importlib

from wagtail.models import Page, get_page_models
from wagtail.snippets.models import get_snippet_models

import factory
import pytest

PROJECT_APPS = ["portal", "home", "stories", "innovators", "courses", "newsletter"]


def factories() -> dict[type, type]:
    """model → the first factory found for it in the apps' `factories` modules."""
    found = {}
    for app in PROJECT_APPS:
        try:
            module = importlib.import_module(f"{app}.factories")
        except ModuleNotFoundError:
            continue
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, factory.django.DjangoModelFactory):
                model = value._meta.model
                if model is not None and model._meta.app_label in PROJECT_APPS:
                    found.setdefault(model, value)
    return found


def project_models(models) -> set[type]:
    return {model for model in models if model._meta.app_label in PROJECT_APPS}


def test_every_page_model_has_a_factory():
    pages = project_models(model for model in get_page_models() if model is not Page)
    assert len(pages) >= 14
    missing = {model.__name__ for model in pages - set(factories())}
    assert not missing, f"page types without a factory: {sorted(missing)}"


def test_every_snippet_model_has_a_factory():
    snippets = project_models(get_snippet_models())
    assert {model.__name__ for model in snippets} >= {"ProgrammePhase", "Innovator", "Sector"}
    missing = {model.__name__ for model in snippets - set(factories())}
    assert not missing, f"snippets without a factory: {sorted(missing)}"


@pytest.mark.parametrize(
    "model",
    sorted(project_models(get_snippet_models()), key=lambda model: model._meta.label),
    ids=lambda model: model._meta.label,
)
def test_snippet_factory_builds_a_valid_saved_object(home_page, model):
    instance = factories()[model]()
    instance.full_clean()
    assert model.objects.filter(pk=instance.pk).exists()


@pytest.mark.parametrize(
    "model",
    sorted(
        project_models(model for model in get_page_models() if model is not Page),
        key=lambda model: model._meta.label,
    ),
    ids=lambda model: model._meta.label,
)
def test_page_factory_builds_a_live_page_under_an_allowed_parent(home_page, model):
    """Each factory, under the first parent type its model allows (built by its own factory)."""
    built = factories()

    def make(page_model, depth=0):
        parent_model = page_model.allowed_parent_page_models()[0]
        if parent_model is Page or depth > 4:
            return built[page_model](parent=Page.get_first_root_node(), slug="seconda-radice")
        if parent_model._meta.label == "home.HomePage":
            return built[page_model](parent=home_page)
        return built[page_model](parent=make(parent_model, depth + 1))

    page = make(model)
    page.full_clean()
    assert page.live and isinstance(Page.objects.get(pk=page.pk).specific, model)
