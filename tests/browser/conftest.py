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
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
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
def migrated_rows(transactional_db):
    """Recreate what migrations made (the locales, the tree root, the root collection, the
    comuni): the live server's database is flushed after each browser test."""
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
