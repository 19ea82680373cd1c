"""The suite encodes each rendition once (tests/renditions.py): a rendition made again from the
same picture is the file Wagtail made the first time, in this run or an earlier one, and
nothing else is."""

import io

from django.core.files.images import ImageFile

from wagtail.images.models import Filter

import pytest
from PIL import Image

from home.demo.images import draw_picture
from portal.factories import ImageFactory
from tests.renditions import encode_each_rendition_once

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


def test_a_later_run_reads_the_renditions_an_earlier_one_kept(db, tmp_path, monkeypatch):
    """Kept as files that every worker and later run reads; files of other libraries or
    encoder settings are dropped."""
    stale = tmp_path / "0123456789abcdef0123"
    stale.mkdir()
    (stale / "old").write_bytes(b"WebPImageFile\n")
    monkeypatch.setattr(Filter, "run", Filter.run)  # the suite's own, restored afterwards
    encode_each_rendition_once(tmp_path)  # a run that keeps its renditions in tmp_path
    first = content(picture(3).get_rendition(SPEC))
    assert not stale.exists()
    [kept] = tmp_path.glob("*/*")
    assert kept.read_bytes() == b"WebPImageFile\n" + first

    monkeypatch.setattr(Filter, "run", lambda *args, **kwargs: pytest.fail("encoded again"))
    encode_each_rendition_once(tmp_path)  # the next run, its memory empty
    again = picture(3).get_rendition(SPEC)
    assert content(again) == first
    assert (again.width, again.height) == (200, 100)
