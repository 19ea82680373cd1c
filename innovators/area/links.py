"""Absolute links for the area's e-mails, on the Site's root URL (`portal.links`: the site
that served the request, else the default site; never the request's Host header)."""

from portal import links


def absolute_url(request, path: str) -> str:
    return links.absolute_url(path, request)
