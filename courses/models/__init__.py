from .choices import Audience, EventFormat, EventStatus
from .events import EventPage
from .feedback import RECOMMEND_FROM, FeedbackAnswer, FeedbackLinkUse
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
    "RECOMMEND_FROM",
    "Audience",
    "CourseIndexPage",
    "CourseLevel",
    "CourseMeeting",
    "CoursePage",
    "EventFormat",
    "EventIndexPage",
    "EventPage",
    "EventStatus",
    "FeedbackAnswer",
    "FeedbackLinkUse",
    "Registration",
    "RegistrationStatus",
    "SessionIndexPage",
    "SessionInnovator",
    "SessionMeeting",
    "SessionPage",
    "upcoming_events",
]
