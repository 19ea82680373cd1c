"""The back office in a real browser, as the people who use it (never as a superuser):

- redazione places an innovator on the map: a click sets the point, the comune moves the
  marker, Enter in the address field does not submit;
- a reader registers on the public page; the events desk (accoglienza) finds and checks her in;
- a moderator opens a public story submission from the dashboard and reads what was sent.
"""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from courses.desk import DESK
from courses.factories import CourseIndexPageFactory, CoursePageFactory
from courses.models import Registration
from innovators.factories import SectorFactory
from innovators.models import Innovator, Municipality
from stories.editorial import EDITORS, MODERATORS
from stories.factories import StorySubmissionFactory
from tests.browser.test_map import TILE, TILE_PATTERN

PASSWORD = "segreta-123"


@pytest.fixture
def people(transactional_db):
    """One person in each group (the groups were rebuilt by `migrated_rows`)."""
    users = {}
    for username, group in [
        ("redazione", EDITORS),
        ("moderazione", MODERATORS),
        ("accoglienza", DESK),
    ]:
        users[username] = get_user_model().objects.create_user(
            username, f"{username}@example.org", PASSWORD
        )
        users[username].groups.add(Group.objects.get(name=group))
    return users


def log_in(page, live_server, username):
    page.route(
        TILE_PATTERN, lambda route: route.fulfill(status=200, content_type="image/png", body=TILE)
    )
    page.goto(f"{live_server.url}/admin/login/")
    assert page.locator("h1").inner_text() == "Accedi a Pistoia2030"
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def point(page) -> tuple[float, float]:
    value = page.locator("#id_location").input_value()
    match = re.match(r"SRID=4326;POINT\((?P<lng>[-\d.]+) (?P<lat>[-\d.]+)\)", value)
    assert match, value
    return float(match["lat"]), float(match["lng"])


def test_redazione_places_an_innovator_on_the_map(page, live_server, people, home_page):
    SectorFactory(name="Vivaismo", slug="vivaismo")
    pescia = Municipality.objects.get(slug="pescia")
    log_in(page, live_server, "redazione")
    page.goto(f"{live_server.url}/admin/snippets/innovators/innovator/add/")
    page.get_by_role("tab", name="Luogo").click()
    page.locator("#id_location_map[data-portal-geo-ready]").wait_for()

    help_text = page.locator("#panel-child-luogo-location-helptext, [id$=location-helptext]")
    assert "La ricerca dell'indirizzo non è attiva" in help_text.first.inner_text()

    page.locator("#id_municipality").select_option(str(pescia.pk))
    assert point(page) == pytest.approx((pescia.latitude, pescia.longitude), abs=1e-6)
    assert page.locator("#id_location_latlng").input_value().startswith(f"{pescia.latitude},")

    box = page.locator("#id_location_map").bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.75, box["y"] + box["height"] * 0.25)
    clicked = point(page)
    assert clicked != pytest.approx((pescia.latitude, pescia.longitude), abs=1e-4)
    lat, lng = (
        float(part) for part in page.locator("#id_location_latlng").input_value().split(",")
    )
    assert (lat, lng) == pytest.approx(clicked, abs=1e-6)

    url = page.url
    page.locator("#id_address").fill("Piazza Mazzini 1")
    page.locator("#id_address").press("Enter")
    page.wait_for_timeout(500)
    assert page.url == url
    assert not Innovator.objects.exists()
    assert point(page) == clicked


def test_registration_checked_in_at_the_events_desk(page, live_server, people, home_page):
    course = CoursePageFactory(
        parent=CourseIndexPageFactory(parent=home_page), title="Dati aperti per le imprese"
    )
    page.goto(f"{live_server.url}{course.url}")
    page.get_by_label("Nome e cognome").fill("Giulia Rossi")
    page.get_by_label("E-mail").fill("giulia@example.org")
    page.get_by_label("Ho letto l'informativa privacy").check()
    page.get_by_role("button", name="Iscriviti").click()
    # The answer never says whether the address was registered; the code is in the e-mail.
    page.wait_for_url("**/iscrizione-inviata/**")
    code = Registration.objects.get(email="giulia@example.org").code

    log_in(page, live_server, "accoglienza")
    row = page.locator("[data-dashboard=events] tr", has_text="Dati aperti per le imprese")
    row.get_by_role("link", name="Check-in").click()
    page.get_by_label("Codice di iscrizione, nome o e-mail").fill(code.lower())
    page.get_by_role("button", name="Cerca").click()
    result = page.locator("tbody tr", has_text="Giulia Rossi")
    assert result.locator("td").first.inner_text() == code
    result.get_by_role("button", name="Segna presente").click()
    page.get_by_text("Giulia Rossi è presente.").wait_for()
    assert "Presente dalle" in page.locator("tbody tr", has_text="Giulia Rossi").inner_text()
    assert Registration.objects.get(code=code).attended


def test_moderator_opens_a_submission_from_the_dashboard(page, live_server, people, home_page):
    StorySubmissionFactory(
        title="Le serre che risparmiano acqua",
        name="Marta Bianchi",
        text="Abbiamo iniziato con due sensori.\n\nOggi li usano dieci vivai.",
        consent_publication=False,
    )
    log_in(page, live_server, "moderazione")
    page.locator("[data-dashboard=submissions]").get_by_role(
        "link", name="Le serre che risparmiano acqua"
    ).click()
    sent = page.locator("[data-submission-sent]")
    sent.wait_for()
    assert "Oggi li usano dieci vivai." in sent.locator("[data-submission-text]").inner_text()
    assert sent.locator("[data-consent=privacy]").inner_text() == "Sì"
    assert sent.locator("[data-consent=publication]").inner_text() == "No"
    assert "Marta Bianchi" in sent.inner_text()
