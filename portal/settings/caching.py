"""Caches: the shared cache (Redis or a database table), the per-process memory caches, the
full-page cache for anonymous readers and the CDN purge (docs/caching.md). Read by base.py."""

import os

from .env import env_bool

# Cache shared by every server process: Redis when REDIS_URL is set, else a database table
# (created by `migrate`, see portal.apps), so rate limits, the content version and the page
# cache hold across gunicorn workers (a per-process locmem cache would not).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # django-redis: atomic counters for the rate limits, connection pooling.
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "pistoia2030"),
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 2, "SOCKET_TIMEOUT": 2},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {
        "default": {
            "BACKEND": "portal.db_cache.PortalDatabaseCache",
            "LOCATION": "portal_cache",
            # Cached pages, the content version and rate-limit counters: room for a busy day.
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "20000"))},
        }
    }

# Template fragments and listing data keyed on the content version (portal.cache): a memory
# cache per process, since a new version means new keys and a stale entry is never read again.
CACHES["template_fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "TIMEOUT": 600,
    "OPTIONS": {"MAX_ENTRIES": 5_000},
}

# Wagtail looks renditions up in their own cache on every image tag: a per-process memory cache
# keeps those look-ups off the shared cache (a rendition never changes once made).
CACHES["renditions"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "TIMEOUT": 600,
    "OPTIONS": {"MAX_ENTRIES": 10_000},
}

# Full-page cache for anonymous readers (portal.page_cache.PageCacheMiddleware).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_EXCLUDED_PREFIXES = [
    "/admin/",
    "/api/posti.json",  # seats left, live (courses.seats)
    "/documents/",
    "/healthz",
    "/media/",
    "/static/",
    "/bench/",
    # The innovators' area: sessions, CSRF tokens, one person's data (innovators/area/)
    "/area-innovatori/",
    "/en/innovators-area/",
]
# `make bench-http` only: route a bare view (/bench/bare/) as the yardstick.
BENCH_BARE_VIEW = env_bool("BENCH_BARE_VIEW", False)
FEED_MAX_AGE = 900

# Frontend cache (CDN) purging: only when a CDN is configured (base.py then installs
# wagtail.contrib.frontend_cache). Pages are purged by Wagtail on publish and unpublish;
# portal.frontend_cache purges the site when a snippet changes.
FRONTEND_CACHE_BACKEND = os.environ.get(
    "FRONTEND_CACHE_BACKEND", ""
)  # http, cloudflare, cloudfront


def _cdn(backend: str, **options) -> dict:
    return {"default": {"BACKEND": f"wagtail.contrib.frontend_cache.backends.{backend}", **options}}


WAGTAILFRONTENDCACHE = {}
if FRONTEND_CACHE_BACKEND == "http":
    WAGTAILFRONTENDCACHE = _cdn("HTTPBackend", LOCATION=os.environ["FRONTEND_CACHE_LOCATION"])
elif FRONTEND_CACHE_BACKEND == "cloudflare":
    WAGTAILFRONTENDCACHE = _cdn(
        "CloudflareBackend",
        BEARER_TOKEN=os.environ["CLOUDFLARE_BEARER_TOKEN"],
        ZONEID=os.environ["CLOUDFLARE_ZONE_ID"],
    )
elif FRONTEND_CACHE_BACKEND == "cloudfront":
    WAGTAILFRONTENDCACHE = _cdn(
        "CloudfrontBackend", DISTRIBUTION_ID=os.environ["CLOUDFRONT_DISTRIBUTION_ID"]
    )
if WAGTAILFRONTENDCACHE:
    # A CDN keeps pages until purged; browsers still revalidate.
    PAGE_CACHE_SHARED_MAX_AGE = int(os.environ.get("FRONTEND_CACHE_MAX_AGE", "3600"))
