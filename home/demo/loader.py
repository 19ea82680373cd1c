"""The demo loader: every builder, in order, fed by one `Reader` of the data files."""

from django.db import transaction

from . import courses, english, innovators, programme, sections, site, stories
from .data import Reader
from .indexing import deferred_indexing


def build(data: Reader, **extra) -> None:
    """The whole demo site, Italian then English, in one transaction; what exists is kept.
    `extra` are the scale options (see `build_all`)."""
    with transaction.atomic(), deferred_indexing():
        build_all(data, **extra)


def build_all(data: Reader, *, phase_updates=0, events=0, innovators_extra=0, stories_extra=0):
    home = site.build_home(data)
    pages = site.build_content_pages(home, data)
    site.build_site_settings(home, pages, data)
    phases = programme.build_phases(data)
    programme_page = programme.build_programme_page(home, data)
    programme.build_phase_updates(programme_page, phases, data, phase_updates)
    courses.build(home, phases, data, events)
    sectors = innovators.build_sectors(data)
    innovators.build_pages(home, data)
    innovators.build_innovators(sectors, data, innovators_extra)
    stories.build(home, phases, data, stories_extra)
    site.build_goals(home, data)
    sections.build_impact_page(home, data)
    sections.build_newsletter_page(home, data)
    english.build(home, data)
    site.order_menu(home, data)
    data.check_all_read()
