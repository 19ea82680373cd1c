"""The iCalendar feeds and per-event files, read back with a real iCalendar parser."""

import datetime

import icalendar

from courses.factories import CourseMeetingFactory, CoursePageFactory, SessionPageFactory, in_days


def events_of(response) -> list:
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0"
    assert calendar.get("PRODID")
    return list(calendar.walk("VEVENT"))


def test_index_feed_lists_events_with_stable_uids_in_rome_time(client, course_index):
    course = CoursePageFactory(parent=course_index, title="Design thinking", start=in_days(10, 9))
    first = events_of(client.get("/formazione/calendario.ics"))
    again = events_of(client.get("/formazione/calendario.ics"))
    assert [str(e["UID"]) for e in first] == [str(e["UID"]) for e in again]
    (event,) = first
    assert str(event["SUMMARY"]) == "Design thinking"
    assert event["DTSTART"].params["TZID"] == "Europe/Rome"
    assert event.decoded("DTSTART") == course.start
    assert event.decoded("DTSTART").hour == 9
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["URL"]).endswith(course.url)
    assert "Palazzo Pretorio" in str(event["LOCATION"])
    calendar = icalendar.Calendar.from_ical(client.get("/formazione/calendario.ics").content)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Rome"]


def test_cancelled_events_are_marked_cancelled(client, session_index):
    SessionPageFactory(parent=session_index, cancelled=True)
    (event,) = events_of(client.get("/co-creazione/calendario.ics"))
    assert str(event["STATUS"]) == "CANCELLED"


def test_event_file_has_one_vevent_per_meeting(client, course_index):
    course = CoursePageFactory(parent=course_index)
    for week in range(2):
        start = course.start + datetime.timedelta(days=7 * week)
        CourseMeetingFactory(page=course, start=start, title=f"Lezione {week + 1}")
    other = CoursePageFactory(parent=course_index)
    events = events_of(client.get(f"{course.url}calendario.ics"))
    assert len(events) == 2
    assert len({str(e["UID"]) for e in events}) == 2
    assert str(events[1]["SUMMARY"]).endswith("Lezione 2")
    assert all(f"-{other.pk}" not in str(e["UID"]) for e in events)
