"""Shared fixtures: a site whose root is the home page, the programme and its phases."""

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from wagtail.models import Page, Site

import pytest

from home.factories import HomePageFactory
from portal.factories import ProgrammePhaseFactory
from portal.models import PhaseStatus
from stories.factories import ProgrammePageFactory


@pytest.fixture(autouse=True)
def italian_by_default():
    """Each test starts in Italian: a request to /en/ leaves English active in the thread."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def clear_cache():
    """Rate limits, the content version, fragments and cached pages live in the cache: each test
    starts with an empty one and leaves none behind."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    """The Italian home page, root of the default site (Wagtail's welcome page removed)."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "Pistoia2030",
        },
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home


@pytest.fixture
def phases(db):
    statuses = [
        PhaseStatus.COMPLETED,
        PhaseStatus.COMPLETED,
        PhaseStatus.IN_PROGRESS,
        PhaseStatus.PLANNED,
    ]
    names = ["Esplorazione", "Progettazione", "Azione", "Valutazione"]
    return [
        ProgrammePhaseFactory(number=number, name=name, status=status)
        for number, (name, status) in enumerate(zip(names, statuses, strict=True), start=1)
    ]


@pytest.fixture
def programme_page(home_page, phases):
    return ProgrammePageFactory(parent=home_page, show_in_menus=True)
