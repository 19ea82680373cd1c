"""A public page's SQL query count does not grow with the amount of content.

Listings are measured with a few phase updates and again with many (more than two pages of
them): warm (header, footer and home sections served from the fragment cache, as readers mostly
get them) within the page's budget, and cold (cache cleared), which must not grow either.
Detail pages (story, phase update, session, content page) are measured at two sizes: a page
with one of each related thing (tag, innovator, meeting, registration, image, link) and a page
with many, in a site that has more pages around it.
"""

import json

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from courses.factories import (
    RegistrationFactory,
    SessionIndexPageFactory,
    SessionMeetingFactory,
    SessionPageFactory,
)
from courses.models import SessionInnovator
from home.factories import ContentPageFactory
from innovators.factories import ClubDirectoryPageFactory, InnovatorFactory, OfferFactory
from innovators.models import OfferKind
from portal.factories import ImageFactory
from stories.factories import PhaseUpdatePageFactory, StoryIndexPageFactory, StoryPageFactory
from stories.models import StoryInnovator

LISTING_BUDGET = {
    "/": 15,
    "/programma/": 25,
    "/programma/?fase=2": 25,
    "/cerca/?q=aggiornamento": 25,
}
# Warm: a published story is served from the fragment caches (body, breadcrumb, image, related
# stories, its extras) with no query (the content version is read from the tests' memory cache,
# one query with the database cache); the others keep what their own templates read.
DETAIL_BUDGET = {"story": 0, "phase update": 6, "session": 5, "content page": 4}
SMALL, LARGE = 5, 40  # phase updates; 40 is more than three pages of the programme


def add_updates(programme_page, phases, image, start, count):
    for n in range(start, start + count):
        update = PhaseUpdatePageFactory(
            parent=programme_page, title=f"Aggiornamento {n}", phase=phases[n % 4], image=image
        )
        update.tags.add("azione", f"tag-{n}")
        update.save()


def warm_and_cold(client, url, budget, django_assert_max_num_queries):
    client.get(url)  # the first request creates the site settings row and renditions
    client.get(url)  # the second fills the fragment cache
    with django_assert_max_num_queries(budget) as warm:
        assert client.get(url).status_code == 200
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        assert client.get(url).status_code == 200
    return len(warm), len(cold)


def test_listing_queries_do_not_grow_with_phase_updates(
    client, programme_page, phases, django_assert_max_num_queries
):
    image = ImageFactory()
    add_updates(programme_page, phases, image, 0, SMALL)
    small = {
        url: warm_and_cold(client, url, budget, django_assert_max_num_queries)
        for url, budget in LISTING_BUDGET.items()
    }
    add_updates(programme_page, phases, image, SMALL, LARGE - SMALL)
    large = {
        url: warm_and_cold(client, url, budget, django_assert_max_num_queries)
        for url, budget in LISTING_BUDGET.items()
    }
    assert large == small


# Detail pages ------------------------------------------------------------------------------


def body(images, links) -> str:
    """A body with an image block per image and a call to action per linked page."""
    blocks = [{"type": "paragraph", "value": "<p>Un paragrafo.</p>"}]
    blocks += [
        {"type": "image", "value": {"image": image.pk, "caption": "Foto", "credit": ""}}
        for image in images
    ]
    blocks += [
        {
            "type": "call_to_action",
            "value": {
                "heading": page.title,
                "text": "",
                "page": page.pk,
                "url": "",
                "button_label": "Vai",
            },
        }
        for page in links
    ]
    return json.dumps(blocks)


def section(home_page, factory):
    """The home page's only child of the factory's page type, made on first use."""
    return factory._meta.model.objects.child_of(home_page).first() or factory(parent=home_page)


def story(home_page, phases, size):
    index = section(home_page, StoryIndexPageFactory)
    section(home_page, ClubDirectoryPageFactory)  # the innovators' profiles are linked
    others = [StoryPageFactory(parent=index, tags=["iot"]) for _ in range(size * 2)]
    page = StoryPageFactory(
        parent=index,
        phase=phases[2],
        image=ImageFactory(),
        tags=[f"tema {n}" for n in range(size)],
        body=body([ImageFactory() for _ in range(size)], others[:size]),
    )
    StoryInnovator.objects.bulk_create(
        StoryInnovator(story=page, innovator=InnovatorFactory(), sort_order=n) for n in range(size)
    )
    return page


def phase_update(programme_page, phases, size):
    add_updates(programme_page, phases, ImageFactory(), 100 * size, size * 2)
    page = PhaseUpdatePageFactory(parent=programme_page, phase=phases[1], image=ImageFactory())
    page.tags.add(*[f"passo {size}-{n}" for n in range(size)])
    page.body = body([ImageFactory() for _ in range(size)], [programme_page] * size)
    page.save_revision().publish()
    return page


def session(home_page, size):
    index = section(home_page, SessionIndexPageFactory)
    section(home_page, ClubDirectoryPageFactory)
    page = SessionPageFactory(parent=index, capacity=100, image=ImageFactory())
    for _ in range(size):
        SessionMeetingFactory(page=page)
        RegistrationFactory(event=page)
        SessionInnovator.objects.create(page=page, innovator=InnovatorFactory())
    SessionPageFactory.create_batch(size, parent=index)
    return page


def content_page(home_page, size):
    parent = ContentPageFactory(parent=home_page, show_in_menus=True)
    children = ContentPageFactory.create_batch(size, parent=parent, show_in_menus=True)
    page = ContentPageFactory(
        parent=parent, body=body([ImageFactory() for _ in range(size)], children)
    )
    ContentPageFactory.create_batch(size, parent=page)
    return page


@pytest.fixture
def detail(home_page, programme_page, phases):
    return {
        "story": lambda size: story(home_page, phases, size),
        "phase update": lambda size: phase_update(programme_page, phases, size),
        "session": lambda size: session(home_page, size),
        "content page": lambda size: content_page(home_page, size),
    }


@pytest.mark.parametrize("kind", ["story", "phase update", "session", "content page"])
def test_detail_page_queries_do_not_grow(client, detail, kind, django_assert_max_num_queries):
    small = detail[kind](1)
    large = detail[kind](8)
    counts = {
        size: warm_and_cold(client, page.url, DETAIL_BUDGET[kind], django_assert_max_num_queries)
        for size, page in (("small", small), ("large", large))
    }
    assert counts["large"] == counts["small"], counts


# The club's board of offers and needs ---------------------------------------------------------

BOARD_URLS = [
    "/club/bacheca/",
    "/club/bacheca/?tipo=offro&categoria=competenze",
    "/club/bacheca/?q=offerta&tag=tema-1",
    "/club/bacheca/?page=2",
    "/club/bacheca/feed/",
    "/club/innovatore-scala/",  # a profile with its offers and needs
    "/api/innovatori.geojson?offre=competenze",
]


def add_offers(innovator, start, count):
    for n in range(start, start + count):
        OfferFactory(
            innovator=innovator if n % 2 else InnovatorFactory(),
            kind=OfferKind.OFFER if n % 3 else OfferKind.NEED,
            title=f"Offerta {n}",
            tags=["iot", f"tema {n % 4}"],
        )


def test_board_queries_do_not_grow_with_offers(client, home_page, django_assert_max_num_queries):
    ClubDirectoryPageFactory(parent=home_page)
    innovator = InnovatorFactory(name="Innovatore scala")
    add_offers(innovator, 0, 45)  # more than two pages of the board
    small = {
        url: warm_and_cold(client, url, 25, django_assert_max_num_queries) for url in BOARD_URLS
    }
    add_offers(innovator, 45, 60)
    large = {
        url: warm_and_cold(client, url, 25, django_assert_max_num_queries) for url in BOARD_URLS
    }
    assert large == small
