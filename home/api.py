"""The public API v2 fields of the home, content and impact pages (portal.api)."""

from wagtail.api import APIField

from portal.api import INTRO

from .models import ContentPage, HomePage, ImpactPage


def page_fields() -> dict[type, list[APIField]]:
    return {
        HomePage: [*INTRO, APIField("motto"), APIField("body")],
        ContentPage: [*INTRO, APIField("body")],
        ImpactPage: [*INTRO],
    }
