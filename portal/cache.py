"""A site-wide content version for template fragment caching.

Any change to published content (a page or snippet saved, deleted or moved, a registration
taken) sets a new version, so fragments cached under the old one are never served again.
The version lives in the shared cache: every server process sees the change at once.
"""

import time

from django.core.cache import cache
from django.utils import translation
from django.utils.functional import SimpleLazyObject

CONTENT_VERSION_KEY = "portal:content-version"
# Apps whose rows appear on public pages; a change to any of them renews the version.
CONTENT_APPS = {"portal", "home", "stories", "innovators", "courses", "taggit", "wagtailcore"}
# wagtailcore rows that change on every draft save or login and never show on public pages.
IGNORED_MODELS = {
    "revision",
    "pagelogentry",
    "modellogentry",
    "pagesubscription",
    "taskstate",
    "workflowstate",
    "comment",
    "commentreply",
    "pagelock",
    # A new rendition of an image already shown changes nothing a reader sees.
    "portalrendition",
    "rendition",
}


def content_version() -> str:
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        version = renew_content_version()
    return version


def renew_content_version() -> str:
    version = str(time.time_ns())
    cache.set(CONTENT_VERSION_KEY, version, timeout=None)
    return version


def cached_for_content(key: str, build, timeout: int = 600):
    """`build()`'s result, cached per language until the next content change.

    For data every request of a listing needs but that changes only with content, such as
    the options of its filters. The result must pickle (lists, not querysets).
    """
    full_key = f"portal:{key}:{translation.get_language()}:{content_version()}"
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, timeout)
    return value


def renew_on_content_change(sender, **kwargs):
    """Signal receiver: renew the version when a model of a content app changes."""
    if sender.__module__ == "__fake__":
        return  # historical models in migrations: the cache may not exist yet
    meta = sender._meta
    if meta.app_label in CONTENT_APPS and meta.model_name not in IGNORED_MODELS:
        renew_content_version()


def content_version_context(request):
    """Context processor: `content_version`, read from the cache only if a template uses it."""
    return {"content_version": SimpleLazyObject(content_version)}
