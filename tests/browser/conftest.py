"""Browser tests: Playwright for Python driving Debian's Chromium against pytest-django's live server.

Without /usr/bin/chromium the browser tests are skipped (and listed as skipped in the summary),
except in CI (CI=true), where a missing browser is a failure.
"""

import os
import re
from io import StringIO
from pathlib import Path

from django.conf import settings as django_settings

import pytest

from home.demo.stories import build_editorial_users
from tests.conftest import restore_migrated_rows
from tests.production.conftest import site  # noqa: F401 (the fixture `backoffice` builds on)

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
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
            if "demo_site" not in item.fixturenames:  # see `demo_site` in tests/conftest.py
                item.add_marker(pytest.mark.django_db(transaction=True))


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


@pytest.fixture(autouse=True)
def migrated_rows(request):
    """Transactional tests: the live server's database is flushed after each browser test, so
    each starts by restoring the migrated rows (tests on `demo_site` share a committed demo)."""
    if "demo_site" not in request.fixturenames:
        request.getfixturevalue("transactional_db")
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


@pytest.fixture
def backoffice(site, settings, live_server):  # noqa: F811
    """The whole site, its workflows and the demo's editorial accounts, `redazione` and
    `moderazione` (the database was flushed: `migrated_rows` set up the groups and workflow)."""
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    build_editorial_users(StringIO())  # its report of the accounts, not needed here
    return site


def login(page, live_server, username):
    """Log `username` (a demo account) in to the admin through its login form."""
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(django_settings.DEMO_ADMIN_PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
