"""Security headers on every kind of response, framing rules, uploads never served as pages,
and /healthz (logins: test_login_protection.py)."""

import re
from unittest import mock

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from portal.models import PortalImage
from tests.images import image_bytes


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


PUBLIC_URLS = [
    "/",
    "/programma/",
    "/storie/",
    "/club/",
    "/mappa/",
    "/club/aderisci/",
    "/storie/racconta/",
    "/formazione/",
    "/cerca/?q=vivai",
    "/programma/feed/",
    "/api/innovatori.geojson",
    "/non-esiste/",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_every_public_response_has_the_security_headers(client, site, url):
    response = client.get(url)
    assert response.status_code in {200, 404}
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    csp = directives(response)
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp["default-src"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]


def test_static_files_get_the_headers_too(client, site):
    response = client.get("/static/css/portal.css")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" in response


def test_map_tiles_are_allowed_as_images(client, site):
    assert "https://tile.openstreetmap.org" in directives(client.get("/mappa/"))["img-src"]


def test_only_the_map_embed_may_be_framed(client, site, settings):
    response = client.get("/mappa/embed/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert directives(response)["frame-ancestors"] == ["*"]
    assert directives(response)["script-src"] == ["'self'"]

    settings.CSP_EMBED_FRAME_ANCESTORS = ["https://comune.pistoia.it"]
    assert directives(client.get("/mappa/embed/"))["frame-ancestors"] == [
        "https://comune.pistoia.it"
    ]
    assert client.get("/mappa/")["X-Frame-Options"] == "DENY"


def test_embed_framing_survives_the_page_cache(client, site, page_cache):
    client.get("/mappa/embed/")
    response = client.get("/mappa/embed/")
    assert response.get("X-Page-Cache") == "hit"
    assert "X-Frame-Options" not in response
    assert directives(response)["frame-ancestors"] == ["*"]


def test_public_templates_have_no_inline_scripts_or_styles(client, site):
    """Only external scripts and JSON data blocks, only stylesheets: the CSP forbids inline code
    and inline styles (a sector's colour is an SVG fill)."""
    from tests.html import parse

    innovator = site["innovator"]
    urls = ["/", "/programma/", "/mappa/", "/mappa/embed/", "/club/aderisci/", "/storie/"]
    urls += ["/club/", f"/club/{innovator.slug}/", f"/cerca/?q={innovator.name}"]
    for url in urls:
        html = parse(client.get(url))
        for script in html.select("script"):
            if script.get("src"):
                continue
            assert script.get("type") in {"application/json", "application/ld+json"}, (
                url,
                str(script)[:200],
            )
            assert not re.search(r"\son[a-z]+=", str(script))
        assert not html.select("style, [style]"), url
    club = parse(client.get("/club/"))
    assert club.select_one(".innovator-card__initial circle")["fill"] == innovator.sector.color
    assert club.select_one(".sector-dot circle")["fill"] == innovator.sector.color


def test_admin_has_a_relaxed_policy(admin_client, site):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    csp = directives(response)
    assert "'unsafe-inline'" in csp["script-src"]
    assert "'unsafe-inline'" in csp["style-src"]
    assert csp["frame-ancestors"] == ["'self'"]


def test_uploaded_images_get_generated_names(db):
    upload = SimpleUploadedFile("<script>alert(1)</script>.html.png", image_bytes("PNG", (10, 10)))
    image = PortalImage.objects.create(title="x", file=upload)
    name = image.file.name
    assert re.fullmatch(r"original_images/[0-9a-f]{32}\.png", name), name


@pytest.fixture
def served_media(settings, tmp_path):
    from django.urls import clear_url_caches

    settings.MEDIA_ROOT = tmp_path
    settings.SERVE_MEDIA = True
    clear_url_caches()
    import importlib

    import portal.urls

    importlib.reload(portal.urls)
    yield tmp_path
    settings.SERVE_MEDIA = False
    importlib.reload(portal.urls)
    clear_url_caches()


def test_media_is_never_served_as_a_page(client, served_media):
    (served_media / "pagina.html").write_text("<script>alert(1)</script>")
    (served_media / "foto.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    response = client.get("/media/pagina.html")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == "attachment"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    image = client.get("/media/foto.png")
    assert image["Content-Type"] == "image/png"
    assert not image.get("Content-Disposition", "").startswith("attachment")


def test_healthz_reports_database_and_cache(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_healthz_answers_any_host(client, db, settings):
    settings.ALLOWED_HOSTS = ["pistoia2030.it"]
    assert client.get("/healthz", HTTP_HOST="10.0.0.7:8000").status_code == 200


def test_healthz_is_503_when_the_cache_is_down(client, db):
    with mock.patch("portal.health.cache.set", side_effect=ConnectionError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == "error"


def test_healthz_is_503_when_the_database_is_down(client, db):
    with mock.patch("portal.health.connection.cursor", side_effect=RuntimeError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error", "cache": "ok"}
