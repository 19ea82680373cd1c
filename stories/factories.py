"""Factories for the stories app, used by tests and the demo content."""

import wagtail_factories

import factory
from factory.django import DjangoModelFactory

from portal.factories import PublishedPageFactory
from stories.models import (
    PhaseUpdatePage,
    ProgrammePage,
    StoryIndexPage,
    StoryInnovator,
    StoryPage,
    StorySubmission,
    StorySubmissionPage,
)


class ProgrammePageFactory(wagtail_factories.PageFactory):
    title = "Il programma"
    slug = "programma"
    intro = "Quattro fasi per costruire capacità sul territorio pistoiese."

    class Meta:
        model = ProgrammePage


class PhaseUpdatePageFactory(PublishedPageFactory):
    title = factory.Faker("sentence", nb_words=6, locale="it_IT")
    intro = factory.Faker("paragraph", locale="it_IT")
    date = factory.Faker("date_between", start_date="-1y", end_date="today")
    body = factory.LazyAttribute(lambda page: [("paragraph", f"<p>{page.intro}</p>")])

    class Meta:
        model = PhaseUpdatePage


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Storie"
    slug = "storie"
    intro = "Le storie degli innovatori del territorio pistoiese."

    class Meta:
        model = StoryIndexPage


class StoryPageFactory(PublishedPageFactory):
    """A live story. `tags=[...]` and `innovators=[...]` set its tags and innovators."""

    title = factory.Faker("sentence", nb_words=6, locale="it_IT")
    intro = factory.Faker("paragraph", locale="it_IT")
    author_name = factory.Faker("name", locale="it_IT")
    date = factory.Faker("date_between", start_date="-1y", end_date="today")
    body = factory.LazyAttribute(lambda page: [("paragraph", f"<p>{page.intro}</p>")])

    class Meta:
        model = StoryPage
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if extracted:
            self.tags.set(list(extracted))
            if create:
                self.save()

    @factory.post_generation
    def innovators(self, create, extracted, **kwargs):
        if extracted:
            self.innovator_links = [
                StoryInnovator(innovator=innovator, sort_order=position)
                for position, innovator in enumerate(extracted)
            ]
            if create:
                self.save()


class StorySubmissionPageFactory(wagtail_factories.PageFactory):
    title = "Racconta la tua storia"
    slug = "racconta"
    intro = "Hai un progetto, un'idea o un'esperienza da condividere? Raccontacela."

    class Meta:
        model = StorySubmissionPage


class StorySubmissionFactory(DjangoModelFactory):
    name = factory.Faker("name", locale="it_IT")
    email = factory.Faker("email", locale="it_IT")
    title = factory.Faker("sentence", nb_words=6, locale="it_IT")
    summary = factory.Faker("paragraph", locale="it_IT")
    text = factory.Faker("text", max_nb_chars=1200, locale="it_IT")
    consent_privacy = True
    consent_publication = True

    class Meta:
        model = StorySubmission
