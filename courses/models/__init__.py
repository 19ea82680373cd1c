from .choices import Audience, EventFormat, EventStatus
from .events import EventPage
from .indexes import EventIndexPage
from .pages import (
    CourseIndexPage,
    CourseLevel,
    CourseMeeting,
    CoursePage,
    SessionIndexPage,
    SessionInnovator,
    SessionMeeting,
    SessionPage,
    upcoming_events,
)
from .registrations import Registration, RegistrationStatus

__all__ = [
    "Audience",
    "CourseIndexPage",
    "CourseLevel",
    "CourseMeeting",
    "CoursePage",
    "EventFormat",
    "EventIndexPage",
    "EventPage",
    "EventStatus",
    "Registration",
    "RegistrationStatus",
    "SessionIndexPage",
    "SessionInnovator",
    "SessionMeeting",
    "SessionPage",
    "upcoming_events",
]
