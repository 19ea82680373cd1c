"""Fuzzing with hypothesis: every public form and the query parameters of every public page,
feed and API get generated bad input (wrong types, huge values, unicode, control characters,
HTML and script, SQL-looking strings, missing and repeated fields, wrong methods).

Never a response ≥ 500, nothing saved from an invalid post, what a form shows back escaped.
Bounded (few examples, no deadline) so the suite stays fast.
"""

from urllib.parse import urlencode

from django.core.cache import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courses.models import Registration
from innovators.models import Innovator
from newsletter.factories import NewsletterPageFactory
from newsletter.models import Subscriber
from stories.models import StoryPage, StorySubmission
from tests.production.conftest import (
    JOIN_URL,
    SUBMISSION_URL,
    join_data,
    registration_data,
    submission_data,
)

SCRIPT = "<script>alert('xss')</script>"
NASTY = [
    SCRIPT,
    '"><img src=x onerror=alert(1)>',
    "' OR '1'='1' --",
    "1; DROP TABLE wagtailcore_page; --",
    "%00",
    "\x00",
    "\x1b[31m\r\n\t",
    "‮gnp.exe",
    "😀" * 50,
    "ℌ𝔢𝔩𝔩𝔬",
    "-1",
    "0",
    "9" * 40,
    "1e309",
    "NaN",
    "null",
    "[]",
    "{{ 7*7 }}",
    "{% debug %}",
    "../../../../etc/passwd",
    "javascript:alert(1)",
    "a" * 5000,
    "",
    " ",
]
FUZZ = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)

bad_text = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=80),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=30),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)
values = st.one_of(bad_text, st.lists(bad_text, min_size=2, max_size=3))


def changes(fields):
    """Some fields broken (repeated when a list), some dropped, some extra ones added."""
    return st.tuples(
        st.dictionaries(st.sampled_from(fields), values, min_size=1, max_size=4),
        st.sets(st.sampled_from(fields), max_size=3),
        st.dictionaries(st.text(min_size=1, max_size=10), values, max_size=2),
    )


def apply(valid: dict, change) -> dict:
    broken, dropped, extra = change
    return {**{k: v for k, v in valid.items() if k not in dropped}, **broken, **extra}


def saved_counts():
    return (
        Innovator.objects.count(),
        StoryPage.objects.count(),
        StorySubmission.objects.count(),
        Registration.objects.count(),
        Subscriber.objects.count(),
    )


def check_post(client, url, data, *, address="10.9.9.9"):
    cache.clear()  # the rate limits: every example is a first try
    before = saved_counts()
    response = client.post(url, data, REMOTE_ADDR=address)
    assert response.status_code < 500, (url, data)
    if response.status_code != 302:
        assert saved_counts() == before, ("saved from an invalid post", data)
        body = response.content.decode()
        assert SCRIPT not in body
        assert "<img src=x onerror" not in body
    return response


@pytest.fixture
def fuzz_site(site, django_capture_on_commit_callbacks):
    return site


JOIN_FIELD_NAMES = [
    "name",
    "kind",
    "sector",
    "short_description",
    "description",
    "tags",
    "municipality",
    "address",
    "website",
    "contact_email",
    "logo",
    "join_club",
    "privacy",
]


@FUZZ
@given(change=changes(JOIN_FIELD_NAMES))
def test_join_form_never_fails(client, fuzz_site, change):
    check_post(client, JOIN_URL, apply(join_data(fuzz_site), change))


@FUZZ
@given(change=changes([*sorted(submission_data()), "photo_1", "alt_1"]))
def test_story_form_never_fails(client, fuzz_site, change):
    check_post(client, SUBMISSION_URL, apply(submission_data(), change))


@FUZZ
@given(change=changes([*sorted(registration_data()), "innovator"]))
def test_registration_form_never_fails(client, fuzz_site, change):
    check_post(client, fuzz_site["course"].url, apply(registration_data(), change))


NEWSLETTER_DATA = {
    "email": "giulia@example.org",
    "topics": ["stories", "courses"],
    "language": "it",
    "consent": "on",
    "homepage": "",
}


@FUZZ
@given(change=changes([*sorted(NEWSLETTER_DATA), "preferences", "action"]))
def test_newsletter_form_never_fails(client, fuzz_site, change):
    if "newsletter" not in fuzz_site:  # hypothesis runs every example on the same site
        fuzz_site["newsletter"] = NewsletterPageFactory(parent=fuzz_site["home"])
    response = check_post(client, "/newsletter/", apply(NEWSLETTER_DATA, change))
    assert SCRIPT not in response.content.decode()
    Subscriber.objects.all().delete()


@pytest.mark.parametrize("method", ["put", "patch", "delete", "options"])
def test_wrong_methods_never_fail(client, site, method):
    for url in (JOIN_URL, SUBMISSION_URL, site["course"].url, "/api/innovatori.geojson"):
        response = getattr(client, method)(url, data="a=1", content_type="text/plain")
        assert response.status_code < 500, (method, url)
    assert saved_counts() == (1, 1, 0, 0, 0)


def test_what_a_form_shows_back_is_escaped(client, site):
    response = check_post(client, JOIN_URL, join_data(site, name=SCRIPT, contact_email=SCRIPT))
    assert response.status_code == 200
    assert "&lt;script&gt;" in response.content.decode()


PUBLIC_URLS = [
    "/",
    "/programma/",
    "/programma/feed/",
    "/storie/",
    "/storie/feed/",
    "/mappa/",
    "/mappa/embed/",
    "/club/",
    "/club/aderisci/",
    "/storie/racconta/",
    "/formazione/",
    "/formazione/calendario.ics",
    "/co-creazione/",
    "/co-creazione/calendario.ics",
    "/cerca/",
    "/api/innovatori.geojson",
    "/api/innovatori.csv",
    "/api/v2/pages/",
    "/api/v2/phases/",
    "/api/v2/innovators/",
    "/api/v2/offers/",
]
PARAMETERS = [
    "q",
    "page",
    "pagina",
    "settore",
    "comune",
    "tag",
    "club",
    "ordine",
    "fase",
    "lang",
    "locale",
    "event",
    "inviata",
    "type",
    "fields",
    "order",
    "limit",
    "offset",
    "search",
    "child_of",
    "format",
    "search_operator",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "id",
    "mese",
    "formato",
    "pubblico",
    "tipo",
    "categoria",
]
queries = st.lists(
    st.tuples(st.one_of(st.sampled_from(PARAMETERS), st.text(max_size=8)), bad_text),
    min_size=1,
    max_size=5,
)


@settings(FUZZ, max_examples=8)
@given(query=queries)
def test_query_parameters_never_fail(client, site, query):
    extra = [f"{site['course'].url}", f"{site['story'].url}", "/club/vivai-verde/"]
    for url in [*PUBLIC_URLS, *extra]:
        response = client.get(f"{url}?{urlencode(query)}")
        assert response.status_code < 500, (url, query)
        if response.get("Content-Type", "").startswith("text/html"):
            assert SCRIPT not in response.content.decode(), (url, query)


API_LISTINGS = ["/api/v2/pages/", "/api/v2/phases/", "/api/v2/innovators/", "/api/v2/offers/"]
numbers = st.one_of(
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
    st.sampled_from(["1e5", "0x10", "+1", " 1", "1.5", "٣", "99999999999999999999"]),
    bad_text,
)
api_queries = st.fixed_dictionaries(
    {},
    optional={
        "offset": numbers,
        "limit": numbers,
        "search": bad_text,
        "search_operator": st.sampled_from(["and", "or", "xor", "", "\x00"]),
        "order": st.sampled_from(["-id", "title", "random", "-random", "nope", '"']),
        "fields": st.sampled_from(["*", "-title", "_,title", "image(*)", "nope", '"']),
        "type": st.sampled_from(["stories.StoryPage", "courses.CoursePage", "x.Y", "wagtailcore"]),
        "child_of": numbers,
        "locale": bad_text,
    },
)


@settings(FUZZ, max_examples=12)
@given(query=api_queries)
def test_api_query_parameters_answer_a_listing_or_a_message(client, site, query):
    """Any mix of the API's own parameters: a listing or a clear 400 (404 for an unknown
    locale), never a 500."""
    for url in API_LISTINGS:
        response = client.get(f"{url}?{urlencode(query)}")
        assert response.status_code in (200, 400, 404), (url, query, response.status_code)
        body = response.json()
        assert "items" in body if response.status_code == 200 else "message" in body


months = st.one_of(
    st.tuples(
        st.integers(min_value=0, max_value=99999), st.integers(min_value=-1, max_value=14)
    ).map(lambda ym: f"{ym[0]:04d}-{ym[1]:02d}"),
    st.dates().map(lambda day: day.strftime("%Y-%m")),
    bad_text,
)


@settings(FUZZ, max_examples=10)
@given(month=months, year=st.integers(min_value=0, max_value=10**6), number=st.integers(-5, 20))
def test_month_filters_and_calendars_never_fail(client, site, month, year, number):
    for index in (site["course_index"], site["session_index"]):
        response = client.get(f"{index.url}?{urlencode({'mese': month})}")
        assert response.status_code == 200, (index.url, month)
        calendar = client.get(f"{index.url}calendario/{year}/{number}/")
        assert calendar.status_code in (200, 404), (index.url, year, number)
