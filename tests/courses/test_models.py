"""Event status and registration window around their boundaries, and the page tree."""

import datetime
from zoneinfo import ZoneInfo

from wagtail.models import Page

import pytest

from courses.factories import CoursePageFactory, SessionPageFactory
from courses.models import (
    CourseIndexPage,
    CoursePage,
    EventStatus,
    SessionIndexPage,
    SessionPage,
)
from home.models import ContentPage

ROME = ZoneInfo("Europe/Rome")
UTC = datetime.UTC


def rome(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=ROME)


@pytest.fixture
def event(db):
    # 29 March 2026: Italy moves to summer time at 02:00 that night.
    return CoursePage(
        title="Corso", start=rome(2026, 3, 28, 18), end=rome(2026, 3, 29, 12), cancelled=False
    )


@pytest.mark.parametrize(
    ("moment", "status"),
    [
        (rome(2026, 3, 28, 17, 59, 59), EventStatus.UPCOMING),
        (rome(2026, 3, 28, 18), EventStatus.IN_PROGRESS),
        # 18:00 in Rome (CET, UTC+1) is 17:00 UTC: one second before is still upcoming.
        (datetime.datetime(2026, 3, 28, 16, 59, 59, tzinfo=UTC), EventStatus.UPCOMING),
        (datetime.datetime(2026, 3, 28, 17, 0, tzinfo=UTC), EventStatus.IN_PROGRESS),
        (rome(2026, 3, 29, 11, 59, 59), EventStatus.IN_PROGRESS),
        # 12:00 in Rome after the change (CEST, UTC+2) is 10:00 UTC.
        (datetime.datetime(2026, 3, 29, 9, 59, 59, tzinfo=UTC), EventStatus.IN_PROGRESS),
        (datetime.datetime(2026, 3, 29, 10, 0, tzinfo=UTC), EventStatus.PAST),
        (rome(2026, 3, 29, 12), EventStatus.PAST),
    ],
)
def test_status_is_derived_from_dates_in_any_time_zone(event, moment, status):
    assert event.status_at(moment) == status


def test_cancelled_wins_over_dates(event):
    event.cancelled = True
    assert event.status_at(rome(2026, 1, 1)) == EventStatus.CANCELLED
    assert event.status_at(rome(2027, 1, 1)) == EventStatus.CANCELLED
    assert not event.registration_open_at(rome(2026, 1, 1))


def test_registration_window_defaults_to_until_the_start(event):
    assert event.registration_open_at(rome(2026, 3, 28, 17, 59))
    assert not event.registration_open_at(rome(2026, 3, 28, 18))


def test_registration_window_is_half_open(event):
    event.registration_opens = rome(2026, 3, 1, 9)
    event.registration_closes = rome(2026, 3, 20, 23, 59)
    assert not event.registration_open_at(rome(2026, 3, 1, 8, 59, 59))
    assert event.registration_open_at(rome(2026, 3, 1, 9))
    assert event.registration_open_at(rome(2026, 3, 20, 23, 58, 59))
    assert not event.registration_open_at(rome(2026, 3, 20, 23, 59))


def test_end_must_follow_start(event):
    from django.core.exceptions import ValidationError

    event.end = event.start
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "end" in error.value.message_dict


def test_location_is_read_as_a_point(course):
    assert course.point.lat == pytest.approx(43.9335)
    assert course.point.lng == pytest.approx(10.9173)


def test_page_tree(home_page, course_index, session_index):
    assert CourseIndexPage.can_exist_under(home_page)
    assert not CourseIndexPage.can_create_at(home_page)  # one per home
    assert not SessionIndexPage.can_create_at(home_page)
    assert CoursePage.can_create_at(course_index)
    assert not CoursePage.can_create_at(session_index)
    assert SessionPage.can_create_at(session_index)
    assert not SessionPage.can_exist_under(home_page)
    course = CoursePageFactory(parent=course_index)
    session = SessionPageFactory(parent=session_index)
    assert CoursePage.allowed_subpage_models() == []
    assert not ContentPage.can_create_at(course)
    assert not ContentPage.can_create_at(session)
    assert not CourseIndexPage.can_exist_under(Page.get_first_root_node())
