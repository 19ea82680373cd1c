"""The site's own middleware: full-page cache for anonymous readers, security headers, the
request-size cap, and the rate limits on the admin login and password reset.

Order in `settings.MIDDLEWARE` matters (outermost first): the header middlewares sit above the
page cache so that a page served from the cache gets the same headers as a fresh one.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _

from csp.middleware import CSPMiddleware
from django_ratelimit.core import is_ratelimited

from portal.cache import content_version
from portal.forms.images import file_size
from portal.forms.limits import address_key, too_many_requests

PAGE_CACHE_PREFIX = "portal:page"
# Content types whose readers poll: cacheable by browsers and shared caches for a while.
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "text/calendar")
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)


def _setting(name, default):
    return getattr(settings, name, default)


class PageCacheMiddleware:
    """Whole responses for anonymous GET requests, from the shared cache.

    The key holds the site-wide content version (`portal.cache`): any publish, unpublish, move,
    delete or snippet change renews it, so every server process stops serving the old pages at
    once, without listing which URLs a change affects. A request is served and stored only if
    it carries no session or messages cookie (a logged-in editor, a reader with a message
    waiting or past a password-protected page); a response is stored only if it is a plain 200
    that set no cookie, used no CSRF token (forms) and did not ask not to be cached.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        public = self._cacheable_request(request)
        enabled = public and _setting("PAGE_CACHE_ENABLED", True)
        if enabled:
            cache = caches[_setting("PAGE_CACHE_ALIAS", "default")]
            key = self._key(request)
            response = cache.get(key)
            if response is not None:
                response["X-Page-Cache"] = "hit"
                return response
        response = self.get_response(request)
        public = public and self._cacheable_response(request, response)
        self._headers(request, response, public=public)
        if enabled and public:
            cache.set(key, response, _setting("PAGE_CACHE_SECONDS", 600))
            response["X-Page-Cache"] = "miss"
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
        return not path.startswith(tuple(_setting("PAGE_CACHE_EXCLUDED_PREFIXES", ())))

    @staticmethod
    def _key(request) -> str:
        scheme = "https" if request.is_secure() else "http"
        url = f"{scheme}://{request.get_host()}{request.get_full_path()}"
        digest = hashlib.sha256(url.encode()).hexdigest()
        # HEAD shares GET's entry: the server drops the body.
        return f"{PAGE_CACHE_PREFIX}:{content_version()}:{digest}"

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
            patch_cache_control(response, public=True, max_age=_setting("FEED_MAX_AGE", 900))
        elif public:
            # Browsers revalidate (ETag, 304) so a publish shows at once; a CDN whose purge is
            # configured keeps pages until it is told otherwise.
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            shared = _setting("PAGE_CACHE_SHARED_MAX_AGE", 0)
            if shared:
                patch_cache_control(response, s_maxage=shared)
        elif request.method in ("GET", "HEAD") and response.status_code == 200:
            # Forms, pages for editors: never stored by a browser or a proxy.
            patch_cache_control(response, private=True, no_cache=True, max_age=0)
        if content_type.startswith("text/html"):
            patch_vary_headers(response, ("Cookie",))


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp with two exceptions: views that may be framed (the map's embed) get the
    `frame-ancestors` of `CSP_EMBED_FRAME_ANCESTORS`, and the Wagtail admin, which relies on
    inline scripts and styles and frames its own previews, gets `CSP_ADMIN_UPDATE` and
    `CSP_ADMIN_REPLACE`."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if request.path_info.startswith("/admin/"):
            parts.update = {**(parts.update or {}), **_setting("CSP_ADMIN_UPDATE", {})}
            parts.replace = {**(parts.replace or {}), **_setting("CSP_ADMIN_REPLACE", {})}
        if getattr(response, "xframe_options_exempt", False):
            ancestors = _setting("CSP_EMBED_FRAME_ANCESTORS", ["*"])
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ancestors}
        return parts


class SecurityHeadersMiddleware:
    """Headers Django does not set: Permissions-Policy on everything, and X-Frame-Options
    removed where a view allowed framing (the CSP's frame-ancestors then decides)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if getattr(response, "xframe_options_exempt", False) and "X-Frame-Options" in response:
            del response["X-Frame-Options"]
        return response


class RequestSizeLimitMiddleware:
    """Refuse a body larger than `REQUEST_MAX_BYTES` (`ADMIN_REQUEST_MAX_BYTES` under /admin/)
    from its Content-Length, before anything reads it: a 413 page, not a 200 MB upload read in
    full and refused afterwards. (Django reads no body without a Content-Length.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        admin = request.path_info.startswith("/admin/")
        limit = _setting(
            "ADMIN_REQUEST_MAX_BYTES" if admin else "REQUEST_MAX_BYTES", 20 * 1024 * 1024
        )
        if length > limit:
            language = translation.get_language_from_path(request.path_info)
            with translation.override(language or settings.LANGUAGE_CODE):
                return render(request, "413.html", {"max_size": file_size(limit)}, status=413)
        return self.get_response(request)


class AdminRateLimitMiddleware:
    """Limit POSTs to the Wagtail admin's login form (per client address and per username) and
    to its password reset form (per address and per e-mail: every POST there sends a mail).
    Over the limit: the 429 page, nothing else done."""

    LIMITS = {
        "/admin/login/": ("admin.login", "ADMIN_LOGIN_RATE", "10/m", "post:username"),
        "/admin/password_reset/": (
            "admin.password_reset",
            "ADMIN_PASSWORD_RESET_RATE",
            "5/h",
            "post:email",
        ),
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = self.LIMITS.get(request.path_info) if request.method == "POST" else None
        if limit:
            group, setting, default, field_key = limit
            rate = _setting(setting, default)
            limited = [
                is_ratelimited(
                    request, group=group, key=key, rate=rate, method="POST", increment=True
                )
                for key in (address_key, field_key)
            ]
            if any(limited):
                with translation.override(settings.LANGUAGE_CODE):
                    return too_many_requests(
                        request, _("Troppi tentativi da questa connessione: riprova più tardi.")
                    )
        return self.get_response(request)
