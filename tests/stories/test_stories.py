import datetime

from wagtail.models import Page

import pytest

from home.models import HomePage
from innovators.factories import ClubDirectoryPageFactory
from stories.factories import StoryPageFactory
from stories.models import StoryIndexPage, StoryPage, StorySubmissionPage
from tests.html import parse, texts


@pytest.fixture
def stories(story_index, story_innovators, phases):
    verde, nuvola = story_innovators["verde"], story_innovators["nuvola"]
    specs = [
        ("Serre che parlano", 1, ["iot", "acqua"], [verde], 0),
        ("Dati aperti per la valle", 2, ["dati aperti"], [nuvola], 1),
        ("Vivai e sensori", 3, ["iot"], [verde, nuvola], 2),
        ("Una bottega digitale", 4, ["artigianato"], [], 2),
    ]
    return {
        title: StoryPageFactory(
            parent=story_index,
            title=title,
            date=datetime.date(2026, 3, day),
            tags=tags,
            innovators=innovators,
            phase=phases[phase],
        )
        for title, day, tags, innovators, phase in specs
    }


def card_titles(html):
    return texts(html.select("#storie .card__title"))


def test_page_tree(home_page, story_index, submission_page):
    assert StoryIndexPage.can_create_at(home_page) is False  # one per home
    assert StoryIndexPage.can_exist_under(home_page)
    assert not StoryIndexPage.can_exist_under(Page.get_first_root_node())
    assert StoryPage.can_create_at(story_index)
    assert not StoryPage.can_exist_under(home_page)
    assert not StorySubmissionPage.can_create_at(story_index)  # already there
    assert StorySubmissionPage.can_exist_under(story_index)
    assert StoryPage.allowed_subpage_models() == []
    assert StorySubmissionPage.allowed_subpage_models() == []
    assert StoryIndexPage in HomePage.allowed_subpage_models()


def test_index_newest_first_with_featured_on_top(client, stories):
    html = parse(client.get("/storie/"))
    featured = html.select_one(".featured-story .featured-story__title")
    assert featured.get_text(strip=True) == "Una bottega digitale"
    assert card_titles(html) == ["Vivai e sensori", "Dati aperti per la valle", "Serre che parlano"]
    assert html.select_one('link[rel="canonical"]')["href"] == "http://localhost/storie/"


def test_chosen_featured_story(client, story_index, stories):
    story_index.featured_story = stories["Serre che parlano"]
    story_index.save()
    html = parse(client.get("/storie/"))
    assert html.select_one(".featured-story__title").get_text(strip=True) == "Serre che parlano"
    assert "Serre che parlano" not in card_titles(html)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tag=iot", ["Vivai e sensori", "Serre che parlano"]),
        ("settore=digitale", ["Vivai e sensori", "Dati aperti per la valle"]),
        ("comune=pistoia", ["Vivai e sensori", "Serre che parlano"]),
        ("fase=3", ["Una bottega digitale", "Vivai e sensori"]),
        ("tag=iot&settore=digitale&fase=3", ["Vivai e sensori"]),
    ],
)
def test_filters(client, stories, query, expected):
    html = parse(client.get(f"/storie/?{query}"))
    assert card_titles(html) == expected
    assert html.select_one(".featured-story") is None


def test_filtered_page_has_a_normalised_canonical_url(client, stories):
    html = parse(client.get("/storie/?fase=3&zzz=1&tag=iot&comune=atlantide"))
    canonical = html.select_one('link[rel="canonical"]')["href"]
    assert canonical == "http://localhost/storie/?tag=iot&fase=3"


def test_no_match_empty_state(client, stories):
    html = parse(client.get("/storie/?tag=iot&fase=2"))
    assert "Nessuna storia corrisponde ai filtri scelti." in html.select_one(".empty-state").text


def test_empty_index(client, story_index):
    html = parse(client.get("/storie/"))
    assert "Non ci sono ancora storie" in html.select_one(".empty-state").text


def test_draft_stories_are_not_listed(client, story_index):
    StoryPageFactory(parent=story_index, title="Bozza segreta", live=False)
    html = parse(client.get("/storie/"))
    assert "Bozza segreta" not in html.text
    assert client.get("/storie/bozza-segreta/").status_code == 404


def test_index_is_paginated(client, story_index):
    for day in range(1, 28):
        StoryPageFactory(parent=story_index, date=datetime.date(2026, 1, day))
    first = parse(client.get("/storie/"))
    assert len(first.select("#storie .card")) == 12
    assert first.select_one(".pagination a[rel=next]")["href"] == "?page=2"
    last = parse(client.get("/storie/?page=3"))
    assert len(last.select("#storie .card")) == 2
    assert last.select_one(".featured-story") is None
    assert last.select_one('link[rel="canonical"]')["href"] == "http://localhost/storie/?page=3"
    assert client.get("/storie/?page=4").status_code == 404


def test_story_page(client, home_page, stories, story_innovators):
    ClubDirectoryPageFactory(parent=home_page)
    story = stories["Vivai e sensori"]
    story.quote = "Abbiamo imparato a misurare l'acqua."
    story.quote_attribution = "Giulia, Vivai Verde"
    story.author_name = "Redazione Pistoia2030"
    story.innovator_links.create(innovator=story_innovators["bozza"])  # a draft innovator
    story.save()
    html = parse(client.get(story.url))
    assert html.find("h1").get_text() == "Vivai e sensori"
    meta = html.select_one(".article__meta").get_text(" ", strip=True)
    assert "di Redazione Pistoia2030" in meta
    assert "Fase 3: Azione" in meta
    assert "minuto di lettura" in meta
    assert html.select_one(".story-quote blockquote").get_text(strip=True) == story.quote
    links = html.select(".story-innovators a")
    assert [(a.text, a["href"]) for a in links] == [
        ("Vivai Verde", "/club/vivai-verde/"),
        ("Nuvola Digitale", "/club/nuvola-digitale/"),
    ]
    assert "Bozza Segreta" not in html.text
    assert texts(html.select(".tags li")) == ["iot"]
    share = [a["href"] for a in html.select(".share-links a")]
    assert any(
        "facebook.com/sharer" in href and "localhost%2Fstorie%2Fvivai-e-sensori" in href
        for href in share
    )
    # no third-party scripts: only the site's own (the mobile menu's disclosure)
    assert [s["src"] for s in html.select("script[src]")] == ["/static/js/nav.js"]
    feeds = html.select('head link[rel="alternate"]')
    assert {link["href"] for link in feeds} == {"/storie/feed/", "/storie/feed/atom/"}


def test_related_stories_share_tags_or_innovators(client, stories):
    html = parse(client.get(stories["Vivai e sensori"].url))
    # two in common with "Serre che parlano" (tag iot + Vivai Verde), one with the other
    assert texts(html.select("#related-heading ~ .card-grid .card__title")) == [
        "Serre che parlano",
        "Dati aperti per la valle",
    ]
    lonely = parse(client.get(stories["Una bottega digitale"].url))
    assert lonely.select_one("#related-heading") is None


def test_related_stories_by_tags_alone(client, stories):
    """A story with tags and no innovator has related stories too."""
    story = stories["Una bottega digitale"]  # artigianato, no innovator
    story.tags.set(["iot"])
    story.save_revision().publish()
    html = parse(client.get(story.url))
    assert texts(html.select("#related-heading ~ .card-grid .card__title")) == [
        "Vivai e sensori",
        "Serre che parlano",
    ]


def test_reading_time_grows_with_the_body(story_index):
    words = " ".join(["parola"] * 450)
    story = StoryPageFactory(parent=story_index, intro="", body=[("paragraph", f"<p>{words}</p>")])
    assert story.reading_time == 3


def test_home_shows_featured_and_three_latest(client, stories):
    StoryPageFactory(
        parent=stories["Serre che parlano"].get_parent(),
        title="La più vecchia",
        date=datetime.date(2025, 1, 1),
    )
    html = parse(client.get("/"))
    section = html.select_one('[aria-labelledby="stories-heading"]')
    assert (
        section.select_one(".featured-story__title").get_text(strip=True) == "Una bottega digitale"
    )
    assert texts(section.select(".card__title")) == [
        "Vivai e sensori",
        "Dati aperti per la valle",
        "Serre che parlano",
    ]
    feeds = {link["href"] for link in html.select('head link[rel="alternate"]')}
    assert {"/storie/feed/", "/programma/feed/"} <= feeds


def test_innovator_lists_its_published_stories(stories, story_innovators, story_index):
    StoryPageFactory(
        parent=story_index, title="Non ancora", live=False, innovators=[story_innovators["verde"]]
    )
    published = story_innovators["verde"].story_links.published()
    assert [story.title for story in published] == ["Vivai e sensori", "Serre che parlano"]
    assert list(story_innovators["bozza"].story_links.published()) == []


def test_story_preview_renders(story_index, stories):
    story = stories["Serre che parlano"]
    story.title = "Titolo in anteprima"
    response = story.make_preview_request()
    assert response.status_code == 200
    assert "Titolo in anteprima" in response.content.decode()


def test_a_preview_renders_its_draft_not_the_cached_published_story(client, stories):
    """A published story's body, breadcrumb and related stories are cached until the next
    publish; a preview renders its own draft and leaves the readers' fragments alone."""
    client.defaults["HTTP_HOST"] = "localhost"  # the site's host, which previews render for
    story = stories["Dati aperti per la valle"]
    related = "#related-heading ~ .card-grid .card__title"
    client.get(story.url)  # creates the site settings row (a new content version)
    assert texts(parse(client.get(story.url)).select(related)) == ["Vivai e sensori"]  # cached
    story.title = "Titolo in anteprima"
    story.body = [("paragraph", "<p>Testo in anteprima</p>")]
    preview = parse(story.make_preview_request())
    assert preview.find("h1").get_text() == "Titolo in anteprima"
    assert preview.select_one(".breadcrumb [aria-current]").get_text() == "Titolo in anteprima"
    assert preview.select_one(".prose").get_text(strip=True) == "Testo in anteprima"
    published = parse(client.get(story.url))
    assert (
        published.select_one(".breadcrumb [aria-current]").get_text() == "Dati aperti per la valle"
    )
    assert "Testo in anteprima" not in published.text
    story.tags.set(["iot"])
    story.save_revision().publish()
    published = parse(client.get(story.url))
    assert published.select_one(".breadcrumb [aria-current]").get_text() == "Titolo in anteprima"
    assert published.select_one(".prose").get_text(strip=True) == "Testo in anteprima"
    assert texts(published.select(related)) == ["Vivai e sensori", "Serre che parlano"]


def test_innovator_profile_lists_its_stories(client, home_page, stories, story_innovators):
    ClubDirectoryPageFactory(parent=home_page)
    html = parse(client.get("/club/vivai-verde/"))
    assert texts(html.select('[aria-labelledby="stories-heading"] .card__title')) == [
        "Vivai e sensori",
        "Serre che parlano",
    ]
