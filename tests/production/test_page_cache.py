"""The full-page cache: anonymous readers only, and a publish is visible on the next request."""

from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.test import Client

import pytest

from home.factories import ContentPageFactory
from portal.page_cache import LocalPages, StoredPage
from stories.factories import PhaseUpdatePageFactory

pytestmark = pytest.mark.usefixtures("page_cache")


def cache_state(response) -> str | None:
    return response.headers.get("X-Page-Cache")


def test_second_anonymous_request_is_served_from_the_cache(client, site):
    first = client.get("/programma/")
    assert first.status_code == 200
    assert cache_state(first) == "miss"
    second = client.get("/programma/")
    assert cache_state(second) == "hit"
    assert second.content == first.content
    assert client.head("/programma/").headers["X-Page-Cache"] == "hit"


def test_another_process_serves_the_shared_copy_until_a_publish(client, site):
    """A second client stands for another server process: its own store starts empty."""
    assert cache_state(client.get("/programma/")) == "miss"
    other = Client()
    first = other.get("/programma/")
    assert cache_state(first) == "hit"
    assert first.content == client.get("/programma/").content
    PhaseUpdatePageFactory(parent=site["programme"], title="Nuova fase avviata")
    for reader in (client, other):
        response = reader.get("/programma/")
        assert "Nuova fase avviata" in response.content.decode()
    assert cache_state(other.get("/programma/")) == "hit"


def test_the_process_store_keeps_the_most_recent_pages_within_its_size():
    pages = LocalPages(max_bytes=10)

    def page(body: bytes) -> StoredPage:
        return StoredPage("v1", 200, (("Content-Type", "text/html"),), body)

    pages.put("a", page(b"aaaa"))
    pages.put("b", page(b"bbbb"))
    assert pages.get("a").content == b"aaaa"  # "a" is now the most recent
    pages.put("c", page(b"cccc"))
    assert pages.get("b") is None
    assert pages.get("a") and pages.get("c")
    pages.put("huge", page(b"x" * 11))
    assert pages.get("huge") is None
    pages.put("a", page(b"a"))
    pages.put("d", page(b"dddd"))
    assert [key for key in "acd" if pages.get(key)] == ["a", "c", "d"]


def test_publishing_shows_at_once(client, site):
    assert "Nuova fase avviata" not in client.get("/programma/").content.decode()
    assert cache_state(client.get("/programma/")) == "hit"
    update = PhaseUpdatePageFactory(parent=site["programme"], title="Nuova fase avviata")
    response = client.get("/programma/")
    assert cache_state(response) == "miss"
    assert "Nuova fase avviata" in response.content.decode()

    # Unpublishing, editing a snippet and moving are changes too.
    client.get("/programma/")
    update.unpublish()
    response = client.get("/programma/")
    assert cache_state(response) == "miss"
    assert "Nuova fase avviata" not in response.content.decode()


def test_a_new_revision_published_shows_at_once(client, site):
    page = ContentPageFactory(parent=site["home"], title="Chi siamo", slug="chi-siamo")
    assert "Chi siamo" in client.get("/chi-siamo/").content.decode()
    page.title = "Chi siamo davvero"
    page.save_revision().publish()
    assert "Chi siamo davvero" in client.get("/chi-siamo/").content.decode()


def test_snippet_change_renews_the_pages_that_show_it(client, site):
    assert "Vivai Verde" in client.get("/club/").content.decode()
    innovator = site["innovator"]
    innovator.name = "Vivai Verdissimi"
    innovator.save_revision().publish()
    assert "Vivai Verdissimi" in client.get("/club/").content.decode()


def test_deleting_a_page_removes_it_at_once(client, site):
    page = ContentPageFactory(parent=site["home"], title="Temporanea", slug="temporanea")
    assert client.get("/temporanea/").status_code == 200
    page.delete()
    assert client.get("/temporanea/").status_code == 404


def test_logged_in_editors_never_get_cached_pages(client, site):
    client.get("/programma/")
    user = get_user_model().objects.create_superuser("ed", "ed@example.org", "password")
    client.force_login(user)
    response = client.get("/programma/")
    assert cache_state(response) is None
    assert "private" in response["Cache-Control"]
    # …and what an editor sees is never stored for readers.
    client.logout()
    client.cookies.clear()
    assert "wagtail-userbar" not in client.get("/programma/").content.decode()


def test_forms_with_a_csrf_token_are_never_cached(client, site):
    for url in ("/club/aderisci/", "/storie/racconta/", site["course"].url):
        first = client.get(url)
        assert first.status_code == 200
        assert "csrfmiddlewaretoken" in first.content.decode()
        assert cache_state(first) is None
        assert "private" in first["Cache-Control"]
        client.cookies.clear()
        assert cache_state(client.get(url)) is None


def test_requests_with_a_session_or_messages_bypass_the_cache(client, site):
    client.get("/programma/")
    client.cookies["messages"] = "x"
    assert cache_state(client.get("/programma/")) is None
    del client.cookies["messages"]
    client.cookies["sessionid"] = "abc"
    assert cache_state(client.get("/programma/")) is None


def test_responses_adding_a_message_are_not_cached(rf, site, settings):
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.http import HttpResponse

    from portal.page_cache import PageCacheMiddleware

    def view(request):
        from django.contrib import messages

        messages.info(request, "Ciao")
        return HttpResponse("ok")

    request = rf.get("/qualcosa/")
    request.session = {}
    request._messages = FallbackStorage(request)
    response = PageCacheMiddleware(view)(request)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert list(get_messages(request))


def test_posts_and_errors_are_not_cached(client, site):
    assert cache_state(client.post("/programma/", {})) is None
    assert client.get("/non-esiste/").status_code == 404
    assert cache_state(client.get("/non-esiste/")) is None


def test_query_strings_are_cached_apart(client, site):
    client.get("/storie/")
    assert cache_state(client.get("/storie/?pagina=1")) == "miss"
    assert cache_state(client.get("/storie/?pagina=1")) == "hit"


def test_preview_is_never_cached(client, site):
    user = get_user_model().objects.create_superuser("ed", "ed@example.org", "password")
    client.force_login(user)
    response = client.get(f"/admin/pages/{site['update'].pk}/view_draft/")
    assert response.status_code == 200
    assert cache_state(response) is None


class TestCacheHeaders:
    def test_pages_revalidate_and_vary_on_cookie(self, client, site):
        response = client.get("/programma/")
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert directives == {"public", "max-age=0", "must-revalidate"}
        assert "Cookie" in response["Vary"]
        assert response["ETag"]
        again = client.get("/programma/", HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 304

    def test_with_a_cdn_pages_have_a_shared_max_age(self, client, site, settings):
        settings.PAGE_CACHE_SHARED_MAX_AGE = 3600
        assert "s-maxage=3600" in client.get("/programma/")["Cache-Control"]

    def test_feeds_and_calendars_are_cacheable_for_a_while(self, client, site):
        for url in ("/programma/feed/", "/formazione/calendario.ics"):
            response = client.get(url)
            assert response.status_code == 200, url
            assert response["Cache-Control"] == "public, max-age=900", url

    def test_geojson_keeps_its_own_policy_and_is_served_from_the_cache(self, client, site):
        response = client.get("/api/innovatori.geojson")
        assert response["Cache-Control"] == "public, max-age=300"
        assert client.get("/api/innovatori.geojson").headers["X-Page-Cache"] == "hit"

    def test_registration_confirmation_is_never_stored(
        self, client, site, django_capture_on_commit_callbacks
    ):
        from tests.production.conftest import registration_data

        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(site["course"].url, registration_data())
        assert response.status_code == 302
        sent = client.get(response.url)
        assert "no-cache" in sent["Cache-Control"] and cache_state(sent) is None
        token = site["course"].registrations.get().token
        confirmation = client.get(f"{site['course'].url}iscrizione/{token}/")
        assert (
            "no-store" in confirmation["Cache-Control"]
            or "no-cache" in confirmation["Cache-Control"]
        )
        assert cache_state(confirmation) is None


@pytest.mark.parametrize("url", ["/programma/", "/storie/", "/?page=1"])
def test_a_head_that_misses_stores_the_entry_a_get_would(client, site, url):
    """A HEAD first (a monitor, a link checker) must not leave an entry without an ETag: every
    later GET, in every process, would lose revalidation until the next publish."""
    head = client.head(url)
    assert cache_state(head) == "miss"
    assert head.has_header("ETag")
    for reader in (client, Client()):  # this process's store and the shared one
        response = reader.get(url)
        assert cache_state(response) == "hit"
        assert response["ETag"] == head["ETag"]
        revalidated = reader.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
        assert revalidated.status_code == 304
    assert client.get(url).content  # the body a GET stores, not HEAD's
