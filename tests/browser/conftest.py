"""Browser tests: Playwright for Python driving Debian's Chromium against pytest-django's live server.

Without /usr/bin/chromium the browser tests are skipped (and listed as skipped in the summary),
except in CI (CI=true), where a missing browser is a failure.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# there (fixtures, assertions) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    shared = set()
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
            if "demo_server" in item.fixturenames:
                item.add_marker(pytest.mark.django_db)
                shared.add(item.nodeid)
            else:
                item.add_marker(pytest.mark.django_db(transaction=True))
    # The tests over the shared demo (committed, see `demo_site`) run last: no other sees it.
    items[:] = [i for i in items if i.nodeid not in shared] + [
        i for i in items if i.nodeid in shared
    ]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM}: browser tests need Debian's chromium package"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="it-IT", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def restore_migrated_rows():
    """Recreate what migrations made (the locales, the tree root, the root collection, the
    comuni) when a flush removed them."""
    from django.conf import settings

    from wagtail.models import Collection, Locale, Page

    from innovators.models import Municipality
    from innovators.municipalities import load_municipalities

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if not Page.get_first_root_node():
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    if not Municipality.objects.exists():
        load_municipalities(Municipality)


@pytest.fixture(autouse=True)
def migrated_rows(request):
    """Transactional tests: the live server's database is flushed after each browser test, so
    each starts by restoring the migrated rows (tests on `demo_server` share a committed demo)."""
    if "demo_server" not in request.fixturenames:
        request.getfixturevalue("transactional_db")
        restore_migrated_rows()


@pytest.fixture(scope="session")
def demo_site(django_db_setup, django_db_blocker):
    """The demo site (`load_demo_content --no-admin`), committed once per worker for the browser
    tests that only read it (`demo_server`). Those tests run after every other test of the
    worker (see `pytest_collection_modifyitems`), so no other test sees the demo and none
    flushes it in between; each runs in a transaction of its own on top (a `db` test)."""
    from django.core.management import call_command

    from tests.conftest import load_demo_content

    with django_db_blocker.unblock():
        restore_migrated_rows()  # an earlier browser test may have flushed them
        load_demo_content()
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
        restore_migrated_rows()


@pytest.fixture(scope="session")
def demo_server(demo_site):
    """A live server of its own over the shared demo: pytest-django's `live_server` would make
    each test transactional, and the flush after the first would empty the demo."""
    from django.test.utils import modify_settings

    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost")
    with modify_settings(ALLOWED_HOSTS={"append": "localhost"}):
        yield server
    server.stop()
