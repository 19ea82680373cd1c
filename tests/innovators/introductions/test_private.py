"""What stays private: no contact address in any public output, before or after an
introduction; the area's section and export; the purge; the impact figures; query counts."""

import datetime
import json

from django.core import mail
from django.test import Client
from django.utils import timezone

import pytest

from home.impact.indicators import compute
from innovators.factories import InnovatorFactory
from innovators.introductions.models import Introduction, IntroductionState
from portal.privacy import purge_personal_data
from tests.innovators.introductions.conftest import (
    MARCO,
    NUVOLA,
    VERDE,
    ask,
    links_for,
    press,
    signed_in_client,
)

ADDRESSES = (VERDE, MARCO, NUVOLA)


def public_outputs(site, verde, nuvola) -> dict[str, str]:
    reader = Client()
    paths = [
        f"/club/{verde.slug}/",
        f"/club/{nuvola.slug}/",
        "/club/",
        "/mappa/",
        "/api/innovatori.geojson",
        "/api/innovatori.csv",
        "/api/v2/innovators/",
        f"/api/v2/innovators/{verde.pk}/",
        "/api/v2/pages/",
        "/api/impatto.json",
        "/api/impatto/introductions_by_month.csv",
        "/storie/feed/",
        "/programma/feed/",
        "/sitemap.xml",
        "/cerca/?q=Vivai",
        "/",
    ]
    found = {}
    for path in paths:
        response = reader.get(path)
        assert response.status_code == 200, path
        body = b"".join(response) if response.streaming else response.content
        found[path] = body.decode()
    return found


def assert_no_address(outputs):
    for path, body in outputs.items():
        for address in ADDRESSES:
            assert address not in body.casefold(), (path, address)


def test_no_contact_address_in_any_public_output(site, verde, nuvola, as_nuvola, client):
    before = public_outputs(site, verde, nuvola)
    assert "Chiedi di conoscere Vivai Verde" in before[f"/club/{verde.slug}/"]
    assert_no_address(before)
    ask(as_nuvola, verde)
    press(client, links_for(MARCO)["si"])
    assert Introduction.objects.get().state == IntroductionState.ACCEPTED
    assert len(mail.outbox) == 4  # two requests, two contacts
    assert_no_address(public_outputs(site, verde, nuvola))


def test_the_area_lists_the_introductions_and_exports_them(as_nuvola, verde, nuvola, client):
    ask(as_nuvola, verde, "Il nostro messaggio.")
    press(client, links_for(VERDE)["no"])
    page = as_nuvola.get("/area-innovatori/").content.decode()
    assert "Hai chiesto di conoscere Vivai Verde" in page and "Non accettata" in page
    export = json.loads(as_nuvola.get("/area-innovatori/dati.json").content)
    [record] = export["sections"]["introductions"]
    assert record["direction"] == "asked" and record["message"] == "Il nostro messaggio."
    as_verde = signed_in_client(VERDE)
    page = as_verde.get("/area-innovatori/").content.decode()
    assert "Nuvola Digitale ha chiesto di conoscervi" in page
    [record] = json.loads(as_verde.get("/area-innovatori/dati.json").content)["sections"][
        "introductions"
    ]
    assert record["direction"] == "received" and record["message"] == ""
    english = as_nuvola.get("/en/innovators-area/").content.decode()
    assert "Introductions" in english


def test_the_purge_anonymises_closed_requests_and_keeps_the_counts(as_nuvola, verde, client):
    ask(as_nuvola, verde, "Vecchio messaggio.")
    press(client, links_for(VERDE)["si"])
    introduction = Introduction.objects.get()
    old = timezone.now() - datetime.timedelta(days=400)
    Introduction.objects.filter(pk=introduction.pk).update(created_at=old)
    report = purge_personal_data(365)
    assert report.counts["presentazioni tra innovatori anonimizzate"] == 1
    introduction.refresh_from_db()
    assert introduction.message == "" and introduction.asked_by == ""
    assert introduction.answered_by == ""
    assert introduction.state == IntroductionState.ACCEPTED  # still counted
    assert purge_personal_data(365).counts["presentazioni tra innovatori anonimizzate"] == 0


def test_the_impact_figures_count_asked_and_accepted_by_month(as_nuvola, verde, site, client):
    ask(as_nuvola, verde)
    press(client, links_for(VERDE)["si"])
    other = InnovatorFactory(name="Terza Realtà", sector=site["sector"])
    ask(as_nuvola, other)
    values = compute("it")["values"]
    month = timezone.localtime().strftime("%Y-%m")
    assert [(row["key"], row["value"]) for row in values["introductions_by_month"]] == [(month, 2)]
    assert [(r["key"], r["value"]) for r in values["introductions_accepted_by_month"]] == [
        (month, 1)
    ]


def make_introductions(site, count):
    innovators = [InnovatorFactory(sector=site["sector"]) for _ in range(count + 1)]
    for n, receiver in enumerate(innovators[1:]):
        Introduction.objects.create(
            asker=innovators[0],
            receiver=receiver,
            asked_by="a@example.org",
            message="Ciao",
            state=IntroductionState.DECLINED if n % 2 else IntroductionState.ASKED,
            reported_at=timezone.now() if n % 2 else None,
        )
    return innovators[0]


@pytest.mark.parametrize("count", [2, 20])
def test_query_counts_are_flat(site, moderazione, count, django_assert_max_num_queries):
    asker = make_introductions(site, count)
    asker.contact_email = "info@asker.example.org"
    asker.save()
    as_asker = signed_in_client("info@asker.example.org")
    with django_assert_max_num_queries(40):
        assert as_asker.get("/area-innovatori/").status_code == 200
    staff = Client()
    staff.force_login(moderazione)
    with django_assert_max_num_queries(30):
        assert staff.get("/admin/presentazioni/").status_code == 200
