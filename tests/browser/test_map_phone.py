"""The map on a phone (issue 28): in the first screen, the filters folded behind «Filtri (n)»."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_map import TILE, TILE_PATTERN

PHONE = {"width": 375, "height": 812}
SMALL_PHONES = [
    {"width": 320, "height": 568},
    {"width": 375, "height": 667},
    {"width": 480, "height": 854},
]
LABELS = {"/mappa/": "Filtri", "/en/map/": "Filters"}


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    page.route(
        TILE_PATTERN, lambda route: route.fulfill(status=200, content_type="image/png", body=TILE)
    )
    return page


def ready_map(page):
    return page.locator("[data-innovator-map][data-state='ready']")


@pytest.mark.parametrize("path", ["/mappa/", "/en/map/"])
def test_on_a_phone_the_map_comes_first_and_the_filters_fold(phone, demo_server, path):
    page = phone
    page.set_default_timeout(30_000)
    page.goto(demo_server.url + path)
    ready_map(page).wait_for(state="attached")
    before = int(page.locator("[data-innovator-map]").get_attribute("data-count"))
    assert before > 0

    # The map's top edge and at least half of its height in the first screen.
    box = page.locator("[data-innovator-map]").bounding_box()
    assert page.evaluate("window.scrollY") == 0
    assert 0 <= box["y"] < PHONE["height"]
    assert min(box["y"] + box["height"], PHONE["height"]) - box["y"] >= box["height"] / 2

    # The same on smaller and wider phones.
    for size in SMALL_PHONES:
        page.set_viewport_size(size)
        box = page.locator("[data-innovator-map]").bounding_box()
        assert 0 <= box["y"] < size["height"], size
        assert min(box["y"] + box["height"], size["height"]) - box["y"] >= box["height"] / 2, size
    page.set_viewport_size(PHONE)

    # The filters wait behind one button; the list is one tap away.
    form = page.locator("#innovator-filters")
    toggle = page.locator("[data-filters-toggle]")
    expect(form).to_be_hidden()
    expect(toggle).to_have_text(LABELS[path])
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.locator(".map-toolbar a[href='#elenco']")).to_be_visible()

    # Opened: a panel with the focus in it; a filter applies, counts and goes into the URL.
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(form).to_be_visible()
    expect(page.locator("#filter-q")).to_be_focused()
    sector = page.locator("#filter-sector option").nth(1).get_attribute("value")
    page.select_option("#filter-sector", sector)
    expect(toggle).to_have_text(f"{LABELS[path]} (1)")
    page.wait_for_url(re.compile(rf"[?&]settore={sector}"))
    filtered = f"[data-innovator-map][data-state='ready']:not([data-count='{before}'])"
    page.locator(filtered).wait_for(state="attached")
    count = int(page.locator("[data-innovator-map]").get_attribute("data-count"))
    assert 0 < count < before
    expect(page.locator("[data-innovator-list] [data-map-count]")).to_contain_text(str(count))
    page.locator("#filter-club").check()
    expect(toggle).to_have_text(f"{LABELS[path]} (2)")

    # Escape closes the panel and gives the focus back to its button.
    page.locator("#filter-sector").focus()
    page.keyboard.press("Escape")
    expect(form).to_be_hidden()
    expect(toggle).to_be_focused()
    expect(toggle).to_have_attribute("aria-expanded", "false")

    # The shared URL opens the same view, its count on the button.
    page.goto(page.url)
    expect(toggle).to_have_text(f"{LABELS[path]} (2)")


def test_on_a_wide_screen_the_filters_stay_beside_the_map(page, demo_server):
    page.route(
        TILE_PATTERN, lambda route: route.fulfill(status=200, content_type="image/png", body=TILE)
    )
    page.goto(demo_server.url + "/mappa/")
    ready_map(page).wait_for(state="attached")
    expect(page.locator("#innovator-filters")).to_be_visible()
    expect(page.locator("[data-filters-toggle]")).to_be_hidden()
