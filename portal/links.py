"""Absolute links for what is read away from the site: e-mails, feeds, calendars, QR codes.

The site's address is the Wagtail `Site`: with a request, the site that served it
(`Site.find_for_request`); without one (an e-mail sent after the request, by the task worker or
by a command), the default site. A page links through its own site (`page.get_full_url`).
Links into the admin start with `WAGTAILADMIN_BASE_URL`, as Wagtail's own notices do.

One setting gives both: when `WAGTAILADMIN_BASE_URL` is set in the environment, every `migrate`
points the default site's hostname and port at it (`follow_base_url`). Production sets it once;
`make run` sets it from HOST and PORT.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

from wagtail.models import Page, Site

CACHE_KEY = "portal:default-site-root-url"


def site_root_url(request=None) -> str:
    """`scheme://host[:port]` of the request's site, else of the default site."""
    if request is not None and (site := Site.find_for_request(request)) is not None:
        return site.root_url
    # Kept in the cache (cleared when a site is saved): a newsletter builds links for every
    # subscriber.
    root_url = cache.get(CACHE_KEY)
    if root_url is None:
        site = Site.objects.filter(is_default_site=True).first()
        root_url = site.root_url if site else settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        cache.set(CACHE_KEY, root_url, None)
    return root_url


def absolute_url(target, request=None) -> str:
    """A page, a path on the site (`/storie/`) or an absolute URL, as an absolute URL."""
    if isinstance(target, Page):
        return target.get_full_url(request) or ""
    if not target or target.startswith(("http://", "https://")):
        return target
    root_url = site_root_url(request)
    if target.startswith("//"):  # media on another host, scheme-relative
        return urlsplit(root_url).scheme + ":" + target
    return root_url + ("" if target.startswith("/") else "/") + target


def admin_url(viewname: str, *args) -> str:
    """An absolute link into the Wagtail admin."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(viewname, args=args)


def forget_default_site(**kwargs) -> None:
    """A site was saved or deleted: the default site's address is read again."""
    cache.delete(CACHE_KEY)


def follow_base_url(using="default", **kwargs) -> None:
    """After `migrate`: the default site's hostname and port from `WAGTAILADMIN_BASE_URL`, when
    the environment sets it (`PORTAL_SITE_FOLLOWS_BASE_URL`)."""
    if not getattr(settings, "PORTAL_SITE_FOLLOWS_BASE_URL", False):
        return
    url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    if not url.hostname:
        return
    port = url.port or (443 if url.scheme == "https" else 80)
    sites = Site.objects.using(using)
    site = sites.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (url.hostname, port):
        return
    if sites.filter(hostname=url.hostname, port=port).exists():
        return  # another site already answers there
    site.hostname, site.port = url.hostname, port
    site.save(update_fields=["hostname", "port"])
