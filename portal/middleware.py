"""The site's own middleware: security headers, the request-size cap, and the rate limit on
the admin's password reset (logins are locked by django-axes: `portal.lockouts`). The page
cache, outermost, is in `portal.page_cache`.
"""

from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from csp.middleware import CSPMiddleware
from django_ratelimit.core import is_ratelimited

from portal.forms.images import file_size
from portal.forms.limits import address_key, normalised_identifier, too_many_requests


def is_admin_preview(request) -> bool:
    """A preview the admin renders itself (side panel, moderation, compare): Wagtail runs a
    dummy request for the page's public URL through the whole middleware chain."""
    return getattr(request, "is_dummy", False)


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp with three exceptions: views that may be framed (the map's embed) get the
    `frame-ancestors` of `CSP_EMBED_FRAME_ANCESTORS`; the Wagtail admin, which relies on
    inline scripts and styles and frames its own previews, gets `CSP_ADMIN_UPDATE` and
    `CSP_ADMIN_REPLACE`; a preview keeps the public policy (so it shows what readers get) but
    may be framed by the admin itself (`frame-ancestors 'self'`)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if request.path_info.startswith("/admin/"):
            parts.update = {**(parts.update or {}), **getattr(settings, "CSP_ADMIN_UPDATE", {})}
            parts.replace = {**(parts.replace or {}), **getattr(settings, "CSP_ADMIN_REPLACE", {})}
        if getattr(response, "xframe_options_exempt", False):
            ancestors = getattr(settings, "CSP_EMBED_FRAME_ANCESTORS", ["*"])
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ancestors}
        elif is_admin_preview(request):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        return parts


class SecurityHeadersMiddleware:
    """Headers Django does not set (Permissions-Policy is django-permissions-policy's):
    X-Frame-Options removed where a view allowed framing (the CSP's frame-ancestors then
    decides), and SAMEORIGIN for the admin's previews."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(response, "xframe_options_exempt", False) and "X-Frame-Options" in response:
            del response["X-Frame-Options"]
        elif is_admin_preview(request):
            response["X-Frame-Options"] = "SAMEORIGIN"
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
        limit = getattr(
            settings, "ADMIN_REQUEST_MAX_BYTES" if admin else "REQUEST_MAX_BYTES", 20 * 1024 * 1024
        )
        if length > limit:
            language = translation.get_language_from_path(request.path_info)
            with translation.override(language or settings.LANGUAGE_CODE):
                return render(request, "413.html", {"max_size": file_size(limit)}, status=413)
        return self.get_response(request)


class PasswordResetRateLimitMiddleware:
    """Limit POSTs to the admin's password reset form, per client address and per mailbox
    (every POST there may send a mail): `ADMIN_PASSWORD_RESET_RATE`. The mailbox is the
    normalised address, so "REDAZIONE@…" or " redazione@…" count against "redazione@…".
    Over the limit: the 429 page, nothing sent. (Logins are django-axes': `portal.lockouts`.)"""

    PATH = "/admin/password_reset/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path_info == self.PATH:
            rate = getattr(settings, "ADMIN_PASSWORD_RESET_RATE", "5/h")
            limited = [
                is_ratelimited(
                    request,
                    group="admin.password_reset",
                    key=key,
                    rate=rate,
                    method="POST",
                    increment=True,
                )
                for key in (address_key, mailbox_key)
            ]
            if any(limited):
                with translation.override(settings.LANGUAGE_CODE):
                    return too_many_requests(
                        request, _("Troppi tentativi da questa connessione: riprova più tardi.")
                    )
        return self.get_response(request)


def mailbox_key(group, request) -> str:
    """django-ratelimit key: the e-mail asked for, as Django's password reset matches it."""
    return normalised_identifier(request.POST.get("email", ""))
