"""The impact page counts the club's board: offers and needs current now, and those
published each month (computed, like every other figure)."""

import datetime

from django.utils import timezone, translation

from home.factories import ImpactPageFactory
from home.impact.indicators import INDICATORS_BY_KEY, compute
from innovators.factories import OfferFactory
from innovators.models import OfferKind


def test_offers_and_needs_are_counted(db, home_page):
    now = timezone.now()
    last_month = now - datetime.timedelta(days=40)
    OfferFactory(first_published_at=now)
    OfferFactory(kind=OfferKind.NEED, first_published_at=now)
    OfferFactory(kind=OfferKind.NEED, first_published_at=last_month)
    OfferFactory(
        ends_on=timezone.localdate() - datetime.timedelta(days=1), first_published_at=last_month
    )
    OfferFactory(withdrawn_at=now, first_published_at=now)
    OfferFactory(live=False, first_published_at=None)  # waiting for the moderators
    values = compute("it")["values"]
    assert values["offers_current"] == 1
    assert values["needs_current"] == 2
    by_month = {row["key"]: row["value"] for row in values["offers_needs_by_month"]}
    assert by_month == {
        timezone.localtime(last_month).strftime("%Y-%m"): 2,
        timezone.localtime(now).strftime("%Y-%m"): 3,
    }


def test_the_impact_page_shows_them_in_both_languages(client, home_page):
    OfferFactory()
    page = ImpactPageFactory(parent=home_page)
    body = client.get(page.url).content.decode()
    assert "Offerte sulla bacheca del club" in body
    with translation.override("en"):
        assert str(INDICATORS_BY_KEY["offers_current"].label) == "Offers on the club’s board"
