"""Factories for the stories app, used by tests and the demo content."""

import datetime

import wagtail_factories
from wagtail.models import Locale

import factory
from factory.django import DjangoModelFactory

from stories.models import PhaseStatus, PhaseUpdatePage, ProgrammePage, ProgrammePhase


class ProgrammePhaseFactory(DjangoModelFactory):
    number = factory.Sequence(lambda n: n % 4 + 1)
    name = factory.Iterator(["Esplorazione", "Progettazione", "Azione", "Valutazione"])
    summary = factory.Faker("paragraph", locale="it_IT")
    status = PhaseStatus.PLANNED
    start_date = factory.LazyAttribute(lambda phase: datetime.date(2025, 1, 1))
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = ProgrammePhase


class ProgrammePageFactory(wagtail_factories.PageFactory):
    title = "Il programma"
    slug = "programma"
    intro = "Quattro fasi per costruire capacità sul territorio pistoiese."

    class Meta:
        model = ProgrammePage


class PhaseUpdatePageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=6, locale="it_IT")
    intro = factory.Faker("paragraph", locale="it_IT")
    date = factory.Faker("date_between", start_date="-1y", end_date="today")
    body = factory.LazyAttribute(lambda page: [("paragraph", f"<p>{page.intro}</p>")])

    class Meta:
        model = PhaseUpdatePage
