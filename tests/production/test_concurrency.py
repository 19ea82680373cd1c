"""50 simultaneous valid posts to each public form: each lands exactly once, none is lost,
no duplicate, no error (see concurrent_forms.py; on PostgreSQL under `make test-services`)."""

import json

import pytest

from tests.databases import run_python, separate_database

POSTS = 24  # concurrent posts per form, one thread and connection each


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory, migrated_sqlite):
    with separate_database(tmp_path_factory.mktemp("concurrency"), migrated_sqlite) as url:
        result = run_python(url, "-m", "tests.production.concurrent_forms", str(POSTS))
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_join_requests(outcomes):
    outcome = outcomes["join"]
    assert outcome["errors"] == []
    assert outcome["statuses"] == [302] * POSTS
    assert outcome["rows"] == outcome["distinct"] == outcome["slugs"] == POSTS


def test_story_submissions(outcomes):
    outcome = outcomes["story"]
    assert outcome["errors"] == []
    assert outcome["statuses"] == [302] * POSTS
    assert outcome["rows"] == outcome["distinct"] == outcome["pages"] == outcome["slugs"] == POSTS


def test_registrations(outcomes):
    outcome = outcomes["registration"]
    assert outcome["errors"] == []
    people = POSTS - POSTS // 10  # every tenth post is a second click
    assert outcome["rows"] == outcome["distinct"] == people
    assert outcome["confirmed"] == POSTS // 2
    # The second click gets the same answer as the first (and an e-mail), never a 500.
    assert max(outcome["statuses"]) < 500


def test_newsletter_subscriptions(outcomes):
    outcome = outcomes["newsletter"]
    assert outcome["errors"] == []
    assert outcome["statuses"] == [302] * POSTS  # the same answer for a second click
    assert outcome["rows"] == outcome["distinct"] == POSTS - POSTS // 10


def test_sign_in_links(outcomes):
    outcome = outcomes["sign_in"]
    assert outcome["errors"] == []
    assert outcome["statuses"] == [302] * POSTS  # the same answer for every ask
    assert outcome["rows"] == outcome["distinct"] == 2  # one account per address


def test_profile_saves_from_many_tabs(outcomes):
    outcome = outcomes["profile"]
    assert outcome["errors"] == []
    assert outcome["statuses"] == [302] * POSTS
    assert outcome["rows"] == POSTS  # a revision for each save
    assert outcome["slugs"] == 1  # one review under way: each save replaced the one waiting
