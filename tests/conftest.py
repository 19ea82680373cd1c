"""Shared fixtures: a site whose root is the home page, the programme and its phases, and the
demo site built once per worker."""

from collections import defaultdict
from contextlib import contextmanager
from io import StringIO

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import translation

from wagtail.models import Page, Site

import pytest

from home.factories import HomePageFactory
from portal.factories import ProgrammePhaseFactory
from portal.models import PhaseStatus
from stories.factories import ProgrammePageFactory
from tests.renditions import encode_each_rendition_once, fastest_image_encoders

# The base rows that a module's tests may share: built once for a module in which every test
# asks for them (a database test, none transactional), see `shared_rows`.
SHAREABLE = {
    "home_page": "tests.conftest",
    "phases": "tests.conftest",
    "programme_page": "tests.conftest",
    "site": "tests.production.conftest",
}
SHARED: dict[str, set[str]] = {}  # module node id: the fixtures built once for it


def pytest_configure(config):
    fastest_image_encoders()
    encode_each_rendition_once()


def uses_database(item) -> bool:
    return bool(item.get_closest_marker("django_db")) or "db" in item.fixturenames


def is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = item.fixturenames
    return (
        bool(marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    )


def uses_our(item, name: str) -> bool:
    """The test asks for `name`, and gets the fixture defined in SHAREABLE (not an override)."""
    definitions = item._fixtureinfo.name2fixturedefs.get(name)
    return bool(definitions) and definitions[-1].func.__module__ == SHAREABLE[name]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    # The tests over the committed demo (`demo_site`) run last, as `db` tests: no other test
    # sees the demo, and no transactional test flushes it in between.
    on_demo = {item.nodeid for item in items if "demo_site" in item.fixturenames}
    for item in items:
        if item.nodeid in on_demo:
            item.add_marker(pytest.mark.django_db)
    items[:] = sorted(items, key=lambda item: item.nodeid in on_demo)  # a stable sort
    modules = defaultdict(list)
    for item in items:
        modules[item.nodeid.split("::")[0]].append(item)
    SHARED.clear()
    for module, module_items in modules.items():
        if all(uses_database(i) and not is_transactional(i) for i in module_items):
            names = {n for n in SHAREABLE if all(uses_our(i, n) for i in module_items)}
            if names:
                SHARED[module] = names


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


def make_home_page():
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


def make_phases():
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


def make_programme_page(home):
    return ProgrammePageFactory(parent=home, show_in_menus=True)


def ref(row):
    return type(row), row.pk


def fresh(reference):
    """A new instance of a shared row for each test: what one test changes in memory or in the
    database (rolled back) never reaches the next."""
    model, pk = reference
    return model.objects.get(pk=pk)


def build_shared(names: set[str]) -> dict:
    home = phases = programme = None
    rows = {}
    if "home_page" in names:
        home = make_home_page()
        rows["home_page"] = ref(home)
    if "phases" in names:
        phases = make_phases()
        rows["phases"] = [ref(phase) for phase in phases]
    if "programme_page" in names:  # its tests ask for the home page and phases too
        programme = make_programme_page(home)
        rows["programme_page"] = ref(programme)
    if "site" in names:  # ... and for the programme
        from tests.production.conftest import build_site

        rows["site"] = {key: ref(row) for key, row in build_site(home, programme).items()}
    return rows


@pytest.fixture(scope="module", autouse=True)
def shared_rows(request):
    """The home page, phases, programme and production site, built once for a module whose
    every test asks for them (see SHARED), in a transaction rolled back after the module
    (`module_transaction`): each test gets fresh instances and runs in a savepoint of its own,
    so it sees what it would have built itself. Elsewhere nothing: each test builds its own."""
    names = SHARED.get(request.node.nodeid)
    if not names:
        yield {}
        return
    request.getfixturevalue("django_db_setup")
    blocker = request.getfixturevalue("django_db_blocker")
    with module_transaction(blocker):
        with blocker.unblock():
            rows = build_shared(names)
            cache.clear()
        yield rows


def shared(request, name: str):
    """A fresh instance (or list) of the module's shared `name`, or None when not shared."""
    reference = request.getfixturevalue("shared_rows").get(name)
    if isinstance(reference, list):
        return [fresh(row) for row in reference]
    if isinstance(reference, dict):
        return {key: fresh(row) for key, row in reference.items()}
    return reference and fresh(reference)


@pytest.fixture
def home_page(request, db):
    """The Italian home page, root of the default site (Wagtail's welcome page removed)."""
    home = shared(request, "home_page")
    return make_home_page() if home is None else home


@pytest.fixture
def phases(request, db):
    phases = shared(request, "phases")
    return make_phases() if phases is None else phases


@pytest.fixture
def programme_page(request, home_page, phases):
    programme = shared(request, "programme_page")
    return make_programme_page(home_page) if programme is None else programme


def load_demo_content():
    """The demo site, as `make run` builds it (no admin account), in the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        call_command("load_demo_content", "--no-admin", stdout=StringIO())


@contextmanager
def module_transaction(django_db_blocker):
    """A transaction around a whole module, rolled back after its last test: rows built in it
    once are seen by each test (`db`, not `transactional_db`), which runs in a savepoint of its
    own on top, so what a test writes is undone before the next, as in Django's
    `TestCase.setUpTestData`. Build the rows with `django_db_blocker.unblock()`."""
    with django_db_blocker.unblock():
        connection = transaction.get_connection()
        assert not connection.in_atomic_block, "set up before the test's own transaction"
        outer = transaction.atomic()
        outer._from_testcase = True  # durable blocks may nest in it, as in Django's TestCase
        outer.__enter__()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
        cache.clear()


def restore_migrated_rows():
    """Recreate what migrations made when a flush removed it: Wagtail's tree root and root
    collection, then the portal's own setup (`home.setup.set_up_portal`: the locales, the
    comuni, the categories of offers and needs, the groups and the editorial workflow)."""
    from django.apps import apps
    from django.conf import settings

    from wagtail.models import Collection, Locale, Page

    from home.setup import set_up_portal

    if not Page.get_first_root_node():
        locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    set_up_portal(apps)


@pytest.fixture
def task_queue(transactional_db, settings):
    """Background tasks queued in the database, as in production, and run by
    `tests.portal.test_tasks.run_worker()` (the real worker, in batch mode). Ask for it
    before the fixtures that build data: it restores the migrated rows a flush removed."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    restore_migrated_rows()


@pytest.fixture(scope="session")
def demo_site(django_db_setup, django_db_blocker):
    """The demo site, loaded and committed once per worker instead of once per test or module
    (7 s of CPU each). The tests on it run after every other test of the worker (see
    `pytest_collection_modifyitems`), each in a transaction of its own on top (a `db` test):
    what one writes, renditions included, is undone for the next."""
    with django_db_blocker.unblock():
        restore_migrated_rows()  # a transactional test may have flushed them
        load_demo_content()
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
        restore_migrated_rows()


@pytest.fixture
def demo(demo_site, db):
    """The demo site for one test (see `demo_site`): what the test writes, a second load or
    deleted translations, is undone before the next."""
    assert transaction.get_connection().in_atomic_block, "a `db` test, not transactional"


MIGRATED_COPY = pytest.StashKey["Path | None"]()


def in_memory_sqlite() -> bool:
    return connection.vendor == "sqlite" and connection.creation.is_in_memory_db(
        connection.settings_dict["NAME"]
    )


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings, request):
    """When a migrated template of these very migrations is kept from an earlier run
    (tests/databases.py), the in-memory test database is created without migrating: the
    template's content replaces it (`django_db_setup`), 20 s of CPU saved per worker."""
    from tests.databases import migrated_template

    template = migrated_template() if in_memory_sqlite() else None
    request.config.stash[MIGRATED_COPY] = template
    if template and template.exists():
        connection.settings_dict["TEST"]["MIGRATE"] = False


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """pytest-django's test database, built by `migrate` once per worker, or copied from the
    template an earlier run kept (see `django_db_modify_db_settings`); a fresh build is kept as
    the template for the next run and for `migrated_sqlite`. On PostgreSQL, the sessions the
    browser tests leave are ended before the database is dropped (`end_other_sessions`)."""
    from django.contrib.contenttypes.models import ContentType

    from tests.databases import end_other_sessions, load_template, save_template

    template = request.config.stash[MIGRATED_COPY]
    if template is not None:
        with django_db_blocker.unblock():
            connection.ensure_connection()
            if connection.settings_dict["TEST"]["MIGRATE"] is False:
                load_template(connection, template)
                ContentType.objects.clear_cache()  # filled by the tables made without migrations
            else:
                save_template(connection, template)
    yield
    if connection.vendor == "postgresql":
        with django_db_blocker.unblock():
            end_other_sessions(connection)


@pytest.fixture(scope="session")
def migrated_sqlite(django_db_setup, request):
    """A SQLite file that the migrations built, as a newcomer's first `migrate` does: tests that
    need a database of their own (other processes, threads) copy it. None on PostgreSQL."""
    return request.config.stash[MIGRATED_COPY]
