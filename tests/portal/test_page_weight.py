"""The page weight `make bench` prints: what a 375 px phone at 2× fetches."""

from ops.devtools.pageweight import page_weight, pick, slot_width
from portal.factories import ImageFactory
from stories.factories import StoryIndexPageFactory, StoryPageFactory


def test_sizes_are_read_for_a_375_px_viewport():
    assert slot_width("(min-width: 72rem) 22rem, (min-width: 36rem) 45vw, 100vw") == 375
    assert slot_width("(max-width: 40rem) 50vw, 30rem") == 187.5
    assert slot_width("10rem") == 160


def test_the_candidate_covers_the_slot_at_twice_the_density():
    srcset = "a.avif 320w, b.avif 640w, c.avif 1280w"
    assert pick(srcset, "100vw") == "c.avif"  # 750 px wanted
    assert pick(srcset, "10rem") == "a.avif"  # 320 px wanted
    assert pick(srcset, "12rem") == "b.avif"  # 384 px wanted
    assert pick("a.avif 320w", "100vw") == "a.avif"


def test_a_page_counts_its_html_styles_scripts_and_images(client, home_page):
    index = StoryIndexPageFactory(
        parent=home_page, show_in_menus=True
    )  # nav.js comes with the menu
    StoryPageFactory(parent=index, image=ImageFactory())
    response = client.get(index.url)
    weight = page_weight(response.content)
    assert weight["html"] == len(response.content)
    assert weight["css"] > 1000 and weight["js"] > 0
    assert weight["images"] > 0  # the featured story's picture, eager
