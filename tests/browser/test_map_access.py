"""The map for readers on keyboards and on networks that block the tiles."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_map import COUNT_MARKERS, TILE_PATTERN, wait_for_count
from tests.browser.test_map import map_site as map_site  # the fixtures
from tests.browser.test_map import watched_page as watched_page

GEOJSON_PATTERN = "**/api/innovatori.geojson*"


def focused(page, selector: str) -> bool:
    return page.evaluate("selector => document.activeElement.matches(selector)", selector)


def tab_to(page, selector: str, limit: int = 80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page, selector):
            return
    pytest.fail(f"{selector} not reached with Tab")


@pytest.fixture
def tiles_blocked(page):
    page.route(TILE_PATTERN, lambda route: route.abort())
    return page


def test_without_tiles_the_comuni_are_drawn_and_a_notice_says_why(
    tiles_blocked, live_server, map_site
):
    page = tiles_blocked
    page.goto(f"{live_server.url}/mappa/")
    wait_for_count(page, map_site["published"])
    notice = page.locator("[data-map-notice]")
    expect(notice).to_be_visible()
    assert "Lo sfondo della mappa non è disponibile" in notice.inner_text()
    expect(page.locator(".innovator-map--offline")).to_have_count(1)
    labels = page.locator(".comune-label")
    expect(labels).to_have_count(20)
    assert (
        "Pistoia" in labels.all_inner_texts() and "Abetone Cutigliano" in labels.all_inner_texts()
    )
    assert page.evaluate(COUNT_MARKERS) == map_site["published"]
    # The filters and the list below keep working.
    page.select_option("#filter-sector", "digitale")
    wait_for_count(page, map_site["digitale"])
    expect(page.locator(".innovator-list li")).to_have_count(map_site["digitale"])


def test_a_failed_points_request_ends_the_loading_state(page, live_server, map_site):
    page.route(TILE_PATTERN, lambda route: route.abort())
    page.route(GEOJSON_PATTERN, lambda route: route.fulfill(status=503, body="down"))
    page.goto(f"{live_server.url}/mappa/")
    page.locator("[data-innovator-map][data-state='error']").wait_for(state="attached")
    assert (
        "Non è stato possibile caricare i punti" in page.locator("[data-map-notice]").inner_text()
    )
    expect(page.locator(".innovator-list li")).to_have_count(map_site["published"])


def test_an_empty_tile_setting_draws_the_comuni_without_a_request(
    watched_page, live_server, map_site, settings
):
    settings.MAP_TILE_URL = ""
    page = watched_page
    page.goto(f"{live_server.url}/mappa/")
    wait_for_count(page, map_site["published"])
    expect(page.locator(".comune-label")).to_have_count(20)
    assert not any("tile.openstreetmap.org" in url for url in page.requests)


def test_the_map_page_with_the_keyboard_only(watched_page, live_server, map_site):
    page = watched_page
    page.goto(f"{live_server.url}/mappa/")
    wait_for_count(page, map_site["published"])

    # Filters: a select changed from the keyboard updates markers and list.
    tab_to(page, "#filter-sector")
    page.keyboard.type("Digi")
    wait_for_count(page, map_site["digitale"])
    expect(page.locator(".innovator-list li")).to_have_count(map_site["digitale"])

    # A marker: Enter opens its popup with the focus on its link, Escape brings it back.
    tab_to(page, ".innovator-marker")
    name = page.evaluate("document.activeElement.title")
    page.keyboard.press("Enter")
    link = page.locator(".leaflet-popup-content a")
    link.wait_for()
    assert link.inner_text() == name
    assert focused(page, ".leaflet-popup-content a")
    page.keyboard.press("Escape")
    expect(page.locator(".leaflet-popup")).to_have_count(0)
    assert focused(page, ".innovator-marker")

    # The list alternative: reached with Tab, followed with Enter.
    tab_to(page, ".innovator-list a")
    target = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}{target}")
    assert page.get_by_role("heading", level=1).is_visible()
