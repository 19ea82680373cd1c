"""A whole public site (every page type and form) for the production tests."""

from wagtail.models import Site

import pytest

from courses.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    SessionIndexPageFactory,
    SessionPageFactory,
)
from innovators.factories import (
    ClubDirectoryPageFactory,
    InnovatorFactory,
    InnovatorMapPageFactory,
    SectorFactory,
)
from innovators.models import Municipality
from portal.models import SiteSettings
from stories.editorial import attach_editorial_workflow
from stories.factories import (
    PhaseUpdatePageFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
    StorySubmissionPageFactory,
)
from tests.conftest import shared

JOIN_URL = "/club/aderisci/"
SUBMISSION_URL = "/storie/racconta/"


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    return settings


def build_site(home_page, programme_page):
    """Every public page type under the home page, with a little content in each."""
    sector = SectorFactory(name="Vivaismo", slug="vivaismo")
    pistoia = Municipality.objects.get(slug="pistoia")
    innovator = InnovatorFactory(name="Vivai Verde", sector=sector, municipality=pistoia)
    story_index = StoryIndexPageFactory(parent=home_page, show_in_menus=True)
    attach_editorial_workflow(story_index, programme_page)
    course_index = CourseIndexPageFactory(parent=home_page)
    # Site settings are created on first read: do it now, not inside the first request.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    session_index = SessionIndexPageFactory(parent=home_page)
    return {
        "home": home_page,
        "programme": programme_page,
        "update": PhaseUpdatePageFactory(parent=programme_page, title="Aggiornamento"),
        "story_index": story_index,
        "story": StoryPageFactory(parent=story_index, title="Una storia"),
        "submission": StorySubmissionPageFactory(parent=story_index),
        "map": InnovatorMapPageFactory(parent=home_page, show_in_menus=True),
        "club": ClubDirectoryPageFactory(parent=home_page, show_in_menus=True),
        "innovator": innovator,
        "sector": sector,
        "course_index": course_index,
        "course": CoursePageFactory(parent=course_index, title="Un corso", capacity=60),
        "session_index": session_index,
        "session": SessionPageFactory(parent=session_index, title="Una sessione", capacity=60),
    }


@pytest.fixture
def site(request, home_page, programme_page, phases):
    """Every public page type under the home page, with a little content in each (built once
    for a module whose every test asks for it: `shared_rows` in tests/conftest.py)."""
    rows = shared(request, "site")
    if rows is None:
        return build_site(home_page, programme_page)
    return {**rows, "home": home_page, "programme": programme_page}


def join_data(site, **overrides) -> dict:
    data = {
        "name": "Officina Nuova",
        "kind": "startup",
        "sector": site["sector"].pk,
        "short_description": "Stampa 3D per artigiani.",
        "description": "Aiutiamo le botteghe.",
        "tags": "stampa 3D, artigianato",
        "municipality": Municipality.objects.get(slug="agliana").pk,
        "address": "Via Roma 1",
        "website": "officinanuova.example.org",
        "contact_email": "ciao@officinanuova.example.org",
        "join_club": "on",
        "privacy": "on",
        "homepage": "",
    }
    data.update(overrides)
    return data


def submission_data(**overrides) -> dict:
    data = {
        "name": "Giulia Rossi",
        "organisation": "Vivai Verde",
        "email": "giulia@example.org",
        "title": "I sensori che fanno risparmiare acqua",
        "summary": "Un vivaio di Pistoia ha dimezzato i consumi d'acqua con sensori fatti in casa.",
        "text": "Tre anni fa abbiamo iniziato a misurare l'acqua dei vasi.\n\n" * 8,
        "consent_privacy": "on",
        "consent_publication": "on",
        "homepage": "",
    }
    data.update(overrides)
    return data


def registration_data(**overrides) -> dict:
    data = {
        "name": "Giulia Rossi",
        "email": "giulia@example.org",
        "organisation": "Vivai Rossi",
        "needs": "",
        "consent": "on",
        "homepage": "",
    }
    data.update(overrides)
    return data
