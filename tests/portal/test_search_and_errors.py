from django.template.loader import render_to_string

import pytest

from stories.factories import PhaseUpdatePageFactory
from tests.html import parse, texts


@pytest.fixture
def update(programme_page, phases):
    return PhaseUpdatePageFactory(
        parent=programme_page,
        title="Laboratori di progettazione partecipata",
        intro="Attori pubblici e privati attorno allo stesso tavolo.",
        phase=phases[1],
    )


def test_search_finds_a_phase_update(client, update):
    html = parse(client.get("/cerca/", {"q": "laboratori"}))
    results = html.select(".search-results li")
    assert texts(r.find("h2") for r in results) == ["Laboratori di progettazione partecipata"]
    assert results[0].find("a")["href"] == update.url
    assert "1 risultato" in html.select_one(".search-count").get_text()


def test_search_ignores_drafts(client, programme_page):
    PhaseUpdatePageFactory(parent=programme_page, title="Laboratori segreti", live=False)
    html = parse(client.get("/cerca/", {"q": "segreti"}))
    assert html.select(".search-results li") == []
    assert "Nessun risultato" in html.select_one(".empty-state").get_text()


def test_search_without_query_invites_to_search(client, home_page):
    html = parse(client.get("/cerca/"))
    assert html.find("input", attrs={"name": "q"})
    assert "Scrivi una parola" in html.select_one(".empty-state").get_text()


def test_search_is_paginated(client, programme_page, settings):
    settings.PORTAL_PAGE_SIZE = 2
    for n in range(5):
        PhaseUpdatePageFactory(parent=programme_page, title=f"Vivaismo {n}")
    first = parse(client.get("/cerca/", {"q": "vivaismo"}))
    assert len(first.select(".search-results li")) == 2
    assert client.get("/cerca/", {"q": "vivaismo", "page": 3}).status_code == 200
    assert client.get("/cerca/", {"q": "vivaismo", "page": 9}).status_code == 404


def test_search_escapes_the_query(client, home_page):
    response = client.get("/cerca/", {"q": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert b"<script>alert(1)" not in response.content


def test_not_found_page_is_italian_and_in_the_site_frame(client, home_page):
    response = client.get("/non-esiste/")
    assert response.status_code == 404
    html = parse(response)
    assert html.find("h1").get_text() == "Pagina non trovata"
    assert html.select_one("a.skip-link") and html.find("footer")


def test_server_error_page_needs_no_context():
    html = render_to_string("500.html")
    assert "Si è verificato un errore" in html
    assert 'lang="it"' in html
