"""The suite encodes each rendition once per worker (tests/renditions.py): a rendition made again
from the same picture is the file Wagtail made the first time, and nothing else is."""

import io

from django.core.files.images import ImageFile

from PIL import Image

from home.demo.images import draw_picture
from portal.factories import ImageFactory

SPEC = "fill-200x100|format-webp"


def picture(seed: int, **fields):
    file = ImageFile(io.BytesIO(draw_picture(seed)), name=f"picture-{seed}.jpg")
    return ImageFactory(file=file, **fields)


def content(rendition) -> bytes:
    with rendition.file.open("rb") as file:
        return file.read()


def test_the_same_picture_gets_the_same_file(db):
    first = picture(1).get_rendition(SPEC)
    again = picture(1).get_rendition(SPEC)
    assert again.pk != first.pk and again.file.name != first.file.name  # a file and row of its own
    assert content(again) == content(first)
    assert (again.width, again.height) == (first.width, first.height) == (200, 100)
    assert Image.open(io.BytesIO(content(again))).format == "WEBP"


def test_another_picture_focal_point_or_spec_is_made_afresh(db):
    first = content(picture(1).get_rendition(SPEC))
    assert content(picture(2).get_rendition(SPEC)) != first
    # The crop keeps a focal point near the bottom: another band of the picture.
    low = picture(
        1, focal_point_x=640, focal_point_y=700, focal_point_width=20, focal_point_height=20
    )
    assert content(low.get_rendition(SPEC)) != first
    wider = picture(1).get_rendition("fill-300x100|format-webp")
    assert (wider.width, wider.height) == (300, 100)
