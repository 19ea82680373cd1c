"""Matches: the offers that answer an innovator's needs and the needs its offers answer, same
category and tags first, then sector and distance; shown in the area and, for who asks, sent
once a month."""

import datetime
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from innovators.factories import InnovatorFactory, OfferFactory
from innovators.models import MatchAlert, OfferCategory, OfferKind
from innovators.synergies.matching import matches
from tests.innovators.area.conftest import sign_in

MATCHES = "/area-innovatori/sinergie/"


@pytest.fixture
def board(club_page, innovators, sectors, comuni, verde):
    spaces = OfferCategory.objects.get(slug="spazi-attrezzature")
    skills = OfferCategory.objects.get(slug="competenze")
    need = OfferFactory(
        innovator=verde,
        kind=OfferKind.NEED,
        title="Cerchiamo una serra",
        category=spaces,
        tags=["serre"],
    )
    far_same_sector = InnovatorFactory(
        name="Serre di Abetone",
        sector=sectors["vivaismo"],
        municipality=comuni["abetone-cutigliano"],
    )
    near_other_sector = InnovatorFactory(
        name="Officina Pistoia", sector=sectors["digitale"], municipality=comuni["pistoia"]
    )
    return {
        "need": need,
        "exact": OfferFactory(
            innovator=innovators["nuvola"],
            title="Serra con sensori",
            category=spaces,
            tags=["serre"],
        ),
        "same_category_far": OfferFactory(
            innovator=far_same_sector, title="Serra in montagna", category=spaces
        ),
        "same_category_near": OfferFactory(
            innovator=near_other_sector, title="Capannone in città", category=spaces
        ),
        "tag_only": OfferFactory(
            innovator=innovators["bottega"],
            title="Corso sulle serre",
            category=skills,
            tags=["serre"],
        ),
        "unrelated": OfferFactory(
            innovator=innovators["bottega"], title="Consulenza fiscale", category=skills
        ),
        "another_need": OfferFactory(
            innovator=innovators["nuvola"],
            kind=OfferKind.NEED,
            title="Anche noi cerchiamo spazi",
            category=spaces,
        ),
        "own_offer": OfferFactory(innovator=verde, title="La nostra offerta", category=spaces),
    }


def test_matches_are_ranked(board, verde):
    found = matches(verde, "it")
    titles = [match.offer.title for match in found]
    # category and tags, then category alone: same sector before the nearest; tags alone last.
    assert titles[:3] == ["Serra con sensori", "Serra in montagna", "Capannone in città"]
    assert titles[-1] == "Corso sulle serre"
    assert "Consulenza fiscale" not in titles
    # Our own offer finds the other innovator's need it answers.
    [answer] = [match for match in found if match.offer.title == "Anche noi cerchiamo spazi"]
    assert answer.answers.title == "La nostra offerta"
    assert found[0].answers == board["need"]
    assert found[0].profile_url == "/club/nuvola-digitale/"


def test_lapsed_and_withdrawn_do_not_match(board, verde):
    board["exact"].ends_on = timezone.localdate() - datetime.timedelta(days=1)
    board["exact"].save()
    board["same_category_far"].withdrawn_at = timezone.now()
    board["same_category_far"].save()
    titles = [match.offer.title for match in matches(verde, "it")]
    assert "Serra con sensori" not in titles and "Serra in montagna" not in titles


def test_no_own_offers_no_matches(club_page, nuvola, innovators):
    OfferFactory(innovator=innovators["verde"])
    assert matches(innovators["bottega"], "it") == []


def test_the_area_shows_them_and_the_monthly_email_is_opt_in(client, board, verde):
    sign_in(client, verde.contact_email)
    page = client.get(MATCHES).content.decode()
    assert "Serra con sensori" in page and "Cerchiamo una serra" in page
    assert 'id="area-matches"' in client.get("/area-innovatori/").content.decode()

    mail.outbox.clear()
    call_command("send_synergy_matches", stdout=StringIO())
    assert mail.outbox == []  # nobody asked

    assert client.post(MATCHES, {"alert": "1"}).status_code == 302
    assert MatchAlert.objects.filter(innovator=verde).count() == 1
    call_command("send_synergy_matches", stdout=StringIO())
    [message] = mail.outbox
    assert message.to == [verde.contact_email.casefold()]
    assert "Serra con sensori" in message.body and "/club/nuvola-digitale/" in message.body
    call_command("send_synergy_matches", stdout=StringIO())
    assert len(mail.outbox) == 1  # once a month

    client.post(MATCHES, {"alert": "0"})
    assert not MatchAlert.objects.exists()


def test_the_area_and_the_matches_take_as_many_queries_at_any_size(client, board, verde):
    """The area's list of offers and needs reads their reviews in one query, and the matches
    load what they show with them: no query per offer."""
    sign_in(client, verde.contact_email)
    spaces = OfferCategory.objects.get(slug="spazi-attrezzature")

    def add(count):
        for _ in range(count):
            OfferFactory(innovator=verde, kind=OfferKind.NEED, category=spaces, tags=["serre"])
            OfferFactory(innovator=InnovatorFactory(), category=spaces, tags=["serre"])

    def queries(url):
        client.get(url)
        client.get(url)  # the first requests fill the site's caches
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context)

    small = {url: queries(url) for url in ("/area-innovatori/", MATCHES)}
    add(10)
    large = {url: queries(url) for url in ("/area-innovatori/", MATCHES)}
    assert large == small
