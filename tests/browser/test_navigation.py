"""The site frame in a real browser: skip link, main navigation, a phone's narrowest width.
(axe audits every page type of the demo in test_accessibility.py.)"""

import pytest

from home.factories import ContentPageFactory
from newsletter.factories import NewsletterPageFactory


@pytest.fixture
def site(home_page, programme_page):
    ContentPageFactory(
        parent=home_page,
        title="Il nostro approccio",
        slug="il-nostro-approccio",
        show_in_menus=True,
    )
    NewsletterPageFactory(parent=home_page)  # the home page and the footer invite to it
    return home_page


def test_skip_link_and_main_navigation(page, live_server, site):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip_link = page.locator("a.skip-link")
    assert skip_link.evaluate("element => element === document.activeElement")
    assert skip_link.is_visible()  # visible once focused
    page.keyboard.press("Enter")
    # Playwright learns of the same-document navigation a moment after the key is handled.
    page.wait_for_url(live_server.url + "/#main")
    assert page.evaluate("document.activeElement.id") == "main"

    navigation = page.get_by_role("navigation", name="Navigazione principale")
    navigation.get_by_role("link", name="Il programma").click()
    page.wait_for_url(live_server.url + "/programma/")
    assert page.get_by_role("heading", level=1).inner_text() == "Il programma"
    current = navigation.locator('[aria-current="page"]')
    assert current.inner_text() == "Il programma"

    navigation.get_by_role("link", name="Il nostro approccio").click()
    page.wait_for_url(live_server.url + "/il-nostro-approccio/")
    assert page.get_by_role("heading", level=1).inner_text() == "Il nostro approccio"


def test_layout_holds_at_320_pixels(page, live_server, site):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + "/")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
