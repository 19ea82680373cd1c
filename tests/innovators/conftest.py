"""Fixtures for the innovators: the map and club pages, sectors and a few innovators."""

from django.contrib.auth import get_user_model
from django.core.cache import cache

import pytest

from innovators.factories import (
    ClubDirectoryPageFactory,
    InnovatorFactory,
    InnovatorMapPageFactory,
    SectorFactory,
)
from innovators.models import Municipality


@pytest.fixture(autouse=True)
def clear_cache():
    """Rate limits live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def map_page(home_page):
    return InnovatorMapPageFactory(parent=home_page, show_in_menus=True)


@pytest.fixture
def club_page(home_page):
    return ClubDirectoryPageFactory(parent=home_page, show_in_menus=True)


@pytest.fixture
def sectors(db):
    return {
        "vivaismo": SectorFactory(name="Vivaismo", slug="vivaismo", color="#2f6b1f"),
        "digitale": SectorFactory(name="Digitale", slug="digitale", color="#3b4fc7"),
    }


@pytest.fixture
def comuni(db):
    return {m.slug: m for m in Municipality.objects.all()}


@pytest.fixture
def innovators(sectors, comuni):
    """Two published members, one published non-member, one draft."""
    return {
        "verde": InnovatorFactory(
            name="Vivai Verde",
            sector=sectors["vivaismo"],
            municipality=comuni["pistoia"],
            tags=["verde urbano", "iot"],
        ),
        "nuvola": InnovatorFactory(
            name="Nuvola Digitale",
            sector=sectors["digitale"],
            municipality=comuni["quarrata"],
            location="SRID=4326;POINT(10.9833 43.8478)",
            tags=["iot", "dati aperti"],
        ),
        "bottega": InnovatorFactory(
            name="Bottega Pescia",
            sector=sectors["digitale"],
            municipality=comuni["pescia"],
            is_club_member=False,
        ),
        "bozza": InnovatorFactory(
            name="Bozza Segreta",
            sector=sectors["vivaismo"],
            municipality=comuni["pistoia"],
            live=False,
        ),
    }


def make_innovators(count: int, sector, municipality, start: int = 0):
    """`count` published club members with tags, for query-count tests."""
    for index in range(start, start + count):
        InnovatorFactory(
            name=f"Scala {index:04d}",
            sector=sector,
            municipality=municipality,
            tags=["iot", f"tema {index % 5}"],
        )


@pytest.fixture
def moderator(db):
    return get_user_model().objects.create_superuser("moderatrice", "moderatrice@example.org", "x")


@pytest.fixture
def data(  # a valid join request
    sectors, comuni
):
    return {
        "name": "Officina Nuova",
        "kind": "startup",
        "sector": sectors["digitale"].pk,
        "short_description": "Stampa 3D per artigiani.",
        "description": "Aiutiamo le botteghe.\n\nAnche con corsi.",
        "tags": "stampa 3D, artigianato",
        "municipality": comuni["agliana"].pk,
        "address": "Via Roma 1",
        "website": "officinanuova.example.org",
        "contact_email": "ciao@officinanuova.example.org",
        "join_club": "on",
        "privacy": "on",
        "homepage": "",
    }
