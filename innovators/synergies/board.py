"""The board of offers and needs, a route of the club page: /club/bacheca/ in Italian,
/en/club/board/ in English (each page answers only its own language's word), and its RSS
feed (…/feed/). Public and cacheable: nothing personal, no contact e-mail."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from innovators import queries as innovator_queries
from innovators.models import ClubDirectoryPage
from innovators.synergies import queries
from innovators.synergies.filters import BoardFilters
from innovators.synergies.models import OfferKind
from portal.links import absolute_url
from portal.models import route_view
from portal.pagination import paginate

BOARD_PAGE_SIZE = 20


def route_name(page, name: str = "board") -> str:
    """The route of `name` in the page's language: Italian words, English for the others."""
    return name if page.locale.language_code == settings.LANGUAGE_CODE else f"{name}_en"


def board_path(page) -> str:
    return page.url + page.reverse_subpage(route_name(page))


def _check_language(page, request) -> None:
    """/club/board/ and /en/club/bacheca/ are not pages: one address per language."""
    matched = getattr(request, "routable_resolver_match", None)
    if matched is not None and matched.url_name not in {
        route_name(page),
        route_name(page, "board_feed"),
    }:
        raise Http404


@route_view(ClubDirectoryPage, "board")
def board(request, page):
    _check_language(page, request)
    filters = BoardFilters.from_query(request.GET)
    path = board_path(page)
    return page.render(
        request,
        template="innovators/synergies/board.html",
        context_overrides={
            "filters": filters,
            "offers": paginate(request, queries.board(filters), BOARD_PAGE_SIZE),
            "categories": queries.categories(),
            "offer_tags": queries.popular_tags(),
            "municipalities": innovator_queries.municipalities(),
            "directory_url": page.url,
            "board_url": path,
            "feed_url": path + "feed/",
            "kinds": OfferKind.choices,
        },
    )


class BoardFeed(Feed):
    """RSS 2.0: the newest offers and needs, each linking to its innovator's profile."""

    feed_type = Rss201rev2Feed

    def __init__(self, page):
        self.page = page
        self.request = None
        self.directory = innovator_queries.directory_path(page.locale.language_code) or ""

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def items(self):
        return queries.feed_items()

    def title(self):
        return _("Offro e cerco · Club degli innovatori · Pistoia2030")

    def link(self):
        return absolute_url(board_path(self.page), self.request)

    def feed_url(self):
        return absolute_url(board_path(self.page) + "feed/", self.request)

    def description(self):
        return _("Che cosa offrono e che cosa cercano gli innovatori della provincia di Pistoia.")

    def item_title(self, item):
        return f"{item.get_kind_display()}: {item.title} · {item.innovator.name}"

    def item_description(self, item):
        return item.text

    def item_link(self, item):
        return absolute_url(
            f"{self.directory}{item.innovator.slug}/#offerta-{item.pk}", self.request
        )

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        return [item.category.label, *(tag.name for tag in item.tag_list)]


@route_view(ClubDirectoryPage, "board_feed")
def board_feed(request, page):
    _check_language(page, request)
    return BoardFeed(page)(request)
