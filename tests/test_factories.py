"""Every page type has a factory, shared by the tests and the demo content."""

import importlib

from django.apps import apps

from wagtail.models import Page, get_page_models

import factory

PROJECT_APPS = ["home", "stories", "innovators", "courses", "newsletter"]


def factory_models() -> set[type]:
    models = set()
    for app in PROJECT_APPS:
        try:
            module = importlib.import_module(f"{app}.factories")
        except ModuleNotFoundError:
            continue
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, factory.django.DjangoModelFactory):
                models.add(value._meta.model)
    return models


def test_every_page_model_has_a_factory():
    project_pages = {
        model
        for model in get_page_models()
        if model is not Page and model._meta.app_label in PROJECT_APPS
    }
    missing = {model.__name__ for model in project_pages - factory_models()}
    assert not missing, f"page types without a factory: {sorted(missing)}"
    assert apps.get_model("home", "HomePage") in factory_models()
