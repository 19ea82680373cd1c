"""Introductions: two innovators with their people, signed in by their e-mail link, and the
links of the request e-mail read from Django's outbox."""

import re
from io import StringIO

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client, TestCase
from django.urls import reverse

import pytest

from home.demo.stories import build_editorial_users
from innovators.area.models import InnovatorPerson
from innovators.factories import InnovatorFactory
from tests.innovators.area.conftest import sign_in
from tests.production.conftest import site  # noqa: F401 (a fixture)

ANSWER_LINK = re.compile(
    r"https?://[^/\s]+(/area-innovatori/presentazioni/risposta/\?t=[\w:.\-]+&scelta=(si|no))"
)
VERDE = "info@vivai-verde.example.org"
MARCO = "marco@vivai-verde.example.org"
NUVOLA = "info@nuvola.example.org"
CIRCOLO = "info@circolo.example.org"


@pytest.fixture
def verde(site):  # noqa: F811
    """The receiver: its contact e-mail and a person moderators attached, with a name."""
    innovator = site["innovator"]
    innovator.contact_email = VERDE
    innovator.save()
    InnovatorPerson.objects.create(innovator=innovator, email=MARCO, name="Marco Bianchi")
    return innovator


@pytest.fixture
def nuvola(site):  # noqa: F811
    return InnovatorFactory(
        name="Nuvola Digitale", slug="nuvola", sector=site["sector"], contact_email=NUVOLA
    )


@pytest.fixture
def circolo(site):  # noqa: F811
    return InnovatorFactory(
        name="Circolo Arti", slug="circolo", sector=site["sector"], contact_email=CIRCOLO
    )


def signed_in_client(email) -> Client:
    client = Client()
    sign_in(client, email)
    return client


@pytest.fixture
def as_nuvola(nuvola):
    return signed_in_client(NUVOLA)


def ask_url(innovator) -> str:
    return reverse("introductions:ask", args=[innovator.pk])


def committed():
    """The e-mails leave after the commit: run what the block queued for it, at its end."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def ask(client, receiver, message="Facciamo sensori per vivai: possiamo collaborare?", **extra):
    with committed():
        return client.post(ask_url(receiver), {"message": message, "homepage": ""}, **extra)


def links_for(email) -> dict:
    """The «Accetto» and «No, grazie» paths in the request e-mail sent to `email`."""
    [message] = [m for m in mail.outbox if m.to == [email]]
    return {choice: path for path, choice in ANSWER_LINK.findall(message.body)}


def token_of(path) -> str:
    return path.split("t=")[1].split("&")[0]


def press(client, path, choice=None):
    """The button of the page `path` leads to (a POST of its token and choice)."""
    answer = reverse("introductions:answer")
    with committed():
        return client.post(
            answer, {"t": token_of(path), "scelta": choice or path.rsplit("=", 1)[1]}
        )


def bodies_to(email) -> str:
    return "\n".join(m.body for m in mail.outbox if email in m.to)


@pytest.fixture
def editorial_users(db):
    build_editorial_users(StringIO())
    return get_user_model().objects


@pytest.fixture
def moderazione(editorial_users):
    return editorial_users.get(username="moderazione")


@pytest.fixture
def redazione(editorial_users):
    return editorial_users.get(username="redazione")
