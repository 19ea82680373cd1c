"""The innovators' area in a real browser, as an innovator named like the demo's
(`info@<slug>.example.org`): ask for the link, read it from Django's outbox, sign in with the
button, edit the description and the map point, see «in revisione»; `moderazione` approves in
the admin; the public profile and the map's GeoJSON change only then. The same link used again
signs nobody in. axe audits the area's pages."""

import json
import re

from django.core import mail

import pytest
from axe_playwright_python.base import AXE_SCRIPT, AxeResults
from playwright.sync_api import expect

from tests.browser.conftest import login
from tests.browser.test_backoffice import approve_from_dashboard, reader_sees

NEW_TEXT = "Curiamo il verde delle città con alberi adatti al clima che cambia."
LINK = re.compile(r"https?://[^/\s]+(/area-innovatori/accedi/link/\?sesame=[\w\-]+)")


def axe_violations(page) -> list:
    page.evaluate(AXE_SCRIPT)
    results = AxeResults(page.evaluate('axe.run({"resultTypes": ["violations"]})'))
    return [violation["id"] for violation in results.response["violations"]]


def ask_for_link(page, live_server, email) -> str:
    mail.outbox.clear()
    page.goto(f"{live_server.url}/area-innovatori/accedi/")
    assert axe_violations(page) == []
    page.get_by_label("La tua e-mail").fill(email)
    page.get_by_role("button", name="Mandami il link").click()
    expect(page.locator("[data-sign-in-sent]")).to_be_visible()
    [message] = mail.outbox
    return live_server.url + LINK.search(message.body).group(1)


def geojson_point(page, live_server, slug):
    response = page.request.get(f"{live_server.url}/api/innovatori.geojson")
    features = json.loads(response.text())["features"]
    return next(f["geometry"]["coordinates"] for f in features if f["id"] == slug)


@pytest.mark.usefixtures("backoffice")
def test_an_innovator_edits_its_profile_and_moderazione_approves(page, live_server, backoffice):
    innovator = backoffice["innovator"]
    email = innovator.contact_email
    assert email.endswith(".example.org")
    profile_url = f"{live_server.url}/club/{innovator.slug}/"
    before = geojson_point(page, live_server, innovator.slug)

    link = ask_for_link(page, live_server, email)
    page.goto(link)
    assert axe_violations(page) == []
    page.get_by_role("button", name="Entra").click()
    page.wait_for_url(re.compile(r"/area-innovatori/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(innovator.name)
    assert axe_violations(page) == []

    page.get_by_role("link", name="Modifica il profilo").first.click()
    page.wait_for_url(re.compile(r"/area-innovatori/profilo/$"))
    assert axe_violations(page) == []
    page.get_by_label("Descrizione breve").fill(NEW_TEXT)
    latitude = page.locator("#id_latitude")
    old_latitude = latitude.input_value()
    map_box = page.locator("[data-area-map]")
    expect(map_box).to_be_visible()
    box = map_box.bounding_box()
    # A click on the map (Leaflet's own click event), away from the marker and the controls.
    map_box.click(position={"x": box["width"] * 0.7, "y": box["height"] * 0.3})
    expect(latitude).not_to_have_value(old_latitude)
    page.get_by_role("button", name="Invia alla redazione").click()
    page.wait_for_url(re.compile(r"/area-innovatori/\?inviata=1$"))
    expect(page.locator("[data-profile-state]")).to_contain_text("in revisione")
    assert axe_violations(page) == []
    for path in (
        "/area-innovatori/rimuovi/",
        "/en/innovators-area/",
        "/en/innovators-area/profile/",
    ):
        page.goto(live_server.url + path)
        assert axe_violations(page) == [], path

    # Nothing public changed yet.
    assert not reader_sees(page, profile_url, NEW_TEXT, attempts=1)
    assert geojson_point(page, live_server, innovator.slug) == before

    # The same link again: nobody is signed in.
    page.context.clear_cookies()
    page.goto(link)
    expect(page.locator("[data-link-invalid]")).to_be_visible()
    assert page.get_by_role("button", name="Entra").count() == 0
    page.goto(f"{live_server.url}/area-innovatori/")
    page.wait_for_url(re.compile(r"/area-innovatori/accedi/$"))

    login(page, live_server, "moderazione")
    approve_from_dashboard(page, live_server, innovator.name)
    assert reader_sees(page, profile_url, NEW_TEXT)
    assert geojson_point(page, live_server, innovator.slug) != before
