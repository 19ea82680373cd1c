"""Pictures for tests, drawn with Pillow in any format, size and colour mode, with the save
options a test needs (EXIF, PNG text chunks)."""

import io
import struct
import zlib

from PIL import Image


def image_bytes(format="JPEG", size=(800, 600), color="#0b5e55", mode="RGB", **options) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, format=format, **options)
    return buffer.getvalue()


def one_bit_png(width: int, height: int) -> bytes:
    """A valid PNG of `width`×`height` black pixels, one bit each, built without Pillow
    (Pillow would need a byte per pixel in memory): a few kilobytes on disk."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\0" * (1 + (width + 7) // 8)
    compressor = zlib.compressobj(9)
    pixels = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
