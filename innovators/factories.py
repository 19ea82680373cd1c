"""Factories for the innovators app, shared by the tests and the demo content."""

from django.utils import timezone
from django.utils.text import slugify

import wagtail_factories
from wagtail.models import Locale

import factory
from factory.django import DjangoModelFactory

from innovators.area.models import InnovatorPerson
from innovators.models import (
    ClubDirectoryPage,
    Innovator,
    InnovatorKind,
    InnovatorMapPage,
    JoinRequest,
    Municipality,
    Offer,
    OfferCategory,
    OfferKind,
    Sector,
)
from portal.geo import Point


class SectorFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Settore {n}")
    slug = factory.LazyAttribute(lambda sector: slugify(sector.name))
    color = "#0b5e55"
    sort_order = factory.Sequence(int)
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Sector


class InnovatorFactory(DjangoModelFactory):
    """A published innovator near its comune's centre. `tags=[...]` sets its tags."""

    name = factory.Sequence(lambda n: f"Innovatore {n}")
    slug = factory.LazyAttribute(lambda i: slugify(i.name))
    short_description = factory.Faker("sentence", nb_words=14, locale="it_IT")
    description = factory.LazyAttribute(lambda i: f"<p>{i.short_description}</p>")
    sector = factory.SubFactory(SectorFactory)
    kind = InnovatorKind.COMPANY
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(istat_code="047014"))
    address = ""
    location = factory.LazyAttribute(
        lambda i: Point(lat=i.municipality.latitude, lng=i.municipality.longitude).wkt
    )
    website = factory.LazyAttribute(lambda i: f"https://{i.slug}.example.org/")
    contact_email = factory.LazyAttribute(lambda i: f"info@{i.slug}.example.org")
    is_club_member = True
    live = True
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Innovator
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(list(extracted))
            self.save()


class JoinRequestFactory(DjangoModelFactory):
    """A join request with the draft innovator it created."""

    innovator = factory.SubFactory(InnovatorFactory, live=False)
    answers = factory.LazyAttribute(
        lambda request: {
            "name": request.innovator.name,
            "short_description": request.innovator.short_description,
            "contact_email": request.innovator.contact_email,
            "join_club": True,
            "privacy": True,
        }
    )

    class Meta:
        model = JoinRequest


class InnovatorPersonFactory(DjangoModelFactory):
    """A person the moderators attached to an innovator (the innovators' area)."""

    innovator = factory.SubFactory(InnovatorFactory)
    email = factory.Sequence(lambda n: f"persona{n}@example.org")
    name = factory.Sequence(lambda n: f"Persona {n}")

    class Meta:
        model = InnovatorPerson


class InnovatorMapPageFactory(wagtail_factories.PageFactory):
    title = "Mappa degli innovatori"
    slug = "mappa"
    intro = "Le realtà che innovano nella provincia di Pistoia, sulla mappa."

    class Meta:
        model = InnovatorMapPage


class ClubDirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Club degli innovatori"
    slug = "club"
    intro = "La comunità degli innovatori del territorio pistoiese."

    class Meta:
        model = ClubDirectoryPage


class OfferCategoryFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Categoria {n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.LazyAttribute(lambda c: slugify(c.name))

    class Meta:
        model = OfferCategory
        django_get_or_create = ("slug",)


class OfferFactory(DjangoModelFactory):
    """A published offer (`kind=OfferKind.NEED` for a need) of a published innovator, in one of
    the seeded categories. `tags=[...]` sets its tags."""

    innovator = factory.SubFactory(InnovatorFactory)
    kind = OfferKind.OFFER
    category = factory.LazyFunction(
        lambda: OfferCategory.objects.filter(slug="competenze").first() or OfferCategoryFactory()
    )
    title = factory.Sequence(lambda n: f"Offerta {n}")
    text = factory.Faker("sentence", nb_words=20, locale="it_IT")
    live = True
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Offer
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(list(extracted))
            self.save()
