"""The English site and the impact page in a real browser: switcher, navigation, charts, a
phone's width (axe audits both in test_accessibility.py)."""


def test_switch_to_english_and_browse(page, demo_server):
    live_server = demo_server  # the demo site, shared read-only (conftest.py)
    page.set_default_timeout(60_000)  # first views make their AVIF renditions
    page.goto(live_server.url + "/programma/")
    page.locator(".language-switcher a[hreflang=en]").click()
    page.wait_for_url(live_server.url + "/en/programme/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "The programme"
    page.get_by_role("navigation", name="Main navigation").get_by_role(
        "link", name="Impact"
    ).click()
    page.wait_for_url(live_server.url + "/en/impact/")
    chart = page.locator("#innovators_by_sector svg")
    assert chart.get_attribute("role") == "img"
    assert chart.bounding_box()["width"] > 0

    # The impact page on a phone: no horizontal scroll.
    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    page.goto(live_server.url + "/impatto/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
