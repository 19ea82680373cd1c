"""Every login path is locked per account and per address (django-axes), whatever the spelling
of the username; the password reset is limited per mailbox however the address is typed; page
passwords are limited per address and per page; superusers see and clear lockouts
(issue 26, findings 1 and 2; docs/security.md)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

import pytest
from axes.models import AccessAttempt

from tests.html import parse

PASSWORD = "giusta-e-lunga"
LIMIT = 3


@pytest.fixture(autouse=True)
def low_limits(settings):
    settings.AXES_FAILURE_LIMIT = LIMIT
    settings.ADMIN_PASSWORD_RESET_RATE = "2/h"
    settings.PAGE_PASSWORD_RATE = "3/h"
    settings.PAGE_PASSWORD_PAGE_RATE = "5/h"


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.org", PASSWORD)


@pytest.fixture
def moderator(db):
    user = get_user_model().objects.create_user("moderazione", "moderazione@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Moderazione"))
    return user


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("redazione", "redazione@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Redazione"))
    return user


def log_in(client, url, username, password, address="10.0.0.1"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def in_admin(client) -> bool:
    return client.get("/admin/").status_code == 200


@pytest.mark.parametrize(
    ("url", "heading"),
    [("/_util/login/", "Troppe richieste"), ("/en/_util/login/", "Too many requests")],
)
def test_wagtails_front_end_login_is_locked(client, home_page, superuser, url, heading):
    for _ in range(LIMIT - 1):
        assert log_in(client, url, "admin", "sbagliata").status_code == 200
    locked = log_in(client, url, "admin", "sbagliata")
    assert locked.status_code == 429
    assert locked["Retry-After"]
    assert parse(locked).select_one("h1").get_text() == heading
    # The right password now gets the same answer, and no session.
    assert log_in(client, url, "admin", PASSWORD).status_code == 429
    assert not in_admin(client)


def test_the_admin_login_is_locked(client, home_page, superuser):
    for _ in range(LIMIT):
        response = log_in(client, "/admin/login/", "admin", "sbagliata")
    assert response.status_code == 429
    assert parse(response).select_one("h1").get_text() == "Troppe richieste"
    assert log_in(client, "/admin/login/", "admin", PASSWORD).status_code == 429
    assert not in_admin(client)


def test_a_padded_username_still_logs_in(client, home_page, moderator):
    """Normalising the username for the count changes nothing for a good login."""
    response = log_in(client, "/admin/login/", " moderazione\t", PASSWORD)
    assert response.status_code == 302
    assert in_admin(client)


def test_every_spelling_of_a_username_counts_against_one_account(client, home_page, moderator):
    # Each from its own address: only the account's count can stop them.
    spellings = [" moderazione", "moderazione ", "\tmoderazione", "MODERAZIONE", "Moderazione"]
    for number, username in enumerate(spellings[:LIMIT]):
        response = log_in(client, "/_util/login/", username, "sbagliata", f"10.1.0.{number}")
    assert response.status_code == 429
    for number, username in enumerate(["moderazione", *spellings]):
        response = log_in(client, "/admin/login/", username, PASSWORD, f"10.2.0.{number}")
        assert response.status_code == 429, repr(username)
        assert not in_admin(client)
    assert {attempt.username for attempt in AccessAttempt.objects.all()} == {"moderazione"}


def test_one_address_is_locked_whatever_account_it_tries(client, home_page, moderator):
    for number in range(LIMIT):
        response = log_in(client, "/admin/login/", f"nessuno{number}", "x", "10.3.0.1")
    assert response.status_code == 429
    assert log_in(client, "/admin/login/", "moderazione", PASSWORD, "10.3.0.1").status_code == 429
    assert not in_admin(client)
    # The account itself is not locked: from another address it logs in.
    assert log_in(client, "/admin/login/", "moderazione", PASSWORD, "10.3.0.2").status_code == 302


def test_behind_a_proxy_the_address_is_the_proxys_header(client, home_page, settings):
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_FORWARDED_FOR"
    for number in range(LIMIT):
        response = client.post(
            "/admin/login/",
            {"username": f"nessuno{number}", "password": "x"},
            REMOTE_ADDR="10.0.0.254",  # the proxy
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, 2001:db8::{number + 1}",
        )
    # One IPv6 /64 behind the proxy, whatever its last bits: one client.
    assert response.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"2001:db8::"}


def test_the_password_reset_is_limited_per_mailbox_however_it_is_typed(
    client, home_page, editor, mailoutbox
):
    spellings = [
        "redazione@example.org",
        "REDAZIONE@example.org",
        " redazione@example.org",
        "rEDAZIONE@EXAMPLE.ORG",
        "Redazione@Example.Org ",
    ]
    answers = [
        client.post(
            "/admin/password_reset/", {"email": email}, REMOTE_ADDR=f"10.4.0.{number}"
        ).status_code
        for number, email in enumerate(spellings)
    ]
    assert answers == [302, 302, 429, 429, 429]
    assert len(mailoutbox) == 2
    assert {message.to[0] for message in mailoutbox} == {"redazione@example.org"}


@pytest.fixture
def private_page(home_page):
    restriction = PageViewRestriction.objects.create(
        page=home_page, restriction_type=PageViewRestriction.PASSWORD, password="segreta"
    )
    return f"/_util/authenticate_with_password/{restriction.pk}/{home_page.pk}/"


def try_password(client, url, password, address="10.5.0.1"):
    return client.post(url, {"password": password, "return_url": "/"}, REMOTE_ADDR=address)


def test_page_passwords_are_limited_per_address(client, private_page):
    assert [try_password(client, private_page, "no").status_code for _ in range(4)] == [
        200,
        200,
        200,
        429,
    ]
    assert try_password(client, private_page, "segreta").status_code == 429
    # Another reader is not stopped by this one, and a right password is not counted.
    assert try_password(client, private_page, "segreta", "10.5.0.2").status_code == 302
    assert try_password(client, private_page, "segreta", "10.5.0.2").status_code == 302


def test_page_passwords_are_limited_per_page(client, private_page):
    answers = [
        try_password(client, private_page, "no", f"10.6.0.{number}").status_code
        for number in range(6)
    ]
    assert answers == [200, 200, 200, 200, 200, 429]
    assert try_password(client, private_page, "segreta", "10.6.1.1").status_code == 429


def test_the_english_page_password_is_limited_too(client, private_page):
    url = f"/en{private_page}"
    answers = [try_password(client, url, "no").status_code for _ in range(4)]
    assert answers[-1] == 429


def lock_out(client, username="moderazione", address="10.7.0.1"):
    for _ in range(LIMIT):
        log_in(client, "/admin/login/", username, "sbagliata", address)


def test_superusers_see_lockouts_and_unlock_them(client, home_page, superuser, moderator):
    lock_out(client)
    client.force_login(superuser)
    listing = client.get("/admin/accessi-bloccati/")
    assert listing.status_code == 200
    rows = parse(listing).select("tbody tr")
    assert len(rows) == 1
    assert "moderazione" in rows[0].get_text()
    attempt = AccessAttempt.objects.get()
    unlock = f"/admin/accessi-bloccati/delete/{attempt.pk}/"
    assert client.get(unlock).status_code == 200
    assert client.post(unlock).status_code == 302
    assert not AccessAttempt.objects.exists()
    client.logout()
    assert log_in(client, "/admin/login/", "moderazione", PASSWORD, "10.7.0.1").status_code == 302


def test_a_few_failures_are_not_listed_as_lockouts(client, home_page, superuser):
    log_in(client, "/admin/login/", "redazione", "sbagliata")
    client.force_login(superuser)
    assert not parse(client.get("/admin/accessi-bloccati/")).select("tbody tr")


@pytest.mark.parametrize("role", ["moderator", "editor"])
def test_only_superusers_see_lockouts(client, home_page, request, role):
    user = request.getfixturevalue(role)
    lock_out(client, "admin")
    client.force_login(user)
    assert client.get("/admin/accessi-bloccati/").status_code in (302, 403)
    attempt = AccessAttempt.objects.get()
    assert client.post(f"/admin/accessi-bloccati/delete/{attempt.pk}/").status_code in (302, 403)
    assert AccessAttempt.objects.exists()
    menu = client.get("/admin/").content.decode()
    assert "accessi-bloccati" not in menu
