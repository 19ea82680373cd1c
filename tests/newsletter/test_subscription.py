"""The reader's side, end to end: subscribe, confirm, receive the digest, unsubscribe."""

from django.core import mail
from django.core.management import call_command

import pytest
from bs4 import BeautifulSoup

from newsletter.models import Subscriber, SubscriberStatus
from tests.newsletter.conftest import link

pytestmark = pytest.mark.django_db


def subscribe(client, **overrides):
    data = {
        "email": "giulia@example.org",
        "topics": ["stories", "programme"],
        "language": "it",
        "consent": "on",
        "homepage": "",
        **overrides,
    }
    return client.post("/newsletter/", data, REMOTE_ADDR="10.1.1.1")


def test_subscribe_confirm_digest_unsubscribe(client, content, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client, language="en")
    assert response.status_code == 302
    assert response["Location"] == "/newsletter/grazie/"
    subscriber = Subscriber.objects.get()
    assert subscriber.status == SubscriberStatus.PENDING
    # Nothing goes out before the confirmation but the confirmation itself.
    assert len(mail.outbox) == 1
    confirmation = mail.outbox[0]
    assert confirmation.to == ["giulia@example.org"]
    assert "confirm" in confirmation.subject.lower()  # in the chosen language
    call_command("send_newsletter", "--no-progress")
    assert len(mail.outbox) == 1

    confirm_path = link(confirmation, "/conferma/")
    assert client.get(confirm_path).status_code == 200  # a mail scanner's GET changes nothing
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING
    assert client.post(confirm_path).status_code == 200
    assert Subscriber.objects.get().status == SubscriberStatus.CONFIRMED

    mail.outbox = []
    call_command("send_newsletter", "--no-progress")
    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    html = digest.alternatives[0][0]
    # English, the topics chosen, nothing else.
    assert "The nursery that saves water" in digest.body
    assert "The action phase begins" in digest.body
    assert "This week in the programme." in html
    assert "Il vivaio che risparmia acqua" not in digest.body
    assert content["course"].title not in digest.body
    assert content["session"].title not in digest.body
    assert BeautifulSoup(html, "html.parser").html["lang"] == "en"
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url = digest.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe_url.startswith("http://localhost/en/newsletter/disiscrizione/")
    assert unsubscribe_url in digest.body  # the visible link too

    # The mail client's one-click POST: no CSRF token, no login.
    csrf_client = client_class_with_csrf_checks()
    path = unsubscribe_url.removeprefix("http://localhost")
    response = csrf_client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert Subscriber.objects.get().status == SubscriberStatus.UNSUBSCRIBED

    mail.outbox = []
    from stories.factories import StoryPageFactory

    StoryPageFactory(parent=content["story"].get_parent(), title="Un'altra storia")
    call_command("send_newsletter", "--no-progress")
    assert mail.outbox == []


def client_class_with_csrf_checks():
    from django.test import Client

    return Client(enforce_csrf_checks=True)


def test_the_answer_is_the_same_for_a_known_address(
    client, newsletter_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        new = subscribe(client)
    Subscriber.objects.update(status=SubscriberStatus.CONFIRMED, last_notice_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        known = subscribe(client, topics=["courses"])
    assert (new.status_code, new["Location"]) == (known.status_code, known["Location"])
    # The confirmed address gets an e-mail, not a page that reveals it; its choices stand.
    assert len(mail.outbox) == 2
    assert "/preferenze/" in mail.outbox[1].body
    assert Subscriber.objects.get().topics == ["stories", "programme"]


def test_one_notice_every_few_minutes_per_address(
    client, newsletter_page, django_capture_on_commit_callbacks
):
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            subscribe(client)
    assert len(mail.outbox) == 1


def test_the_confirmation_link_works_once(
    client, newsletter_page, django_capture_on_commit_callbacks
):
    """An old confirmation e-mail gives no control of the subscription: once used, the link
    says so, without the preferences or the unsubscribe link (each newsletter carries them)."""
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client)
    confirm_path = link(mail.outbox[0], "/conferma/")
    confirmed = BeautifulSoup(client.post(confirm_path).content, "html.parser")
    assert confirmed.select_one('a[href*="/preferenze/"]')  # the one time it is used
    assert Subscriber.objects.get().status == SubscriberStatus.CONFIRMED
    for again in (client.get(confirm_path), client.post(confirm_path)):
        assert again.status_code == 200
        page = BeautifulSoup(again.content, "html.parser")
        assert "Iscrizione già confermata" in page.select_one(".newsletter h2").get_text()
        assert page.select("form[method=post]") == []
        assert page.select('a[href*="/preferenze/"], a[href*="/disiscrizione/"]') == []
        assert "giulia@example.org" not in again.content.decode()
    assert Subscriber.objects.get().status == SubscriberStatus.CONFIRMED
