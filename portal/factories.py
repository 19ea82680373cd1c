"""Factories for the portal's shared models, used by tests and the demo content."""

from django.utils import timezone

import wagtail_factories
from wagtail.models import Collection

import factory

from portal.models import PortalImage


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
