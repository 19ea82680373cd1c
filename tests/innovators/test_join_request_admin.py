"""A join request as the moderator reads it, and the innovators list's draft/live status."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from innovators.models import Innovator, JoinRequest
from tests.html import parse, texts

from .test_join import URL

LIST = "/admin/snippets/innovators/innovator/"


@pytest.fixture
def moderazione(client, db):
    user = get_user_model().objects.create_user("moderazione", "m@example.org", "x")
    user.groups.add(Group.objects.get(name="Moderazione"))
    client.force_login(user)
    return user


def test_join_request_keeps_what_was_sent(client, club_page, data):
    client.post(URL, data)
    innovator = Innovator.objects.get(name="Officina Nuova")
    answers = innovator.join_request.answers
    assert answers["sector"] == "Digitale"
    assert answers["municipality"] == "Agliana"
    assert answers["tags"] == "stampa 3D, artigianato"
    assert answers["privacy"] is True and answers["join_club"] is True


def test_draft_innovator_editor_shows_the_request(client, club_page, data, moderazione):
    client.post(URL, data)
    innovator = Innovator.objects.get(name="Officina Nuova")
    Innovator.objects.filter(pk=innovator.pk).update(short_description="Cambiata dalla redazione.")
    client.force_login(moderazione)
    page = parse(client.get(f"{LIST}edit/{innovator.pk}/"))
    panel = page.select_one("[data-join-request]")
    facts = dict(zip(texts(panel.select("dt")), texts(panel.select("dd")), strict=True))
    assert facts["Descrizione breve"] == "Stampa 3D per artigiani."
    assert facts["Comune"] == "Agliana"
    assert facts["Consenso privacy"] == "Sì"
    assert facts["Vuole aderire al Club"] == "Sì"
    assert "True" not in panel.get_text()


def test_editors_read_the_request_without_the_contact_email(client, club_page, data):
    client.post(URL, data)
    innovator = Innovator.objects.get(name="Officina Nuova")
    redazione = get_user_model().objects.create_user("redazione", "r@example.org", "x")
    redazione.groups.add(Group.objects.get(name="Redazione"))
    client.force_login(redazione)
    response = client.get(f"{LIST}edit/{innovator.pk}/")
    panel = parse(response).select_one("[data-join-request]")
    assert "Stampa 3D per artigiani." in panel.get_text()
    assert data["contact_email"] not in response.content.decode()


def test_innovator_added_in_the_admin_has_no_request_panel(client, innovators, moderazione):
    page = parse(client.get(f"{LIST}edit/{innovators['verde'].pk}/"))
    assert page.select_one("[data-join-request]") is None


def test_list_shows_status_and_filters_by_it(client, innovators, moderazione):
    request_draft = Innovator.objects.get(name="Bozza Segreta")
    JoinRequest.objects.create(innovator=request_draft, answers={"name": request_draft.name})
    page = parse(client.get(LIST))
    rows = {
        row.select_one("td.title a").get_text(strip=True): row.get_text(" ", strip=True)
        for row in page.select("tbody tr")
    }
    assert "bozza" in rows["Bozza Segreta"].lower()
    assert "True" not in rows["Vivai Verde"] and "Sì" in rows["Vivai Verde"]
    assert "pubblicato" in rows["Vivai Verde"].lower()

    def names(**query):
        rows = parse(client.get(LIST, query)).select("tbody tr")
        return {row.select_one("td.title a").get_text(strip=True) for row in rows}

    assert "Bozza Segreta" in names(status="draft")
    assert "Vivai Verde" not in names(status="draft")
    assert names(status="request") == {"Bozza Segreta"}
    assert "Vivai Verde" in names(status="live")
    assert "Bozza Segreta" not in names(status="live")
