"""The innovators' admin: listing with filters, tabbed editor, geo widget on our Leaflet."""

from django.contrib.auth import get_user_model

import pytest

from tests.html import parse


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    client.force_login(user)
    return client


def test_listing_searches_and_filters(admin_client, innovators, sectors):
    url = "/admin/snippets/innovators/innovator/"
    html = parse(admin_client.get(url))
    names = [a.get_text(strip=True) for a in html.select("td.title a")]
    assert {"Vivai Verde", "Bozza Segreta"} <= set(names)
    filtered = admin_client.get(url, {"sector": sectors["digitale"].pk, "is_club_member": "true"})
    body = filtered.content.decode()
    assert "Nuvola Digitale" in body
    assert "Vivai Verde" not in body and "Bottega Pescia" not in body
    searched = admin_client.get(url, {"q": "bottega"})
    assert "Bottega Pescia" in searched.content.decode()
    export = admin_client.get(url, {"export": "csv"})
    assert export.status_code == 200


def test_editor_has_tabs_and_uses_our_static_leaflet(admin_client, innovators):
    response = admin_client.get(
        f"/admin/snippets/innovators/innovator/edit/{innovators['verde'].pk}/"
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "unpkg.com" not in body
    assert "/static/vendor/leaflet/leaflet.js" in body
    tabs = " ".join(tab.get_text(strip=True) for tab in parse(response).select("[role=tab]"))
    assert all(name in tabs for name in ("Profilo", "Luogo", "Contatti e club"))


def test_editor_can_create_and_publish(admin_client, sectors, comuni):
    response = admin_client.post(
        "/admin/snippets/innovators/innovator/add/",
        {
            "name": "Nuova Realtà",
            "slug": "",
            "kind": "company",
            "sector": sectors["vivaismo"].pk,
            "short_description": "Breve.",
            "description": "{}",
            "tags": "uno, due",
            "municipality": comuni["pistoia"].pk,
            "address": "",
            "location": "SRID=4326;POINT(10.9 43.9)",
            "website": "",
            "contact_email": "",
            "joined_on": "",
            "year_founded": "",
            "locale": "",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, parse(response).select(".error-message")
    from innovators.models import Innovator

    innovator = Innovator.objects.get(name="Nuova Realtà")
    assert innovator.live and innovator.latitude == 43.9
