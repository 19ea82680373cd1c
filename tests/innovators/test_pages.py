"""The map page, its embed, the club directory and the profiles."""

import json

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import pytest

from home.models import HomePage
from innovators.factories import InnovatorFactory
from innovators.models import ClubDirectoryPage, InnovatorMapPage
from innovators.viewport import CLUSTER_MAX_ZOOM
from portal.geo import BBOX_EAST, BBOX_NORTH, BBOX_SOUTH, BBOX_WEST
from tests.html import parse, texts
from tests.innovators.conftest import make_innovators


def test_page_tree_rules(home_page, map_page, club_page):
    for page_type in (InnovatorMapPage, ClubDirectoryPage):
        assert page_type.allowed_parent_page_models() == [HomePage]
        assert page_type.allowed_subpage_models() == []
        assert not page_type.can_create_at(home_page)  # one per home
        assert not page_type.can_exist_under(Page.get_first_root_node())


# Map ---------------------------------------------------------------------------------------


def test_map_page_lists_published_innovators_and_loads_our_leaflet(
    client, map_page, club_page, innovators
):
    response = client.get("/mappa/")
    assert response.status_code == 200
    html = parse(response)
    listed = texts(html.select(".innovator-list li a"))
    assert listed == ["Bottega Pescia", "Nuvola Digitale", "Vivai Verde"]
    assert html.select_one(".innovator-list a")["href"] == "/club/bottega-pescia/"
    scripts = [script["src"] for script in html.select("script[src]")]
    assert all(src.startswith("/static/") for src in scripts)
    # map.js loads Leaflet and the clusters itself, when the map is about to be seen.
    assert "/static/vendor/leaflet/leaflet.js" not in scripts
    loader = html.select_one("script#map-script")
    assert loader["src"] == "/static/innovators/map.js"
    assert loader["data-leaflet"] == "/static/vendor/leaflet/leaflet.js"
    assert loader["data-cluster"] == "/static/vendor/leaflet-markercluster/leaflet.markercluster.js"
    # The points come from the endpoint, not the page (the settings hold only the 20 comuni,
    # drawn when the tiles fail: Nuvola Digitale sits on Quarrata's centre).
    settings = json.loads(html.select_one("#map-settings").get_text())
    assert len(settings["comuni"]) == 20
    # The map looks for a filter's results in the province and zooms a cluster to the zoom
    # from which the GeoJSON sends points: the server's values, not copies in the script.
    assert settings["province"] == [[BBOX_SOUTH, BBOX_WEST], [BBOX_NORTH, BBOX_EAST]]
    assert settings["pointsZoom"] == CLUSTER_MAX_ZOOM
    html.select_one("#map-settings").decompose()
    assert "43.8478" not in str(html)
    assert html.select_one("[data-innovator-map]")["data-geojson-url"].startswith(
        "/api/innovatori.geojson?"
    )
    assert "3 innovatori" in html.select_one("[data-map-count]").get_text()


def test_map_filters_work_without_javascript(client, map_page, club_page, innovators):
    html = parse(client.get("/mappa/?settore=digitale&club=1"))
    assert texts(html.select(".innovator-list li a")) == ["Nuvola Digitale"]
    assert html.select_one("#filter-sector option[selected]")["value"] == "digitale"
    assert html.select_one("#filter-club").has_attr("checked")
    geojson_url = html.select_one("[data-innovator-map]")["data-geojson-url"]
    assert "settore=digitale" in geojson_url and "club=1" in geojson_url
    assert "settore=digitale" in html.select_one("#embed-code").get_text()


def test_embed_has_no_site_frame_and_may_be_framed(client, map_page, club_page, innovators):
    response = client.get("/mappa/embed/?settore=vivaismo")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    html = parse(response)
    assert html.select_one(".site-header") is None
    assert html.select_one("[data-innovator-map]")["data-geojson-url"].endswith(
        "settore=vivaismo&lang=it"
    )
    assert html.select_one(".map-embed__footer a")["href"] == "/mappa/?settore=vivaismo"
    assert client.get("/mappa/")["X-Frame-Options"] == "DENY"


# Directory ---------------------------------------------------------------------------------


def test_directory_lists_published_club_members(client, club_page, innovators):
    html = parse(client.get("/club/"))
    assert texts(html.select(".innovator-card .card__title")) == ["Nuvola Digitale", "Vivai Verde"]
    assert html.select_one(".innovator-card a")["href"] == "/club/nuvola-digitale/"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?q=verde", ["Vivai Verde"]),
        ("?settore=digitale", ["Nuvola Digitale"]),
        ("?comune=quarrata", ["Nuvola Digitale"]),
        ("?tag=verde-urbano", ["Vivai Verde"]),
        ("?ordine=nome", ["Nuvola Digitale", "Vivai Verde"]),
    ],
)
def test_directory_filters(client, club_page, innovators, query, expected):
    html = parse(client.get(f"/club/{query}"))
    assert texts(html.select(".innovator-card .card__title")) == expected


def test_directory_sorts_by_newest_member(client, club_page, innovators):
    import datetime

    innovators["verde"].joined_on = datetime.date(2026, 1, 1)
    innovators["verde"].save()
    innovators["nuvola"].joined_on = datetime.date(2025, 1, 1)
    innovators["nuvola"].save()
    html = parse(client.get("/club/?ordine=recenti"))
    assert texts(html.select(".innovator-card .card__title")) == ["Vivai Verde", "Nuvola Digitale"]


def test_directory_paginates_and_404s_out_of_range(client, club_page, sectors, comuni, settings):
    settings.PORTAL_PAGE_SIZE = 12
    make_innovators(15, sectors["vivaismo"], comuni["pistoia"])
    first = parse(client.get("/club/"))
    assert len(first.select(".innovator-card")) == 12
    assert len(parse(client.get("/club/?page=2")).select(".innovator-card")) == 3
    assert client.get("/club/?page=9").status_code == 404


# Profiles ----------------------------------------------------------------------------------


def test_profile_shows_the_innovator_but_never_the_email(client, club_page, innovators):
    response = client.get("/club/vivai-verde/")
    assert response.status_code == 200
    html = parse(response)
    assert html.h1.get_text(strip=True) == "Vivai Verde"
    assert innovators["verde"].contact_email not in response.content.decode()
    tag_links = {a.get_text(): a["href"] for a in html.select(".tags a")}
    assert tag_links["verde urbano"] == "/club/?tag=verde-urbano"
    assert html.select_one("[data-point-map]") is not None


def test_profiles_of_non_members_exist_drafts_and_unknown_are_404(client, club_page, innovators):
    assert client.get("/club/bottega-pescia/").status_code == 200
    assert client.get("/club/bozza-segreta/").status_code == 404
    assert client.get("/club/non-esiste/").status_code == 404


def test_publish_and_unpublish_visibility_everywhere(client, map_page, club_page, innovators):
    draft = innovators["bozza"]
    draft.is_club_member = True
    draft.save()
    revision = draft.save_revision()

    def visible():
        return {
            "map": "Bozza Segreta" in client.get("/mappa/").content.decode(),
            "directory": "Bozza Segreta" in client.get("/club/").content.decode(),
            "search": "Bozza Segreta" in client.get("/club/?q=segreta").content.decode(),
            "profile": client.get("/club/bozza-segreta/").status_code == 200,
            "geojson": "Bozza Segreta" in client.get("/api/innovatori.geojson").content.decode(),
            "csv": "Bozza Segreta" in client.get("/api/innovatori.csv").content.decode(),
        }

    assert not any(visible().values())
    revision.publish()
    assert all(visible().values())
    draft.refresh_from_db()
    draft.unpublish()
    assert not any(visible().values())


def test_synergies_rank_shared_tags_then_sector_then_distance(client, club_page, sectors, comuni):
    me = InnovatorFactory(
        name="Io", sector=sectors["vivaismo"], municipality=comuni["pistoia"], tags=["a", "b", "c"]
    )
    InnovatorFactory(
        name="Due tag", sector=sectors["digitale"], municipality=comuni["pescia"], tags=["a", "b"]
    )
    InnovatorFactory(
        name="Un tag stesso settore",
        sector=sectors["vivaismo"],
        municipality=comuni["pescia"],
        tags=["c"],
    )
    InnovatorFactory(
        name="Un tag", sector=sectors["digitale"], municipality=comuni["pescia"], tags=["a"]
    )
    InnovatorFactory(
        name="Stesso settore vicino", sector=sectors["vivaismo"], municipality=comuni["agliana"]
    )
    InnovatorFactory(
        name="Stesso settore lontano",
        sector=sectors["vivaismo"],
        municipality=comuni["abetone-cutigliano"],
    )
    InnovatorFactory(name="Vicino", sector=sectors["digitale"], municipality=comuni["pistoia"])
    InnovatorFactory(
        name="Lontano", sector=sectors["digitale"], municipality=comuni["sambuca-pistoiese"]
    )
    InnovatorFactory(
        name="Bozza",
        sector=sectors["vivaismo"],
        municipality=comuni["pistoia"],
        tags=["a", "b", "c"],
        live=False,
    )
    html = parse(client.get(f"/club/{me.slug}/"))
    section = html.select_one("[aria-labelledby=synergies-heading]")
    assert texts(section.select(".card__title")) == [
        "Due tag",
        "Un tag stesso settore",
        "Un tag",
        "Stesso settore vicino",
        "Stesso settore lontano",
        "Vicino",
    ]


# Query counts ------------------------------------------------------------------------------


def query_count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


QUERY_BUDGETS = {"/club/?tag=iot": 20, "/club/scala-0003/": 22, "/mappa/?club=1": 22}


def test_query_counts_do_not_grow_from_10_to_60_innovators(
    client, map_page, club_page, sectors, comuni, django_assert_max_num_queries
):
    make_innovators(10, sectors["vivaismo"], comuni["pistoia"])
    client.get("/club/")  # warm the site-root cache, as in production
    small = {url: query_count(client, url) for url in QUERY_BUDGETS}
    make_innovators(50, sectors["vivaismo"], comuni["pistoia"], start=10)  # map list: 2 pages
    large = {url: query_count(client, url) for url in QUERY_BUDGETS}
    assert large == small
    for url, budget in QUERY_BUDGETS.items():
        with django_assert_max_num_queries(budget):
            client.get(url)


# Home page ---------------------------------------------------------------------------------


def test_home_shows_counts_teaser_and_recent_members_without_a_map_library(
    client, home_page, map_page, club_page, innovators
):
    from home.factories import HomeGoalFactory

    HomeGoalFactory(home=home_page, title="Dare visibilità", page=map_page, sort_order=0)
    HomeGoalFactory(home=home_page, title="Creare sinergie", page=club_page, sort_order=1)
    html = parse(client.get("/"))
    figures = texts(html.select(".innovator-figure"))
    assert figures == ["3", "2"]
    assert html.select_one(".map-teaser")["href"] == "/mappa/"
    assert len(html.select(".map-teaser circle")) == 3  # Pistoia, Quarrata, Pescia
    assert (
        texts(html.select(".recent-members a")) == ["Nuvola Digitale", "Vivai Verde"]
        or len(html.select(".recent-members a")) == 2
    )
    assert not [s for s in html.select("script[src]") if "leaflet" in s["src"]]
