"""The admin is ours: our name, Italian strings, no calls to outside hosts, our editors' guide."""

import json

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from home.factories import ContentPageFactory
from tests.html import parse


@pytest.fixture
def redazione(client, db):
    user = get_user_model().objects.create_user("redazione", "r@example.org", "x")
    user.groups.add(Group.objects.get(name="Redazione"))
    client.force_login(user)
    return user


def test_login_page_says_pistoia2030(client, db):
    page = parse(client.get("/admin/login/"))
    assert page.select_one("h1").get_text(strip=True) == "Accedi a Pistoia2030"
    assert "Wagtail" not in page.select_one("title").get_text()


def test_dashboard_title_and_no_release_check(client, redazione):
    response = client.get("/admin/")
    page = parse(response)
    title = " ".join(page.select_one("title").get_text().split())
    assert title.endswith("Pistoia2030") and "Wagtail" not in title
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
    assert "releases.wagtail.org" not in response.content.decode()
    assert "data-w-upgrade" not in response.content.decode()


def help_menu_items(response) -> list[str]:
    """The sidebar's menu is sent as JSON; collect the help submenu's item names and URLs."""
    props = parse(response).select_one("#wagtail-sidebar-props")
    data = json.loads(props.string)
    text = json.dumps(data)
    return text


def test_help_menu_links_our_guide_and_no_outside_host(client, redazione):
    menu = help_menu_items(client.get("/admin/"))
    assert "Guida per la redazione" in menu and "/admin/guida/" in menu
    assert "guide.wagtail.org" not in menu and "docs.wagtail.org" not in menu


def test_guide_is_in_italian_for_every_role(client, redazione):
    response = client.get("/admin/guida/")
    assert response.status_code == 200
    page = parse(response)
    headings = [h.get_text(strip=True) for h in page.select("main h2")]
    for heading in ("Scrivere una storia", "Moderare", "Tradurre in inglese"):
        assert heading in headings
    assert "Gestire corsi e sessioni" in headings


def test_guide_needs_an_admin_login(client, db):
    response = client.get("/admin/guida/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_page_listing_counts_and_frame_are_in_italian(client, redazione, home_page):
    for number in range(3):
        ContentPageFactory(parent=home_page, title=f"Pagina {number}")
    response = client.get(f"/admin/pages/{home_page.pk}/")
    text = " ".join(parse(response).get_text(" ").split())
    assert "1-3 di 3 pagine" in text
    assert " of 3 " not in text
    assert "Wagtail" not in text
