"""Fixtures for the stories: the index, the form page, innovators, editors and moderators."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from innovators.factories import InnovatorFactory, SectorFactory
from innovators.models import Municipality
from stories.editorial import EDITORS, MODERATORS, attach_editorial_workflow
from stories.factories import StoryIndexPageFactory, StorySubmissionPageFactory


@pytest.fixture
def story_index(home_page, programme_page):
    index = StoryIndexPageFactory(parent=home_page, show_in_menus=True)
    attach_editorial_workflow(index, programme_page)
    return index


@pytest.fixture
def submission_page(story_index):
    return StorySubmissionPageFactory(parent=story_index)


@pytest.fixture
def comuni(db):
    return {m.slug: m for m in Municipality.objects.all()}


@pytest.fixture
def story_innovators(comuni):
    vivaismo = SectorFactory(name="Vivaismo", slug="vivaismo")
    digitale = SectorFactory(name="Digitale", slug="digitale")
    return {
        "verde": InnovatorFactory(
            name="Vivai Verde", sector=vivaismo, municipality=comuni["pistoia"]
        ),
        "nuvola": InnovatorFactory(
            name="Nuvola Digitale", sector=digitale, municipality=comuni["quarrata"]
        ),
        "bozza": InnovatorFactory(
            name="Bozza Segreta", sector=digitale, municipality=comuni["pescia"], live=False
        ),
    }


def make_user(username, group_name=None):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "password", first_name=username.title()
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return make_user("redattrice", EDITORS)


@pytest.fixture
def moderator(db):
    return make_user("moderatore", MODERATORS)
