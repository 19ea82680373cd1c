"""The home page and the footer invite readers to subscribe, in both languages."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.html import parse

pytestmark = pytest.mark.django_db


def test_home_page_and_footer_invite_to_subscribe(client, newsletter_page):
    cache.clear()
    html = parse(client.get("/"))
    section = html.find(id="newsletter-heading").find_parent("section")
    assert section.find("a", class_="button")["href"] == "/newsletter/"
    footer_link = html.select_one('footer a[data-element="newsletter-link"]')["href"]
    assert client.get(footer_link)["Location"] == "/newsletter/"
    english = parse(client.get("/en/"))
    english_link = english.select_one('footer a[data-element="newsletter-link"]')["href"]
    assert client.get(english_link)["Location"] == "/en/newsletter/"
    assert (
        english.find(id="newsletter-heading")
        .find_parent("section")
        .find("a", class_="button")["href"]
        == "/en/newsletter/"
    )


def test_the_invitation_is_cached_with_the_home_composition(client, newsletter_page):
    cache.clear()
    client.get("/")  # creates the site settings (a content change) and caches the page
    client.get("/")
    with CaptureQueriesContext(connection) as warm:
        client.get("/")
    found = [q["sql"] for q in warm.captured_queries if "newsletter_newsletterpage" in q["sql"]]
    assert not found, found


def test_no_newsletter_page_no_invitation(client, home_page):
    html = parse(client.get("/"))
    assert html.find(id="newsletter-heading") is None
    footer_link = html.select_one('footer a[data-element="newsletter-link"]')["href"]
    assert client.get(footer_link).status_code == 404


def test_subscription_pages_render_in_both_languages(client, newsletter_page):
    italian = parse(client.get("/newsletter/"))
    assert italian.find("html")["lang"] == "it"
    assert italian.select_one('input[name="email"]')["autocomplete"] == "email"
    assert len(italian.select('input[name="topics"]')) == 4
    assert italian.select_one('input[name="homepage"]') is not None
    english = parse(client.get("/en/newsletter/"))
    assert english.find("html")["lang"] == "en"
    assert english.select_one('input[name="language"][value="en"]').has_attr("checked")
    assert client.get("/newsletter/grazie/").status_code == 200
