"""Page weight at 375 px: the bytes of a page's HTML and of the static and media files it
references, as a phone would fetch them (`make bench` prints them per page type).

Images are counted as a 375 px phone at 2× density picks them: the first `<source>` of a
`<picture>` (AVIF), the candidate of its `srcset` that covers the slot given by `sizes`.
Lazy images are counted too (a reader who scrolls gets them) but shown apart.
"""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders

VIEWPORT = 375
DENSITY = 2
ROOT_FONT_PX = 16
PAGE_WEIGHT_BUDGET_KB = 400  # HTML + CSS + JS + images, at 375 px
MAP_WEIGHT_BUDGET_KB = 700  # Leaflet and its cluster plugin come on top


def _length_px(value: str) -> float:
    number = float(re.match(r"[\d.]+", value).group())
    if value.endswith("vw"):
        return VIEWPORT * number / 100
    if value.endswith("rem") or value.endswith("em"):
        return number * ROOT_FONT_PX
    return number


def slot_width(sizes: str) -> float:
    """The width `sizes` gives an image on a 375 px viewport."""
    for part in (p.strip() for p in sizes.split(",") if p.strip()):
        condition = re.match(r"\((min|max)-width:\s*([\d.]+(?:px|rem|em))\)\s+(.+)", part)
        if not condition:
            return _length_px(part)
        kind, limit, length = condition.groups()
        limit_px = _length_px(limit)
        if (kind == "min" and limit_px <= VIEWPORT) or (kind == "max" and limit_px >= VIEWPORT):
            return _length_px(length)
    return VIEWPORT


def pick(srcset: str, sizes: str) -> str:
    """The `srcset` candidate a 375 px phone at 2× would fetch."""
    candidates = []
    for item in (c.strip() for c in srcset.split(",") if c.strip()):
        url, _space, descriptor = item.partition(" ")
        width = int(descriptor.strip()[:-1]) if descriptor.strip().endswith("w") else 0
        candidates.append((width, url))
    candidates.sort()
    wanted = slot_width(sizes or "100vw") * DENSITY
    return next((url for width, url in candidates if width >= wanted), candidates[-1][1])


class Assets(HTMLParser):
    """Collects the stylesheets, scripts and images an HTML page references."""

    def __init__(self):
        super().__init__()
        self.css, self.js = [], []
        self.images = []  # (url, lazy)
        self._picture = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.css.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.js.append(attrs["src"])
        elif tag == "picture":
            self._picture = {}
        elif tag == "source" and self._picture is not None and "url" not in self._picture:
            self._picture["url"] = pick(attrs.get("srcset", ""), attrs.get("sizes", ""))
        elif tag == "img":
            url = (self._picture or {}).get("url")
            if not url:
                srcset = attrs.get("srcset")
                url = pick(srcset, attrs.get("sizes", "")) if srcset else attrs.get("src")
            if url:
                self.images.append((url, attrs.get("loading") == "lazy"))

    def handle_endtag(self, tag):
        if tag == "picture":
            self._picture = None


def file_size(url: str) -> int:
    """Bytes of a static or media file named by its URL (0 when it is not ours)."""
    path = urlsplit(url).path
    if path.startswith(settings.STATIC_URL):
        name = path[len(settings.STATIC_URL) :]
        collected = Path(settings.STATIC_ROOT) / name  # hashed names exist only there
        found = finders.find(name) or (collected if collected.exists() else None)
        return Path(found).stat().st_size if found else 0
    if path.startswith(settings.MEDIA_URL):
        media = Path(settings.MEDIA_ROOT) / path[len(settings.MEDIA_URL) :]
        return media.stat().st_size if media.exists() else 0
    return 0


def page_weight(html: bytes) -> dict[str, int]:
    """Bytes per kind for one page: html, css, js, images (eager) and lazy images."""
    assets = Assets()
    assets.feed(html.decode("utf-8", "replace"))
    return {
        "html": len(html),
        "css": sum(file_size(url) for url in dict.fromkeys(assets.css)),
        "js": sum(file_size(url) for url in dict.fromkeys(assets.js)),
        "images": sum(file_size(url) for url, lazy in dict.fromkeys(assets.images) if not lazy),
        "lazy": sum(file_size(url) for url, lazy in dict.fromkeys(assets.images) if lazy),
    }


def budget_kb(url: str) -> int:
    return MAP_WEIGHT_BUDGET_KB if "/mappa/" in url or "/map/" in url else PAGE_WEIGHT_BUDGET_KB
