"""What goes into an issue, per language and topic, and how it reads in an e-mail.

`choose_items` picks, in each language, what was first published in the issue's window: new
stories, programme updates, and courses and sessions still ahead with seats left (a handful
of queries whatever the number of subscribers). `Composition` loads those pages once and
renders each (language, topics) combination once, with placeholders that `personalise`
replaces with a subscriber's signed links: sending to 10,000 addresses renders at most
2 languages × 15 topic combinations.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from courses.models import CoursePage, SessionPage
from courses.models.events import confirmed_count_subquery
from portal.images import prefetch_image
from stories.models import PhaseUpdatePage, StoryPage

from .links import absolute
from .models import Topic

EMAIL_RENDITION = "fill-600x338|format-jpeg"
MAX_ITEMS_PER_TOPIC = 8
TOPIC_MODELS = {
    Topic.STORIES: StoryPage,
    Topic.PROGRAMME: PhaseUpdatePage,
    Topic.COURSES: CoursePage,
    Topic.SESSIONS: SessionPage,
}
# Placeholders for the links that differ per subscriber (never found in page content).
PREFERENCES_MARK = "%%NEWSLETTER-PREFERENCES%%"
UNSUBSCRIBE_MARK = "%%NEWSLETTER-UNSUBSCRIBE%%"


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _published_in(model, language: str, since, until):
    return (
        model.objects.live()
        .public()
        .filter(
            locale__language_code=language,
            first_published_at__gt=since,
            first_published_at__lte=until,
        )
    )


def choose_items(since: datetime.datetime, until: datetime.datetime) -> dict:
    """{language: {topic: [page ids]}} of what was published in the window (empty topics left out)."""
    chosen: dict = {}
    for language in languages():
        topics = {}
        for topic, model in TOPIC_MODELS.items():
            pages = _published_in(model, language, since, until)
            if model in (CoursePage, SessionPage):
                pages = pages.filter(start__gt=until, cancelled=False).annotate(
                    confirmed_total=confirmed_count_subquery()
                )
                ids = [
                    event.pk
                    for event in pages.order_by("start", "pk")
                    if event.registration_open_at(until) and event.confirmed_count < event.capacity
                ]
            else:
                ids = list(pages.order_by("-date", "-pk").values_list("pk", flat=True))
            if ids:
                topics[topic.value] = ids[:MAX_ITEMS_PER_TOPIC]
        if topics:
            chosen[language] = topics
    return chosen


@dataclass
class Item:
    title: str
    url: str
    intro: str
    image_url: str = ""
    image_alt: str = ""
    when: str = ""
    where: str = ""
    seats_left: int | None = None


def _item(page) -> Item:
    image = getattr(page, "image", None)
    item = Item(title=page.title, url=absolute(page.get_url()), intro=strip_tags(page.intro))
    if image is not None:
        rendition = image.get_rendition(EMAIL_RENDITION)
        item.image_url = absolute(rendition.url)
        item.image_alt = image.default_alt_text
    if isinstance(page, CoursePage | SessionPage):
        item.when = date_format(page.start.astimezone(), "l j F Y, H:i")
        item.where = ", ".join(part for part in (page.venue, page.address) if part)
        item.seats_left = max(page.capacity - page.confirmed_count, 0)
    elif hasattr(page, "date"):
        item.when = date_format(page.date, "j F Y")
    return item


@dataclass
class Section:
    topic: str
    title: str
    items: list[Item]


@dataclass
class Composition:
    """An issue's pages, loaded once, and its renderings per (language, topics)."""

    items: dict
    introductions: dict
    sections: dict = field(default_factory=dict)  # {language: {topic: Section}}
    _rendered: dict = field(default_factory=dict)

    @classmethod
    def load(cls, items: dict, introductions: dict) -> "Composition":
        composition = cls(items, introductions)
        ids = {page_id for topics in items.values() for ids in topics.values() for page_id in ids}
        pages = {}
        for model in TOPIC_MODELS.values():
            queryset = (
                model.objects.filter(pk__in=ids)
                .defer_streamfields()
                .prefetch_related(prefetch_image("image", EMAIL_RENDITION))
            )
            if model in (CoursePage, SessionPage):
                queryset = queryset.annotate(confirmed_total=confirmed_count_subquery())
            pages.update({page.pk: page for page in queryset})
        for language, topics in items.items():
            with translation.override(language):
                composition.sections[language] = {
                    topic: Section(
                        topic,
                        str(Topic(topic).label),
                        [_item(pages[pk]) for pk in page_ids if pk in pages],
                    )
                    for topic, page_ids in topics.items()
                }
        return composition

    def has_news_for(self, language: str, topics) -> bool:
        sections = self.sections.get(language, {})
        return any(sections.get(topic) and sections[topic].items for topic in topics)

    def render(self, language: str, topics) -> tuple[str, str, str]:
        """(subject, plain text, HTML) for these topics, with link placeholders."""
        order = [topic.value for topic in Topic if topic.value in set(topics)]
        key = (language, tuple(order))
        if key not in self._rendered:
            sections = self.sections.get(language, {})
            context = {
                "language": language,
                "introduction": self.introductions.get(language, ""),
                "introduction_text": strip_tags(self.introductions.get(language, "")).strip(),
                "sections": [sections[t] for t in order if t in sections and sections[t].items],
                "preferences_url": PREFERENCES_MARK,
                "unsubscribe_url": UNSUBSCRIBE_MARK,
                "site_url": absolute("/en/" if language == "en" else "/"),
            }
            with translation.override(language):
                subject = _("Pistoia2030: le novità del programma")
                text = render_to_string("newsletter/emails/digest.txt", context)
                html = render_to_string("newsletter/emails/digest.html", context)
            self._rendered[key] = (subject, text, html)
        return self._rendered[key]


def personalise(rendered: tuple[str, str, str], links: dict) -> tuple[str, str, str]:
    subject, text, html = rendered
    for mark, name in (
        (PREFERENCES_MARK, "preferences_url"),
        (UNSUBSCRIBE_MARK, "unsubscribe_url"),
    ):
        text = text.replace(mark, links[name])
        html = html.replace(mark, links[name])
    return subject, text, html
