"""The feeds of the stories and of the programme's phase updates (`FeedRoutesMixin`'s routes).

Registered with `route_view`; `StoriesConfig.ready` imports this module. The public form's
views are in `stories.submissions`.
"""

from portal.models import route_view
from stories.models.articles import FeedRoutesMixin


@route_view(FeedRoutesMixin, "feed")
def rss_feed(request, page):
    """`feed/`: the page's RSS feed."""
    return page.feeds[0](page)(request)


@route_view(FeedRoutesMixin, "atom")
def atom_feed(request, page):
    """`feed/atom/`: the page's Atom feed."""
    return page.feeds[1](page)(request)
