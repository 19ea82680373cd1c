"""Fixtures for the innovators' area: innovators with contact e-mails, signing in by link."""

import re

from django.core import mail
from django.urls import reverse

import pytest

from innovators.area.accounts import innovator_user

SIGN_IN = "/area-innovatori/accedi/"
AREA = "/area-innovatori/"
LINK = re.compile(r"https?://\S+/area-innovatori/accedi/link/\?sesame=[\w\-]+")


@pytest.fixture
def verde(innovators):
    innovator = innovators["verde"]
    innovator.contact_email = "Anna@Vivai-Verde.example.org"
    innovator.save()
    return innovator


@pytest.fixture
def nuvola(innovators):
    innovator = innovators["nuvola"]
    innovator.contact_email = "info@nuvola.example.org"
    innovator.save()
    return innovator


def link_in_outbox() -> str:
    [message] = mail.outbox
    return LINK.search(message.body).group(0)


def ask_link(client, email, **extra):
    return client.post(SIGN_IN, {"email": email}, **extra)


def sign_in(client, email) -> None:
    """Sign in through the real flow: ask, read the e-mail, press the button."""
    mail.outbox.clear()
    ask_link(client, email)
    link = link_in_outbox()
    token = link.split("sesame=")[1]
    response = client.post(reverse("innovators_area:sign_in_link"), {"sesame": token})
    assert response.status_code == 302 and response.url == AREA
    mail.outbox.clear()


@pytest.fixture
def signed_in(client, verde):
    sign_in(client, "anna@vivai-verde.example.org")
    return client


@pytest.fixture
def anna(verde):
    return innovator_user("anna@vivai-verde.example.org", create=True)
