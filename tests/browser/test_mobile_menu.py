"""The main navigation on a 375 px phone: a «Menu» disclosure, with and without JavaScript."""

import pytest

from home.factories import ContentPageFactory

PHONE = {"width": 375, "height": 812}
# The header on a phone: brand and languages on one row, the «Menu» bar below it.
HEADER_BUDGET_PX = 136
SECTIONS = [
    "Il programma",
    "Mappa",
    "Club",
    "Storie",
    "Formazione",
    "Co-creazione",
    "Impatto",
    "Chi siamo",
    "Il nostro approccio",
]


@pytest.fixture
def site(home_page, programme_page):
    for title in SECTIONS[1:]:
        ContentPageFactory(parent=home_page, title=title, show_in_menus=True)
    return home_page


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="it-IT", viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def nav(page):
    return page.get_by_role("navigation", name="Navigazione principale")


def test_the_menu_is_a_disclosure_on_a_phone(phone, live_server, site):
    page = phone
    page.goto(live_server.url + "/programma/")
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= HEADER_BUDGET_PX, header
    assert page.get_by_role("heading", level=1).bounding_box()["y"] < PHONE["height"] / 2

    button = nav(page).get_by_role("button", name="Menu")
    assert button.get_attribute("aria-expanded") == "false"
    assert button.get_attribute("aria-controls") == "main-nav-list"
    assert "Il programma" in button.inner_text()  # the current section stays visible
    first = nav(page).get_by_role("link", name="Il programma")
    assert not first.is_visible()

    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert first.evaluate("link => link === document.activeElement")
    assert all(nav(page).get_by_role("link", name=title).is_visible() for title in SECTIONS)

    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert button.evaluate("element => element === document.activeElement")
    assert not first.is_visible()

    # Tabbing out of the open menu closes it.
    page.keyboard.press("Enter")
    for _ in SECTIONS:
        page.keyboard.press("Tab")
    assert button.get_attribute("aria-expanded") == "false"

    page.keyboard.press("Shift+Tab")  # back to the last link: the menu is closed, so to the button
    button.click()
    nav(page).get_by_role("link", name="Impatto").click()
    page.wait_for_url("**/impatto/")
    assert "Impatto" in nav(page).get_by_role("button", name="Menu").inner_text()


def test_without_javascript_every_section_is_reachable(browser, live_server, site):
    context = browser.new_context(locale="it-IT", viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        assert page.locator(".site-header").bounding_box()["height"] <= HEADER_BUDGET_PX
        summary = nav(page).locator("summary")
        assert summary.is_visible()
        link = nav(page).get_by_role("link", name="Chi siamo")
        assert not link.is_visible()
        summary.click()
        assert all(nav(page).get_by_role("link", name=title).is_visible() for title in SECTIONS)
        link.click()
        page.wait_for_url("**/chi-siamo/")
        assert page.get_by_role("heading", level=1).inner_text() == "Chi siamo"
    finally:
        context.close()


def test_on_a_wide_screen_the_links_show_without_a_button(page, live_server, site):
    page.goto(live_server.url + "/")
    toggle = nav(page).locator("button.main-nav__toggle")
    toggle.wait_for(state="attached")  # nav.js has run
    assert not toggle.is_visible()
    assert all(nav(page).get_by_role("link", name=title).is_visible() for title in SECTIONS)
