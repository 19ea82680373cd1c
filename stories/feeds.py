"""RSS 2.0 and Atom feeds of stories (/storie/feed/) and phase updates (/programma/feed/).

Django's syndication framework, served by the index pages' `feed/` routes (`stories.views`).
Links are absolute, on the Wagtail Site that serves the request (`portal.links`), not on the
request's Host header as Django's syndication would make a relative link.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from portal.links import absolute_url

FEED_SIZE = 20


class ArticleFeed(Feed):
    """The newest live articles under `page` (a `StoryIndexPage` or a `ProgrammePage`)."""

    feed_type = Rss201rev2Feed
    route_name = "feed"

    def __init__(self, page):
        self.page = page
        self.request = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def articles(self):
        raise NotImplementedError

    def items(self):
        return self.articles().prefetch_related("tagged_items__tag")[:FEED_SIZE]

    def title(self):
        return f"{self.page.title} · Pistoia2030"

    def link(self):
        return absolute_url(self.page, self.request)

    def feed_url(self):
        return absolute_url(self.page, self.request) + self.page.reverse_subpage(self.route_name)

    def description(self):
        return self.page.intro or _("Le ultime notizie di Pistoia2030")

    subtitle = description

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return absolute_url(item, self.request)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tag_list]


class StoryRssFeed(ArticleFeed):
    def articles(self):
        return self.page.stories()

    def item_author_name(self, item):
        return item.author_name or None


class StoryAtomFeed(StoryRssFeed):
    feed_type = Atom1Feed
    route_name = "atom"


class PhaseUpdateRssFeed(ArticleFeed):
    def articles(self):
        return self.page.updates().defer_streamfields()


class PhaseUpdateAtomFeed(PhaseUpdateRssFeed):
    feed_type = Atom1Feed
    route_name = "atom"
