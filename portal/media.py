"""Uploads served by Django itself (development, `make serve-prod`), never as a page.

In production a reverse proxy or the object store serves `/media/`; when Django does it
(`SERVE_MEDIA`), images go out inline with their type, anything else as a download, always
with `nosniff` and a sandboxing CSP, so an uploaded file cannot run as HTML in our origin.
"""

from django.conf import settings
from django.views.static import serve

INLINE_TYPES = ("image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf")


def serve_media(request, path):
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    content_type = response.get("Content-Type", "")
    if not content_type.startswith(INLINE_TYPES):
        response["Content-Type"] = "application/octet-stream"
        response["Content-Disposition"] = "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "public, max-age=86400"
    return response
