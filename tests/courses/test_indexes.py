"""The event indexes: ordering, filters, seats left, the month calendar and query counts."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from courses.factories import (
    CourseMeetingFactory,
    CoursePageFactory,
    RegistrationFactory,
    SessionPageFactory,
    in_days,
)
from courses.models import Audience, EventFormat
from portal.factories import ImageFactory
from tests.html import parse, texts


def titles(response) -> list[str]:
    return texts(parse(response).select(".event-card .card__title"))


@pytest.fixture
def schedule(course_index):
    """Two past, one in progress and two upcoming courses, created out of order."""
    make = lambda title, days, **kw: CoursePageFactory(  # noqa: E731
        parent=course_index, title=title, start=in_days(days), end=in_days(days, 19), **kw
    )
    return {
        "far future": make("Futuro lontano", 60),
        "long ago": make("Tanto tempo fa", -60),
        "soon": make("Fra poco", 3, format=EventFormat.ONLINE, audience=Audience.BUSINESSES),
        "recent": make("Di recente", -3, format=EventFormat.HYBRID),
        "now": CoursePageFactory(
            parent=course_index,
            title="In corso",
            start=timezone.now() - datetime.timedelta(hours=1),
            end=timezone.now() + datetime.timedelta(hours=1),
        ),
    }


def test_upcoming_first_soonest_first_then_past_latest_first(client, schedule):
    response = client.get("/formazione/")
    assert response.status_code == 200
    assert titles(response) == [
        "In corso",
        "Fra poco",
        "Futuro lontano",
        "Di recente",
        "Tanto tempo fa",
    ]


def test_filter_by_format_includes_hybrid_events(client, schedule):
    response = client.get("/formazione/?formato=online")
    assert titles(response) == ["Fra poco", "Di recente"]


def test_filter_by_audience_includes_events_open_to_all(client, schedule):
    response = client.get("/formazione/?pubblico=businesses")
    assert titles(response) == [
        "In corso",
        "Fra poco",
        "Futuro lontano",
        "Di recente",
        "Tanto tempo fa",
    ]
    schedule["far future"].audience = Audience.STUDENTS
    schedule["far future"].save_revision().publish()
    assert "Futuro lontano" not in titles(client.get("/formazione/?pubblico=businesses"))


def test_filter_by_month(client, schedule):
    month = timezone.localtime(schedule["far future"].start).strftime("%Y-%m")
    assert titles(client.get(f"/formazione/?mese={month}")) == ["Futuro lontano"]


def test_invalid_filter_shows_every_event_and_the_error(client, schedule):
    response = client.get("/formazione/?mese=marzo")
    assert response.status_code == 200
    assert len(titles(response)) == 5
    assert parse(response).select_one("#id_mese-error")


def test_out_of_range_page_is_a_404(client, schedule):
    assert client.get("/formazione/?page=9").status_code == 404


def test_cards_show_seats_left(client, course_index):
    course = CoursePageFactory(parent=course_index, capacity=3)
    RegistrationFactory.create_batch(2, event=course)
    RegistrationFactory(event=course, status="cancelled")
    seats = parse(client.get("/formazione/")).select_one("[data-seats-left]")
    assert seats["data-seats-left"] == "1"
    assert "1 posto disponibile" in seats.get_text()


def test_month_calendar_places_events_and_meetings_on_their_days(client, course_index):
    first = timezone.make_aware(datetime.datetime(2026, 5, 5, 9))
    course = CoursePageFactory(
        parent=course_index,
        title="Tre incontri",
        start=first,
        end=first + datetime.timedelta(days=14),
    )
    for week in range(3):
        start = first + datetime.timedelta(days=7 * week)
        CourseMeetingFactory(page=course, start=start, end=start + datetime.timedelta(hours=3))
    response = client.get("/formazione/calendario/2026/5/")
    assert response.status_code == 200
    page = parse(response)
    days = {
        int(cell.select_one(".event-calendar__day").get_text()): texts(cell.select("li"))
        for cell in page.select(".event-calendar__grid td:not(.is-outside)")
    }
    assert [day for day, items in days.items() if items] == [5, 12, 19]
    assert days[5] == ["09:00 Tre incontri"]
    assert client.get("/formazione/calendario/2026/13/").status_code == 404
    assert client.get("/formazione/calendario/").status_code == 200


def test_session_index_and_page_render(client, session_index):
    session = SessionPageFactory(
        parent=session_index,
        title="Il centro che vorremmo",
        start=in_days(-10),
        end=in_days(-10, 20),
        outcomes=[("paragraph", "<p>Tre idee da sperimentare.</p>")],
    )
    assert titles(client.get("/co-creazione/")) == ["Il centro che vorremmo"]
    page = parse(client.get(session.url))
    assert "Tre idee da sperimentare." in page.select_one("#outcomes-heading").parent.get_text()
    assert "Le iscrizioni sono chiuse." in page.select_one("#iscrizione").get_text()


def make_events(course_index, count: int, image) -> None:
    for number in range(count):
        course = CoursePageFactory(
            parent=course_index, start=in_days(number - count // 2), image=image
        )
        RegistrationFactory(event=course)
        CourseMeetingFactory(page=course)


def count_queries(client, url) -> int:
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_counts_do_not_grow_from_10_to_40_events(
    client, course_index, session_index, django_assert_max_num_queries
):
    image = ImageFactory()
    make_events(course_index, 10, image)
    course = CoursePageFactory(parent=course_index, image=image)
    RegistrationFactory.create_batch(5, event=course)
    SessionPageFactory(parent=session_index, image=image)
    urls = [
        "/",
        "/formazione/",
        "/formazione/?formato=in_presence&pubblico=everyone",
        "/formazione/calendario/",
        "/formazione/calendario.ics",
        "/co-creazione/",
        course.url,
    ]
    for url in urls:
        client.get(url)  # renditions are made on the first visit
    small = {url: count_queries(client, url) for url in urls}

    make_events(course_index, 30, image)  # more than three pages
    RegistrationFactory.create_batch(40, event=course)
    for url in urls:
        client.get(url)
        with django_assert_max_num_queries(small[url], info=url):
            assert client.get(url).status_code == 200
    assert small["/formazione/"] <= 25
    assert small[course.url] <= 25


def test_home_shows_the_next_three_events_with_seats_left(client, course_index, session_index):
    CoursePageFactory(parent=course_index, title="Passato", start=in_days(-5), end=in_days(-5, 19))
    CoursePageFactory(parent=course_index, title="Annullato", start=in_days(1), cancelled=True)
    CoursePageFactory(parent=course_index, title="Corso A", start=in_days(2), capacity=4)
    SessionPageFactory(parent=session_index, title="Sessione B", start=in_days(3))
    CoursePageFactory(parent=course_index, title="Corso C", start=in_days(4))
    SessionPageFactory(parent=session_index, title="Sessione D", start=in_days(5))
    page = parse(client.get("/"))
    section = page.select_one("#events-heading").find_parent("section")
    assert texts(section.select(".card__title")) == ["Corso A", "Sessione B", "Corso C"]
    assert section.select_one("[data-seats-left]")["data-seats-left"] == "4"
