"""Absolute links for e-mails: the site's pages, its images and a subscriber's signed links.

E-mails are read outside the site, so every link and image is absolute, on the Wagtail Site
(`portal.links`).
"""

import re

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from portal.links import absolute_url, site_root_url

from .models import NewsletterPage, Subscriber
from .tokens import make_token


def base_url() -> str:
    return site_root_url()


def absolute(url: str) -> str:
    return absolute_url(url)


def absolute_links(html: str) -> str:
    """Root-relative links and images of rich text made absolute, for an e-mail."""
    return re.sub(r'\b(href|src)="/(?!/)', lambda m: f'{m.group(1)}="{base_url()}/', html)


def newsletter_page(language: str) -> NewsletterPage | None:
    """The live newsletter page in `language`, else the Italian one."""
    pages = NewsletterPage.objects.live().select_related("locale")
    return (
        pages.filter(locale__language_code=language).first()
        or pages.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    )


class SubscriberLinks:
    """Builds a subscriber's links; the newsletter pages are looked up once per language."""

    def __init__(self):
        self._pages: dict[str, NewsletterPage | None] = {}

    def page(self, language: str) -> NewsletterPage | None:
        if language not in self._pages:
            self._pages[language] = newsletter_page(language)
        return self._pages[language]

    def _route(self, subscriber: Subscriber, name: str, purpose: str) -> str:
        page = self.page(subscriber.language)
        if page is None:
            return base_url() + "/"
        token = make_token(subscriber, purpose)
        return absolute(page.get_url() + page.reverse_subpage(name, args=(token,)))

    def confirm_url(self, subscriber: Subscriber) -> str:
        return self._route(subscriber, "confirm", "confirm")

    def preferences_url(self, subscriber: Subscriber) -> str:
        return self._route(subscriber, "preferences", "preferences")

    def unsubscribe_url(self, subscriber: Subscriber) -> str:
        with translation.override(subscriber.language):
            path = reverse("newsletter_unsubscribe", args=(make_token(subscriber, "unsubscribe"),))
        return absolute(path)

    def for_digest(self, subscriber: Subscriber) -> dict:
        return {
            "preferences_url": self.preferences_url(subscriber),
            "unsubscribe_url": self.unsubscribe_url(subscriber),
        }
