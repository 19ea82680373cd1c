"""Images for every screen: <picture> with AVIF, WebP and a fallback, sizes, width and height,
the largest image of a page eager (fetchpriority high), the others lazy."""

import io

from django.core.cache import cache
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

import PIL.ImageFile
import pytest
from PIL import ExifTags, Image, features

from portal.factories import ImageFactory
from portal.images import CARD_RENDITIONS, HERO_RENDITIONS, LOGO_RENDITIONS
from stories.factories import StoryIndexPageFactory, StoryPageFactory
from tests.html import parse
from tests.images import image_bytes


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


def portrait_photo() -> ImageFile:
    """A 300 × 200 JPEG that its EXIF orientation stands upright, as a phone saves a portrait."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # turned 90° clockwise on display
    return ImageFile(io.BytesIO(image_bytes(size=(300, 200), exif=exif)), name="ritratto.jpg")


def test_a_rendition_is_sized_from_its_file_without_decoding_it(db, monkeypatch):
    """Each rendition's width and height are those of the file it encodes (upright, in each
    format), read from its header: no rendition is decoded after it is encoded (Wagtail's own
    field decodes each new file twice to learn its size)."""
    image = ImageFactory(file=portrait_photo())
    decodes, load = [], PIL.ImageFile.ImageFile.load
    monkeypatch.setattr(
        PIL.ImageFile.ImageFile, "load", lambda picture: decodes.append(picture) or load(picture)
    )
    expected = {
        "max-400x400|format-avif": (200, 300),
        "max-400x400|format-webp": (200, 300),
        "width-100|format-jpeg": (100, 150),
    }
    renditions = image.get_renditions(*expected)  # as {% picture %} makes them, together
    renditions["fill-80x120|format-png"] = image.get_rendition("fill-80x120|format-png")
    expected["fill-80x120|format-png"] = (80, 120)
    assert {picture.size for picture in decodes} <= {(300, 200)}  # the original, if any
    monkeypatch.undo()

    for spec, size in expected.items():
        made, rendition = renditions[spec], image.renditions.get(filter_spec=spec)
        assert (made.width, made.height) == (rendition.width, rendition.height) == size, spec
        with rendition.file.open() as file, Image.open(file) as decoded:
            decoded.load()
            assert decoded.size == size, spec
