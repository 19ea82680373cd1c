"""The embedded default's database cache keeps the content version when it culls."""

from django.core.cache import caches
from django.core.management import call_command

import pytest

from portal.cache import CONTENT_VERSION_KEY, content_version


@pytest.fixture
def small_db_cache(db, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "portal.db_cache.PortalDatabaseCache",
            "LOCATION": "portal_cache_cull_test",
            "OPTIONS": {"MAX_ENTRIES": 9, "CULL_FREQUENCY": 3},
        },
    }
    call_command("createcachetable", verbosity=0)
    cache = caches["default"]
    cache.clear()
    return cache


def test_culling_keeps_the_content_version_and_drops_the_soonest_to_expire(small_db_cache):
    version = content_version()  # stored without a timeout
    for number in range(12):
        small_db_cache.set(f"rl:client-{number:02}", number, timeout=100 + number)
    assert small_db_cache.get(CONTENT_VERSION_KEY) == version
    kept = [n for n in range(12) if small_db_cache.get(f"rl:client-{n:02}") is not None]
    assert len(kept) < 12
    assert kept == list(range(12 - len(kept), 12))  # the longest-lived survive


def test_culling_first_drops_what_has_expired(small_db_cache):
    content_version()
    for number in range(6):
        small_db_cache.set(f"old-{number}", number, timeout=-1)  # already expired
    for number in range(5):
        small_db_cache.set(f"live-{number}", number, timeout=600)
    assert all(small_db_cache.get(f"live-{number}") == number for number in range(5))
    assert small_db_cache.get(CONTENT_VERSION_KEY) is not None
