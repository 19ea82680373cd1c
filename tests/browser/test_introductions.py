"""Introductions in a real browser, with two innovators named like the demo's
(`info@<slug>.example.org`): B, signed in by its e-mail link, asks to be introduced from A's
profile; A opens the link of the e-mail, sees the message and presses «Accetto»; both
outboxes hold the other's contact. A third innovator's request, declined, gives it no
contact. axe audits the pages."""

import re

from django.core import mail

import pytest
from playwright.sync_api import expect

from innovators.factories import InnovatorFactory
from tests.browser.test_innovators_area import ask_for_link, axe_violations

ANSWER = re.compile(
    r"https?://[^/\s]+(/area-innovatori/presentazioni/risposta/\?t=\S+&scelta=(si|no))"
)


def sign_in(page, live_server, email):
    page.context.clear_cookies()
    page.goto(ask_for_link(page, live_server, email))
    page.get_by_role("button", name="Entra").click()
    page.wait_for_url(re.compile(r"/area-innovatori/$"))


def ask(page, live_server, receiver, message):
    mail.outbox.clear()
    page.goto(f"{live_server.url}/club/{receiver.slug}/")
    assert axe_violations(page) == []
    page.get_by_role("link", name=f"Chiedi di conoscere {receiver.name}").click()
    assert axe_violations(page) == []
    page.get_by_label("Il tuo messaggio").fill(message)
    page.get_by_role("button", name="Chiedi la presentazione").click()
    expect(page.locator("[data-introduction-sent]")).to_be_visible()
    assert axe_violations(page) == []
    return {
        choice: path
        for message in mail.outbox
        if message.to == [receiver.contact_email]
        for path, choice in ANSWER.findall(message.body)
    }


@pytest.mark.usefixtures("backoffice")
def test_b_asks_a_accepts_both_get_the_contact_c_is_declined(page, live_server, backoffice):
    sector = backoffice["sector"]
    a = InnovatorFactory(name="Serre Nuove", slug="serre-nuove", sector=sector)
    b = InnovatorFactory(name="Dati Chiari", slug="dati-chiari", sector=sector)
    c = InnovatorFactory(name="Bottega Tre", slug="bottega-tre", sector=sector)

    sign_in(page, live_server, b.contact_email)
    links = ask(page, live_server, a, "Misuriamo l'acqua delle serre: vi va di parlarne?")
    assert set(links) == {"si", "no"}

    # A, not signed in, opens «Accetto» from the e-mail: the page shows the message and the
    # button; only pressing it answers.
    page.context.clear_cookies()
    mail.outbox.clear()
    page.goto(live_server.url + links["si"])
    expect(page.locator("[data-introduction-message]")).to_contain_text("Misuriamo l'acqua")
    assert axe_violations(page) == []
    assert mail.outbox == []
    page.get_by_role("button", name="Accetto").click()
    expect(page.locator("[data-introduction-state=accepted]")).to_be_visible()
    assert axe_violations(page) == []
    to_b = "\n".join(m.body for m in mail.outbox if m.to == [b.contact_email])
    to_a = "\n".join(m.body for m in mail.outbox if m.to == [a.contact_email])
    assert a.name in to_b and a.contact_email in to_b
    assert b.name in to_a and b.contact_email in to_a

    # C asks too; A declines: C hears kindly, without A's address.
    sign_in(page, live_server, c.contact_email)
    links = ask(page, live_server, a, "Siamo una bottega: possiamo aiutarvi?")
    page.context.clear_cookies()
    mail.outbox.clear()
    page.goto(live_server.url + links["no"])
    page.get_by_role("button", name="No, grazie").click()
    expect(page.locator("[data-introduction-state=declined]")).to_be_visible()
    [notice] = mail.outbox
    assert notice.to == [c.contact_email] and a.contact_email not in notice.body

    # B's area lists the introduction; the English pages are clean too.
    sign_in(page, live_server, b.contact_email)
    expect(page.locator("[data-area-section=introductions]")).to_contain_text(a.name)
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/en/innovators-area/introductions/ask/{c.pk}/")
    assert axe_violations(page) == []
