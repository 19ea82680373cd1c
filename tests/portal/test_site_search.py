"""/cerca/ across content kinds: pages, innovators and events, grouped with counts."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

import pytest

from courses.factories import CourseIndexPageFactory, CoursePageFactory
from innovators.factories import ClubDirectoryPageFactory, InnovatorFactory, SectorFactory
from innovators.models import Municipality
from stories.factories import PhaseUpdatePageFactory
from tests.html import parse, texts


@pytest.fixture
def club(home_page):
    return ClubDirectoryPageFactory(parent=home_page)


@pytest.fixture
def vivaismo(db):
    return SectorFactory(name="Vivaismo", slug="vivaismo")


@pytest.fixture
def quarrata(db):
    return Municipality.objects.get(slug="quarrata")


@pytest.fixture
def courses(home_page):
    return CourseIndexPageFactory(parent=home_page)


def titles(html, kind=None):
    scope = html.select_one(f"#search-group-{kind}").parent if kind else html
    return texts(scope.select(".search-results__title"))


def counts(html):
    return {
        link.contents[0].strip(): int(link.select_one(".search-kinds__count").get_text())
        for link in html.select(".search-kinds a")
    }


def test_innovators_are_found_by_name_sector_tag_and_comune(client, club, vivaismo, quarrata):
    InnovatorFactory(name="Serre Nuove", sector=vivaismo, municipality=quarrata, tags=["serre"])
    InnovatorFactory(name="Bozza", sector=vivaismo, live=False)
    for query in ("serre nuove", "vivaismo", "SERRE", "quarrata"):
        html = parse(client.get("/cerca/", {"q": query}))
        assert titles(html) == ["Serre Nuove"], query
    link = parse(client.get("/cerca/", {"q": "vivaismo"})).select_one(".search-results a")
    assert link["href"] == f"{club.url}serre-nuove/"
    assert titles(parse(client.get("/cerca/", {"q": "bozza"}))) == []


def test_events_are_found_by_title_and_venue(client, courses, home_page):
    CoursePageFactory(parent=courses, title="Bilancio per innovatori", venue="Villa Stonorov")
    html = parse(client.get("/cerca/", {"q": "stonorov"}))
    assert titles(html) == ["Bilancio per innovatori"]
    html = parse(client.get("/cerca/", {"q": "bilancio innovatori"}))
    assert titles(html) == ["Bilancio per innovatori"]
    weekday = html.select_one(".search-results time").get_text().split()[0]
    assert weekday.islower()  # Italian typography: «giovedì 26 novembre 2026, 18:00»


def test_results_are_grouped_by_kind_with_counts(
    client, club, vivaismo, courses, programme_page, home_page
):
    PhaseUpdatePageFactory(parent=programme_page, title="Vivaio di idee")
    for n in range(7):
        InnovatorFactory(name=f"Vivaio {n}", sector=vivaismo)
    CoursePageFactory(parent=courses, title="Vivaio digitale")
    html = parse(client.get("/cerca/", {"q": "vivaio"}))
    assert counts(html) == {"Tutti": 9, "Pagine": 1, "Innovatori": 7, "Percorsi e sessioni": 1}
    assert "9 risultati" in html.select_one(".search-count").get_text()
    assert titles(html, "pagine") == ["Vivaio di idee"]  # the course is not listed twice
    assert titles(html, "eventi") == ["Vivaio digitale"]
    assert len(titles(html, "innovatori")) == 5  # a preview, with a link to all of them
    more = html.select_one("#search-group-innovatori").parent.select("a")[-1]
    assert "tipo=innovatori" in more["href"]

    only = parse(client.get("/cerca/", {"q": "vivaio", "tipo": "innovatori"}))
    assert len(titles(only)) == 7
    assert only.select_one('.search-kinds a[aria-current="page"]').contents[0].strip() == (
        "Innovatori"
    )


def test_a_kind_is_paginated(client, club, vivaismo, settings):
    settings.PORTAL_PAGE_SIZE = 2
    for n in range(5):
        InnovatorFactory(name=f"Orto {n}", sector=vivaismo)
    first = parse(client.get("/cerca/", {"q": "orto"}))
    assert titles(first) == ["Orto 0", "Orto 1"]
    third = parse(client.get("/cerca/", {"q": "orto", "tipo": "innovatori", "page": 3}))
    assert titles(third) == ["Orto 4"]
    assert client.get("/cerca/", {"q": "orto", "tipo": "innovatori", "page": 9}).status_code == 404


def test_search_is_in_the_readers_language(client, home_page, club, vivaismo):
    english = Locale.objects.get(language_code="en")
    english_home = home_page.copy_for_translation(english, alias=False)
    english_home.save_revision().publish()
    club.copy_for_translation(english, alias=False).save_revision().publish()
    InnovatorFactory(name="Orto Italiano", sector=vivaismo)
    italian_course_index = CourseIndexPageFactory(parent=home_page)
    CoursePageFactory(parent=italian_course_index, title="Orto in aula")
    html = parse(client.get("/en/cerca/", {"q": "orto"}))
    # The innovator falls back to Italian (not translated); the Italian course is not listed.
    assert titles(html) == ["Orto Italiano"]
    assert html.html["lang"] == "en"


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "\x00",
        'vivaio "unbalanced',
        "vivaio AND OR NOT",
        "NEAR(vivaio orto)",
        "vivaio*",
        "-vivaio",
        "title:vivaio",
        "(((",
        "^vivaio",
        "'; DROP TABLE wagtailcore_page; --",
        "x" * 5000,
        " ".join(["orto"] * 300),
    ],
)
def test_hostile_queries_give_results_or_nothing_never_an_error(
    client, home_page, club, vivaismo, query
):
    InnovatorFactory(name="Vivaio Orto", sector=vivaismo)
    response = client.get("/cerca/", {"q": query})
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/html")


def test_a_percent_encoded_nul_is_not_an_error(client, home_page):
    assert client.get("/cerca/?q=%00").status_code == 200
    assert client.get("/cerca/?q=%22").status_code == 200
    assert client.get("/cerca/?q=vivaio&tipo=nessuno").status_code == 200


def test_query_counts_do_not_grow_with_results(
    client, home_page, club, vivaismo, courses, programme_page, django_assert_max_num_queries
):
    def measure():
        cache.clear()
        client.get("/cerca/?q=vivaio")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/cerca/?q=vivaio").status_code == 200
        return len(queries)

    def add(count, start):
        for n in range(start, start + count):
            InnovatorFactory(name=f"Vivaio {n}", sector=vivaismo, tags=["vivaio"])
            PhaseUpdatePageFactory(parent=programme_page, title=f"Vivaio {n}")
            CoursePageFactory(parent=courses, title=f"Vivaio {n}")

    add(2, 0)
    small = measure()
    add(10, 2)
    large = measure()
    assert large <= small
    with django_assert_max_num_queries(25):
        client.get("/cerca/?q=vivaio")
