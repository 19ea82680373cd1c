"""Images for every screen: <picture> with AVIF, WebP and a fallback, sizes, width and height,
the largest image of a page eager (fetchpriority high), the others lazy."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from PIL import features

from portal.factories import ImageFactory
from portal.images import CARD_RENDITIONS, HERO_RENDITIONS, LOGO_RENDITIONS
from stories.factories import StoryIndexPageFactory, StoryPageFactory
from tests.html import parse


@pytest.fixture
def stories(home_page):
    cache.clear()
    index = StoryIndexPageFactory(parent=home_page)
    image = ImageFactory()
    for n in range(3):
        StoryPageFactory(parent=index, title=f"Storia {n}", image=image)
    return index


def pictures(html):
    return html.select("picture")


def test_avif_is_available_in_pillow():
    assert features.check("avif")  # else the templates would ask for renditions it cannot make


def test_the_story_index_serves_modern_formats_with_a_fallback(client, stories):
    html = parse(client.get(stories.url))
    found = pictures(html)
    assert len(found) >= 3
    for picture in found:
        types = [source["type"] for source in picture.select("source")]
        assert types == ["image/avif", "image/webp"]
        assert all(
            source.get("sizes") and "," in source["srcset"] for source in picture.select("source")
        )
        img = picture.find("img")
        assert img["src"].endswith((".jpg", ".jpeg", ".png")) or ".format-jpeg" in img["src"]
        assert img.get("width") and img.get("height") and img.get("sizes")
    featured, *cards = found
    assert featured.find("img")["fetchpriority"] == "high"
    assert not featured.find("img").has_attr("loading")
    assert all(card.find("img")["loading"] == "lazy" for card in cards)


def test_every_image_has_its_dimensions(client, stories):
    html = parse(client.get(stories.get_children().first().url))
    images = html.select("main img")
    assert images
    assert all(img.get("width") and img.get("height") for img in images)
    assert images[0]["fetchpriority"] == "high"


def test_the_named_renditions_are_the_ones_the_tags_draw():
    assert "fill-640x360|format-avif" in CARD_RENDITIONS and len(CARD_RENDITIONS) == 6
    assert "fill-1280x720|format-jpeg" in HERO_RENDITIONS and len(HERO_RENDITIONS) == 9
    assert "max-320x160|format-png" in LOGO_RENDITIONS


def test_the_cards_renditions_are_prefetched(client, stories):
    def warm_queries():
        client.get(stories.url)  # renditions made, fragments cached
        with CaptureQueriesContext(connection) as queries:
            client.get(stories.url)
        return len(queries)

    few = warm_queries()
    for n in range(4):
        StoryPageFactory(parent=stories, title=f"Altra storia {n}", image=ImageFactory())
    assert warm_queries() <= few
    specs = set(
        stories.get_children()
        .first()
        .specific.image.renditions.values_list("filter_spec", flat=True)
    )
    assert specs >= set(CARD_RENDITIONS) | set(HERO_RENDITIONS)
