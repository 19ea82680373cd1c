"""The stories index, its feed, the home and a story: no more queries with 90 stories than
with 30 (30 so that the index has a second page), all within the page budget."""

import pytest

from innovators.factories import ClubDirectoryPageFactory
from portal.factories import ImageFactory
from stories.factories import StoryPageFactory
from stories.models import StoryInnovator, StoryTag

QUERY_BUDGET = 25


@pytest.fixture
def grow(story_index, story_innovators, phases, home_page):
    """Add stories, each with an image, a phase, two tags and an innovator."""
    ClubDirectoryPageFactory(parent=home_page)
    image = ImageFactory()
    innovators = [story_innovators["verde"], story_innovators["nuvola"]]
    created = []

    def add(count):
        start = len(created)
        for n in range(start, start + count):
            created.append(
                StoryPageFactory(
                    parent=story_index,
                    title=f"Storia {n}",
                    slug=f"storia-{n}",
                    image=image,
                    phase=phases[n % 4],
                )
            )
        new = created[start:]
        from taggit.models import Tag

        tags = [Tag.objects.get_or_create(name=name, slug=name)[0] for name in ("iot", "acqua")]
        StoryTag.objects.bulk_create(
            [StoryTag(content_object=story, tag=tags[i % 2]) for i, story in enumerate(new)]
            + [
                StoryTag(content_object=story, tag=tags[(i + 1) % 2])
                for i, story in enumerate(new)
                if i % 3 == 0
            ]
        )
        StoryInnovator.objects.bulk_create(
            [
                StoryInnovator(story=story, innovator=innovators[i % 2])
                for i, story in enumerate(new)
            ]
        )
        return created

    return add


URLS = ["/storie/", "/storie/?tag=iot&settore=vivaismo", "/storie/?page=2", "/storie/feed/", "/"]


def measure(client, url, django_assert_max_num_queries):
    client.get(url)  # site settings row and fragment cache
    with django_assert_max_num_queries(QUERY_BUDGET) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_index_queries_do_not_grow(client, grow, django_assert_max_num_queries):
    grow(30)
    small = {url: measure(client, url, django_assert_max_num_queries) for url in URLS}
    stories = grow(60)
    large = {url: measure(client, url, django_assert_max_num_queries) for url in URLS}
    # caches (renditions, site settings) may only make the second round cheaper
    assert all(large[url] <= small[url] for url in URLS), (small, large)
    small_story = measure(client, stories[5].url, django_assert_max_num_queries)
    assert measure(client, stories[80].url, django_assert_max_num_queries) <= small_story
