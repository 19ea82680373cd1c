"""The RSS 2.0 and Atom feeds, read with a real XML parser."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from stories.factories import PhaseUpdatePageFactory, StoryPageFactory

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def feed_stories(story_index):
    old = StoryPageFactory(
        parent=story_index,
        title="Una storia di vivai e di acqua che torna",
        intro="Come un vivaio ha dimezzato i consumi.",
        author_name="Redazione",
        date=datetime.date(2026, 2, 1),
        tags=["acqua"],
    )
    new = StoryPageFactory(
        parent=story_index, title="La più recente", date=datetime.date(2026, 3, 1)
    )
    StoryPageFactory(parent=story_index, title="Bozza", live=False)
    return old, new


def test_stories_rss(client, feed_stories):
    response = client.get("/storie/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "Storie · Pistoia2030"
    assert channel.findtext("link") == "http://localhost/storie/"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        "La più recente",
        "Una storia di vivai e di acqua che torna",
    ]
    old = items[1]
    assert (
        old.findtext("link") == "http://localhost/storie/una-storia-di-vivai-e-di-acqua-che-torna/"
    )
    assert old.findtext("description") == "Come un vivaio ha dimezzato i consumi."
    assert old.findtext("pubDate").startswith("Sun, 01 Feb 2026")
    assert old.findtext("category") == "acqua"


def test_stories_atom(client, feed_stories):
    response = client.get("/storie/feed/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "La più recente",
        "Una storia di vivai e di acqua che torna",
    ]
    link = entries[1].find(f"{ATOM}link").get("href")
    assert link == "http://localhost/storie/una-storia-di-vivai-e-di-acqua-che-torna/"
    assert entries[1].findtext(f"{ATOM}author/{ATOM}name") == "Redazione"
    assert entries[1].findtext(f"{ATOM}published").startswith("2026-02-01")


def test_phase_update_feeds(client, programme_page, phases):
    PhaseUpdatePageFactory(
        parent=programme_page, title="Parte la fase di azione", intro="I primi laboratori."
    )
    rss = ET.fromstring(client.get("/programma/feed/").content)
    item = rss.find("channel/item")
    assert item.findtext("title") == "Parte la fase di azione"
    assert item.findtext("link") == "http://localhost/programma/parte-la-fase-di-azione/"
    atom = ET.fromstring(client.get("/programma/feed/atom/").content)
    assert atom.find(f"{ATOM}entry/{ATOM}summary").text == "I primi laboratori."


def test_index_and_programme_advertise_their_feeds(client, story_index, programme_page):
    from tests.html import parse

    for url, feed in [("/storie/", "/storie/feed/"), ("/programma/", "/programma/feed/")]:
        html = parse(client.get(url))
        rss = html.select_one('head link[rel="alternate"][type="application/rss+xml"]')
        atom = html.select_one('head link[rel="alternate"][type="application/atom+xml"]')
        assert rss["href"] == feed
        assert atom["href"] == feed + "atom/"
