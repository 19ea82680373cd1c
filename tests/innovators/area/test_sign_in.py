"""Signing in by e-mail link: the same answer for every address, one-time and expiring links,
rate limits, the honeypot, and who the area opens for."""

import datetime
import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from innovators.area.accounts import innovator_user
from innovators.area.models import InnovatorPerson
from tests.innovators.area.conftest import AREA, SIGN_IN, ask_link, link_in_outbox, sign_in

pytestmark = pytest.mark.django_db
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def without_csrf(response) -> str:
    return CSRF.sub("", response.content.decode())


def test_the_sign_in_page_has_one_labelled_email_field(client):
    response = client.get(SIGN_IN)
    assert response.status_code == 200
    body = response.content.decode()
    assert '<label for="id_email"' in body
    assert 'name="homepage"' in body
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_the_english_address(client):
    assert reverse("innovators_area:sign_in") == SIGN_IN
    response = client.get("/en/innovators-area/sign-in/")
    assert response.status_code == 200
    assert "Sign in to the innovators' area" in response.content.decode()


def test_a_link_asked_on_the_english_site_comes_in_english(client, verde):
    client.post("/en/innovators-area/sign-in/", {"email": "anna@vivai-verde.example.org"})
    [message] = mail.outbox
    assert "/en/innovators-area/sign-in/link/?sesame=" in message.body
    assert "Pistoia2030 · Building Capacity" in message.body
    assert "Costruire Capacità" not in message.body


def test_known_and_unknown_addresses_get_the_same_answer(client, verde):
    known = ask_link(client, "anna@vivai-verde.example.org")
    assert len(mail.outbox) == 1
    unknown = ask_link(client, "nobody@example.org")
    assert len(mail.outbox) == 1  # nothing sent to an unknown address
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    first, second = client.get(known["Location"]), client.get(unknown["Location"])
    assert first.status_code == second.status_code == 200
    assert without_csrf(first) == without_csrf(second)


def test_only_an_innovators_address_gets_a_link_and_the_link_is_absolute(client, verde):
    ask_link(client, "  ANNA@vivai-verde.example.org ")
    [message] = mail.outbox
    assert message.to == ["anna@vivai-verde.example.org"]
    assert link_in_outbox().startswith("http")
    assert "Vivai Verde" in message.body


def test_an_attached_person_gets_a_link(client, verde):
    InnovatorPerson.objects.create(innovator=verde, email="Marco@Example.org")
    ask_link(client, "marco@example.org")
    assert mail.outbox[0].to == ["marco@example.org"]


def test_opening_the_link_signs_nobody_in_only_the_button_does(client, verde):
    ask_link(client, "anna@vivai-verde.example.org")
    link = link_in_outbox()
    path = link.split("testserver", 1)[-1] if "testserver" in link else link[link.index("/area") :]
    page = client.get(path)
    assert page.status_code == 200
    assert "data-sign-in-button" in page.content.decode()
    assert page["Referrer-Policy"] == "same-origin"
    assert client.get(AREA).status_code == 302  # a GET (a mail scanner) signed nobody in
    token = path.split("sesame=")[1]
    response = client.post(reverse("innovators_area:sign_in_link"), {"sesame": token})
    assert response.status_code == 302
    assert client.get(AREA).status_code == 200


def test_the_link_works_once(client, verde):
    ask_link(client, "anna@vivai-verde.example.org")
    token = link_in_outbox().split("sesame=")[1]
    url = reverse("innovators_area:sign_in_link")
    assert client.post(url, {"sesame": token}).status_code == 302
    other = Client()
    second = other.post(url, {"sesame": token})
    assert second.status_code == 400
    assert "data-link-invalid" in second.content.decode()
    assert other.get(AREA).status_code == 302


def test_the_link_expires_after_30_minutes(client, verde, settings):
    ask_link(client, "anna@vivai-verde.example.org")
    token = link_in_outbox().split("sesame=")[1]
    assert settings.SESAME_MAX_AGE == 30 * 60
    # The token was made now; a maximum age of zero is the same token read 30 minutes later.
    settings.SESAME_MAX_AGE = -1
    response = client.post(reverse("innovators_area:sign_in_link"), {"sesame": token})
    assert response.status_code == 400
    assert client.get(AREA).status_code == 302


def test_a_token_for_an_editor_does_not_open_the_area(client, verde):
    from sesame.utils import get_token

    editor = get_user_model().objects.create_user("redattrice", "anna@vivai-verde.example.org")
    editor.is_staff = True
    editor.save()
    token = get_token(editor, "innovators-area")
    response = client.post(reverse("innovators_area:sign_in_link"), {"sesame": token})
    assert response.status_code == 400


def test_an_editors_session_is_not_an_innovators(client, verde):
    editor = get_user_model().objects.create_superuser("capo", "anna@vivai-verde.example.org", "x")
    client.force_login(editor)
    response = client.get(AREA)
    assert response.status_code == 302 and response.url == SIGN_IN


def test_an_innovator_never_reaches_the_admin(signed_in):
    response = signed_in.get("/admin/")
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/admin/login/" in response.url
    user = get_user_model().objects.get(email="anna@vivai-verde.example.org")
    assert not user.is_staff and not user.has_usable_password()
    assert not user.has_perm("wagtailadmin.access_admin")
    assert [group.name for group in user.groups.all()] == ["Innovatori"]


def test_sign_out(signed_in):
    response = signed_in.post(reverse("innovators_area:sign_out"))
    assert response.status_code == 302
    assert signed_in.get(AREA).status_code == 302


def test_sign_out_everywhere_ends_the_other_sessions(client, verde):
    sign_in(client, "anna@vivai-verde.example.org")
    other = Client()
    sign_in(other, "anna@vivai-verde.example.org")
    assert client.get(AREA).status_code == other.get(AREA).status_code == 200
    assert other.post(reverse("innovators_area:sign_out_everywhere")).status_code == 302
    assert client.get(AREA).status_code == 302  # the old session is logged out
    assert other.get(AREA).status_code == 302


def test_too_many_requests_from_one_address(client, verde, settings):
    settings.INNOVATORS_SIGNIN_RATE = "2/h"
    for _ in range(2):
        assert ask_link(client, "x@example.org").status_code == 302
    response = ask_link(client, "anna@vivai-verde.example.org")
    assert response.status_code == 429
    assert mail.outbox == []


def test_a_mailbox_gets_at_most_its_share_of_links(verde, settings):
    settings.INNOVATORS_SIGNIN_MAILBOX_RATE = "2/h"
    answers = set()
    for number in range(4):  # from four different client addresses
        client = Client(REMOTE_ADDR=f"10.0.0.{number + 1}")
        response = ask_link(client, f" Anna@vivai-verde.example.org{' ' * number}")
        answers.add((response.status_code, response["Location"]))
    assert len(mail.outbox) == 2
    assert len(answers) == 1  # the same answer whether a link was sent or not


def test_the_honeypot_sends_nothing(client, verde):
    response = client.post(SIGN_IN, {"email": "anna@vivai-verde.example.org", "homepage": "x"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_a_bad_address_is_shown_again_with_its_message(client):
    response = client.post(SIGN_IN, {"email": "not an address"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'aria-invalid="true"' in body
    assert "Inserisci un indirizzo e-mail valido" in body


def test_an_old_session_user_has_no_account_until_asked(verde):
    assert innovator_user("anna@vivai-verde.example.org") is None


def test_sign_in_pages_are_never_cached(client, verde, settings):
    settings.PAGE_CACHE_ENABLED = True
    for _ in range(2):
        response = client.get(SIGN_IN)
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"]


def test_last_login_is_the_one_time_key(client, verde):
    sign_in(client, "anna@vivai-verde.example.org")
    user = get_user_model().objects.get(email="anna@vivai-verde.example.org")
    assert user.last_login is not None
    assert timezone.now() - user.last_login < datetime.timedelta(minutes=1)
