"""The views of the map's and the directory's own routes: the map to embed in another site
(/mappa/embed/) and an innovator's profile (/club/<slug>/).

Registered with `route_view`; `InnovatorsConfig.ready` imports this module. The directory's
other routes are answered by `innovators.join` (the join form) and `innovators.synergies.board`
(the board of offers and needs).
"""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_exempt

from innovators import queries
from innovators.filters import InnovatorFilters
from innovators.models import ClubDirectoryPage, InnovatorMapPage
from innovators.models.pages import map_settings
from innovators.synergies import queries as synergy_queries
from portal.models import route_view


@route_view(InnovatorMapPage, "embed")
@xframe_options_exempt
def map_embed(request, page):
    """The map alone, with the filters of the query string, for another site's iframe."""
    filters = InnovatorFilters.from_query(request.GET)
    return page.render(
        request,
        template="innovators/innovator_map_embed.html",
        context_overrides={
            "filters": filters,
            "geojson_url": page.api_url("innovators_geojson", filters),
            "full_map_url": page.get_url(request)
            + (f"?{filters.querystring}" if filters.active else ""),
            "map_settings": map_settings(),
        },
    )


@route_view(ClubDirectoryPage, "profile")
def profile(request, page, slug):
    """A published innovator's profile, with its synergies and its offers and needs."""
    innovator = queries.profile(slug, page.language_code)
    if innovator is None:
        raise Http404(_("Innovatore non trovato"))
    return page.render(
        request,
        template="innovators/innovator_profile.html",
        context_overrides={
            "innovator": innovator,
            "synergies": queries.synergies(innovator, page.language_code),
            "offers": list(synergy_queries.of_innovator(innovator)),
            "map_settings": map_settings(zoom=13),
        },
    )
