"""Which change clears what: only what a reader can see renews the cached pages, and a cached
hit costs one cache read and nothing else."""

import json

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from courses import services
from innovators.models import Innovator
from portal.cache import content_version
from portal.models import ProgrammePhase, SiteSettings
from stories.models import StoryPage
from tests.production.conftest import JOIN_URL, SUBMISSION_URL, join_data, submission_data

pytestmark = pytest.mark.usefixtures("page_cache")
PUBLIC_URLS = ("/", "/storie/", "/programma/", "/club/", "/formazione/")


def cache_state(response) -> str | None:
    return response.headers.get("X-Page-Cache")


@pytest.fixture
def warm(client, site):
    """Every public page stored in the page cache; returns a check that they are still hits."""

    def fill():
        for url in PUBLIC_URLS:
            assert client.get(url).status_code == 200, url

    def still_cached() -> bool:
        states = {url: cache_state(client.get(url)) for url in PUBLIC_URLS}
        return all(state == "hit" for state in states.values())

    fill()
    assert still_cached()
    return still_cached


def test_a_registration_changes_its_seats_and_no_cached_page(client, site, warm):
    course = site["course"]
    version = content_version()
    services.register(course, name="Giulia Rossi", email="giulia@example.org")
    assert content_version() == version
    assert warm()
    seats = client.get(f"/api/posti.json?eventi={course.pk}").json()
    assert seats[str(course.pk)]["left"] == course.capacity - 1
    assert seats[str(course.pk)]["label"] == f"{course.capacity - 1} posti disponibili"


def test_seats_are_live_and_never_stored(client, site):
    course = site["course"]
    url = f"/api/posti.json?eventi={course.pk},{site['session'].pk},{site['story'].pk},x,-1"
    first = client.get(url)
    assert cache_state(first) is None
    assert "max-age=5" in first["Cache-Control"]
    assert set(first.json()) == {str(course.pk), str(site["session"].pk)}  # events only
    services.register(course, name="Giulia Rossi", email="giulia@example.org")
    assert client.get(url).json()[str(course.pk)]["left"] == course.capacity - 1
    english = client.get(f"/api/posti.json?eventi={course.pk}&lang=en").json()
    assert english[str(course.pk)]["label"] == f"{course.capacity - 1} seats left"
    assert client.get("/api/posti.json?eventi=" + "9" * 40).json() == {}


def test_cached_listings_carry_the_seats_script(client, site):
    page = client.get("/formazione/").content.decode()
    assert f'data-seats-event="{site["course"].pk}"' in page
    assert "courses/seats" in page


def test_a_story_submission_changes_no_public_page(
    client, site, warm, django_capture_on_commit_callbacks
):
    version = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SUBMISSION_URL, submission_data())
    assert response.status_code in (200, 302)
    assert StoryPage.objects.filter(live=False).exists()  # the draft story
    client.cookies.clear()
    assert content_version() == version
    assert warm()


def test_a_join_request_changes_no_public_page(
    client, site, warm, django_capture_on_commit_callbacks
):
    version = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(JOIN_URL, join_data(site))
    assert response.status_code in (200, 302)
    assert Innovator.objects.filter(name="Officina Nuova", live=False).exists()
    client.cookies.clear()
    assert content_version() == version
    assert warm()


def test_a_draft_changes_nothing_until_it_is_published(client, site, warm):
    editor = get_user_model().objects.create_user("redattrice", password="x")
    story = site["story"]
    story.title = "Una storia riscritta"
    revision = story.save_revision(user=editor)
    assert warm()
    assert "Una storia riscritta" not in client.get("/storie/").content.decode()
    revision.publish()  # as the moderator's approval does
    response = client.get("/storie/")
    assert cache_state(response) == "miss"
    assert "Una storia riscritta" in response.content.decode()


def test_a_draft_innovator_changes_nothing_until_it_is_published(client, site, warm):
    innovator = site["innovator"]
    innovator.name = "Vivai Verdissimi"
    revision = innovator.save_revision()
    assert warm()
    revision.publish()
    assert "Vivai Verdissimi" in client.get("/club/").content.decode()


@pytest.mark.parametrize("change", ["sector", "phase", "site_settings"])
def test_snippets_and_settings_show_at_once(client, site, warm, change):
    if change == "sector":
        site["sector"].name = "Vivaismo e verde"
        site["sector"].save()
        url, text = "/club/", "Vivaismo e verde"
    elif change == "phase":
        phase = ProgrammePhase.objects.get(number=1)
        phase.name = "Esplorazione del territorio"
        phase.save()
        url, text = "/programma/", "Esplorazione del territorio"
    else:
        settings = SiteSettings.objects.get()
        settings.contact_email = "scrivici@pistoia2030.example.org"
        settings.save()
        url, text = "/", "scrivici@pistoia2030.example.org"
    response = client.get(url)
    assert cache_state(response) == "miss"
    assert text in response.content.decode()


def test_a_move_shows_at_once(client, site, warm):
    story = site["story"]
    assert client.get(story.url).status_code == 200
    old_url = story.url
    story.move(site["home"], pos="last-child")
    response = client.get(old_url)
    assert response.status_code in (301, 404)  # Wagtail's automatic redirect, or gone
    assert cache_state(response) is None


def test_a_view_restriction_applies_to_a_cached_route(client, site, warm):
    assert cache_state(client.get("/programma/")) == "hit"
    PageViewRestriction.objects.create(
        page=site["programme"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    response = client.get("/programma/")
    assert "password" in response.content.decode().lower()
    assert cache_state(response) is None


def test_a_cached_hit_runs_no_sql(client, site):
    client.get("/storie/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/storie/")
    assert cache_state(response) == "hit"
    assert len(queries) == 0


def test_a_cached_hit_is_one_read_of_the_database_cache(client, site, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "portal.db_cache.PortalDatabaseCache",
            "LOCATION": "portal_cache_test",
        },
    }
    call_command("createcachetable", verbosity=0)
    caches["default"].clear()
    client.get("/storie/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/storie/")
    assert cache_state(response) == "hit"
    assert len(queries) == 1, [query["sql"] for query in queries]
    assert "portal_cache_test" in queries[0]["sql"]


def test_a_cached_hit_answers_if_none_match(client, site):
    first = client.get("/storie/")
    response = client.get("/storie/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 304


def test_the_seats_answer_is_json_for_any_input(client, site):
    for query in ("", "?eventi=", "?eventi=abc", "?eventi=1,2,3&lang=xx", "?eventi=%00"):
        response = client.get("/api/posti.json" + query)
        assert response.status_code == 200
        assert isinstance(json.loads(response.content), dict)
