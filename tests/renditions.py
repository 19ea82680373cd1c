"""Renditions for the test suite: real files, made with less CPU.

A page's first view makes its renditions, and the suite views the same pictures through the
same filters again and again: each test's transaction rolls the rendition rows back, every
factory image is the same 1280 × 720 picture, and the demo draws the same pictures on each
load. Both speed-ups below keep what the tests check (formats, sizes, width and height,
markup, a file per rendition) and skip only repeated pixel work.
"""

import hashlib

from wagtail.images.models import Filter

from PIL import Image
from willow.image import ImageFile


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


def encode_each_rendition_once():
    """Wagtail's `Filter.run`, remembered for the rest of the worker: the same picture (the
    digest of its bytes) through the same filter spec and focal point gives the bytes the
    first run encoded. Wagtail still saves a file and a row for every rendition it makes; only
    the decoding, cropping and encoding are not done twice. Half of the renditions of a run
    are such repeats (1,160 of 1,940), about 85 s of CPU."""
    run = Filter.run
    encoded: dict[tuple[str, str, str], tuple[type[ImageFile], bytes]] = {}

    def run_once(self, image, output, source=None):
        key = (picture_digest(image, source), self.spec, self.get_cache_key(image))
        if key in encoded:
            willow_class, content = encoded[key]
            output.write(content)
            output.seek(0)
            return willow_class(output)
        generated = run(self, image, output, source=source)
        if type(generated).__init__ is ImageFile.__init__:  # a raster file, rebuilt from bytes
            generated.f.seek(0)
            encoded[key] = (type(generated), generated.f.read())
            generated.f.seek(0)
        return generated

    Filter.run = run_once


def picture_digest(image, source) -> str:
    """SHA-256 of the original's bytes: of `source` when Wagtail has read it already."""
    if source is None:
        with image.open_file() as file:
            return hashlib.sha256(file.read()).hexdigest()
    digest = hashlib.sha256(source.read()).hexdigest()
    source.seek(0)
    return digest
