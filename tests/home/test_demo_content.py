from io import StringIO

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Page, Site

import pytest

from home.models import HomePage
from portal.models import SiteSettings
from stories.models import PhaseUpdatePage, ProgrammePhase
from tests.html import parse, texts


def load(*args) -> str:
    out = StringIO()
    call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_demo_content_builds_the_site():
    output = load()
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert [g.title for g in home.goals.all()] == [
        "Dare visibilità",
        "Stimolare la partecipazione",
        "Accrescere le competenze",
        "Creare sinergie",
    ]
    assert list(
        ProgrammePhase.objects.filter(locale__language_code="it").values_list("name", flat=True)
    ) == [
        "Esplorazione",
        "Progettazione",
        "Azione",
        "Valutazione",
    ]
    assert home.get_children().filter(slug="il-nostro-approccio").exists()
    assert PhaseUpdatePage.objects.live().count() >= 6
    assert SiteSettings.for_site(site).accessibility_page is not None
    assert get_user_model().objects.get(username="admin").is_superuser
    assert "admin / " in output
    desk = get_user_model().objects.get(username="accoglienza")
    assert list(desk.groups.values_list("name", flat=True)) == ["Accoglienza"]
    assert desk.check_password(settings.DEMO_ADMIN_PASSWORD) and not desk.is_superuser
    assert desk.has_perm("courses.checkin_registration")


def row_counts() -> dict[str, int]:
    """Rows of every model: whatever the loader writes (pages, snippets, tags, images, users,
    groups, translations, settings, menus) is counted."""
    return {model._meta.label: model._base_manager.count() for model in apps.get_models()}


@pytest.mark.django_db
def test_demo_content_is_idempotent(client):
    load()
    before = row_counts()
    output = load()
    after = row_counts()
    written = {label for label, count in before.items() if count}
    assert {"wagtailcore.Page", "stories.ProgrammePhase", "innovators.Innovator"} <= written
    assert {label: after[label] for label in before if after[label] != before[label]} == {}
    assert "password invariata" in output
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_scale_option_adds_phase_updates_once():
    load("--no-admin")
    real = PhaseUpdatePage.objects.count()
    load("--phase-updates", "7", "--no-admin")
    assert PhaseUpdatePage.objects.count() == real + 7
    load("--phase-updates", "7", "--no-admin")
    assert PhaseUpdatePage.objects.count() == real + 7
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_every_demo_page_renders(client):
    load("--no-admin")
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url


@pytest.mark.django_db
def test_main_navigation_follows_the_design_order(client):
    load("--no-admin")
    navigation = parse(client.get("/")).select_one('nav[aria-label="Navigazione principale"]')
    assert texts(navigation.find_all("a"))[:6] == [
        "Mappa degli innovatori",
        "Club degli innovatori",
        "Storie",
        "Percorsi di formazione",
        "Sessioni di co-creazione",
        "Il programma",
    ]


@pytest.mark.django_db
def test_english_navigation_follows_the_italian_order(client):
    load("--no-admin")
    navigation = parse(client.get("/en/")).select_one("nav.main-nav")
    assert texts(navigation.find_all("a"))[:3] == [
        "Map of innovators",
        "Innovators' Club",
        "Stories",
    ]
