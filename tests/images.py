"""Pictures for tests, drawn with Pillow in any format, size and colour mode, with the save
options a test needs (EXIF, PNG text chunks)."""

import io

from PIL import Image


def image_bytes(format="JPEG", size=(800, 600), color="#0b5e55", mode="RGB", **options) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, format=format, **options)
    return buffer.getvalue()
