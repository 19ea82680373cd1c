"""Fixtures of the newsletter tests: the page in both languages and a little of everything
an issue can hold (stories, programme updates, courses, sessions), in Italian and English."""

import re

from django.core import mail

from wagtail.models import Locale

import pytest

from courses.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    SessionIndexPageFactory,
    SessionPageFactory,
)
from newsletter.factories import NewsletterPageFactory
from stories.factories import PhaseUpdatePageFactory, StoryIndexPageFactory, StoryPageFactory


def translate(page, locale, **fields):
    copy = page.copy_for_translation(locale).specific
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return type(copy).objects.get(pk=copy.pk)


@pytest.fixture
def english(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def newsletter_page(home_page, english):
    page = NewsletterPageFactory(
        parent=home_page, issue_introduction="<p>Questa settimana nel programma.</p>"
    )
    en_home = translate(home_page, english, slug="pistoia2030-en", title="Pistoia2030")
    translate(
        page,
        english,
        slug="newsletter",
        title="Newsletter",
        issue_introduction="<p>This week in the programme.</p>",
    )
    page.en_home = en_home
    return page


@pytest.fixture
def content(newsletter_page, programme_page, english):
    """One new item per topic in Italian; an English story and update too."""
    home = newsletter_page.get_parent()
    story_index = StoryIndexPageFactory(parent=home)
    course_index = CourseIndexPageFactory(parent=home)
    session_index = SessionIndexPageFactory(parent=home)
    story = StoryPageFactory(parent=story_index, title="Il vivaio che risparmia acqua")
    update = PhaseUpdatePageFactory(parent=programme_page, title="Parte la fase di azione")
    course = CoursePageFactory(parent=course_index, title="Dal progetto al business plan")
    session = SessionPageFactory(parent=session_index, title="Il centro storico che vorremmo")
    translate(story_index, english, slug="stories", title="Stories")
    en_programme = translate(programme_page, english, slug="programme", title="Programme")
    return {
        "story": story,
        "update": update,
        "course": course,
        "session": session,
        "en_story": translate(
            story, english, slug="water-saving-nursery", title="The nursery that saves water"
        ),
        "en_update": translate(
            update, english, slug="action-phase", title="The action phase begins"
        ),
        "en_programme": en_programme,
    }


def link(message, pattern: str) -> str:
    """The first link in an e-mail's text matching `pattern`, as a path."""
    found = re.search(rf"https?://[^/\s]+(/\S*{pattern}\S*)", message.body)
    assert found, message.body
    return found.group(1)


@pytest.fixture
def outbox():
    mail.outbox = []
    return mail.outbox
