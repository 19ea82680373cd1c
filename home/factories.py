"""Factories for the home app, used by tests and the demo content."""

import wagtail_factories

import factory
from factory.django import DjangoModelFactory

from home.models import ContentPage, HomeGoal, HomePage, ImpactPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Pistoia2030"
    slug = "pistoia2030"
    motto = "Costruire Capacità"
    intro = "Un percorso condiviso di scoperta, valorizzazione e innovazione, verso la Pistoia del futuro."

    class Meta:
        model = HomePage


class HomeGoalFactory(DjangoModelFactory):
    home = factory.SubFactory(HomePageFactory)
    title = factory.Iterator(
        [
            "Dare visibilità",
            "Stimolare la partecipazione",
            "Accrescere le competenze",
            "Creare sinergie",
        ]
    )
    text = factory.Faker("paragraph", locale="it_IT")
    sort_order = factory.Sequence(int)

    class Meta:
        model = HomeGoal


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=3, locale="it_IT")
    intro = factory.Faker("paragraph", locale="it_IT")
    body = factory.LazyAttribute(lambda page: [("paragraph", f"<p>{page.intro}</p>")])

    class Meta:
        model = ContentPage


class ImpactPageFactory(wagtail_factories.PageFactory):
    title = "Impatto"
    slug = "impatto"
    intro = "I risultati del programma, calcolati dai dati del portale."

    class Meta:
        model = ImpactPage
