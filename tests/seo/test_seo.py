"""Metadata on every page type, JSON-LD parsed per type, sitemap and robots.txt."""

import json
import xml.etree.ElementTree as ET

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from courses.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    SessionIndexPageFactory,
    SessionPageFactory,
)
from innovators.factories import ClubDirectoryPageFactory, InnovatorFactory
from portal.factories import ImageFactory
from stories.factories import PhaseUpdatePageFactory, StoryIndexPageFactory, StoryPageFactory

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def json_ld(html) -> list[dict]:
    return [json.loads(node.string) for node in html.select('script[type="application/ld+json"]')]


def meta(html, name):
    node = html.select_one(f'meta[property="{name}"]') or html.select_one(f'meta[name="{name}"]')
    return node["content"] if node else None


def test_home_has_organization_and_social_metadata(client, home_page):
    html = head(client, "/")
    assert html.select_one('link[rel="canonical"]')["href"] == "http://localhost/"
    assert meta(html, "og:title") == home_page.title
    assert meta(html, "og:image").startswith("http://")
    assert meta(html, "twitter:card") == "summary_large_image"
    types = {item["@type"] for item in json_ld(html)}
    assert {"Organization", "WebSite"} <= types
    org = next(item for item in json_ld(html) if item["@type"] == "Organization")
    assert org["name"] == "Pistoia2030" and len(org["funder"]) == 3


def test_story_and_phase_update_are_articles_with_a_share_image(
    client, home_page, programme_page, phases
):
    image = ImageFactory()
    stories = StoryIndexPageFactory(parent=home_page)
    story = StoryPageFactory(
        parent=stories, image=image, phase=phases[0], author_name="Giulia Rossi"
    )
    update = PhaseUpdatePageFactory(parent=programme_page, phase=phases[1])
    html = head(client, story.url)
    article = json_ld(html)[0]
    assert article["@type"] == "Article"
    assert article["headline"] == story.title
    assert article["datePublished"] == story.date.isoformat()
    assert article["author"] == {"@type": "Person", "name": "Giulia Rossi"}
    assert meta(html, "og:type") == "article"
    assert "fill-1200x630" in meta(html, "og:image") or "/images/" in meta(html, "og:image")
    assert article["image"] == [meta(html, "og:image")]
    assert json_ld(head(client, update.url))[0]["@type"] == "Article"


def test_courses_and_sessions_are_events(client, home_page):
    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=home_page), capacity=12)
    session = SessionPageFactory(parent=SessionIndexPageFactory(parent=home_page), cancelled=True)
    event = json_ld(head(client, course.url))[0]
    assert event["@type"] == "EducationEvent"
    assert event["location"]["@type"] == "Place"
    assert event["location"]["address"]["streetAddress"] == course.address
    assert event["location"]["geo"]["latitude"] == pytest.approx(43.9335)
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["maximumAttendeeCapacity"] == 12
    assert event["offers"]["price"] == "0"
    assert event["startDate"].startswith(str(course.start.year))
    cancelled = json_ld(head(client, session.url))[0]
    assert cancelled["@type"] == "Event"
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"


def test_innovator_profile_is_an_organization_with_a_place(client, home_page):
    club = ClubDirectoryPageFactory(parent=home_page)
    innovator = InnovatorFactory(
        name="Vivai Verdecittà", slug="vivai-verdecitta", year_founded=1978
    )
    html = head(client, f"{club.url}{innovator.slug}/")
    data = json_ld(html)[0]
    assert data["@type"] == "Organization"
    assert data["name"] == "Vivai Verdecittà"
    assert data["location"]["@type"] == "Place"
    assert data["address"]["addressLocality"] == "Pistoia"
    assert "contact_email" not in json.dumps(data) and "@" not in data.get("email", "")
    assert meta(html, "og:title") == "Vivai Verdecittà"
    assert (
        html.select_one('link[rel="canonical"]')["href"]
        == f"http://localhost{club.url}{innovator.slug}/"
    )


def test_paginated_listing_canonical_keeps_the_page_and_drops_filters(client, home_page):
    club = ClubDirectoryPageFactory(parent=home_page)
    for _ in range(14):
        InnovatorFactory()
    html = head(client, f"{club.url}?page=2&ordine=recenti")
    assert html.select_one('link[rel="canonical"]')["href"] == f"http://localhost{club.url}?page=2"


@pytest.fixture
def english_home(home_page):
    return home_page.copy_for_translation(Locale.objects.get(language_code="en"), alias=False)


def test_hreflang_alternates_and_html_lang(client, home_page, english_home):
    english_home.slug = "home-en"
    english_home.save_revision().publish()
    html = head(client, "/")
    alternates = {
        link["hreflang"]: link["href"] for link in html.select('link[rel="alternate"][hreflang]')
    }
    assert alternates == {
        "it": "http://localhost/",
        "en": "http://localhost/en/",
        "x-default": "http://localhost/",
    }
    english = head(client, "/en/")
    assert english.html["lang"] == "en"
    assert meta(english, "og:locale") == "en_GB"


def test_sitemap_lists_both_languages_with_alternates(
    client, home_page, english_home, programme_page
):
    english_home.slug = "home-en"
    english_home.save_revision().publish()
    draft = StoryIndexPageFactory(parent=home_page, slug="bozza")
    draft.unpublish()
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = [url.find(f"{SITEMAP}loc").text for url in root.findall(f"{SITEMAP}url")]
    assert "http://localhost/" in locations and "http://localhost/en/" in locations
    assert "http://localhost/programma/" in locations
    assert not any("bozza" in location for location in locations)
    home = next(
        url
        for url in root.findall(f"{SITEMAP}url")
        if url.find(f"{SITEMAP}loc").text == "http://localhost/"
    )
    assert {link.get("hreflang") for link in home.findall(f"{XHTML}link")} == {"it", "en"}


def test_robots_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
