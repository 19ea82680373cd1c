"""A reader registers for a course in a real browser and sees the seats left go down."""

import pytest

from courses.factories import CourseIndexPageFactory, CoursePageFactory, RegistrationFactory
from tests.courses.test_translations import publish_translation


@pytest.fixture
def open_course(transactional_db, home_page):
    index = CourseIndexPageFactory(parent=home_page)
    return CoursePageFactory(parent=index, title="Dal progetto al business plan", capacity=3)


def test_register_and_see_seats_left_go_down(page, live_server, open_course):
    url = f"{live_server.url}{open_course.url}"
    page.goto(url)
    seats = page.locator("[data-seats-left]")
    assert seats.get_attribute("data-seats-left") == "3"

    page.get_by_label("Nome e cognome").fill("Giulia Rossi")
    page.get_by_label("E-mail").fill("giulia@example.org")
    page.get_by_label("Ho letto l'informativa privacy").check()
    page.get_by_role("button", name="Iscriviti").click()

    page.wait_for_url("**/iscrizione-inviata/**")
    assert page.get_by_role("heading", level=1).inner_text() == "Controlla la tua e-mail"
    # The confirmation, with the code and the QR code, is the link in the e-mail.
    token = open_course.registrations.get().token
    page.goto(f"{url}iscrizione/{token}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Iscrizione confermata"
    assert len(page.locator("[data-registration-code]").inner_text()) == 6
    assert page.locator(".registration__qr svg").count() == 1

    page.goto(url)
    assert page.locator("[data-seats-left]").get_attribute("data-seats-left") == "2"
    assert "2 posti disponibili" in page.locator("[data-seats-left]").inner_text()


def test_an_english_page_shows_the_seats_of_the_event_in_every_language(
    page, live_server, open_course
):
    """seats.js asks /api/posti.json for the English page's id: the answer is the original's."""
    english = publish_translation(open_course)
    RegistrationFactory.create_batch(3, event=open_course)  # full, on the Italian page
    with page.expect_response(lambda response: "/api/posti.json" in response.url) as answer:
        page.goto(f"{live_server.url}{english.url}")
    assert answer.value.json()[str(english.pk)]["left"] == 0
    page.wait_for_load_state("networkidle")  # seats.js has written the figure it was given
    seats = page.locator("[data-seats-left]")
    assert seats.get_attribute("data-seats-left") == "0"
    assert seats.inner_text().strip() == "Fully booked: waiting list"


def test_bad_input_is_announced_next_to_the_field(page, live_server, open_course):
    page.goto(f"{live_server.url}{open_course.url}")
    page.get_by_role("button", name="Iscriviti").click()
    error = page.locator("#id_name-error")
    assert error.inner_text() == "Scrivi il tuo nome e cognome."
    assert page.locator("#id_name").get_attribute("aria-describedby") == "id_name-error"
