"""Factories for the portal's shared models, used by tests and the demo content."""

import wagtail_factories
from wagtail.models import Collection

import factory

from portal.models import PortalImage


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Immagine {n}")
    description = factory.LazyAttribute(lambda image: image.title)
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=1280, height=720, color="#0b5e55")

    class Meta:
        model = PortalImage
