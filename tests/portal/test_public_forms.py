"""The public-form kit (portal.forms): text cleaning, client address, honeypot markup."""

import json

from django import forms

import pytest

from portal.forms import (
    HONEYPOT_NAME,
    ImageUploadField,
    PlainTextField,
    PublicForm,
    SingleLineField,
    client_address,
    plain_text,
)
from tests.images import image_bytes


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        ("Ciao mondo &amp; amici", "Ciao mondo & amici"),
        ("&lt;img src=x onerror=alert(1)&gt;", ""),
        ("&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;ok", "ok"),
        ("<b>grassetto</b> e <script>alert(1)</script>testo", "grassetto e testo"),
        ("3 < 5 e 7 > 2", "3 < 5 e 7 > 2"),
        ("riga uno\r\nriga due", "riga uno\nriga due"),
        ("nul\x00 e \x1b[31mescape\u202e", "nul e [31mescape"),
    ],
)
def test_plain_text_holds_no_markup_and_no_entity(sent, stored):
    text = plain_text(sent)
    assert text == stored
    # Stable: cleaning it again, or decoding it as HTML, changes nothing.
    assert plain_text(text) == text
    assert json.loads(json.dumps(text)) == text


class Sample(PublicForm):
    name = SingleLineField(max_length=50)
    note = PlainTextField(required=False)
    photo = ImageUploadField(max_bytes=20_000, max_side=500)


@pytest.mark.parametrize("name", ["a\nb", "a\rb", "a\u2028b", "a\x85b", "a\x0bb"])
def test_single_line_fields_refuse_line_breaks(name):
    form = Sample({"name": name})
    assert not form.is_valid()
    assert form.errors["name"] == ["Scrivi su una sola riga, senza andare a capo."]


def test_fields_collapse_and_refuse_html_only_text():
    form = Sample({"name": "  Officina   Nuova ", "note": "uno\n\ndue"})
    assert form.is_valid(), form.errors
    assert (form.cleaned_data["name"], form.cleaned_data["note"]) == (
        "Officina Nuova",
        "uno\n\ndue",
    )
    form = Sample({"name": "<script>alert(1)</script>"})
    assert form.errors["name"] == ["Scrivi un testo semplice, senza codice HTML."]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (image_bytes("PNG", (600, 10)), "al massimo 500 pixel per lato"),
        (image_bytes("GIF", (100, 100)), "JPEG, PNG o WebP"),
        (b"%PDF-1.4 finto", "JPEG, PNG o WebP"),
        (image_bytes("BMP", (20, 20)), "JPEG, PNG o WebP"),
        (image_bytes("PNG", (100, 100)) + b"\0" * 30_000, "al massimo 19,5 kB"),
    ],
)
def test_image_field_refuses_with_italian_messages(content, message):
    from django.core.files.uploadedfile import SimpleUploadedFile

    form = Sample({"name": "x"}, {"photo": SimpleUploadedFile("f.png", content)})
    assert not form.is_valid()
    assert message in form.errors["photo"][0]


def test_honeypot_is_one_name_on_every_public_form(client, db):
    form = Sample({"name": "x", HONEYPOT_NAME: "http://spam.example"})
    assert form.is_spam
    assert not Sample({"name": "x"}).is_spam
    assert issubclass(Sample, forms.Form)


def test_client_address_reads_the_proxy_header_setting(rf, settings):
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="203.0.113.7")
    assert client_address(request) == "10.0.0.1"
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"
    assert client_address(request) == "203.0.113.7"
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_FORWARDED_FOR"
    forwarded = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.2")
    assert client_address(forwarded) == "198.51.100.2"  # the entry our proxy added
    six = rf.get("/", HTTP_X_FORWARDED_FOR="2001:db8:1:2:3:4:5:6")
    assert client_address(six) == "2001:db8:1:2::"  # one /64 network, one address
    assert client_address(rf.get("/", HTTP_X_FORWARDED_FOR="not an address")) == "unknown"
