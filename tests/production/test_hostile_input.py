"""Hostile query strings on the API and the event indexes: a clear 400 or an empty result,
never a 500 (issue 11, defect 5; `/cerca/` has its own tests)."""

from urllib.parse import urlencode

import pytest

from courses.factories import CoursePageFactory
from stories.factories import StoryPageFactory
from tests.html import parse

LISTINGS = ["/api/v2/pages/", "/api/v2/phases/", "/api/v2/innovators/"]
SEARCHES = [
    '"',
    "\x00",
    'a"b',
    '"vivai',
    "vivai OR",
    "NEAR(vivai verde)",
    "*",
    "-vivai",
    "^vivai",
    "title:vivai",
    "AND",
    "()",
    "vivai' --",
    "",
]


@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v2/innovators/"])
@pytest.mark.parametrize("query", SEARCHES)
def test_search_syntax_is_never_an_error(client, site, url, query):
    response = client.get(f"{url}?{urlencode({'search': query})}")
    assert response.status_code in (200, 400), (url, query)
    if response.status_code == 200:
        assert isinstance(response.json()["items"], list)


def test_search_still_finds_the_words(client, site):
    body = client.get('/api/v2/pages/?search="una storia').json()
    assert "Una storia" in [item["title"] for item in body["items"]]
    assert client.get('/api/v2/pages/?search="*"').json()["items"] == []


@pytest.mark.parametrize("url", LISTINGS)
@pytest.mark.parametrize(
    "query",
    [
        "offset=99999999999999999999",
        "offset=-1",
        "offset=1e5",
        "offset=abc",
        "offset=%C2%B2",
        "limit=99999999999999999999",
        "limit=-1",
        "limit=abc",
        "limit=1000",
    ],
)
def test_bad_pagination_is_a_400(client, site, url, query):
    response = client.get(f"{url}?{query}")
    assert response.status_code == 400, (url, query)
    assert "message" in response.json()


def test_an_offset_past_the_end_is_an_empty_page(client, site):
    body = client.get("/api/v2/pages/?offset=1000000").json()
    assert body["items"] == [] and body["meta"]["total_count"] > 0


@pytest.mark.parametrize("index", ["course_index", "session_index"])
@pytest.mark.parametrize("month", ["9999-12", "0001-01", "1899-12", "3000-01", "2026-13"])
def test_out_of_range_months_get_a_message(client, site, index, month):
    response = client.get(f"{site[index].url}?mese={month}")
    assert response.status_code == 200
    error = parse(response).select_one("#id_mese-error")
    assert error is not None and "mese" in error.text


@pytest.mark.parametrize("path", ["calendario/9999/12/", "calendario/1/1/", "calendario/3000/1/"])
def test_out_of_range_calendar_months_are_404(client, site, path):
    assert client.get(f"{site['course_index'].url}{path}").status_code == 404


def test_a_valid_month_still_filters(client, site):
    month = site["course"].start.strftime("%Y-%m")
    response = client.get(f"{site['course_index'].url}?mese={month}")
    assert "Un corso" in response.content.decode()


def test_a_story_without_phase_and_an_event_without_place(client, site):
    """As a story from the public form is published: no phase; an online event: no location."""
    story = StoryPageFactory(parent=site["story_index"], title="Senza fase", phase=None)
    course = CoursePageFactory(parent=site["course_index"], title="Online", location="")
    detail = client.get(f"/api/v2/pages/{story.pk}/")
    assert detail.status_code == 200 and detail.json()["phase_number"] is None
    listing = client.get("/api/v2/pages/?type=stories.StoryPage&fields=*")
    assert listing.status_code == 200
    assert "Senza fase" in [item["title"] for item in listing.json()["items"]]
    event = client.get(f"/api/v2/pages/{course.pk}/").json()
    assert event["latitude"] is None and event["longitude"] is None
    assert client.get("/api/v2/pages/?type=courses.CoursePage&fields=*").status_code == 200
