"""A public page's SQL query count does not grow with the amount of content."""

import pytest

from stories.factories import PhaseUpdatePageFactory
from portal.factories import ImageFactory

QUERY_BUDGET = {"/": 15, "/programma/": 25, "/cerca/?q=aggiornamento": 25}


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


def count_queries(client, url, django_assert_max_num_queries, budget):
    client.get(url)  # warm the site-root and settings caches like a running server
    with django_assert_max_num_queries(budget) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", list(QUERY_BUDGET))
def test_queries_do_not_grow_with_phase_updates(client, with_updates, url, django_assert_max_num_queries):
    with_updates(5)
    small = count_queries(client, url, django_assert_max_num_queries, QUERY_BUDGET[url])
    with_updates(195)
    large = count_queries(client, url, django_assert_max_num_queries, QUERY_BUDGET[url])
    assert large == small
