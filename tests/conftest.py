"""Shared fixtures: a site whose root is the home page, the programme and its phases, and the
demo site built once per module."""

import os
from io import StringIO

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

from wagtail.models import Page, Site

import pytest

from home.factories import HomePageFactory
from stories.factories import ProgrammePageFactory, ProgrammePhaseFactory
from stories.models import PhaseStatus


@pytest.fixture(autouse=True)
def italian_by_default():
    """Each test starts in Italian: a request to /en/ leaves English active in the thread."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def clear_cache():
    """Rate limits, the content version, fragments and cached pages live in the cache: each test
    starts with an empty one and leaves none behind."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    """The Italian home page, root of the default site (Wagtail's welcome page removed)."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "Pistoia2030",
        },
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home


@pytest.fixture
def phases(db):
    statuses = [
        PhaseStatus.COMPLETED,
        PhaseStatus.COMPLETED,
        PhaseStatus.IN_PROGRESS,
        PhaseStatus.PLANNED,
    ]
    names = ["Esplorazione", "Progettazione", "Azione", "Valutazione"]
    return [
        ProgrammePhaseFactory(number=number, name=name, status=status)
        for number, (name, status) in enumerate(zip(names, statuses, strict=True), start=1)
    ]


@pytest.fixture
def programme_page(home_page, phases):
    return ProgrammePageFactory(parent=home_page, show_in_menus=True)


def load_demo_content():
    """The demo site, as `make run` builds it (no admin account), in the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        call_command("load_demo_content", "--no-admin", stdout=StringIO())


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """The demo site, loaded once for the module that asks for it and rolled back after its last
    test. Each test (`db`, not `transactional_db`) runs in its own savepoint inside this
    transaction, so what a test writes (a second load, deleted translations) is undone for the
    next one, exactly as when each test loaded the demo itself."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer._from_testcase = True  # durable blocks may nest in it, as in Django's TestCase
        outer.__enter__()
    try:
        with django_db_blocker.unblock():
            load_demo_content()
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
        cache.clear()


@pytest.fixture
def demo(demo_content, db):
    """The demo site for one test: see `demo_content`. A transactional test would flush it."""
    assert len(transaction.get_connection().atomic_blocks) >= 2, "a `db` test, not transactional"


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory):
    """A SQLite file that a newcomer's first `manage.py migrate` built (development settings),
    made once per run and shared by the xdist workers: tests needing a migrated database of
    their own (other processes, threads) copy it instead of migrating again."""
    from tests.databases import migrate_once
    from tests.portal.test_settings import run_manage

    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base

    def migrate(database):
        env = {
            "DATABASE_URL": f"sqlite:///{database}",
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        }
        return run_manage("migrate", "--no-input", env=env)

    return migrate_once(shared, migrate)
