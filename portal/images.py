"""Renditions named once, so listings can prefetch exactly what their templates draw.

Each `*_PICTURE` pattern is written out in the `{% picture %}` tag of its template (sizes
first, then formats: AVIF and WebP sources, a JPEG or PNG fallback `<img>` with width and
height); `*_RENDITIONS` are the filter specs it expands to, for `prefetch_renditions`.
"""

from django.db.models import Prefetch

from wagtail.images import get_image_model
from wagtail.images.models import Filter


def renditions(pattern: str) -> tuple[str, ...]:
    """The filter specs a `{% picture %}` pattern expands to ("fill-{a,b}|format-{c,d}")."""
    return tuple(Filter.expand_spec(pattern))


# Cards (stories, updates, events): includes/card.html, courses/includes/event_card.html.
CARD_PICTURE = "fill-{320x180,640x360}|format-{avif,webp,jpeg}"
CARD_RENDITIONS = renditions(CARD_PICTURE)
# The API's card image (one size, WebP).
CARD_RENDITION = "fill-640x360|format-webp"
# The featured story: stories/includes/featured_story.html.
HERO_PICTURE = "fill-{640x360,960x540,1280x720}|format-{avif,webp,jpeg}"
HERO_RENDITIONS = renditions(HERO_PICTURE)
# Innovators' logos (transparent backgrounds: PNG fallback).
LOGO_PICTURE = "max-{160x80,320x160}|format-{avif,webp,png}"
LOGO_RENDITIONS = renditions(LOGO_PICTURE)


def prefetch_image(lookup: str, *filter_specs: str) -> Prefetch:
    """Prefetch the image behind `lookup` with the named renditions (no query per card)."""
    images = get_image_model().objects.prefetch_renditions(*(filter_specs or CARD_RENDITIONS))
    return Prefetch(lookup, queryset=images)
