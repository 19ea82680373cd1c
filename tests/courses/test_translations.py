"""One event in two languages has one capacity, one waiting list and one duplicate check."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

import pytest

from courses import services
from courses.factories import CoursePageFactory, RegistrationFactory
from courses.models import CoursePage, Registration, RegistrationStatus
from tests.html import parse


def publish_translation(page):
    english = page.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True, alias=False
    )
    for ancestor in english.get_ancestors(inclusive=True).filter(depth__gte=2).specific():
        if not ancestor.live:
            ancestor.save_revision().publish()
    return CoursePage.objects.get(pk=english.pk)


@pytest.fixture
def english_course(course):
    return publish_translation(course)


def form_data(**overrides) -> dict:
    data = {
        "name": "Jane Doe",
        "email": "jane@example.org",
        "organisation": "",
        "needs": "",
        "consent": "on",
        "website": "",
    }
    return {**data, **overrides}


def seats_shown(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return parse(response).select_one("[data-seats-left]")["data-seats-left"]


def test_both_languages_show_the_same_seats(client, course, english_course):
    assert english_course.url.startswith("/en/")
    services.register(course, name="Uno", email="uno@example.org")
    assert seats_shown(client, course) == seats_shown(client, english_course) == "1"
    services.register(english_course, name="Two", email="two@example.org")
    assert seats_shown(client, course) == seats_shown(client, english_course) == "0"
    index = client.get(english_course.get_parent().url)
    assert parse(index).select_one("[data-seats-left]")["data-seats-left"] == "0"
    api = client.get(f"/api/v2/pages/{english_course.pk}/").json()
    assert api["seats_left"] == 0


def test_a_registration_in_english_of_a_full_event_waits(
    client, course, english_course, committed, mailoutbox
):
    RegistrationFactory.create_batch(2, event=course)
    with committed():
        response = client.post(english_course.url, form_data())
    assert response.status_code == 302
    registration = Registration.objects.get(email="jane@example.org")
    assert registration.status == RegistrationStatus.WAITING
    assert registration.event_id == course.pk  # the seats live on the original page
    assert registration.locale.language_code == "en"
    # The e-mail speaks the reader's language and links the English page.
    assert english_course.url in mailoutbox[-1].body
    assert client.get(response["Location"]).status_code == 200


def test_one_registration_per_e_mail_whichever_the_language(
    client, course, english_course, committed
):
    services.register(course, name="Giulia", email="giulia@example.org")
    with pytest.raises(services.AlreadyRegistered):
        services.register(english_course, name="Giulia", email="GIULIA@example.org")
    with committed():
        client.post(english_course.url, form_data(email="giulia@example.org"))
    assert Registration.objects.filter(email="giulia@example.org").count() == 1


def test_cancelling_in_english_promotes_from_the_one_waiting_list(
    client, course, english_course, committed, mailoutbox
):
    first = services.register(english_course, name="One", email="one@example.org")
    services.register(course, name="Due", email="due@example.org")
    waiting = services.register(english_course, name="Three", email="three@example.org")
    assert waiting.status == RegistrationStatus.WAITING
    cancel_url = english_course.url + english_course.reverse_subpage(
        "cancellation", args=(first.token,)
    )
    with committed():
        assert client.post(cancel_url).status_code == 200
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert seats_shown(client, english_course) == "0"


def test_a_translation_keeps_the_original_capacity(course, english_course):
    course.capacity = 7
    course.save_revision().publish()
    english_course.refresh_from_db()
    assert english_course.capacity == 7
    english_course.capacity = 99  # an editor overriding it on the translation
    english_course.save_revision().publish()
    english_course.refresh_from_db()
    assert english_course.capacity == 7
    assert english_course.seats_left == course.seats_left == 7


def live_seats(client, *pages, language="it") -> dict:
    ids = ",".join(str(page.pk) for page in pages)
    response = client.get(f"/api/posti.json?eventi={ids}&lang={language}")
    assert response.status_code == 200
    return {int(pk): figure for pk, figure in response.json().items()}


def test_the_live_seats_of_a_translation_are_those_of_its_original(client, course, english_course):
    """seats.js replaces the figure of a cached page with this one: on /en/ pages too."""
    assert live_seats(client, english_course, language="en")[english_course.pk]["left"] == 2
    services.register(course, name="Uno", email="uno@example.org")
    services.register(english_course, name="Two", email="two@example.org")
    seats = live_seats(client, course, english_course, language="en")
    assert seats[course.pk] == seats[english_course.pk]
    assert seats[english_course.pk]["left"] == 0 and seats[english_course.pk]["full"]
    assert seats[english_course.pk]["label"] == "Fully booked: waiting list"
    assert seats_shown(client, english_course) == "0"


def test_the_live_seats_take_one_query_per_event_model_whatever_the_number_of_ids(
    client, course_index
):
    def queries(count: int) -> int:
        events = CoursePageFactory.create_batch(count, parent=course_index)
        for event in events:
            services.register(event, name="Uno", email="uno@example.org")
        english = [publish_translation(event) for event in events]
        with CaptureQueriesContext(connection) as captured:
            seats = live_seats(client, *events, *english)
        assert len(seats) == 2 * count
        assert all(seats[page.pk]["left"] == page.capacity - 1 for page in english)
        return len(captured)

    assert queries(1) == queries(4)
