"""Offers and needs in a real browser: an innovator signs in by its e-mail link, writes an
offer in its area, `moderazione` approves it from the dashboard, and a reader finds it on the
board filtered by `?tipo=offro` and on the innovator's profile. axe audits the form, the board
(Italian and English) and the matches."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login
from tests.browser.test_backoffice import approve_from_dashboard, reader_sees
from tests.browser.test_innovators_area import ask_for_link, axe_violations

TITLE = "Laboratorio di prototipazione aperto il venerdì"


@pytest.mark.usefixtures("backoffice")
def test_an_innovator_posts_an_offer_and_moderazione_approves(page, live_server, backoffice):
    innovator = backoffice["innovator"]
    board = f"{live_server.url}/club/bacheca/?tipo=offro"
    profile = f"{live_server.url}/club/{innovator.slug}/"

    page.goto(ask_for_link(page, live_server, innovator.contact_email))
    page.get_by_role("button", name="Entra").click()
    page.wait_for_url(re.compile(r"/area-innovatori/$"))
    page.get_by_role("link", name="Pubblica un'offerta o una richiesta").click()
    page.wait_for_url(re.compile(r"/area-innovatori/offerte/nuova/$"))
    assert axe_violations(page) == []

    # An empty form comes back with its messages, nothing saved.
    page.get_by_role("button", name="Invia alla redazione").click()
    expect(page.locator("#form-errors")).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_label("Offro").check()
    page.get_by_label("Categoria").select_option(label="Spazi e attrezzature")
    page.get_by_label("Titolo").fill(TITLE)
    page.get_by_label("Testo").fill("Stampanti 3D e frese a controllo numerico per chi prova.")
    page.get_by_label("Parole chiave").fill("manifattura digitale, prototipi")
    page.get_by_role("button", name="Invia alla redazione").click()
    page.wait_for_url(re.compile(r"/area-innovatori/\?offerta=1"))
    section = page.locator('[data-area-section="offers"]')
    expect(section).to_contain_text(TITLE)
    expect(section).to_contain_text("In revisione")
    page.goto(f"{live_server.url}/area-innovatori/sinergie/")
    assert axe_violations(page) == []

    assert not reader_sees(page, board, TITLE, attempts=1)

    login(page, live_server, "moderazione")
    approve_from_dashboard(page, live_server, TITLE)
    assert reader_sees(page, board, TITLE)
    card = page.locator(".offer-card", has_text=TITLE)
    expect(card.get_by_role("link", name=innovator.name, exact=True)).to_have_attribute(
        "href", f"/club/{innovator.slug}/"
    )
    # …and asks to be introduced to it.
    expect(
        card.get_by_role("link", name=f"Chiedi di conoscere {innovator.name}")
    ).to_have_attribute("href", f"/area-innovatori/presentazioni/chiedi/{innovator.pk}/")
    assert axe_violations(page) == []
    assert reader_sees(page, profile, TITLE)
    page.goto(f"{live_server.url}/club/bacheca/?tipo=cerco")
    expect(page.get_by_text(TITLE)).to_have_count(0)
