"""Public uploads cost the request nothing but their header (issue 26, finding 3): the pixels
are capped from the header, and decoding and re-encoding happen in the worker."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from PIL import Image, ImageFile

from portal.models import PortalImage
from stories.models import StoryPage
from tests.html import parse
from tests.images import image_bytes, one_bit_png
from tests.portal.test_tasks import run_worker

from .test_submission import URL, valid_data


@pytest.fixture
def submission_page(task_queue, story_index):
    from stories.factories import StorySubmissionPageFactory

    return StorySubmissionPageFactory(parent=story_index)


def photo(content, name="foto.jpg"):
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


def refuse_decoding(*args, **kwargs):
    pytest.fail("a picture was decoded in the request")


def test_a_large_photo_is_decoded_by_the_worker_not_the_request(
    client, submission_page, monkeypatch
):
    exif = Image.Exif()
    exif[0x010F] = "Fotocamera Segreta"  # Make
    large = image_bytes("JPEG", (5000, 3000), exif=exif.tobytes())
    with monkeypatch.context() as request_only:
        request_only.setattr(ImageFile.ImageFile, "load", refuse_decoding)
        response = client.post(URL, valid_data(photo_1=photo(large), alt_1="Serre"))
    assert response.status_code == 302
    image = PortalImage.objects.get()
    assert (image.width, image.height) == (5000, 3000)  # as sent, until the worker runs

    run_worker()
    image.refresh_from_db()
    assert (image.width, image.height) == (2400, 1440)
    with image.open_file() as stored, Image.open(io.BytesIO(stored.read())) as picture:
        assert picture.format == "JPEG" and picture.size == (2400, 1440)
        assert not picture.getexif()
    assert StoryPage.objects.get().get_latest_revision_as_object().image == image


def test_too_many_pixels_are_refused_from_the_header(client, submission_page, monkeypatch):
    square = one_bit_png(6000, 6000)  # 36 million pixels in a few kB: within the side limit
    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse_decoding)
    response = client.post(URL, valid_data(photo_1=photo(square, "foto.png"), alt_1="Quadro"))
    assert response.status_code == 200
    error = parse(response).select_one("#id_photo_1_error").get_text(" ", strip=True)
    assert "al massimo 25 milioni di pixel" in error
    assert not PortalImage.objects.exists()


def test_renditions_made_before_the_worker_ran_are_dropped(client, submission_page):
    client.post(URL, valid_data(photo_1=photo(image_bytes("JPEG", (1600, 1200))), alt_1="A"))
    image = PortalImage.objects.get()
    image.get_rendition("width-400")  # e.g. a moderator opened the draft at once
    run_worker()
    image.refresh_from_db()
    assert not image.renditions.exists()
    assert image.get_rendition("width-400").height == 300
