"""The admin's location field: what it loads, what its help says, with and without a geocoder."""

import json

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtailgeowidget.panels import GeoAddressPanel

import pytest

from portal.geo import address_panel, location_help_text
from tests.html import parse

ADD = "/admin/snippets/innovators/innovator/add/"


@pytest.fixture
def redazione(client, db):
    user = get_user_model().objects.create_user("redazione", "r@example.org", "x")
    user.groups.add(Group.objects.get(name="Redazione"))
    client.force_login(user)
    return user


def test_innovator_location_field_knows_the_comuni_and_says_what_is_true(client, redazione):
    response = client.get(ADD)
    assert response.status_code == 200
    page = parse(response)
    field = page.select_one("#id_location")
    options = json.loads(field["data-portal-geo"])
    assert options["municipalityField"] == "municipality"
    assert len(options["centres"]) == 20 and options["geocoder"] == ""
    scripts = [script.get("src", "") for script in page.select("script")]
    ours = next(i for i, src in enumerate(scripts) if src.endswith("portal/geo-field.js"))
    theirs = next(i for i, src in enumerate(scripts) if "leaflet-field-controller" in src)
    assert ours < theirs  # the prototype is extended before the controller creates the field
    help_text = page.select_one("[id$=location-helptext]").get_text(" ", strip=True)
    assert "La ricerca dell'indirizzo non è attiva" in help_text
    assert "Cerca l'indirizzo" not in page.get_text()
    assert page.select_one("#id_address[data-controller=geocoder-field]") is None


def test_event_location_offers_its_own_comune_select(client, redazione, home_page):
    from courses.factories import CourseIndexPageFactory, CoursePageFactory

    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=home_page))
    page = parse(client.get(f"/admin/pages/{course.pk}/edit/"))
    select = page.select_one("#id_location_comune")
    assert page.select_one("label[for=id_location_comune]").get_text() == (
        "Centra la mappa sul comune"
    )
    assert len(select.select("option[value!='']")) == 20


def test_a_configured_geocoder_turns_the_address_search_on(settings):
    settings.PORTAL_GEOCODER = ""
    assert not isinstance(address_panel(), GeoAddressPanel)
    settings.PORTAL_GEOCODER = "nominatim"
    panel = address_panel()
    assert isinstance(panel, GeoAddressPanel) and panel.geocoder == "nominatim"
    assert "scrivi l'indirizzo" in location_help_text(True)
    assert "non è attiva" not in location_help_text(True)
