"""Renditions for the test suite: real files, made with less CPU.

A page's first view makes its renditions, and the suite views the same pictures through the
same filters again and again: each test's transaction rolls the rendition rows back, every
factory image is the same 1280 × 720 picture, and the demo draws the same pictures on each
load. Both speed-ups below keep what the tests check (formats, sizes, width and height,
markup, a file per rendition) and skip only repeated pixel work.
"""

import hashlib
import os
import shutil
from importlib.metadata import version
from pathlib import Path

from wagtail.images.models import Filter

import willow.image
from PIL import Image
from willow.image import ImageFile

# git-ignored; `make clean` removes it
KEPT = Path(__file__).resolve().parents[1] / "var" / "test-renditions"


def fastest_image_encoders():
    """AVIF and WebP renditions made at their encoders' fastest effort. The suite never checks
    compression, and at the default effort encoding is most of the CPU of a page's first view:
    0.38 s for a 1280-pixel AVIF against 0.04 s. Through Pillow's own registry of save handlers:
    the files are still real AVIF and WebP, only larger."""
    Image.init()

    def at_effort(save, **effort):
        def save_faster(image, fp, filename, *args):
            image.encoderinfo = {**effort, **image.encoderinfo}
            return save(image, fp, filename, *args)

        return save_faster

    Image.register_save("AVIF", at_effort(Image.SAVE["AVIF"], speed=10))
    Image.register_save("WEBP", at_effort(Image.SAVE["WEBP"], method=0))


def encode_each_rendition_once(folder: Path = KEPT):
    """Wagtail's `Filter.run`, remembered: the same picture (the digest of its bytes) through
    the same filter spec and focal point gives the bytes the first run encoded, from memory or
    from `folder`, where every worker and every later run finds them. Wagtail still saves a
    file and a row for every rendition it makes; only the decoding, resizing and encoding are
    not done again. Within a run, half of the renditions are repeats (1,160 of 1,940); a later
    run repeats nearly all of them."""
    run = Filter.run
    kept = folder / libraries_digest()
    kept.mkdir(parents=True, exist_ok=True)
    for stale in folder.iterdir():  # made by other libraries or encoder settings
        if stale != kept:
            shutil.rmtree(stale, ignore_errors=True)
    encoded: dict[str, tuple[type[ImageFile], bytes]] = {}

    def run_once(self, image, output, source=None):
        key = hashlib.sha256(
            f"{picture_digest(image, source)} {self.spec} {self.get_cache_key(image)}".encode()
        ).hexdigest()
        found = encoded.get(key) or read_kept(kept / key)
        if found:
            encoded[key] = found
            willow_class, content = found
            output.write(content)
            output.seek(0)
            return willow_class(output)
        generated = run(self, image, output, source=source)
        if type(generated).__init__ is ImageFile.__init__:  # a raster file, rebuilt from bytes
            generated.f.seek(0)
            encoded[key] = (type(generated), generated.f.read())
            generated.f.seek(0)
            keep(kept / key, *encoded[key])
        return generated

    Filter.run = run_once


def libraries_digest() -> str:
    """What an encoded rendition depends on besides its picture, spec and focal point: the
    image libraries, the image settings and the encoder efforts set here."""
    from django.conf import settings

    image_settings = [
        (name, getattr(settings, name))
        for name in dir(settings)
        if name.startswith(("WAGTAILIMAGES_", "WILLOW_"))
    ]
    libraries = [version(name) for name in ("wagtail", "Willow", "pillow")]
    return hashlib.sha256(
        repr((libraries, image_settings)).encode() + Path(__file__).read_bytes()
    ).hexdigest()[:20]


def read_kept(path: Path) -> tuple[type[ImageFile], bytes] | None:
    """A kept encoding: the name of its Willow class on the first line, then the file's bytes."""
    try:
        name, content = path.read_bytes().split(b"\n", 1)
    except (FileNotFoundError, ValueError):
        return None
    return getattr(willow.image, name.decode()), content


def keep(path: Path, willow_class: type[ImageFile], content: bytes):
    """Write whole, then rename: the other worker may be reading or writing the same one."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    partial.write_bytes(willow_class.__name__.encode() + b"\n" + content)
    partial.replace(path)


def picture_digest(image, source) -> str:
    """SHA-256 of the original's bytes: of `source` when Wagtail has read it already."""
    if source is None:
        with image.open_file() as file:
            return hashlib.sha256(file.read()).hexdigest()
    digest = hashlib.sha256(source.read()).hexdigest()
    source.seek(0)
    return digest
