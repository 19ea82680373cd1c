"""Hostile query strings on the API and the event indexes: a clear 400 or an empty result,
never a 500 (issue 11, defect 5; `/cerca/` has its own tests)."""

from urllib.parse import quote, urlencode

from django.contrib.auth import get_user_model

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


# Numbers a reader can type that `str.isdigit()` or `int()` take and a page must not: a
# superscript two, an Arabic-Indic three, a fullwidth one, a number no integer column or date
# holds, a negative one, zero, a decimal, spaces, nothing (issue 26, finding 5).
HOSTILE_NUMBERS = ["²", "٣", "１", "9" * 20, "9" * 400, "-1", "0", "1.0", " 1", ""]
PAGINATED = ["/", "/storie/", "/programma/", "/club/", "/formazione/", "/co-creazione/"]


@pytest.mark.parametrize("number", HOSTILE_NUMBERS)
def test_hostile_numbers_are_never_a_500(client, site, number):
    desk = get_user_model().objects.create_superuser("desk", "desk@example.org", "password")
    quoted = quote(number)
    urls = [f"{url}?page={quoted}" for url in PAGINATED]
    for index in (site["course_index"], site["session_index"]):
        urls += [f"{index.url}calendario/{quoted}/1/", f"{index.url}calendario/2026/{quoted}/"]
    urls += [
        f"/api/posti.json?eventi={quoted},{site['course'].pk}",
        f"/api/v2/pages/?offset={quoted}",
        f"/api/v2/pages/?limit={quoted}",
    ]
    for url in urls:
        assert client.get(url).status_code < 500, url
    client.force_login(desk)
    checkin = f"/admin/iscrizioni/check-in/?event={quoted}"
    assert client.get(checkin).status_code == 200
    assert client.post(checkin, {"registration": number}).status_code == 404


@pytest.mark.parametrize("number", ["²", "٣", "１", "9" * 20, "-1", "0", "1.0"])
def test_a_page_number_that_is_not_ascii_digits_is_an_invalid_page(client, site, number):
    """The same answer as any other invalid page (portal.pagination): a 404."""
    for url in PAGINATED[1:]:
        assert client.get(f"{url}?page={quote(number)}").status_code == 404, url
    assert client.get("/storie/?page=1").status_code == 200


@pytest.mark.parametrize(
    "path", ["calendario/99999999999999999999/1/", "calendario/2026/99999999999999999999/"]
)
@pytest.mark.parametrize("index", ["course_index", "session_index"])
def test_calendar_numbers_too_large_are_404(client, site, index, path):
    assert client.get(f"{site[index].url}{path}").status_code == 404


def test_the_canonical_url_names_only_a_real_page_number(client, site):
    html = parse(client.get("/?page=²"))
    assert html.select_one("link[rel=canonical]")["href"].endswith("/")


def test_seats_and_the_desk_read_only_ascii_ids(client, site):
    course = site["course"]
    seats = client.get(f"/api/posti.json?eventi=٣,{course.pk}").json()
    assert list(seats) == [str(course.pk)]
    desk = get_user_model().objects.create_superuser("desk", "desk@example.org", "password")
    client.force_login(desk)
    page = client.get(f"/admin/iscrizioni/check-in/?event={course.pk}")
    assert page.status_code == 200 and page.context["event_id"] == course.pk
