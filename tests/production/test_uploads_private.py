"""What the public forms upload reaches no anonymous reader until a moderator publishes it
(issue 11, defect 1): no images endpoint, and no listing, search, feed, sitemap or export
names a photo or a logo of a story or a join request in moderation."""

from pathlib import PurePath

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from innovators.models import Innovator
from portal.models import PortalImage
from stories.models import StoryPage
from tests.images import image_bytes
from tests.production.conftest import JOIN_URL, SUBMISSION_URL, join_data, submission_data

PUBLIC_OUTPUTS = [
    "/api/v2/pages/?fields=*&order=-id&limit=100",
    "/api/v2/pages/?search=segreta&fields=*",
    "/api/v2/pages/?type=stories.StoryPage&fields=*",
    "/api/v2/innovators/?limit=100",
    "/api/innovatori.csv",
    "/api/innovatori.geojson",
    "/sitemap.xml",
    "/storie/",
    "/storie/feed/",
    "/programma/feed/",
    "/club/",
    "/mappa/",
    "/cerca/?q=segreta",
    "/",
]


def png(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, image_bytes("PNG", (320, 200)), content_type="image/png")


@pytest.fixture
def uploads(client, site):
    """A story with a photo and a join request with a logo, both sent by anonymous people."""
    story = client.post(
        SUBMISSION_URL,
        {
            **submission_data(title="La serra segreta di Giulia"),
            "photo_1": png("serra.png"),
            "alt_1": "La serra",
        },
        REMOTE_ADDR="10.7.7.1",
    )
    join = client.post(
        JOIN_URL,
        {**join_data(site, name="Officina Segreta"), "logo": png("logo.png")},
        REMOTE_ADDR="10.7.7.2",
    )
    assert story.status_code == join.status_code == 302
    photo = StoryPage.objects.get(title="La serra segreta di Giulia").image
    logo = Innovator.objects.get(name="Officina Segreta").logo
    assert photo and logo
    return {"photo": photo, "logo": logo}


def stem(image: PortalImage) -> str:
    """The generated part of the file name that the original and every rendition share
    (rendition names keep its first characters only)."""
    return PurePath(image.file.name).stem[:16]


def test_there_is_no_images_endpoint(client, uploads):
    for url in (
        "/api/v2/images/",
        "/api/v2/images/?fields=*&order=-id",
        "/api/v2/images/?search=segreta",
        f"/api/v2/images/{uploads['photo'].pk}/",
        f"/api/v2/images/{uploads['logo'].pk}/",
    ):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("url", PUBLIC_OUTPUTS)
def test_no_public_output_names_an_upload_in_moderation(client, uploads, url):
    response = client.get(url)
    assert response.status_code == 200, url
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode()
    for image in uploads.values():
        assert stem(image) not in text, (url, image)
        assert image.title not in text, (url, image)
    assert "Segreta" not in text and "segreta di Giulia" not in text


def test_the_photo_is_public_once_the_story_is_published(client, uploads):
    story = StoryPage.objects.get(title="La serra segreta di Giulia")
    story.get_latest_revision().publish()
    body = client.get(f"/api/v2/pages/{story.pk}/").json()
    assert body["image"]["id"] == uploads["photo"].pk
    assert body["image"]["meta"].get("detail_url") is None  # no images endpoint to point to
    assert stem(uploads["photo"]) in body["image_card"]["url"]
