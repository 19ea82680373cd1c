"""Absolute links for the area's e-mails, on the Site's root URL."""

from wagtail.models import Site


def absolute_url(request, path: str) -> str:
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_url.rstrip("/") + path
    return request.build_absolute_uri(path)
