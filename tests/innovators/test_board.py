"""The club's board of offers and needs (/club/bacheca/, /en/club/board/): filters in the URL,
search, pagination, newest first, each linking to its innovator's profile; the RSS feed; the
map's «Offre… / Cerca…» filter and its GeoJSON; no contact e-mail anywhere public."""

import datetime
import json
import xml.etree.ElementTree as ET

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from innovators.factories import OfferFactory
from innovators.models import OfferCategory, OfferKind
from tests.html import parse

BOARD = "/club/bacheca/"


@pytest.fixture
def offers(club_page, map_page, innovators, comuni):
    spaces = OfferCategory.objects.get(slug="spazi-attrezzature")
    skills = OfferCategory.objects.get(slug="competenze")
    now = timezone.now()
    return {
        "serra": OfferFactory(
            innovator=innovators["verde"],
            title="Serra sperimentale",
            category=spaces,
            tags=["verde urbano"],
            first_published_at=now - datetime.timedelta(days=3),
        ),
        "dati": OfferFactory(
            innovator=innovators["nuvola"],
            kind=OfferKind.NEED,
            title="Cerchiamo esperti di dati",
            category=skills,
            tags=["dati aperti"],
            municipality=comuni["pescia"],
            first_published_at=now - datetime.timedelta(days=1),
        ),
        "bozza": OfferFactory(innovator=innovators["verde"], title="Non approvata", live=False),
        "scaduta": OfferFactory(
            innovator=innovators["verde"],
            title="Ormai scaduta",
            ends_on=timezone.localdate() - datetime.timedelta(days=1),
        ),
        "ritirata": OfferFactory(
            innovator=innovators["nuvola"], title="Ritirata", withdrawn_at=now
        ),
        "di_bozza": OfferFactory(innovator=innovators["bozza"], title="Di un innovatore in bozza"),
    }


def titles(client, url) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    return [h.get_text(strip=True) for h in parse(response).select(".offer-card .card__title")]


def test_the_board_shows_current_offers_newest_first(client, offers):
    assert titles(client, BOARD) == ["Cerchiamo esperti di dati", "Serra sperimentale"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("?tipo=offro", ["Serra sperimentale"]),
        ("?tipo=cerco", ["Cerchiamo esperti di dati"]),
        ("?categoria=spazi-attrezzature", ["Serra sperimentale"]),
        ("?tag=dati-aperti", ["Cerchiamo esperti di dati"]),
        ("?comune=pescia", ["Cerchiamo esperti di dati"]),  # the offer's own comune
        ("?comune=pistoia", ["Serra sperimentale"]),  # else its innovator's
        ("?q=serra", ["Serra sperimentale"]),
        ("?q=nuvola", ["Cerchiamo esperti di dati"]),  # the innovator's name
        ("?tipo=offro&categoria=competenze", []),
        (
            "?tipo=regalo&categoria=<script>&comune=%00",
            ["Cerchiamo esperti di dati", "Serra sperimentale"],
        ),
    ],
)
def test_filters(client, offers, query, expected):
    assert titles(client, BOARD + query) == expected


def test_cards_link_to_the_profile_and_to_an_introduction(client, offers, innovators):
    page = parse(client.get(BOARD + "?tipo=offro"))
    [link] = page.select(".offer-card .offer-card__foot a")
    assert link.get("href") == f"/club/{innovators['verde'].slug}/"
    [ask] = page.select(".offer-card [data-introduction-ask]")
    assert ask.get("href") == f"/area-innovatori/presentazioni/chiedi/{innovators['verde'].pk}/"
    assert ask.get_text(strip=True) == f"Chiedi di conoscere {innovators['verde'].name}"
    # On the innovator's own profile its cards carry no second ask (the profile has one).
    profile = parse(client.get(f"/club/{innovators['verde'].slug}/"))
    assert not profile.select(".offer-card [data-introduction-ask]")


def test_pagination(client, club_page, innovators):
    for n in range(25):
        OfferFactory(innovator=innovators["verde"], title=f"Offerta numero {n}")
    assert len(titles(client, BOARD)) == 20
    assert len(titles(client, BOARD + "?page=2")) == 5
    assert client.get(BOARD + "?page=9").status_code == 404


def test_english_board_and_one_address_per_language(client, offers, club_page):
    from wagtail.models import Locale

    english = club_page.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    english.save_revision().publish()
    response = client.get("/en/club/board/?tipo=cerco")
    assert response.status_code == 200
    assert "Skills" in response.content.decode()  # the category's English name
    assert client.get("/en/club/bacheca/").status_code == 404
    assert client.get("/club/board/").status_code == 404


def test_the_feed(client, offers):
    response = client.get(BOARD + "feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    items = ET.fromstring(response.content).findall("./channel/item")
    assert [item.findtext("title").split(" · ")[0] for item in items] == [
        "Cerco: Cerchiamo esperti di dati",
        "Offro: Serra sperimentale",
    ]
    assert items[0].findtext("link").startswith("http")


def test_the_profile_lists_its_current_offers(client, offers, innovators):
    body = client.get(f"/club/{innovators['verde'].slug}/").content.decode()
    assert "Serra sperimentale" in body
    assert "Ormai scaduta" not in body and "Non approvata" not in body


def test_the_map_filter_offre_cerca(client, offers, innovators):
    page = client.get("/mappa/?offre=spazi-attrezzature").content.decode()
    assert 'name="offre"' in page and 'name="cerca"' in page
    geojson = json.loads(client.get("/api/innovatori.geojson?offre=spazi-attrezzature").content)
    assert [f["properties"]["name"] for f in geojson["features"]] == ["Vivai Verde"]
    geojson = json.loads(client.get("/api/innovatori.geojson?cerca=competenze").content)
    assert [f["properties"]["name"] for f in geojson["features"]] == ["Nuvola Digitale"]
    # a lapsed offer does not count
    geojson = json.loads(client.get("/api/innovatori.geojson?cerca=spazi-attrezzature").content)
    assert geojson["features"] == []


def test_no_contact_email_in_any_public_output(client, offers, innovators):
    emails = [i.contact_email for i in innovators.values() if i.contact_email]
    assert emails
    urls = [
        BOARD,
        BOARD + "?tipo=offro",
        BOARD + "feed/",
        f"/club/{innovators['verde'].slug}/",
        "/api/innovatori.geojson?offre=spazi-attrezzature",
        "/api/innovatori.csv?offre=spazi-attrezzature",
        "/api/v2/innovators/",
        "/api/v2/offers/",
        f"/api/v2/offers/{offers['serra'].pk}/",
        "/mappa/?cerca=competenze",
    ]
    for url in urls:
        body = client.get(url).content.decode()
        for email in emails:
            assert email.lower() not in body.lower(), url


def test_board_is_cacheable_and_not_personal(client, offers):
    response = client.get(BOARD)
    assert "no-store" not in response.get("Cache-Control", "")
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_the_site_search_finds_current_offers_and_needs(client, offers, innovators):
    """«Offro e cerco» in /cerca/: what the board shows, linking to the card on the profile."""
    html = parse(client.get("/cerca/", {"q": "serra", "tipo": "offro-cerco"}))
    [result] = html.select(".search-results li")
    link = result.select_one(".search-results__title a")
    assert link.get_text() == "Serra sperimentale"
    assert link["href"] == f"/club/{innovators['verde'].slug}/#offerta-{offers['serra'].pk}"
    assert result.select_one(".search-results__type").get_text() == (
        f"Offro · Spazi e attrezzature · {innovators['verde'].name}"
    )
    # A draft, a lapsed, a withdrawn one and one of an unpublished innovator are never found.
    for title in ("Non approvata", "Ormai scaduta", "Ritirata", "Di un innovatore in bozza"):
        found = parse(client.get("/cerca/", {"q": title})).select(".search-results li")
        assert title not in {item.get_text() for item in found}


def test_the_site_search_for_offers_costs_the_same_queries_at_any_size(client, offers, innovators):
    def queries() -> int:
        with CaptureQueriesContext(connection) as done:
            response = client.get("/cerca/", {"q": "sperimentale", "tipo": "offro-cerco"})
        assert response.status_code == 200
        return len(done)

    queries()  # warms what the site caches whatever the search (the site's root paths…)
    few = queries()
    for n in range(30):
        OfferFactory(innovator=innovators["nuvola"], title=f"Laboratorio sperimentale {n}")
    assert queries() == few <= 25  # the site search's budget (tests/portal/test_site_search.py)


def test_the_api_lists_what_the_board_shows(client, offers, innovators):
    """/api/v2/offers/: current offers and needs, newest first, with the board's filters."""
    body = client.get("/api/v2/offers/").json()
    assert [item["title"] for item in body["items"]] == [
        "Cerchiamo esperti di dati",
        "Serra sperimentale",
    ]
    serra = client.get(f"/api/v2/offers/{offers['serra'].pk}/").json()
    assert {key: serra[key] for key in ("kind", "category", "tags", "innovator", "url")} == {
        "kind": "offro",
        "category": "Spazi e attrezzature",
        "tags": ["verde urbano"],
        "innovator": innovators["verde"].name,
        "url": f"/club/{innovators['verde'].slug}/#offerta-{offers['serra'].pk}",
    }
    filtered = client.get("/api/v2/offers/", {"tipo": "cerco", "comune": "pescia"}).json()
    assert [item["title"] for item in filtered["items"]] == ["Cerchiamo esperti di dati"]
    english = client.get(f"/api/v2/offers/{offers['serra'].pk}/", {"lang": "en"}).json()
    assert english["category"] == "Spaces and equipment"
    for hidden in ("bozza", "scaduta", "ritirata", "di_bozza"):
        assert client.get(f"/api/v2/offers/{offers[hidden].pk}/").status_code == 404
    # `q` searches, as on the board; Wagtail's own `search` is refused, not ignored.
    assert client.get("/api/v2/offers/", {"q": "serra"}).json()["meta"]["total_count"] == 1
    refused = client.get("/api/v2/offers/", {"search": "serra"})
    assert refused.status_code == 400 and "search" in refused.json()["message"]


def test_the_api_costs_the_same_queries_at_any_size(client, offers, innovators):
    def queries() -> int:
        with CaptureQueriesContext(connection) as done:
            assert client.get("/api/v2/offers/", {"limit": 50}).status_code == 200
        return len(done)

    few = queries()
    for n in range(30):
        OfferFactory(innovator=innovators["nuvola"], title=f"Offerta {n}", tags=[f"tag {n}"])
    assert queries() == few
