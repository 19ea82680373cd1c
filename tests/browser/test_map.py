"""The map in a real browser: markers, filters in the URL, popups, no third-party requests."""

import base64
import re

import pytest
from playwright.sync_api import expect

from innovators.factories import (
    ClubDirectoryPageFactory,
    InnovatorFactory,
    InnovatorMapPageFactory,
    SectorFactory,
)
from innovators.models import Municipality

# A 1×1 transparent PNG served instead of the real tiles: the tests never need the network.
TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
TILE_PATTERN = "**/tile.openstreetmap.org/**"

COUNT_MARKERS = """() => {
  const singles = document.querySelectorAll('.innovator-marker').length;
  const clustered = [...document.querySelectorAll('.marker-cluster span')]
    .reduce((sum, span) => sum + parseInt(span.textContent, 10), 0);
  return singles + clustered;
}"""


@pytest.fixture
def map_site(home_page, settings):
    settings.MAP_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    comuni = {m.slug: m for m in Municipality.objects.all()}
    vivaismo = SectorFactory(name="Vivaismo", slug="vivaismo", color="#2f6b1f")
    digitale = SectorFactory(name="Digitale", slug="digitale", color="#3b4fc7")
    InnovatorMapPageFactory(parent=home_page)
    ClubDirectoryPageFactory(parent=home_page)
    placed = [
        ("Vivai Verde", vivaismo, "pistoia"),
        ("Serre Nuove", vivaismo, "pistoia"),
        ("Nuvola Digitale", digitale, "quarrata"),
        ("Codice Pescia", digitale, "pescia"),
        ("Rete Abetone", digitale, "abetone-cutigliano"),
    ]
    for name, sector, comune in placed:
        InnovatorFactory(name=name, sector=sector, municipality=comuni[comune])
    InnovatorFactory(name="Bozza", sector=digitale, municipality=comuni["pistoia"], live=False)
    return {"published": len(placed), "digitale": 3}


@pytest.fixture
def watched_page(page, live_server):
    """The browser page, with tiles stubbed and every other request recorded."""
    requests = []
    page.route(
        TILE_PATTERN, lambda route: route.fulfill(status=200, content_type="image/png", body=TILE)
    )
    page.on("request", lambda request: requests.append(request.url))
    page.requests = requests
    yield page
    foreign = [
        url
        for url in requests
        if not url.startswith(live_server.url) and "tile.openstreetmap.org" not in url
    ]
    assert not foreign, f"requests leaving the live server: {foreign}"


def wait_for_count(page, count):
    # Locators, not wait_for_function: its string predicate is an eval the site's CSP refuses.
    page.locator(f"[data-innovator-map][data-count='{count}'][data-state='ready']").wait_for(
        state="attached"
    )


def test_map_shows_every_published_innovator(watched_page, live_server, map_site):
    page = watched_page
    page.goto(f"{live_server.url}/mappa/")
    wait_for_count(page, map_site["published"])
    assert page.evaluate(COUNT_MARKERS) == map_site["published"]
    assert page.locator(".leaflet-control-attribution").inner_text().find("OpenStreetMap") >= 0
    assert any("tile.openstreetmap.org" in url for url in page.requests)


def test_a_filter_changes_markers_url_and_list(watched_page, live_server, map_site):
    page = watched_page
    page.goto(f"{live_server.url}/mappa/")
    wait_for_count(page, map_site["published"])
    page.select_option("#filter-sector", "digitale")
    wait_for_count(page, map_site["digitale"])
    assert page.evaluate(COUNT_MARKERS) == map_site["digitale"]
    page.wait_for_url(re.compile(r"[?&]settore=digitale"))  # history.pushState, a moment later
    expect(page.locator(".innovator-list li")).to_have_count(3)
    assert "Vivai Verde" not in page.locator(".innovator-list").inner_text()
    # The shared URL opens the same filtered view.
    page.goto(page.url)
    wait_for_count(page, map_site["digitale"])


def test_a_popup_links_to_the_profile(watched_page, live_server, map_site):
    page = watched_page
    page.goto(f"{live_server.url}/mappa/?comune=quarrata")
    wait_for_count(page, 1)
    page.locator(".innovator-marker").first.click()
    link = page.locator(".leaflet-popup-content a")
    link.wait_for()
    assert link.inner_text() == "Nuvola Digitale"
    assert link.get_attribute("href") == "/club/nuvola-digitale/"
    assert "Digitale · Quarrata" in page.locator(".leaflet-popup-content").inner_text()
    link.click()
    page.wait_for_url(f"{live_server.url}/club/nuvola-digitale/")
    assert page.locator("h1").inner_text() == "Nuvola Digitale"
