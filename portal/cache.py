"""The site-wide content version, and which changes renew it.

Everything a reader sees that changes only with published content (the page cache, the header,
the footer, the SEO head, the home page's composition, listing filter options, the impact
figures) is cached under a key that holds the content version. A change a reader can see sets
a new version, so entries cached under the old one are never served again, in any server
process, with no list of keys to purge.

The version itself lives in the shared cache and is read once per request (the page cache
middleware reads it together with the page, in one round trip; `content_version()` then
answers from the request's memo). Fragments keyed on it can therefore live in a per-process
memory cache (`template_fragments`): a stale one can never be looked up again.

What renews the version (`renew_on_content_change`): a page or snippet being published,
unpublished, moved or deleted, and a save of any other model of a content app (sectors, phases,
site settings, an image edited). What does not: drafts and their bookkeeping (a new revision, a
lock), new rows only referenced later (an uploaded image, a tag), the children of a draft, and
models that declare `renews_content_version = False` (registrations: seats are served live by
`courses`; story submissions). See docs/caching.md.
"""

import contextlib
import time
from contextvars import ContextVar

from django.core.cache import cache, caches
from django.utils import translation
from django.utils.functional import SimpleLazyObject

CONTENT_VERSION_KEY = "portal:content-version"
FRAGMENT_CACHE = "template_fragments"  # per process; the alias Django's {% cache %} uses
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
    # Wagtail's index of which object refers to which, rewritten on every save, drafts too.
    "referenceindex",
    # A new rendition of an image already shown changes nothing a reader sees.
    "portalrendition",
    "rendition",
}
# Rows shown only where published content refers to them: a new one changes nothing yet.
REFERENCED_ONLY_MODELS = {"portalimage", "tag", "collection"}
# Columns Wagtail writes when a draft is saved, locked or scheduled: no reader sees them.
BOOKKEEPING_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "wagtail_admin_comments",
        "comments",
        "locked",
        "locked_by",
        "locked_at",
        "approved_go_live_at",
    }
)

# The version as read by the current request: {"version": str | None}, or None outside one.
_request_memo: ContextVar[dict | None] = ContextVar("portal_content_version", default=None)


@contextlib.contextmanager
def request_scope(version: str | None = None):
    """Within a request: the content version is read from the shared cache at most once."""
    token = _request_memo.set({"version": version})
    try:
        yield
    finally:
        _request_memo.reset(token)


def remember_content_version(version: str) -> None:
    memo = _request_memo.get()
    if memo is not None:
        memo["version"] = version


def content_version() -> str:
    memo = _request_memo.get()
    if memo is not None and memo["version"]:
        return memo["version"]
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        version = renew_content_version()
    remember_content_version(version)
    return version


def renew_content_version() -> str:
    version = str(time.time_ns())
    cache.set(CONTENT_VERSION_KEY, version, timeout=None)
    remember_content_version(version)
    return version


def cached_for_content(key: str, build, timeout: int = 600):
    """`build()`'s result, cached per language and per process until the next content change.

    For data every request of a listing needs but that changes only with content, such as
    the options of its filters. The result must pickle (lists, not querysets).
    """
    fragments = caches[FRAGMENT_CACHE]
    full_key = f"portal:{key}:{translation.get_language()}:{content_version()}"
    value = fragments.get(full_key)
    if value is None:
        value = build()
        fragments.set(full_key, value, timeout)
    return value


def _parent_is_draft(instance) -> bool:
    """A child row (an orderable, a tag link) of a draft page or snippet."""
    for field in instance._meta.get_fields():
        if getattr(field, "many_to_one", False) and type(field).__name__ == "ParentalKey":
            parent = field.get_cached_value(instance, None)
            if parent is None:
                parent_id = getattr(instance, field.attname, None)
                model = field.related_model
                if parent_id is None or not hasattr(model, "live"):
                    continue
                parent = model._default_manager.filter(pk=parent_id).only("live").first()
            if parent is not None and getattr(parent, "live", True) is False:
                return True
    return False


def changes_public_content(sender, instance=None, created=False, update_fields=None) -> bool:
    """Whether saving or deleting `instance` changes something a reader may see."""
    meta = sender._meta
    if meta.app_label not in CONTENT_APPS or meta.model_name in IGNORED_MODELS:
        return False
    if not getattr(sender, "renews_content_version", True):
        return False
    if update_fields and set(update_fields) <= BOOKKEEPING_FIELDS:
        return False
    if created and meta.model_name in REFERENCED_ONLY_MODELS:
        return False
    if instance is None:
        return True
    if getattr(instance, "live", True) is False:
        return False  # a draft (unpublishing sends its own signal)
    return not _parent_is_draft(instance)


def renew_on_content_change(sender, instance=None, created=False, update_fields=None, **kwargs):
    """post_save / post_delete receiver: renew the version when a reader could see the change."""
    if sender.__module__ == "__fake__":
        return  # historical models in migrations: the cache may not exist yet
    if changes_public_content(sender, instance, created, update_fields):
        renew_content_version()


def renew_on_publication_change(sender, **kwargs):
    """Receiver of Wagtail's publish, unpublish and move signals: always a visible change."""
    renew_content_version()


def content_version_context(request):
    """Context processor: `content_version`, read (once per request) only if a template uses it."""
    return {"content_version": SimpleLazyObject(content_version)}
