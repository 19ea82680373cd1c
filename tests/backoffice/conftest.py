"""The back office as its roles use it: the demo's `redazione` and `moderazione` accounts,
created by the demo loader's own function, over the production tests' whole site."""

from io import StringIO

from django.contrib.auth import get_user_model

import pytest

from home.demo.stories import build_editorial_users
from tests.production.conftest import site  # noqa: F401 (a fixture)


@pytest.fixture
def demo_users(db):
    build_editorial_users(StringIO())
    users = get_user_model().objects
    return {
        "redazione": users.get(username="redazione"),
        "moderazione": users.get(username="moderazione"),
    }


@pytest.fixture
def redazione(demo_users):
    return demo_users["redazione"]


@pytest.fixture
def moderazione(demo_users):
    return demo_users["moderazione"]


@pytest.fixture
def as_redazione(client, redazione):
    client.force_login(redazione)
    return client


@pytest.fixture
def as_moderazione(client, moderazione):
    client.force_login(moderazione)
    return client
