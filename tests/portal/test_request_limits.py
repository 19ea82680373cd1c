"""Request-size cap (413), password reset rate limit (429) and the admin's uploads."""

import io
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from PIL import Image

from portal.models import PortalImage
from tests.html import parse


class UnreadableBody:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


@pytest.mark.parametrize("url", ["/storie/racconta/", "/club/aderisci/", "/en/", "/admin/"])
def test_an_oversize_body_is_refused_before_it_is_read(client, home_page, url):
    response = client.generic(
        "POST",
        url,
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(200 * 1024 * 1024),
        **{"wsgi.input": UnreadableBody()},
    )
    assert response.status_code == 413
    page = parse(response)
    assert page.select_one("h1").get_text() in ("Invio troppo grande", "Request too large")
    assert "MB" in page.select_one("[role=status]").get_text()


def test_the_caps_follow_the_settings(client, home_page, settings):
    settings.REQUEST_MAX_BYTES = 1000
    body = b"x" * 2000
    refused = client.post("/cerca/", body, content_type="text/plain")
    assert refused.status_code == 413
    assert "supera 1000 B" not in refused.content.decode()
    assert "supera 1 kB" in refused.content.decode()
    assert client.post("/cerca/", b"x" * 500, content_type="text/plain").status_code != 413


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user(
        "redazione", "redazione@example.org", "password", first_name="Redazione"
    )
    user.groups.add(Group.objects.get(name="Redazione"))
    return user


def test_editors_still_upload_normal_images(client, editor, settings):
    # A noisy photo of a few MB: above FILE_UPLOAD_MAX_MEMORY_SIZE, so it goes through a
    # temporary file, and below the admin's cap.
    buffer = io.BytesIO()
    Image.frombytes("RGB", (1200, 900), os.urandom(1200 * 900 * 3)).save(buffer, format="PNG")
    content = buffer.getvalue()
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE < len(content) < settings.ADMIN_REQUEST_MAX_BYTES
    client.force_login(editor)
    response = client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("foto.png", content, content_type="image/png")},
    )
    assert response.status_code == 200, response.content[:500]
    assert response.json()["success"], response.json()
    assert PortalImage.objects.get().width == 1200


def test_password_reset_is_rate_limited_per_address(client, editor, settings, mailoutbox):
    settings.ADMIN_PASSWORD_RESET_RATE = "2/h"
    for _ in range(2):
        response = client.post(
            "/admin/password_reset/", {"email": "redazione@example.org"}, REMOTE_ADDR="10.5.5.5"
        )
        assert response.status_code == 302
    assert len(mailoutbox) == 2
    # Over the limit: the 429 page, no e-mail, whichever address is asked for.
    response = client.post(
        "/admin/password_reset/", {"email": "altra@example.org"}, REMOTE_ADDR="10.5.5.5"
    )
    assert response.status_code == 429
    assert response["Retry-After"]
    assert parse(response).select_one("h1").get_text() == "Troppe richieste"
    assert len(mailoutbox) == 2
    # One mailbox cannot be flooded from many addresses either.
    response = client.post(
        "/admin/password_reset/", {"email": "redazione@example.org"}, REMOTE_ADDR="10.6.6.6"
    )
    assert response.status_code == 429
    assert len(mailoutbox) == 2
    fresh = client.post(
        "/admin/password_reset/", {"email": "x@example.org"}, REMOTE_ADDR="10.7.7.7"
    )
    assert fresh.status_code == 302
