"""The join form against a hostile sender: logos re-encoded, bombs refused, one-line names."""

import io

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from PIL import ExifTags, Image, PngImagePlugin

from innovators.models import Innovator
from portal.models import PortalImage
from tests.html import parse
from tests.images import image_bytes, one_bit_png

from .test_join import URL


def upload(content: bytes, name: str, content_type: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Fotocamera Spia"
    exif[ExifTags.Base.Model] = "Modello X"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (43.0, 56.0, 1.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (10.0, 55.0, 2.0),
    }
    return image_bytes(size=(300, 200), exif=exif)


def png_with_text() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "posizione segreta 43.93N 10.91E")
    info.add_itxt("Author", "Mario Rossi, via Roma 1")
    return image_bytes("PNG", (300, 200), (11, 94, 85, 128), mode="RGBA", pnginfo=info)


def stored_logo() -> bytes:
    innovator = Innovator.objects.get()
    with innovator.logo.file.open("rb") as handle:
        return handle.read()


def test_jpeg_exif_and_gps_do_not_survive(client, club_page, data):
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    response = client.post(URL, {**data, "logo": upload(original, "logo.jpg", "image/jpeg")})
    assert response.status_code == 302
    stored = stored_logo()
    picture = Image.open(io.BytesIO(stored))
    assert picture.format == "JPEG" and picture.size == (300, 200)
    assert not picture.getexif()
    assert b"Exif" not in stored and b"Fotocamera Spia" not in stored


def test_png_text_chunks_do_not_survive(client, club_page, data):
    response = client.post(URL, {**data, "logo": upload(png_with_text(), "logo.png", "image/png")})
    assert response.status_code == 302
    stored = stored_logo()
    picture = Image.open(io.BytesIO(stored))
    assert picture.format == "PNG" and picture.mode == "RGBA"  # transparency kept
    assert picture.text == {}
    for marker in (b"tEXt", b"iTXt", b"zTXt", b"segreta", b"Mario Rossi"):
        assert marker not in stored


def test_bytes_appended_after_the_image_do_not_survive(client, club_page, data):
    polyglot = jpeg_with_gps() + b"<html><script>alert(document.cookie)</script></html>"
    response = client.post(URL, {**data, "logo": upload(polyglot, "logo.jpg", "image/jpeg")})
    assert response.status_code == 302
    stored = stored_logo()
    assert b"<script" not in stored and b"<html" not in stored
    assert stored.endswith(b"\xff\xd9")  # the JPEG ends where its image ends
    assert PortalImage.objects.get().file_size == len(stored)


def test_a_decompression_bomb_is_refused_without_a_500(client, club_page, data):
    bomb = upload(one_bit_png(20000, 20000), "logo.png", "image/png")
    assert bomb.size < 100_000
    response = client.post(URL, {**data, "logo": bomb})
    assert response.status_code == 200
    assert "Il logo è troppo grande" in parse(response).select_one(".notice--error").get_text()
    assert not Innovator.objects.exists() and not PortalImage.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize(
    "name", ["Officina\r\nBcc: spia@example.org", "Officina\nNuova", "Officina\u2028Nuova"]
)
def test_a_line_break_in_the_name_is_refused(client, club_page, data, moderator, name):
    response = client.post(URL, {**data, "name": name})
    assert response.status_code == 200
    error = parse(response).select_one("#id_name_error").get_text()
    assert "una sola riga" in error
    assert not Innovator.objects.exists()
    assert not mail.outbox


def test_escaped_markup_is_never_stored_as_markup(client, club_page, data):
    hostile = "&lt;img src=x onerror=alert(1)&gt;Ciao &amp;lt;b&amp;gt;"
    response = client.post(
        URL,
        {**data, "short_description": f"Stampa 3D {hostile}", "description": hostile},
    )
    assert response.status_code == 302
    innovator = Innovator.objects.get()
    for stored in (innovator.short_description, innovator.description):
        assert "<img" not in stored and "onerror" not in stored and "<b" not in stored, stored
        assert "&lt;" not in stored, stored  # nor an entity waiting to be decoded
    assert innovator.short_description.startswith("Stampa 3D Ciao")


def test_notices_of_a_join_request_survive_a_mail_server_outage(
    task_queue, client, club_page, data, moderator, settings, mailoutbox
):
    from tests.portal.test_tasks import closed_port, make_due, run_worker

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2
    response = client.post(URL, data)
    assert response.status_code == 302  # the request is saved all the same, its mail queued
    run_worker()  # the server is down: each notice is queued again for later
    assert mailoutbox == []
    # The server is back: the worker's next attempt sends them.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    make_due()
    run_worker()
    assert sorted(message.to[0] for message in mailoutbox) == [
        "ciao@officinanuova.example.org",
        "moderatrice@example.org",
    ]
    assert any("Officina Nuova" in message.subject for message in mailoutbox)
