"""The read-only Wagtail API v2: pages, phases and innovators; never a draft or an e-mail."""

import pytest

from courses.factories import CourseIndexPageFactory, CoursePageFactory
from innovators.factories import ClubDirectoryPageFactory, InnovatorFactory, SectorFactory
from stories.factories import StoryIndexPageFactory, StoryPageFactory


@pytest.fixture
def content(home_page, phases):
    stories = StoryIndexPageFactory(parent=home_page)
    live = StoryPageFactory(parent=stories, title="Storia pubblicata", phase=phases[2])
    draft = StoryPageFactory(parent=stories, title="Storia in bozza")
    draft.unpublish()
    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=home_page))
    ClubDirectoryPageFactory(parent=home_page)
    sector = SectorFactory(name="Digitale", slug="digitale")
    InnovatorFactory(name="Robotica Valdinievole", sector=sector)
    InnovatorFactory(name="Innovatore in bozza", live=False)
    InnovatorFactory(name="Vivai Verdecittà")
    return {"story": live, "draft": draft, "course": course}


def test_pages_endpoint_lists_live_pages_only(client, content):
    body = client.get("/api/v2/pages/?limit=100").json()
    titles = {item["title"] for item in body["items"]}
    assert "Storia pubblicata" in titles
    assert "Storia in bozza" not in titles
    assert client.get(f"/api/v2/pages/{content['draft'].pk}/").status_code == 404


def test_story_fields_and_type_filter(client, content):
    body = client.get(
        "/api/v2/pages/?type=stories.StoryPage&fields=intro,date,phase_number,tags"
    ).json()
    assert body["meta"]["total_count"] == 1
    item = body["items"][0]
    assert item["phase_number"] == 3
    assert item["date"] == content["story"].date.isoformat()


def test_event_detail_has_public_fields_and_no_e_mail(client, content):
    body = client.get(f"/api/v2/pages/{content['course'].pk}/").json()
    assert body["capacity"] == content["course"].capacity
    assert body["venue"] == "Palazzo Pretorio"
    text = str(body)
    assert "contact_email" not in text and "@" not in text and "online_url" not in text


def test_innovators_endpoint_matches_the_geojson_fields(client, content):
    body = client.get("/api/v2/innovators/").json()
    assert body["meta"]["total_count"] == 2
    first = body["items"][0]
    assert {
        "name",
        "slug",
        "url",
        "sector",
        "color",
        "municipality",
        "club",
        "latitude",
        "longitude",
    } <= set(first)
    assert first["url"] == "/club/robotica-valdinievole/"
    assert "@" not in str(body)
    filtered = client.get("/api/v2/innovators/?settore=digitale").json()
    assert [item["name"] for item in filtered["items"]] == ["Robotica Valdinievole"]
    page = client.get("/api/v2/innovators/?limit=1&offset=1").json()
    assert [item["name"] for item in page["items"]] == ["Vivai Verdecittà"]


def test_phases_endpoint(client, content):
    body = client.get("/api/v2/phases/").json()
    assert [item["number"] for item in body["items"]] == [1, 2, 3, 4]
    assert body["items"][0]["meta"]["locale"] == "it"


def test_the_api_is_read_only(client, content):
    assert client.post("/api/v2/pages/", {}).status_code == 405
    assert client.delete(f"/api/v2/pages/{content['story'].pk}/").status_code == 405


API_URLS = [
    "/api/innovatori.csv",
    "/api/innovatori.geojson",
    "/api/impatto.json",
    "/api/impatto/innovators_total.csv",
    "/api/posti.json?eventi=1",
    "/api/v2/pages/",
    "/api/v2/pages/{story}/",
    "/api/v2/phases/",
    "/api/v2/innovators/",
]


@pytest.mark.parametrize("url", API_URLS)
def test_every_api_endpoint_answers_get_and_head_and_405_to_anything_else(content, url):
    """As docs/api.md says: 405 with `Allow: GET, HEAD`, not CSRF's 403 (a real browser's
    client: CSRF checks on, no token)."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    url = url.format(story=content["story"].pk)
    assert client.get(url).status_code == 200
    assert client.head(url).status_code == 200
    for method in ("post", "put", "patch", "delete", "options"):
        response = getattr(client, method)(url)
        assert response.status_code == 405, (method, response.status_code)
        assert response["Allow"] == "GET, HEAD", method


def test_there_is_no_images_endpoint(client, content):
    """It would list the public forms' uploads before moderation (docs/api.md)."""
    assert client.get("/api/v2/images/").status_code == 404


def test_every_page_type_but_the_forms_declares_its_public_fields():
    # Each app names its page types' fields in its api.py; a new page type without them would
    # answer only title and meta.
    from wagtail.models import get_page_models

    from portal.api import page_fields

    apps = {"home", "stories", "innovators", "courses", "newsletter"}
    pages = {m._meta.label for m in get_page_models() if m._meta.app_label in apps}
    forms = {"stories.StorySubmissionPage", "newsletter.NewsletterPage"}
    assert {model._meta.label for model in page_fields()} == pages - forms
