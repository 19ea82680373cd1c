"""A public page's SQL query count does not grow with the amount of content.

Each page is measured twice: warm (header, footer and home sections served from the fragment
cache, as readers mostly get them) within the page's budget, and cold (cache cleared), which
must not grow either.
"""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from portal.factories import ImageFactory
from stories.factories import PhaseUpdatePageFactory

QUERY_BUDGET = {"/": 15, "/programma/": 25, "/programma/?fase=2": 25, "/cerca/?q=aggiornamento": 25}


@pytest.fixture
def with_updates(programme_page, phases):
    created = 0

    def create(count):
        nonlocal created
        image = ImageFactory()
        for n in range(created, created + count):
            update = PhaseUpdatePageFactory(
                parent=programme_page, title=f"Aggiornamento {n}", phase=phases[n % 4], image=image
            )
            update.tags.add("azione", f"tag-{n}")
            update.save()
        created += count

    return create


def count_queries(client, url, django_assert_max_num_queries):
    client.get(url)  # the first request creates the site settings row
    client.get(url)  # the second fills the fragment cache
    with django_assert_max_num_queries(QUERY_BUDGET[url]) as warm:
        assert client.get(url).status_code == 200
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        assert client.get(url).status_code == 200
    return len(warm), len(cold)


@pytest.mark.parametrize("url", list(QUERY_BUDGET))
def test_queries_do_not_grow_with_phase_updates(
    client, with_updates, url, django_assert_max_num_queries
):
    with_updates(5)
    small = count_queries(client, url, django_assert_max_num_queries)
    with_updates(195)
    large = count_queries(client, url, django_assert_max_num_queries)
    assert large == small
