"""Registering for an event: good and bad input, waiting list, cancellation and promotion."""

import pytest

from courses.factories import CoursePageFactory, RegistrationFactory, in_days
from courses.models import Registration, RegistrationStatus
from innovators.factories import InnovatorFactory
from tests.html import parse


def form_data(**overrides) -> dict:
    data = {
        "name": "Giulia Rossi",
        "email": "giulia@example.org",
        "organisation": "Vivai Rossi",
        "needs": "",
        "consent": "on",
        "homepage": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def register(client, event, committed, **overrides):
    with committed():
        return client.post(event.url, form_data(**overrides))


def test_registration_confirms_a_seat_and_mails_the_calendar(client, course, committed, mailoutbox):
    response = register(client, course, committed)
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert response.status_code == 302
    assert response.url == course.url + "iscrizione-inviata/"
    assert parse(client.get(response.url)).select_one("h1").get_text() == "Controlla la tua e-mail"

    page = parse(client.get(course.url + f"iscrizione/{registration.token}/"))
    assert page.select_one("h1").get_text() == "Iscrizione confermata"
    assert page.select_one("[data-registration-code]").get_text() == registration.code
    assert page.select_one(".registration__qr svg")
    links = [a["href"] for a in page.select("a")]
    assert any(href.startswith("https://calendar.google.com/") for href in links)
    assert any(href.startswith("https://outlook.live.com/") for href in links)
    assert f"{course.url}calendario.ics" in links

    (mail,) = mailoutbox
    assert mail.to == ["giulia@example.org"]
    assert mail.subject == "Iscrizione confermata: Dal progetto al business plan"
    assert registration.code in mail.body
    assert f"annulla/{registration.token}/" in mail.body
    (_name, content, mimetype) = mail.attachments[0]
    assert mimetype == "text/calendar"
    assert "BEGIN:VEVENT" in (content.decode() if isinstance(content, bytes) else content)


def test_seats_left_go_down(client, course, committed):
    assert parse(client.get(course.url)).select_one("[data-seats-left]")["data-seats-left"] == "2"
    register(client, course, committed)
    assert parse(client.get(course.url)).select_one("[data-seats-left]")["data-seats-left"] == "1"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": ""}, "name", "Scrivi il tuo nome e cognome."),
        ({"email": "giulia"}, "email", "Scrivi un indirizzo e-mail valido"),
        ({"email": ""}, "email", "Scrivi il tuo indirizzo e-mail."),
        ({"consent": None}, "consent", "Per iscriverti serve il consenso"),
        ({"needs": "x" * 1001}, "needs", "1000"),
        ({"name": "Giulia\nRossi"}, "name", "una sola riga"),
    ],
)
def test_bad_input_rerenders_with_italian_messages(client, course, overrides, field, message):
    response = client.post(course.url, form_data(**overrides))
    assert response.status_code == 200
    assert not Registration.objects.exists()
    page = parse(response)
    error = page.select_one(f"#id_{field}-error")
    assert message in error.get_text()
    widget = page.select_one(f"#id_{field}")
    assert widget["aria-describedby"] == f"id_{field}-error"
    assert widget["aria-invalid"] == "true"
    assert page.select_one("#registration-errors[role=alert]")


def test_form_is_accessible(client, course):
    page = parse(client.get(course.url))
    form = page.select_one("#iscrizione form")
    for field in form.select("input:not([type=hidden]), textarea, select"):
        assert form.select_one(f"label[for={field['id']}]"), field["id"]
    assert [legend.get_text() for legend in form.select("fieldset > legend")] == [
        "I tuoi dati",
        "Consenso",
    ]


def test_honeypot_gets_the_usual_answer_and_saves_nothing(client, course, mailoutbox):
    response = client.post(course.url, form_data(homepage="http://spam.example"))
    assert response.status_code == 302
    assert response.url == course.url + "iscrizione-inviata/"
    assert not Registration.objects.exists()
    assert mailoutbox == []


def test_one_registration_per_email_and_the_answer_reveals_nothing(
    client, course, committed, mailoutbox
):
    first = register(client, course, committed)
    registration = Registration.objects.get()
    again = register(client, course, committed, email="GIULIA@example.org", name="Giulia R.")
    # The same answer as a new registration: nobody learns who is registered.
    assert (again.status_code, again.url) == (first.status_code, first.url)
    assert client.get(again.url).content == client.get(first.url).content
    assert Registration.objects.count() == 1
    assert parse(client.get(course.url)).select_one("[data-seats-left]")["data-seats-left"] == "1"
    # The owner of the address is told, with the links to the registration they already have.
    (_confirmation, notice) = mailoutbox
    assert notice.to == ["giulia@example.org"]
    assert notice.subject == "Sei già iscritto: Dal progetto al business plan"
    assert "Ciao Giulia Rossi" in notice.body
    assert f"annulla/{registration.token}/" in notice.body
    assert not notice.attachments


def test_the_already_registered_mail_is_capped_per_mailbox_whatever_the_address(
    client, course, committed, mailoutbox
):
    """Six registrations of one address from six client addresses: one notice to its owner
    (the newsletter's rule, `COURSES_ALREADY_REGISTERED_RATE`), and the same answer to each."""
    first = register(client, course, committed)
    answers = []
    again = [
        "giulia@example.org",
        "GIULIA@example.org",
        " giulia@example.org",
        "Giulia@Example.ORG",
    ]
    for number, email in enumerate([*again, "giulia@example.org"]):
        with committed():
            response = client.post(
                course.url, form_data(email=email), REMOTE_ADDR=f"198.51.100.{number + 1}"
            )
        answers.append((response.status_code, response.url))
    assert answers == [(first.status_code, first.url)] * 5
    notices = [mail for mail in mailoutbox if mail.subject.startswith("Sei già iscritto")]
    assert len(notices) == 1 and len(mailoutbox) == 2
    assert Registration.objects.count() == 1


def test_registration_closed_outside_the_window(client, course_index):
    not_yet = CoursePageFactory(parent=course_index, registration_opens=in_days(5))
    page = parse(client.get(not_yet.url))
    assert page.select_one("#iscrizione form") is None
    assert "Le iscrizioni aprono" in page.select_one("#iscrizione").get_text()
    assert client.post(not_yet.url, form_data()).status_code == 400
    past = CoursePageFactory(parent=course_index, start=in_days(-2), end=in_days(-2, 19))
    assert client.post(past.url, form_data()).status_code == 400
    assert not Registration.objects.exists()


def test_rate_limit_by_ip(client, course, settings):
    settings.COURSES_REGISTRATION_RATE = "2/h"
    for number in range(2):
        client.post(course.url, form_data(email=f"p{number}@example.org"))
    response = client.post(course.url, form_data(email="third@example.org"))
    assert response.status_code == 429
    assert "Troppe iscrizioni" in parse(response).select_one("#registration-errors").get_text()
    assert Registration.objects.count() == 2


def test_full_event_puts_people_on_the_waiting_list(client, course, committed, mailoutbox):
    for number in range(2):
        register(client, course, committed, email=f"p{number}@example.org")
    page = parse(client.get(course.url))
    assert "lista d'attesa" in page.select_one("#iscrizione .notice").get_text()
    assert (
        page.select_one("#iscrizione button[type=submit]").get_text() == "Entra in lista d'attesa"
    )

    register(client, course, committed, email="late@example.org")
    late = Registration.objects.get(email="late@example.org")
    assert late.status == RegistrationStatus.WAITING
    confirmation = client.get(f"{course.url}iscrizione/{late.token}/")
    assert parse(confirmation).select_one("h1").get_text() == "Sei in lista d'attesa"
    assert mailoutbox[-1].subject.startswith("Sei in lista d'attesa")
    assert not mailoutbox[-1].attachments


def test_cancellation_frees_the_seat_and_promotes_the_first_waiting(
    client, course, committed, mailoutbox
):
    first = RegistrationFactory(event=course, email="a@example.org")
    RegistrationFactory(event=course, email="b@example.org")
    waiting = [
        RegistrationFactory(
            event=course, status=RegistrationStatus.WAITING, email=f"w{n}@example.org"
        )
        for n in range(2)
    ]
    url = f"{course.url}annulla/{first.token}/"
    assert client.get(url).status_code == 200  # asks, does not cancel
    first.refresh_from_db()
    assert first.status == RegistrationStatus.CONFIRMED

    with committed():
        response = client.post(url)
    assert "Iscrizione annullata" in parse(response).select_one("[role=status]").get_text()
    first.refresh_from_db()
    waiting[0].refresh_from_db()
    waiting[1].refresh_from_db()
    assert first.status == RegistrationStatus.CANCELLED
    assert waiting[0].status == RegistrationStatus.CONFIRMED
    assert waiting[0].promoted_at
    assert waiting[1].status == RegistrationStatus.WAITING
    assert {mail.to[0]: mail.subject.split(":")[0] for mail in mailoutbox} == {
        "a@example.org": "Iscrizione annullata",
        "w0@example.org": "Si è liberato un posto",
    }
    # Cancelling twice changes nothing.
    with committed():
        client.post(url)
    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 2


def test_cancelled_email_can_register_again(client, course, committed):
    RegistrationFactory(
        event=course, email="giulia@example.org", status=RegistrationStatus.CANCELLED
    )
    assert register(client, course, committed).status_code == 302
    assert Registration.objects.filter(email="giulia@example.org").count() == 2


def test_bad_token_is_a_404(client, course):
    other = CoursePageFactory(parent=course.get_parent())
    registration = RegistrationFactory(event=other)
    assert client.get(f"{course.url}iscrizione/nonsense/").status_code == 404
    assert client.get(f"{course.url}iscrizione/{registration.token}/").status_code == 404
    assert client.post(f"{course.url}annulla/{registration.token}/").status_code == 404


def test_online_link_only_in_the_confirmation(client, course_index, committed):
    course = CoursePageFactory(parent=course_index, online_url="https://meet.example.org/segreto")
    assert "meet.example.org" not in client.get(course.url).content.decode()
    register(client, course, committed)
    token = course.registrations.get().token
    confirmation = client.get(f"{course.url}iscrizione/{token}/").content.decode()
    assert "https://meet.example.org/segreto" in confirmation
    assert "meet.example.org" not in client.get(f"{course.url}iscrizione-inviata/").content.decode()


def test_registration_links_a_published_innovator_by_name(client, course, committed):
    innovator = InnovatorFactory(name="Vivai Verdecittà")
    register(client, course, committed, innovator="  vivai VERDECITTÀ ")
    assert course.registrations.get(email="giulia@example.org").innovator == innovator


def test_registration_refuses_an_unknown_innovator(client, course):
    InnovatorFactory(name="Bozza Srl", live=False)
    response = client.post(course.url, form_data(innovator="Bozza Srl"))
    assert response.status_code == 200
    assert "Non troviamo «Bozza Srl» sulla mappa" in response.content.decode()
    assert not course.registrations.exists()
