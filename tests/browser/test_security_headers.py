"""The site works in a real browser under its security headers: no CSP violation on the map,
the forms or the admin; the map's embed can be framed by another site, other pages cannot."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from tests.browser.conftest import login
from tests.browser.test_map import TILE, TILE_PATTERN
from tests.browser.test_map import map_site as map_site  # the fixture

VIOLATIONS = """() => window.__cspViolations || []"""
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""


@pytest.fixture
def watched(page):
    page.add_init_script(RECORD_VIOLATIONS)
    page.route(TILE_PATTERN, lambda route: route.fulfill(body=TILE, content_type="image/png"))
    return page


def test_map_and_join_form_work_under_the_csp(watched, live_server, map_site, settings):
    settings.PAGE_CACHE_ENABLED = True
    page = watched
    response = page.goto(f"{live_server.url}/mappa/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector(".innovator-marker, .marker-cluster")
    assert page.evaluate(VIOLATIONS) == []

    page.goto(f"{live_server.url}/club/aderisci/")
    page.fill("#id_name", "Officina Nuova")
    page.select_option("#id_kind", index=1)
    page.select_option("#id_sector", index=1)
    page.fill("#id_short_description", "Stampa 3D per artigiani.")
    page.select_option("#id_municipality", index=1)
    page.fill("#id_contact_email", "ciao@example.org")
    page.check("#id_privacy")
    page.click("form.join-form [type=submit]")
    page.wait_for_url("**/club/aderisci/?inviata=1")
    assert page.evaluate(VIOLATIONS) == []


def test_admin_works_under_its_policy(watched, live_server, backoffice):
    """The editors' innovator form, its map tab included, as `redazione` sees it."""
    page = watched
    login(page, live_server, "redazione")
    add_url = f"{live_server.url}/admin/snippets/innovators/innovator/add/"
    page.goto(add_url)
    page.locator("#id_name").wait_for()  # the form itself, not a permission error
    assert page.url == add_url
    page.get_by_role("tab", name="Luogo").click()
    page.locator("#id_municipality").wait_for()
    assert page.evaluate(VIOLATIONS) == []


@pytest.fixture
def other_site(live_server):
    """Another origin, really served on loopback, whose page frames the map and the embed."""
    body = (
        f'<iframe id="embed" src="{live_server.url}/mappa/embed/"></iframe>'
        f'<iframe id="full" src="{live_server.url}/mappa/"></iframe>'
    ).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def test_only_the_embed_can_be_framed(page, live_server, map_site, other_site):
    page.route(TILE_PATTERN, lambda route: route.fulfill(body=TILE, content_type="image/png"))
    page.goto(other_site)
    page.frame_locator("#embed").locator("[data-innovator-map]").wait_for()
    # The full map is refused (frame-ancestors 'none', X-Frame-Options: DENY).
    assert page.frame_locator("#full").locator("main").count() == 0
