"""axe-core on every page type, in both languages, at desktop and phone widths, and in the
states a reader reaches: forms re-rendered with errors, filtered map and list, search with and
without results, the open mobile menu, the embed, the 404 page. Zero violations.

One test over the demo content (the live server's database is flushed after each test), one
browser page reused for every URL: each URL is loaded once and audited at both widths.
"""

from io import StringIO

from django.core.management import call_command

from wagtail.models import Page

import pytest
from axe_playwright_python.sync_playwright import Axe

from courses.models import CoursePage, SessionPage
from innovators.models import Innovator, Sector
from tests.browser.test_map import TILE, TILE_PATTERN

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
SUBMIT = "main form[method='post'] button[type='submit']"


@pytest.fixture
def demo(transactional_db, settings):
    settings.MAP_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    call_command("load_demo_content", "--no-admin", stdout=StringIO())


def page_types() -> list[tuple[str, str, str]]:
    """(page type, language, URL) for one live page of each type in each language."""
    found = {}
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        found.setdefault((type(page).__name__, page.locale.language_code), page.url)
    return [(kind, lang, url) for (kind, lang), url in sorted(found.items())]


def forms(types) -> list[tuple[str, str]]:
    """(label, URL) of the public forms of both languages: story, join request, registration."""
    found = []
    for kind, lang, url in types:
        if kind == "StorySubmissionPage":
            found.append((f"story form {lang}", url))
        if kind == "ClubDirectoryPage":
            found.append((f"join form {lang}", f"{url}aderisci/"))
    events = [*CoursePage.objects.live().specific(), *SessionPage.objects.live().specific()]
    for lang in ("it", "en"):
        open_event = next(
            (e for e in events if e.locale.language_code == lang and e.registration_open), None
        )
        if open_event:
            found.append((f"registration form {lang}", open_event.url))
    return found


def reader_states(types) -> list[tuple[str, str]]:
    """(label, URL) of the routable sub-pages and filtered states of both languages."""
    member = Innovator.objects.filter(live=True, is_club_member=True).order_by("pk").first()
    sector = Sector.objects.filter(locale__language_code="it").order_by("pk").first()
    states = []
    for kind, lang, url in types:
        if kind == "ClubDirectoryPage":
            states += [
                (f"profile {lang}", f"{url}{member.slug}/"),
                (f"club filtered {lang}", f"{url}?comune=pistoia"),
            ]
        if kind == "InnovatorMapPage":
            states += [
                (f"map filtered {lang}", f"{url}?comune=pistoia&club=1"),
                (f"map embed {lang}", f"{url}embed/"),
                (f"map sector {lang}", f"{url}?settore={sector.slug}"),
            ]
        if kind == "HomePage":
            prefix = "" if lang == "it" else "/en"
            states += [
                (f"search results {lang}", f"{prefix}/cerca/?q=innovazione"),
                (f"search one kind {lang}", f"{prefix}/cerca/?q=pistoia&tipo=innovatori"),
                (f"search empty {lang}", f"{prefix}/cerca/?q=zzqxj"),
                (f"search hostile {lang}", f'{prefix}/cerca/?q="'),
                (f"404 {lang}", f"{prefix}/non-esiste/"),
            ]
    return states


def test_no_accessibility_violations_anywhere(browser, live_server, demo):
    context = browser.new_context(locale="it-IT", viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(60_000)  # first views make their AVIF renditions
    page.route(
        TILE_PATTERN, lambda route: route.fulfill(status=200, content_type="image/png", body=TILE)
    )
    axe = Axe()
    failures, audited = [], 0

    def audit(label: str):
        nonlocal audited
        results = axe.run(page)
        audited += 1
        if results.violations_count:
            failures.append(f"--- {label} ({page.url})\n{results.generate_report()}")

    def both_widths(label: str):
        page.set_viewport_size(DESKTOP)
        audit(f"{label} @desktop")
        page.set_viewport_size(PHONE)
        audit(f"{label} @375")

    def visit(label: str, url: str):
        page.goto(live_server.url + url)
        if page.locator("[data-innovator-map]").count():
            page.locator("[data-innovator-map][data-state='ready']").first.wait_for(
                state="attached"
            )
        both_widths(label)

    types = page_types()
    assert {kind for kind, _lang, _url in types} >= {"HomePage", "InnovatorMapPage", "StoryPage"}
    for kind, lang, url in types:
        visit(f"{kind} {lang}", url)
    for label, url in reader_states(types):
        visit(label, url)
    sent = forms(types)
    assert len(sent) == 6, sent
    for label, url in sent:  # each form sent empty, re-rendered with its errors
        page.set_viewport_size(DESKTOP)
        page.goto(live_server.url + url)
        page.evaluate("document.querySelectorAll('form').forEach(f => f.noValidate = true)")
        page.locator(SUBMIT).first.click()
        page.locator("[role='alert']").first.wait_for()
        both_widths(f"{label} with errors")

    # The open mobile menu.
    for url in ("/storie/", "/en/stories/"):
        page.set_viewport_size(PHONE)
        page.goto(live_server.url + url)
        page.locator("button.main-nav__toggle").click()
        audit(f"open mobile menu {url}")

    context.close()
    assert audited > 60
    assert not failures, "\n".join(failures)
