"""The stories in the demo (`stories.toml`): the index, the public form, twelve stories about
demo innovators, the editorial workflow on the stories and the programme, and the demo editors
and moderators.

The stories are invented, about the invented demo innovators. `extra` generates more for
scale tests. Everything is looked up before it is created, so the builder can run again.
"""

import dataclasses
import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify

from wagtail.models import Page

from tqdm import tqdm

from courses.desk import DESK
from home.models import HomePage
from innovators.models import Innovator
from portal.models import ProgrammePhase
from stories.editorial import EDITORS, MODERATORS, attach_editorial_workflow
from stories.factories import StoryIndexPageFactory, StoryPageFactory, StorySubmissionPageFactory
from stories.models import StoryIndexPage, StoryPage, StorySubmissionPage

from .data import Reader, paragraphs
from .images import demo_image, illustration
from .sections import Section, section
from .site import demo_password, secure_demo_account

GENERATED_SLUG_PREFIX = "storia-demo-"


@dataclasses.dataclass
class Story:
    title: str
    innovators: list[str]  # names of demo innovators
    phase: int
    date: datetime.date
    tags: list[str]
    intro: str
    paragraphs: list[str]
    quote: str = ""
    quote_attribution: str = ""

    @property
    def slug(self) -> str:
        return slugify(self.title)[:70]


@dataclasses.dataclass
class SubmissionSection(Section):
    confirmation_text: str = ""


def build_index(home: HomePage, data: Reader) -> StoryIndexPage:
    index = section(
        home, StoryIndexPage, StoryIndexPageFactory, data.record(Section, "stories", "index")
    )
    form = data.record(SubmissionSection, "stories", "submission")
    section(index, StorySubmissionPage, StorySubmissionPageFactory, form)
    return index


def build_stories(
    index: StoryIndexPage, phases: dict[int, ProgrammePhase], data: Reader, extra: int = 0
) -> None:
    innovators = {
        innovator.name: innovator
        for innovator in Innovator.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE, live=True
        )
    }
    stories = data.records(Story, "stories", "stories")
    author = data.get("stories", "author_name")
    existing = set(StoryPage.objects.child_of(index).values_list("slug", flat=True))
    for seed, story in enumerate(stories, start=40):
        if story.slug in existing:
            continue
        StoryPageFactory(
            parent=index,
            title=story.title,
            slug=story.slug,
            date=story.date,
            intro=story.intro,
            author_name=author,
            phase=phases[story.phase],
            image=illustration(f"Storia {seed}", seed, story.title),
            body=paragraphs(story.paragraphs),
            quote=story.quote,
            quote_attribution=story.quote_attribution,
            tags=story.tags,
            innovators=[innovators[name] for name in story.innovators if name in innovators],
        )
    featured = data.get("stories", "featured")
    if index.featured_story_id is None:
        first = StoryPage.objects.child_of(index).filter(slug=featured).first()
        if first:
            index.featured_story = first
            index.save_revision().publish()

    generated = sum(1 for slug in existing if slug.startswith(GENERATED_SLUG_PREFIX))
    shared_image = demo_image("Storia generata", 8, "Illustrazione astratta di colline")
    names = list(innovators.values())
    for number in tqdm(range(generated, extra), desc="Storie generate", disable=extra < 50):
        StoryPageFactory(
            parent=index,
            slug=f"{GENERATED_SLUG_PREFIX}{number + 1}",
            phase=phases[number % 4 + 1],
            image=shared_image,
            tags=["demo", stories[number % len(stories)].tags[0]],
            innovators=[names[number % len(names)]] if names else None,
        )


def build_workflow(home: HomePage) -> None:
    """The editorial workflow on the stories and the programme too (idempotent; the setup put
    it on the tree's root and the draftable snippets)."""
    pages = Page.objects.child_of(home).filter(slug__in=["storie", "programma"])
    attach_editorial_workflow(*pages)


def build(
    home: HomePage, phases: dict[int, ProgrammePhase], data: Reader, extra: int = 0
) -> StoryIndexPage:
    index = build_index(home, data)
    build_stories(index, phases, data, extra)
    return index


def build_editorial_users(stdout, password: str | None = None) -> None:
    """Demo accounts `redazione` (editor), `moderazione` (moderator) and `accoglienza` (events
    desk), with the demo password (`DEMO_ADMIN_PASSWORD` unless one is given)."""
    password = password or demo_password()
    users = get_user_model().objects
    accounts = [("redazione", EDITORS), ("moderazione", MODERATORS), ("accoglienza", DESK)]
    for username, group_name in accounts:
        existing = users.filter(username=username).first()
        if existing:
            secure_demo_account(existing, password, stdout)
            continue
        user = users.create_user(username, f"{username}@pistoia2030.it", password)
        group = Group.objects.filter(name=group_name).first()
        if group:
            user.groups.add(group)
        stdout.write(f"Utente demo creato: {username} ({group_name})")
