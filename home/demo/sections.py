"""Sections of the demo's home page: the helper that finds or creates one, and the two sections
that need nothing else (the impact page and the newsletter page, from `sections.toml`)."""

import dataclasses

from home.factories import ImpactPageFactory
from home.models import HomePage, ImpactPage
from newsletter.factories import NewsletterPageFactory
from newsletter.models import NewsletterPage

from .data import Reader, stream


@dataclasses.dataclass
class Section:
    """A page directly under the home page (or under another section)."""

    title: str
    slug: str
    intro: str
    show_in_menus: bool = False


@dataclasses.dataclass
class ImpactSection(Section):
    body: list = dataclasses.field(default_factory=list)

    def __post_init__(self):
        self.body = stream(self.body)


@dataclasses.dataclass
class NewsletterSection(Section):
    issue_introduction: str = ""


def section(parent, model, factory, record, *, publish: bool = False, **fields):
    """The first `model` child of `parent`, created from `record` (and `fields`) when missing;
    `publish` gives a new page its first revision, as an editor's publication does."""
    page = model.objects.child_of(parent).first()
    if page is None:
        page = factory(parent=parent, **dataclasses.asdict(record), **fields)
        if publish:
            page.save_revision().publish()
    return page


def build_impact_page(home: HomePage, data: Reader) -> ImpactPage:
    record = data.record(ImpactSection, "sections", "impact")
    return section(home, ImpactPage, ImpactPageFactory, record, publish=True)


def build_newsletter_page(home: HomePage, data: Reader) -> NewsletterPage:
    record = data.record(NewsletterSection, "sections", "newsletter")
    return section(home, NewsletterPage, NewsletterPageFactory, record, publish=True)
