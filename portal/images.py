"""Renditions named once, so listings can prefetch exactly what their templates draw."""

from django.db.models import Prefetch

from wagtail.images import get_image_model

CARD_RENDITION = "fill-640x360|format-webp"


def prefetch_image(lookup: str, *filter_specs: str) -> Prefetch:
    """Prefetch the image behind `lookup` with the named renditions (no query per card)."""
    images = get_image_model().objects.prefetch_renditions(*(filter_specs or (CARD_RENDITION,)))
    return Prefetch(lookup, queryset=images)
