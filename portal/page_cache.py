"""The full-page cache for anonymous readers: the outermost middleware.

A page is stored as a `StoredPage` (the content version it was rendered under, status, headers,
body) in the shared cache, so every server process can serve it, and in a small per-process
store (`LocalPages`), so that a process serving a page again reads only the content version
from the shared cache (a few bytes) instead of the whole page (tens of kilobytes to decode and
unpickle on every hit). Either copy is valid only under the version it holds: any publish,
unpublish, move, delete or snippet change renews the version (`portal.cache`), and every
process stops serving the old pages at once, without listing which URLs a change affects.
"""

import hashlib
import threading
from collections import OrderedDict
from typing import NamedTuple

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)

from portal.cache import CONTENT_VERSION_KEY, content_version, request_scope
from portal.compression import accepts_gzip

PAGE_CACHE_PREFIX = "portal:page"
# Content types whose readers poll: cacheable by browsers and shared caches for a while.
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "text/calendar")
CONDITIONAL_HEADERS = ("If-None-Match", "If-Modified-Since", "If-Match", "If-Unmodified-Since")


class StoredPage(NamedTuple):
    version: str
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes

    @classmethod
    def of(cls, version: str, response) -> "StoredPage":
        return cls(version, response.status_code, tuple(response.items()), response.content)

    def response(self) -> HttpResponse:
        return HttpResponse(self.content, status=self.status, headers=dict(self.headers))


class LocalPages:
    """The pages this process served last, up to `max_bytes` of bodies (least recent out first).

    Safe to keep per process because an entry is used only while its version is the current
    one, which every request reads from the shared cache.
    """

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._pages: OrderedDict[str, StoredPage] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> StoredPage | None:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: str, page: StoredPage) -> None:
        if len(page.content) > self.max_bytes:
            return
        with self._lock:
            old = self._pages.pop(key, None)
            self._bytes += len(page.content) - (len(old.content) if old else 0)
            self._pages[key] = page
            while self._bytes > self.max_bytes:
                _, dropped = self._pages.popitem(last=False)
                self._bytes -= len(dropped.content)


class PageCacheMiddleware:
    """Whole responses for anonymous GET requests.

    Outermost in `settings.MIDDLEWARE`: a hit is one cache round trip and nothing else (the
    content version alone when this process holds the page, else `get_many` of the version and
    the page: one query with the database cache, none with Redis); the stored response carries
    every header the middlewares below set, and a matching `If-None-Match` gets a 304. A
    request is served and stored only if it carries no session or messages cookie (a logged-in
    editor, a reader with a message waiting or past a password-protected page); a response is
    stored only if it is a plain 200 that set no cookie, used no CSRF token (forms) and did not
    ask not to be cached.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.local = LocalPages(getattr(settings, "PAGE_CACHE_LOCAL_BYTES", 32 * 1024 * 1024))

    def __call__(self, request):
        public = self._cacheable_request(request)
        enabled = public and getattr(settings, "PAGE_CACHE_ENABLED", True)
        version = None
        if enabled:
            cache = caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]
            key = self._key(request)
            page = self.local.get(key)
            if page is not None:
                version = cache.get(CONTENT_VERSION_KEY)
            else:
                found = cache.get_many([CONTENT_VERSION_KEY, key])
                version, page = found.get(CONTENT_VERSION_KEY), found.get(key)
            if version is not None and isinstance(page, StoredPage) and page.version == version:
                self.local.put(key, page)
                return self._hit(request, page)
        with request_scope(version):
            response = self.get_response(request)
            public = public and self._cacheable_response(request, response)
            self._headers(request, response, public=public)
            if enabled and public:
                if request.method == "HEAD" and not response.has_header("ETag"):
                    # ConditionalGetMiddleware tags GETs only: the entry a HEAD stores is the
                    # one every later GET is served from, so it carries the ETag a GET would.
                    set_response_etag(response)
                page = StoredPage.of(content_version(), response)
                cache.set(key, page, getattr(settings, "PAGE_CACHE_SECONDS", 600))
                self.local.put(key, page)
                response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _hit(request, page: StoredPage):
        response = page.response()
        if any(header in request.headers for header in CONDITIONAL_HEADERS):
            conditional = get_conditional_response(
                request, etag=response.get("ETag"), response=response
            )
            if conditional is not response:
                return conditional
        response["X-Page-Cache"] = "hit"
        return response

    @staticmethod
    def _cacheable_request(request) -> bool:
        if request.method not in ("GET", "HEAD"):
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
            return False
        if request.headers.get("Authorization"):
            return False
        path = request.path_info
        return not path.startswith(tuple(getattr(settings, "PAGE_CACHE_EXCLUDED_PREFIXES", ())))

    @staticmethod
    def _key(request) -> str:
        scheme = "https" if request.is_secure() else "http"
        url = f"{scheme}://{request.get_host()}{request.get_full_path()}"
        digest = hashlib.sha256(url.encode()).hexdigest()
        # HEAD shares GET's entry: the server drops the body. A client that accepts gzip gets
        # the compressed entry (portal.compression, below this middleware), any other the plain
        # one: the key follows the one thing `Vary: Accept-Encoding` names.
        encoding = "gzip" if accepts_gzip(request) else "identity"
        return f"{PAGE_CACHE_PREFIX}:{encoding}:{digest}"

    @staticmethod
    def _cacheable_response(request, response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or getattr(request, "is_preview", False):
            return False
        if getattr(getattr(request, "_messages", None), "_queued_messages", None):
            return False
        cache_control = response.get("Cache-Control", "")
        return not any(word in cache_control for word in ("private", "no-store", "no-cache"))

    @staticmethod
    def _headers(request, response, *, public: bool) -> None:
        """Cache-Control and Vary for responses whose view chose none."""
        if response.has_header("Cache-Control"):
            return
        content_type = response.get("Content-Type", "")
        if public and content_type.startswith(FEED_TYPES):
            patch_cache_control(
                response, public=True, max_age=getattr(settings, "FEED_MAX_AGE", 900)
            )
        elif public:
            # Browsers revalidate (ETag, 304) so a publish shows at once; a CDN whose purge is
            # configured keeps pages until it is told otherwise.
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            shared = getattr(settings, "PAGE_CACHE_SHARED_MAX_AGE", 0)
            if shared:
                patch_cache_control(response, s_maxage=shared)
        elif request.method in ("GET", "HEAD") and response.status_code == 200:
            # Forms, pages for editors: never stored by a browser or a proxy.
            patch_cache_control(response, private=True, no_cache=True, max_age=0)
        if content_type.startswith("text/html"):
            patch_vary_headers(response, ("Cookie",))
