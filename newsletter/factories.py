"""Factories for the newsletter, shared by the tests, the demo content and the benchmark."""

import wagtail_factories

import factory
from factory.django import DjangoModelFactory

from .models import NewsletterPage, Subscriber, SubscriberStatus


class NewsletterPageFactory(wagtail_factories.PageFactory):
    title = "Newsletter"
    slug = "newsletter"
    intro = (
        "Le novità di Pistoia2030 una volta alla settimana: storie di innovatori, percorsi di "
        "formazione, sessioni di co-creazione e notizie dal programma."
    )
    issue_introduction = "<p>Ecco che cosa è successo questa settimana nel programma.</p>"

    class Meta:
        model = NewsletterPage


class SubscriberFactory(DjangoModelFactory):
    email = factory.Sequence(lambda n: f"lettore{n}@example.org")
    status = SubscriberStatus.CONFIRMED
    consent = True
    language = "it"

    class Meta:
        model = Subscriber
