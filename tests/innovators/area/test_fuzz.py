"""The innovators' area against generated bad input (hypothesis, as tests/production/test_fuzz.py
does for the anonymous forms): the sign-in form, and, signed in, the profile and the offers.

Never a response ≥ 500; an invalid post saves nothing (no revision, no offer, no e-mail); what a
form shows back is escaped."""

from django.core import mail
from django.core.cache import cache

from wagtail.models import Revision

import pytest
from hypothesis import given

from innovators.models import Offer
from tests.innovators.area.conftest import SIGN_IN, sign_in
from tests.innovators.area.test_offers import NEW, offer_data
from tests.innovators.area.test_profile import PROFILE, form_data
from tests.production.test_fuzz import FUZZ, SCRIPT, changes


def check(client, url, data):
    cache.clear()  # the rate limits: every example is a first try
    before = (Revision.objects.count(), Offer.objects.count(), len(mail.outbox))
    response = client.post(url, data, REMOTE_ADDR="10.8.8.8")
    assert response.status_code < 500, (url, data)
    if response.status_code != 302:
        assert (Revision.objects.count(), Offer.objects.count(), len(mail.outbox)) == before
        body = response.content.decode()
        assert SCRIPT not in body and "<img src=x onerror" not in body
    return response


def broken(valid: dict, change) -> dict:
    fields, dropped, extra = change
    return {**{k: v for k, v in valid.items() if k not in dropped}, **fields, **extra}


@pytest.fixture
def person(client, club_page, verde, django_capture_on_commit_callbacks):
    sign_in(client, verde.contact_email)
    return client


@FUZZ
@given(change=changes(["email", "homepage"]))
def test_the_sign_in_form_never_fails(client, verde, change):
    mail.outbox.clear()
    cache.clear()
    response = client.post(SIGN_IN, broken({"email": "x@example.org"}, change))
    assert response.status_code < 500
    assert SCRIPT not in response.content.decode()


@FUZZ
@given(
    change=changes(
        [
            "short_description",
            "description",
            "sector",
            "tags",
            "website",
            "linkedin",
            "municipality",
            "address",
            "latitude",
            "longitude",
            "contact_email",
        ]
    )
)
def test_the_profile_form_never_fails(person, verde, change):
    check(person, PROFILE, broken(form_data(verde), change))


@FUZZ
@given(change=changes(["kind", "category", "title", "text", "tags", "municipality"]))
def test_the_offer_form_never_fails(person, change):
    check(person, NEW, broken(offer_data(), change))
