"""Compressed responses (portal/compression.py): gzip when the client accepts it, one page-cache
entry per encoding, ETags and 304s unchanged, and nothing personal compressed (BREACH)."""

import gzip

from django.contrib.auth import get_user_model

import pytest

from innovators.factories import InnovatorFactory
from tests.backoffice.conftest import demo_users  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("page_cache")

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.fixture
def open_data(site):
    """Enough innovators that gzip always wins over the up to 100 random bytes Django adds."""
    InnovatorFactory.create_batch(6, sector=site["sector"])
    return site


def vary(response) -> set[str]:
    return {word.strip().lower() for word in response.get("Vary", "").split(",")}


def test_a_page_is_gzipped_only_for_a_client_that_accepts_it(client, site):
    compressed = client.get("/programma/", **GZIP)
    assert compressed["Content-Encoding"] == "gzip"
    assert "accept-encoding" in vary(compressed)
    plain = client.get("/programma/")
    assert not plain.has_header("Content-Encoding")
    assert "accept-encoding" in vary(plain)
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 2


def test_the_page_cache_keeps_one_entry_per_encoding(client, site):
    assert client.get("/programma/", **GZIP)["X-Page-Cache"] == "miss"
    # A client without gzip never gets the compressed entry, and the other way round.
    plain = client.get("/programma/")
    assert plain["X-Page-Cache"] == "miss" and not plain.has_header("Content-Encoding")
    assert b"<html" in plain.content
    hit = client.get("/programma/", **GZIP)
    assert hit["X-Page-Cache"] == "hit" and hit["Content-Encoding"] == "gzip"
    assert gzip.decompress(hit.content) == plain.content
    plain_hit = client.get("/programma/", HTTP_ACCEPT_ENCODING="identity")
    assert plain_hit["X-Page-Cache"] == "hit" and not plain_hit.has_header("Content-Encoding")
    assert plain_hit.content == plain.content


@pytest.mark.parametrize("accept", [GZIP, {}])
def test_etag_and_304_work_for_either_encoding(client, site, accept):
    first = client.get("/programma/", **accept)
    etag = first["ETag"]
    assert etag
    # Served by the view (a miss), then by the page cache (a hit): 304 both times.
    assert client.get("/programma/", HTTP_IF_NONE_MATCH=etag, **accept).status_code == 304
    hit = client.get("/programma/", HTTP_IF_NONE_MATCH=etag, **accept)
    assert hit.status_code == 304


@pytest.mark.parametrize(
    "url",
    ["/api/innovatori.geojson", "/api/innovatori.csv", "/api/v2/innovators/", "/storie/feed/"],
)
def test_open_data_and_feeds_are_gzipped(client, open_data, url):
    response = client.get(url, **GZIP)
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "accept-encoding" in vary(response)
    assert gzip.decompress(response.content)


def test_the_open_data_etag_still_answers_304_compressed(client, open_data):
    etag = client.get("/api/innovatori.geojson", **GZIP)["ETag"]
    assert etag.startswith('W/"')  # a compressed body's tag is weak (RFC 9110)
    assert client.get("/api/innovatori.geojson", HTTP_IF_NONE_MATCH=etag, **GZIP).status_code == 304


@pytest.mark.usefixtures("demo_users")
def test_nothing_personal_is_compressed(client, site):
    # An editor's pages (a session): the admin, and even the public pages it reads.
    client.force_login(get_user_model().objects.get(username="redazione"))
    for url in ("/admin/", "/programma/"):
        response = client.get(url, **GZIP)
        assert response.status_code == 200
        assert not response.has_header("Content-Encoding"), url


def test_a_never_cached_page_is_not_compressed(client, site):
    # The innovators' sign-in page: `never_cache` (private, no-store).
    response = client.get("/area-innovatori/accedi/", **GZIP)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert not response.has_header("Content-Encoding")


def test_a_short_or_binary_response_is_left_alone(client, site):
    # The seats API answers a few bytes: not worth compressing.
    response = client.get("/api/posti.json?eventi=1", **GZIP)
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
