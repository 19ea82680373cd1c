"""CDN purging (Wagtail's frontend cache), switched on only when a CDN is configured.

Wagtail purges a page's own URLs when it is published or unpublished. A page also shows on
listings, the home page, the menus, and snippets (innovators, sectors, phases) show on many
pages, so any change that renews the content version (`portal.cache`) purges every live
page and the open-data URLs, once per transaction, after it commits. Same rule as our own
page cache: simple, and never stale.
"""

import logging

from django.db import connection, transaction
from django.urls import NoReverseMatch, reverse

from wagtail.models import Page

from portal.cache import changes_public_content

logger = logging.getLogger(__name__)
OPEN_DATA_URL_NAMES = ("innovators_geojson", "innovators_csv")


def purge_site() -> None:
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Site

    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().public().exclude(depth=1).specific(defer=True))
    for site in Site.objects.all():
        for name in OPEN_DATA_URL_NAMES:
            try:
                batch.add_url(site.root_url + reverse(name))
            except NoReverseMatch:
                continue
    try:
        batch.purge()
    except Exception:  # a CDN outage must not break publishing
        logger.exception("Frontend cache purge failed")


def purge_on_content_change(
    sender, instance=None, created=False, update_fields=None, **kwargs
) -> None:
    if sender.__module__ == "__fake__":
        return
    if not changes_public_content(sender, instance, created, update_fields):
        return
    purge_after_commit()


def purge_on_publication_change(sender, **kwargs) -> None:
    purge_after_commit()


def purge_after_commit() -> None:
    if any(entry[1] is purge_site for entry in connection.run_on_commit):
        return  # already due when this transaction commits
    transaction.on_commit(purge_site, robust=True)
