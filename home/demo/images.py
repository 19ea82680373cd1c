"""Demo pictures drawn locally with Pillow: nothing is downloaded."""

import io
import random

from django.core.files.images import ImageFile

from PIL import Image, ImageDraw

from portal.factories import ImageFactory
from portal.models import PortalImage

PALETTES = [
    ("#0b5e55", "#7fc8a9"),
    ("#b3472f", "#f2c14e"),
    ("#2f4f8f", "#9fc2e7"),
    ("#6b4f8f", "#e0b1cb"),
    ("#3d6b1f", "#c5e17a"),
    ("#073f39", "#f4a259"),
]


def draw_picture(seed: int, width: int = 1280, height: int = 720) -> bytes:
    """An abstract landscape: a two-colour gradient with rolling hills, as JPEG bytes."""
    rng = random.Random(seed)
    dark, light = (tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in PALETTES[seed % 6])
    picture = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(d + (lt - d) * t) for d, lt in zip(dark, light, strict=True)),
        )
    for layer in range(4):
        base = height * (0.45 + layer * 0.14)
        shade = tuple(max(0, int(c * (0.9 - layer * 0.18))) for c in dark)
        points = [(0, height)]
        for x in range(0, width + 80, 80):
            points.append((x, base + rng.randint(-40, 40)))
        points.append((width, height))
        draw.polygon(points, fill=shade)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    return buffer.getvalue()


def demo_image(
    title: str, seed: int, alt: str, credit: str = "Illustrazione Pistoia2030"
) -> PortalImage:
    """The demo image called `title`, drawn and saved the first time it is asked for."""
    existing = PortalImage.objects.filter(title=title).first()
    if existing:
        return existing
    file = ImageFile(io.BytesIO(draw_picture(seed)), name=f"demo-{seed}.jpg")
    return ImageFactory(title=title, description=alt, credit=credit, file=file)


def illustration(title: str, seed: int, subject: str) -> PortalImage:
    """The demo picture `title` that illustrates the page called `subject`."""
    return demo_image(title, seed, f"Illustrazione per «{subject}»")
