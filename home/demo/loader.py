"""The demo loader: every builder, in order, fed by one `Reader` of the data files."""

from django.apps import apps
from django.db import transaction

from home.setup import set_up_portal

from . import (
    courses,
    english,
    innovators,
    introductions,
    offers,
    programme,
    sections,
    site,
    stories,
)
from .data import Reader
from .indexing import deferred_indexing


def build(data: Reader, **extra) -> None:
    """The whole demo site, Italian then English, in one transaction; what exists is kept.
    `extra` are the scale options (see `build_all`)."""
    with transaction.atomic(), deferred_indexing():
        build_all(data, **extra)


def build_all(data: Reader, *, phase_updates=0, events=0, innovators_extra=0, stories_extra=0):
    """Snippets first, then the home page's sections in the order of the menu (so a new
    site needs no page moved), then what links them, then the English site. First what a
    migrated database holds (a flushed one, in the tests, gets it again)."""
    set_up_portal(apps)
    home = site.build_home(data)
    phases = programme.build_phases(data)
    sectors = innovators.build_sectors(data)
    innovators.build_innovators(sectors, data, innovators_extra)
    innovators.build_pages(home, data)  # mappa, club
    offers.build(data)  # the club's board: offers and needs
    introductions.build(data)  # between the innovators, in the area and the impact figures
    stories.build(home, phases, data, stories_extra)  # storie
    courses.build(home, phases, data, events)  # formazione, co-creazione
    programme_page = programme.build_programme_page(home, data)  # programma
    programme.build_phase_updates(programme_page, phases, data, phase_updates)
    stories.build_workflow(home)  # on the stories and the programme
    sections.build_impact_page(home, data)  # impatto
    pages = site.build_content_pages(home, data)  # chi-siamo, il-nostro-approccio, …
    sections.build_newsletter_page(home, data)
    site.build_site_settings(home, pages, data)
    site.build_goals(home, data)
    english.build(home, data)
    site.order_menu(home, data)  # moves only what an older database holds out of order
    data.check_all_read()
