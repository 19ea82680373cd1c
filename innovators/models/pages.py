"""The public pages: the map of innovators (/mappa/) and the club directory (/club/)."""

from django.conf import settings
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import path

from innovators import queries
from innovators.filters import InnovatorFilters
from innovators.municipalities import MUNICIPALITIES
from innovators.synergies import queries as synergy_queries
from portal.geo import BBOX_EAST, BBOX_NORTH, BBOX_SOUTH, BBOX_WEST
from portal.models import BasePage, ViewRoutesMixin
from portal.pagination import paginate

MAP_LIST_PAGE_SIZE = 50


def map_settings(**overrides) -> dict:
    """What the map script needs: tile server, attribution, centre and zoom, the comuni drawn
    when the tiles cannot be loaded, and its messages in the reader's language."""
    from innovators.viewport import CLUSTER_MAX_ZOOM  # the viewport imports the models

    centre = settings.GEO_WIDGET_DEFAULT_LOCATION
    return {
        "tileUrl": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "center": [centre["lat"], centre["lng"]],
        "zoom": settings.GEO_WIDGET_ZOOM,
        # Where a filter's results are looked for, and the zoom from which the GeoJSON always
        # sends points (a cluster's tap zooms at most to it).
        "province": [[BBOX_SOUTH, BBOX_WEST], [BBOX_NORTH, BBOX_EAST]],
        "pointsZoom": CLUSTER_MAX_ZOOM,
        "comuni": [[name, lat, lng] for _code, name, lat, lng in MUNICIPALITIES],
        "messages": {
            "tilesFailed": gettext(
                "Lo sfondo della mappa non è disponibile: i punti sono mostrati sui comuni della "
                "provincia. L'elenco qui sotto riporta gli stessi risultati."
            ),
            "pointsFailed": gettext(
                "Non è stato possibile caricare i punti della mappa: riprova più tardi o usa "
                "l'elenco qui sotto."
            ),
            "listFailed": gettext("L'elenco non si è aggiornato: ricarica la pagina per vederlo."),
            "cluster": gettext("__N__ innovatori qui: ingrandisci la mappa per vederli"),
            "clusterOne": gettext("1 innovatore qui: ingrandisci la mappa per vederlo"),
            "closePopup": gettext("Chiudi"),
            "zoomIn": gettext("Ingrandisci"),
            "zoomOut": gettext("Riduci"),
        },
        **overrides,
    }


class FilteredInnovatorsMixin:
    """The filter lists both pages show: sectors, comuni and the most used tags."""

    @cached_property
    def language_code(self) -> str:
        return self.locale.language_code

    def filter_context(self, request) -> dict:
        filters = InnovatorFilters.from_query(request.GET)
        return {
            "filters": filters,
            "sectors": queries.sectors(self.language_code),
            "municipalities": queries.municipalities(),
            "tags": queries.popular_tags(self.language_code),
        }


class InnovatorMapPage(FilteredInnovatorsMixin, ViewRoutesMixin, BasePage):
    """/mappa/: every published innovator on a map, with filters and a list alternative.

    The points come from the GeoJSON endpoint, not from the HTML, so the page stays light.
    /mappa/embed/, the map to embed in another site, is answered by
    `innovators.page_views.map_embed`.
    """

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("mappa degli innovatori")

    def api_url(self, name: str, filters: InnovatorFilters) -> str:
        query = {**filters.as_query(ordine="nome"), "lang": self.language_code}
        return f"{reverse(name)}?{urlencode(query)}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.filter_context(request))
        filters = context["filters"]
        embed_base = request.build_absolute_uri(self.url + self.reverse_subpage("embed"))
        context.update(
            results=paginate(
                request, queries.map_list(filters, self.language_code), MAP_LIST_PAGE_SIZE
            ),
            geojson_url=self.api_url("innovators_geojson", filters),
            csv_url=self.api_url("innovators_csv", filters),
            directory_url=queries.directory_path(self.language_code),
            embed_base_url=embed_base,
            embed_url=embed_base + (f"?{filters.querystring}" if filters.active else ""),
            map_settings=map_settings(),
            # «Offre… / Cerca…»: who offers or looks for a category on the club's board
            offer_categories=synergy_queries.categories(),
        )
        return context

    @path("embed/", name="embed")
    def embed_view(self, request):
        return self.serve_route("embed", request)


class ClubDirectoryPage(FilteredInnovatorsMixin, ViewRoutesMixin, BasePage):
    """/club/: the club members; /club/<slug>/ every published innovator's profile (answered
    by `innovators.page_views.profile`); /club/aderisci/ the join request form (answered by
    `innovators.join.join_request`); /club/bacheca/ (English /en/club/board/) the board of
    offers and needs and its RSS feed (answered by `innovators.synergies.board`)."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("club degli innovatori")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The members' listing is the directory's own (Wagtail's `index_route`): its sub-pages
        # (profile, join form, board) neither pay for it nor read its ?page=.
        route = getattr(request, "routable_resolver_match", None)
        if route is None or route.url_name == "index_route":
            context.update(self.filter_context(request))
            context["members"] = paginate(
                request, queries.directory_cards(context["filters"], self.language_code)
            )
        return context

    @path("aderisci/", name="join")
    def join_view(self, request):
        return self.serve_route("join", request)

    @path("bacheca/", name="board")
    @path("board/", name="board_en")
    def board_view(self, request):
        return self.serve_route("board", request)

    @path("bacheca/feed/", name="board_feed")
    @path("board/feed/", name="board_feed_en")
    def board_feed_view(self, request):
        return self.serve_route("board_feed", request)

    @path("<slug:slug>/", name="profile")
    def profile_view(self, request, slug):
        return self.serve_route("profile", request, slug)
