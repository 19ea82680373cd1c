"""The map with many innovators (issue 28): the server's clusters, loaded by view."""

import re

from playwright.sync_api import expect

from tests.browser.test_map import COUNT_MARKERS, wait_for_count
from tests.browser.test_map import map_site as map_site  # the fixtures
from tests.browser.test_map import watched_page as watched_page


def test_clusters_by_view_then_points_when_zoomed_in(watched_page, live_server, map_site, settings):
    settings.MAP_VIEW_MAX_POINTS = 2  # five innovators are "many"
    page = watched_page
    page.goto(f"{live_server.url}/mappa/")
    wait_for_count(page, map_site["published"])
    # The first view: clusters from the server, no single innovator sent; every one counted.
    geojson = [url for url in page.requests if "innovatori.geojson" in url]
    assert geojson and all("bbox=" in url and "zoom=" in url for url in geojson)
    expect(page.locator(".innovator-marker")).to_have_count(0)
    assert page.evaluate(COUNT_MARKERS) == map_site["published"]
    assert "5 innovatori" in page.locator("[data-innovator-list] [data-map-count]").inner_text()

    # Enter on a cluster zooms in on it; the new view's request brings its points.
    cluster = page.locator(".marker-cluster").first
    label = cluster.get_attribute("title")
    assert re.fullmatch(
        r"1 innovatore qui: .*|\d+ innovatori qui: ingrandisci la mappa per vederli", label
    )
    count = int(cluster.inner_text())
    asked = len(geojson)
    cluster.focus()
    page.keyboard.press("Enter")
    page.locator(".innovator-marker").first.wait_for()
    assert page.evaluate(COUNT_MARKERS) >= count
    assert len([url for url in page.requests if "innovatori.geojson" in url]) > asked
    assert page.locator("[data-innovator-map]").get_attribute("data-state") == "ready"
