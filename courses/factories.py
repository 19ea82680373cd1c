"""Factories for the courses app, shared by the tests and the demo content."""

import datetime

from django.utils import timezone

import wagtail_factories

import factory
from factory.django import DjangoModelFactory

from portal.factories import PublishedPageFactory

from .models import (
    Audience,
    CourseIndexPage,
    CourseMeeting,
    CoursePage,
    EventFormat,
    Registration,
    RegistrationStatus,
    SessionIndexPage,
    SessionMeeting,
    SessionPage,
)


def in_days(days: int, hour: int = 17) -> datetime.datetime:
    """A local time `days` from today at `hour`:00 (Europe/Rome)."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Percorsi di formazione"
    slug = "formazione"
    intro = "Percorsi per accrescere le competenze di chi innova sul territorio pistoiese."

    class Meta:
        model = CourseIndexPage


class SessionIndexPageFactory(wagtail_factories.PageFactory):
    title = "Sessioni di co-creazione"
    slug = "co-creazione"
    intro = "Laboratori di progettazione partecipata tra attori pubblici e privati."

    class Meta:
        model = SessionIndexPage


class EventPageFactory(PublishedPageFactory):
    title = factory.Faker("sentence", nb_words=4, locale="it_IT")
    intro = factory.Faker("paragraph", locale="it_IT")
    start = factory.LazyFunction(lambda: in_days(30))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    format = EventFormat.IN_PRESENCE
    venue = "Palazzo Pretorio"
    address = "Piazza del Duomo 1, 51100 Pistoia PT"
    location = "SRID=4326;POINT(10.917300 43.933500)"
    audience = Audience.EVERYONE
    capacity = 20
    contact_name = "Segreteria Pistoia2030"
    contact_email = "info@pistoia2030.it"
    body = factory.LazyAttribute(lambda event: [("paragraph", f"<p>{event.intro}</p>")])

    class Meta:
        abstract = True


class CoursePageFactory(EventPageFactory):
    learning_goals = "<ul><li>Leggere un bilancio</li><li>Scrivere un piano d'impresa</li></ul>"
    duration_hours = 8
    teachers = "Anna Bianchi, Luca Verdi"
    certificate = True

    class Meta:
        model = CoursePage


class SessionPageFactory(EventPageFactory):
    challenge = "Come rendere più accessibili i servizi del centro storico?"
    facilitators = "Designer del Politecnico di Milano"

    class Meta:
        model = SessionPage


class CourseMeetingFactory(DjangoModelFactory):
    page = factory.SubFactory(CoursePageFactory)
    start = factory.LazyAttribute(lambda meeting: meeting.page.start)
    end = factory.LazyAttribute(lambda meeting: meeting.start + datetime.timedelta(hours=2))
    title = factory.Sequence(lambda n: f"Incontro {n + 1}")
    sort_order = factory.Sequence(int)

    class Meta:
        model = CourseMeeting


class SessionMeetingFactory(CourseMeetingFactory):
    page = factory.SubFactory(SessionPageFactory)

    class Meta:
        model = SessionMeeting


class RegistrationFactory(DjangoModelFactory):
    """A registration saved as is; use `courses.services.register` to allocate a seat."""

    event = factory.SubFactory(CoursePageFactory)
    status = RegistrationStatus.CONFIRMED
    name = factory.Faker("name", locale="it_IT")
    email = factory.Sequence(lambda n: f"persona{n}@example.org")
    organisation = factory.Faker("company", locale="it_IT")
    consent = True

    class Meta:
        model = Registration
