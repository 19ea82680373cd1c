"""Courses and co-creation sessions in the demo (`courses.toml`): 6 of each over past and
future months; at the past ones, people checked in and their answers to the questionnaire.

Dates are relative to the day the demo is first built; the builder only adds what is missing,
so running it again changes nothing. `extra` generated events (alternating course and session)
serve the scale tests.
"""

import dataclasses
import datetime
import itertools

from wagtail.models import Locale

from tqdm import tqdm

from courses.factories import (
    CourseIndexPageFactory,
    CourseMeetingFactory,
    CoursePageFactory,
    RegistrationFactory,
    SessionIndexPageFactory,
    SessionMeetingFactory,
    SessionPageFactory,
    in_days,
)
from courses.models import (
    Audience,
    CourseIndexPage,
    CoursePage,
    EventFormat,
    FeedbackAnswer,
    Registration,
    RegistrationStatus,
    SessionIndexPage,
    SessionPage,
)
from home.models import HomePage
from innovators.models import OfferCategory
from portal.models import ProgrammePhase

from .data import Reader
from .images import demo_image, illustration
from .sections import Section, section

GENERATED_SLUG_PREFIX = "evento-demo-"


@dataclasses.dataclass(kw_only=True)
class Event:
    slug: str
    title: str
    intro: str
    days: int  # from the day the demo is first built
    format: str
    audience: str
    capacity: int
    registrations: int
    meetings: int = 0

    def fields(self) -> dict:
        """The page's own fields (the rest is computed or shared)."""
        skip = {"days", "registrations", "meetings"}
        return {key: value for key, value in vars(self).items() if key not in skip}


@dataclasses.dataclass(kw_only=True)
class Course(Event):
    level: str
    duration_hours: int


@dataclasses.dataclass(kw_only=True)
class Session(Event):
    challenge: str


# A realistic spread of answers, repeated: overall rating, «would you recommend», needs chosen.
RATINGS = (5, 4, 4, 5, 3, 4, 5, 4, 2, 4, 5, 3)
RECOMMEND = (10, 9, 8, 9, 10, 7, 9, 6, 10, 8, 9, 5)
NEEDS = ((0,), (1, 3), (2,), (), (0, 2), (3,), (1,))


@dataclasses.dataclass(kw_only=True)
class Feedback:
    comments: list[str]
    comments_en: list[str]
    needs_other: list[str]


def _answer(event, number: int, feedback: Feedback, categories: list, locales: dict) -> None:
    """The answer of the `number`th participant present at `event` (about 7 in 10 answer)."""
    if number % 10 >= 7:
        return
    english = number % 4 == 3
    comments = feedback.comments_en if english else feedback.comments
    asks_recommend = any(block.block_type == "recommend" for block in event.questionnaire)
    scales = [block.id for block in event.questionnaire if block.block_type == "scale"]
    texts = [block.id for block in event.questionnaire if block.block_type == "text"]
    answers = {
        block_id: RATINGS[(number + 3 + index) % len(RATINGS)]
        for index, block_id in enumerate(scales)
    }
    if texts and number % 3 == 0:
        answers[texts[0]] = comments[(number // 3) % len(comments)]
    answer = FeedbackAnswer.objects.create(
        event=event,
        locale=locales["en" if english else "it"],
        rating=RATINGS[number % len(RATINGS)],
        recommend=RECOMMEND[number % len(RECOMMEND)] if asks_recommend else None,
        needs_other=feedback.needs_other[number % 2] if number % 9 == 4 else "",
        answers=answers,
        answered_on=(event.end + datetime.timedelta(days=1 + number % 6)).date(),
    )
    if categories:
        answer.needs.set(
            categories[index % len(categories)] for index in NEEDS[number % len(NEEDS)]
        )


def _registrations(event, count: int, feedback: Feedback) -> None:
    """`count` registrations: confirmed up to the capacity, the rest on the waiting list; at a
    past event most confirmed people were checked in, were asked and mostly answered."""
    categories = list(OfferCategory.objects.order_by("sort_order", "pk"))
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    present = 0
    for number in range(count):
        status = (
            RegistrationStatus.CONFIRMED if number < event.capacity else RegistrationStatus.WAITING
        )
        registration = RegistrationFactory(
            event=event, status=status, email=f"iscritto{number + 1}.{event.pk}@example.org"
        )
        if event.end < in_days(0, 0) and status == RegistrationStatus.CONFIRMED and number % 5:
            registration.attended_at = event.start
            registration.feedback_requested_at = event.end
            registration.save(update_fields=["attended_at", "feedback_requested_at"])
            _answer(event, present, feedback, categories, locales)
            present += 1


def _build_events(index, factory, records: list[Event], image_offset: int, data: Reader, **shared):
    """The `records` under `index`, with the fields all events share (`[event]` and `shared`)."""
    existing = set(index.get_children().values_list("slug", flat=True))
    meeting_factory = (
        CourseMeetingFactory if factory is CoursePageFactory else SessionMeetingFactory
    )
    meeting_title = data.get("courses", "meeting_title")
    online_url = data.get("courses", "online_url")
    shared.update(data.get("courses", "event"))
    feedback = data.record(Feedback, "courses", "feedback")
    for seed, record in enumerate(records):
        if record.slug in existing:
            continue
        start = in_days(record.days, 9 if record.meetings else 17)
        event = factory(
            parent=index,
            start=start,
            end=start + datetime.timedelta(days=7 * max(record.meetings - 1, 0), hours=3),
            online_url=online_url if record.format != EventFormat.IN_PRESENCE else "",
            image=illustration(f"Evento: {record.title}", image_offset + seed, record.title),
            **shared,
            **record.fields(),
        )
        for number in range(record.meetings):
            meeting_start = start + datetime.timedelta(days=7 * number)
            meeting_factory(
                page=event,
                start=meeting_start,
                end=meeting_start + datetime.timedelta(hours=3),
                title=meeting_title.format(number=number + 1),
                sort_order=number,
            )
        if record.meetings:
            event.save_revision().publish()
        _registrations(event, record.registrations, feedback)


def build_generated_events(course_index, session_index, extra: int) -> None:
    existing = CoursePage.objects.filter(slug__startswith=GENERATED_SLUG_PREFIX).count()
    existing += SessionPage.objects.filter(slug__startswith=GENERATED_SLUG_PREFIX).count()
    image = demo_image("Evento generato", 11, "Illustrazione astratta di colline")
    formats = itertools.cycle(EventFormat.values)
    audiences = itertools.cycle(Audience.values)
    for number in tqdm(range(existing, extra), desc="Eventi", disable=extra < 50):
        is_course = number % 2 == 0
        start = in_days((number % 365) - 180, 10 + number % 8)
        event = (CoursePageFactory if is_course else SessionPageFactory)(
            parent=course_index if is_course else session_index,
            slug=f"{GENERATED_SLUG_PREFIX}{number + 1}",
            start=start,
            end=start + datetime.timedelta(hours=2),
            format=next(formats),
            audience=next(audiences),
            image=image,
        )
        Registration.objects.bulk_create(
            Registration(
                event=event,
                status=RegistrationStatus.CONFIRMED,
                name=f"Persona {n}",
                email=f"persona{n}.{event.pk}@example.org",
                consent=True,
            )
            for n in range(number % 6)
        )


def build(
    home: HomePage, phases: dict[int, ProgrammePhase], data: Reader, extra_events: int = 0
) -> None:
    course_index = section(
        home,
        CourseIndexPage,
        CourseIndexPageFactory,
        data.record(Section, "courses", "course_index"),
    )
    session_index = section(
        home,
        SessionIndexPage,
        SessionIndexPageFactory,
        data.record(Section, "courses", "session_index"),
    )
    courses = data.records(Course, "courses", "courses")
    sessions = data.records(Session, "courses", "sessions")
    course_fields = {**data.get("courses", "course"), "phase": phases.get(3)}
    _build_events(course_index, CoursePageFactory, courses, 20, data, **course_fields)
    _build_events(
        session_index, SessionPageFactory, sessions, 30, data, **data.get("courses", "session")
    )
    if extra_events:
        build_generated_events(course_index, session_index, extra_events)
