"""Compressed responses: gzip for what the server renders (pages, GeoJSON, CSV, JSON, feeds).

Django's `GZipMiddleware`, placed in `settings.MIDDLEWARE` below WhiteNoise (static files
come precompressed from WhiteNoise and never reach it) and above `ConditionalGetMiddleware`
(the ETag is computed on the plain body; a compressed response carries it weakened, `W/"…"`,
and `If-None-Match` compares weakly, so 304s keep working). It sits below the page cache,
which stores one entry per URL and encoding (`portal.page_cache.encoding_of`): a hit costs no
compression.

BREACH (a secret in a compressed response beside text the attacker chooses) is answered two
ways. Personal responses are never compressed: a request carrying the session cookie or an
`Authorization` header (the admin, the innovators' area, the desk) and any response marked
`private` or `no-store` (`never_cache`: sign-in links, the area's pages). What remains are
public pages, open data and feeds, whose only secret is the CSRF token of a public form:
Django masks it anew in every response and `GZipMiddleware` adds up to 100 random bytes to
each response (Heal The Breach), Django's documented mitigation.
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip

# Text worth compressing; images, fonts, PDFs and archives are compressed already.
COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/geo+json",
    "application/ld+json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/javascript",
    "image/svg+xml",
)
PERSONAL_CACHE_CONTROL = ("private", "no-store")


def accepts_gzip(request) -> bool:
    return bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def is_personal(request) -> bool:
    """A request that may be answered with someone's own data."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES or bool(
        request.headers.get("Authorization")
    )


class CompressionMiddleware(GZipMiddleware):
    """gzip for public text responses, when the client accepts it (see the module)."""

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").lower()
        if not content_type.startswith(COMPRESSIBLE_TYPES) or is_personal(request):
            return response
        cache_control = response.get("Cache-Control", "")
        if any(word in cache_control for word in PERSONAL_CACHE_CONTROL):
            return response
        return super().process_response(request, response)
