"""The English site of the demo (`english.toml`), built with Wagtail's translation machinery.

Every page and snippet readers meet on /en/ is a wagtail-localize translation of its Italian
original: a copy with English copy written for the site, then recorded as translation source,
translation and string translations (`home.demo.localize.adopt`), so "Sync translated pages"
works on it. Safe to run again: a translation already managed by wagtail-localize is left as
the editors made it; plain copies from older demo databases are converted; only links that
still point to an Italian page are repaired.
"""

import dataclasses

from django.utils.text import slugify

from wagtail.blocks import StreamValue
from wagtail.models import Locale

from courses.models import CourseIndexPage, CoursePage, SessionIndexPage, SessionPage
from home.models import HomeGoal, HomePage
from innovators.models import Sector
from portal.models import ProgrammePhase
from stories.models import (
    PhaseUpdatePage,
    ProgrammePage,
    StoryIndexPage,
    StoryPage,
    StorySubmissionPage,
)

from .data import Reader, paragraphs, stream
from .localize import adopt

LANGUAGE = "en"


@dataclasses.dataclass(kw_only=True)
class Translated:
    """The English fields of a page; those left out keep the Italian copy's value."""

    title: str
    intro: str
    slug: str | None = None
    seo_title: str | None = None
    motto: str | None = None
    body: list | None = None
    paragraphs: list[str] | None = None  # a body of plain paragraphs
    issue_introduction: str | None = None
    quote: str | None = None
    quote_attribution: str | None = None

    def __post_init__(self):
        if self.body is not None:
            self.body = stream(self.body)
        if self.paragraphs is not None:
            self.body, self.paragraphs = paragraphs(self.paragraphs), None

    def fields(self) -> dict:
        return {key: value for key, value in vars(self).items() if value is not None}


@dataclasses.dataclass
class GoalText:
    title: str
    text: str
    link_label: str


@dataclasses.dataclass
class PhaseText:
    name: str
    summary: str


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def translate_page(page, locale, fields: dict):
    """The page's English translation, created with `fields` and published if missing.

    The copy takes the English fields in memory only: `adopt` records them as string
    translations and wagtail-localize renders, saves and (here) publishes the page once."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return adopt(page, existing.specific)
    copy = page.copy_for_translation(locale).specific
    fields = dict(fields)
    fields.setdefault("slug", slugify(fields.get("title", copy.title))[:70])
    if "body" in fields and not fields["body"] and hasattr(page, "body"):
        fields["body"] = page.body.stream_block.to_python([])
    for name, value in fields.items():
        setattr(copy, name, value)
        if isinstance(getattr(copy, name), StreamValue):
            getattr(copy, name).get_prep_value()  # gives new blocks their ids, as a save does
    return adopt(page, copy, live=True)


def translate_snippet(instance, locale, **fields):
    """The snippet's English translation, created with `fields` if missing (published, for a
    snippet with drafts, once by `adopt`)."""
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return adopt(instance, existing)
    copy = instance.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    return adopt(instance, copy)


def english(page, locale):
    """A page's English translation when there is one, else the page."""
    if page is None:
        return None
    return page.get_translation_or_none(locale) or page


def build(home: HomePage, data: Reader) -> HomePage:
    locale, _created = Locale.objects.get_or_create(language_code=LANGUAGE)

    sectors = {sector.slug: sector for sector in Sector.objects.filter(locale__language_code="it")}
    for slug, name in data.get("english", "sectors").items():
        if slug in sectors:
            translate_snippet(sectors[slug], locale, name=name)
    phases = {}
    phase_texts = data.keyed(PhaseText, "english", "phases")
    for phase in ProgrammePhase.objects.filter(locale__language_code="it"):
        text = phase_texts[str(phase.number)]
        phases[phase.pk] = translate_snippet(phase, locale, name=text.name, summary=text.summary)

    en_home = translate_page(home, locale, data.record(Translated, "english", "home").fields())

    sections = data.keyed(Translated, "english", "sections")
    updates = data.keyed(Translated, "english", "updates")
    events = data.keyed(Translated, "english", "events")
    stories = data.keyed(Translated, "english", "stories")
    submission = data.record(Translated, "english", "submission")
    event_body = paragraphs(data.get("english", "event_body"))
    questionnaire = data.get("english", "event_questionnaire")
    for child in home.get_children().specific():
        if child.slug not in sections:
            continue
        translated = translate_page(child, locale, sections[child.slug].fields())
        if isinstance(child, ProgrammePage):
            _translate_children(child, PhaseUpdatePage, updates, locale, phases)
        elif isinstance(child, StoryIndexPage):
            _translate_children(child, StoryPage, stories, locale, phases)
            for form in StorySubmissionPage.objects.child_of(child):
                translate_page(form, locale, submission.fields())
            _repair_featured_story(translated, locale)
        elif isinstance(child, CourseIndexPage | SessionIndexPage):
            model = CoursePage if isinstance(child, CourseIndexPage) else SessionPage
            _translate_children(
                child, model, events, locale, phases, body=event_body, questionnaire=questionnaire
            )
    _repair_goals(en_home, locale, data.keyed(GoalText, "english", "goals"))
    return en_home


def _translate_children(
    parent, model, texts: dict, locale, phases: dict, body=None, questionnaire=None
) -> None:
    """The children of `parent` that have English `texts` (by Italian slug), translated."""
    for page in model.objects.child_of(parent).filter(slug__in=list(texts)):
        fields = texts[page.slug].fields()
        if body is not None:
            fields.setdefault("body", body)
        if questionnaire is not None:
            fields["questionnaire"] = english_questionnaire(page.questionnaire, questionnaire)
        if getattr(page, "phase_id", None):
            fields["phase"] = phases.get(page.phase_id, page.phase)
        translate_page(page, locale, fields)


def english_questionnaire(italian, texts: list[dict]) -> list[dict]:
    """The event's questionnaire with the English `texts`, question by question: the same
    ids, kinds and settings (a question with no English text keeps its Italian words)."""
    return [
        {**block, "value": {**block["value"], **(texts[number] if number < len(texts) else {})}}
        for number, block in enumerate(italian.raw_data)
    ]


def _repair_featured_story(index, locale) -> None:
    # Fresh from the database: a stale copy would save an outdated count of children.
    index = StoryIndexPage.objects.get(pk=index.pk)
    featured = index.featured_story
    if featured and featured.locale_id != locale.pk:
        translated = featured.get_translation_or_none(locale)
        publish(index, featured_story=translated.specific if translated else None)


def _repair_goals(en_home: HomePage, locale, texts: dict[str, GoalText]) -> None:
    """The English goals (`texts` by Italian title): English words, links to English sections."""
    changed = False
    for goal in HomeGoal.objects.filter(home=en_home).select_related("page"):
        text = texts.get(goal.title)
        if text:
            goal.title, goal.text, goal.link_label = text.title, text.text, text.link_label
            changed = True
        if goal.page and goal.page.locale_id != locale.pk:
            goal.page = english(goal.page, locale)
            changed = True
        if changed:
            goal.save()
    if changed:
        publish(HomePage.objects.get(pk=en_home.pk))
