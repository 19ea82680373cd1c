"""Factories for the portal's shared models, used by tests and the demo content."""

import datetime

from django.utils import timezone

import wagtail_factories
from wagtail.models import Collection, Locale

import factory
from factory.django import DjangoModelFactory

from portal.models import PhaseStatus, PortalImage, ProgrammePhase


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page created live has a first publication date, as one published in the admin does
    (the newsletter picks what was first published since its last issue)."""

    live = True
    first_published_at = factory.LazyAttribute(lambda page: timezone.now() if page.live else None)

    class Meta:
        abstract = True


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Immagine {n}")
    description = factory.LazyAttribute(lambda image: image.title)
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=1280, height=720, color="#0b5e55")

    class Meta:
        model = PortalImage


class ProgrammePhaseFactory(DjangoModelFactory):
    number = factory.Sequence(lambda n: n % 4 + 1)
    name = factory.Iterator(["Esplorazione", "Progettazione", "Azione", "Valutazione"])
    summary = factory.Faker("paragraph", locale="it_IT")
    status = PhaseStatus.PLANNED
    start_date = datetime.date(2025, 1, 1)
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = ProgrammePhase
