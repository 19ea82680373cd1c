"""Hostile input to the subscription form: nothing saved, nothing sent, never a 500."""

from django.core import mail

import pytest

from newsletter.models import Subscriber
from tests.html import parse

pytestmark = pytest.mark.django_db

URL = "/newsletter/"


def post(client, address="10.2.2.2", **overrides):
    data = {
        "email": "giulia@example.org",
        "topics": ["stories"],
        "language": "it",
        "consent": "on",
        "homepage": "",
        **overrides,
    }
    data = {key: value for key, value in data.items() if value is not None}
    return client.post(URL, data, REMOTE_ADDR=address)


@pytest.fixture
def page(newsletter_page, django_capture_on_commit_callbacks):
    return newsletter_page


def errors(response) -> list[str]:
    return [
        item.get_text(" ", strip=True) for item in parse(response).select("#errori li, #errori p")
    ]


def test_honeypot_gets_the_same_answer_and_nothing_happens(client, page):
    response = post(client, homepage="http://spam.example")
    assert response.status_code == 302 and response["Location"] == "/newsletter/grazie/"
    assert not Subscriber.objects.exists() and mail.outbox == []


def test_rate_limit_per_address(client, page, settings):
    settings.NEWSLETTER_SUBSCRIBE_RATE = "3/h"
    for number in range(3):
        assert post(client, email=f"p{number}@example.org").status_code == 302
    limited = post(client, email="p9@example.org")
    assert limited.status_code == 429
    assert "troppe richieste" in limited.content.decode()
    assert post(client, address="10.3.3.3", email="altro@example.org").status_code == 302
    assert Subscriber.objects.count() == 4


@pytest.mark.parametrize(
    "overrides",
    [
        {"email": "non-un-indirizzo"},
        {"email": "giulia@example.org\nBcc: tutti@example.org"},
        {"email": "giulia@example.org\r\nSubject: spam"},
        {"email": "a" * 300 + "@example.org"},
        {"email": ""},
        {"consent": None},
        {"topics": ["stories", "<script>alert(1)</script>"]},
        {"topics": None},
        {"language": "xx"},
        {"email": "<script>alert(1)</script>@example.org"},
    ],
)
def test_bad_input_is_refused_with_a_message(client, page, overrides):
    response = post(client, **overrides)
    assert response.status_code == 200
    assert errors(response)
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert not Subscriber.objects.exists() and mail.outbox == []


def test_huge_input_never_fails(client, page):
    response = post(client, email="x" * 100_000, topics=["y" * 10_000] * 50, language="z" * 5000)
    assert response.status_code in (200, 413)
    assert not Subscriber.objects.exists()


def test_tampered_links_open_nothing(client, page):
    for path in (
        "/newsletter/conferma/abc/",
        "/newsletter/conferma/" + "0" * 32 + "-firma/",
        "/newsletter/preferenze/" + "0" * 32 + "-firma/",
        "/newsletter/disiscrizione/" + "0" * 32 + "-firma/",
    ):
        assert client.get(path).status_code == 404, path
        assert client.post(path).status_code in (403, 404), path


def test_a_token_for_one_purpose_opens_no_other(client, page):
    from newsletter.factories import SubscriberFactory
    from newsletter.tokens import make_token

    subscriber = SubscriberFactory()
    preferences = make_token(subscriber, "preferences")
    assert client.post(f"/newsletter/disiscrizione/{preferences}/").status_code == 404
    subscriber.refresh_from_db()
    assert subscriber.is_confirmed
