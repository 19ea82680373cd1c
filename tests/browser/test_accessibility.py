"""axe-core on every page type, in both languages, at desktop and phone widths, and in the
states a reader reaches: forms re-rendered with errors, filtered map and list, search with and
without results, the open mobile menu, the embed, the 404 page. Zero violations, and none of
the Content-Security-Policy either (no inline style or script blocked on any of them).

The demo content is loaded once per worker and shared read-only (`demo_server`, see
conftest.py); one test per page type, form and menu, so the workers split the audit. Each URL
is loaded once and audited at both widths, in one browser page per module (`audited_page`)
that loads axe into each document as it opens.
"""

import json

from django.test import override_settings

from wagtail.models import Page, get_page_models

import pytest
from axe_playwright_python.base import AXE_SCRIPT, AxeResults

from courses.models import CoursePage, SessionPage
from innovators.models import Innovator, Sector
from tests.browser.test_map import TILE, TILE_PATTERN
from tests.browser.test_security_headers import RECORD_VIOLATIONS, VIOLATIONS

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
SUBMIT = "main form[method='post'] button[type='submit']"
LANGUAGES = ("it", "en")
# Every page type of the portal (not Wagtail's root `Page`): each is audited on the demo site.
PAGE_TYPES = sorted(model.__name__ for model in get_page_models() if model is not Page)
FORMS = ("story", "join", "registration")
AXE_OPTIONS = {"resultTypes": ["violations"]}  # axe-playwright-python's default


@pytest.fixture(scope="module", autouse=True)
def map_tiles():
    with override_settings(MAP_TILE_URL="https://tile.openstreetmap.org/{z}/{x}/{y}.png"):
        yield


@pytest.fixture(scope="module")
def demo_urls(demo_server, django_db_blocker) -> dict[tuple[str, str], str]:
    """{(page type, language): URL} of one live page of each type in each language, read once
    from the committed demo."""
    found = {}
    with django_db_blocker.unblock():
        for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
            found.setdefault((type(page).__name__, page.locale.language_code), page.url)
    return found


def form_url(demo_urls, form: str, lang: str) -> str | None:
    """The URL of a public form in a language: story, join request or registration."""
    if form == "story":
        return demo_urls.get(("StorySubmissionPage", lang))
    if form == "join":
        club = demo_urls.get(("ClubDirectoryPage", lang))
        return club and f"{club}aderisci/"
    events = [*CoursePage.objects.live().specific(), *SessionPage.objects.live().specific()]
    return next(
        (e.url for e in events if e.locale.language_code == lang and e.registration_open), None
    )


def reader_states(kind: str, lang: str, url: str) -> list[tuple[str, str]]:
    """(label, URL) of the routable sub-pages and filtered states of a page type."""
    if kind == "ClubDirectoryPage":
        member = Innovator.objects.filter(live=True, is_club_member=True).order_by("pk").first()
        board = "bacheca" if lang == "it" else "board"  # the club's board of offers and needs
        return [
            (f"profile {lang}", f"{url}{member.slug}/"),
            (f"club filtered {lang}", f"{url}?comune=pistoia"),
            (f"board {lang}", f"{url}{board}/"),
            (f"board filtered {lang}", f"{url}{board}/?tipo=offro&categoria=spazi-attrezzature"),
        ]
    if kind == "InnovatorMapPage":
        sector = Sector.objects.filter(locale__language_code="it").order_by("pk").first()
        return [
            (f"map filtered {lang}", f"{url}?comune=pistoia&club=1"),
            (f"map embed {lang}", f"{url}embed/"),
            (f"map sector {lang}", f"{url}?settore={sector.slug}"),
        ]
    if kind == "HomePage":
        prefix = "" if lang == "it" else "/en"
        return [
            (f"search results {lang}", f"{prefix}/cerca/?q=innovazione"),
            (f"search one kind {lang}", f"{prefix}/cerca/?q=pistoia&tipo=innovatori"),
            (f"search empty {lang}", f"{prefix}/cerca/?q=zzqxj"),
            (f"search hostile {lang}", f'{prefix}/cerca/?q="'),
            (f"404 {lang}", f"{prefix}/non-esiste/"),
        ]
    return []


class Audit:
    """One browser page over the shared demo; axe findings collected, asserted at the end."""

    def __init__(self, page, server):
        self.page, self.server = page, server
        self.failures, self.audited = [], 0

    def audit(self, label: str):
        results = AxeResults(self.page.evaluate(f"axe.run({json.dumps(AXE_OPTIONS)})"))
        self.audited += 1
        if results.violations_count:
            self.failures.append(f"--- {label} ({self.page.url})\n{results.generate_report()}")
        if blocked := self.page.evaluate(VIOLATIONS):
            self.failures.append(f"--- {label} ({self.page.url}): CSP blocked {blocked}")

    def both_widths(self, label: str):
        self.page.set_viewport_size(DESKTOP)
        self.audit(f"{label} @desktop")
        self.page.set_viewport_size(PHONE)
        self.audit(f"{label} @375")

    def visit(self, label: str, url: str):
        self.page.set_viewport_size(DESKTOP)
        self.page.goto(self.server.url + url)
        if self.page.locator("[data-innovator-map]").count():
            self.page.locator("[data-innovator-map][data-state='ready']").first.wait_for(
                state="attached"
            )
        self.both_widths(label)

    def goto(self, url: str):
        self.page.goto(self.server.url + url)


@pytest.fixture(scope="module")
def audited_page(browser, demo_server):
    """One browser page for the module's audits (a context costs the browser about 0.3 s of
    CPU): axe and the CSP recorder in every document it loads, the map's tiles served here."""
    context = browser.new_context(locale="it-IT", viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(60_000)  # first views make their AVIF renditions
    page.add_init_script(RECORD_VIOLATIONS)
    page.add_init_script(AXE_SCRIPT)  # once per document, not once per audit of it
    page.route(
        TILE_PATTERN,
        lambda route: route.fulfill(status=200, content_type="image/png", body=TILE),
    )
    yield page
    context.close()


@pytest.fixture
def audit(audited_page, demo_server):
    audited_page.context.clear_cookies()  # each test starts without the last one's session
    return Audit(audited_page, demo_server)


def test_every_page_type_of_the_demo_is_audited(demo_urls):
    """The audit below covers each page type: the demo has a live page of each, and no other."""
    assert {kind for kind, _lang in demo_urls} == set(PAGE_TYPES)
    assert {kind for kind, lang in demo_urls if lang == "en"} >= {"HomePage", "StoryPage"}


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_type_has_no_violations(audit, demo_urls, kind):
    """The page type in each language it exists in, with its reader states."""
    for lang in LANGUAGES:
        url = demo_urls.get((kind, lang))
        if url is None:
            continue
        audit.visit(f"{kind} {lang}", url)
        for label, state_url in reader_states(kind, lang, url):
            audit.visit(label, state_url)
    assert audit.audited >= 2, f"no live {kind} in the demo"
    assert not audit.failures, "\n".join(audit.failures)


@pytest.mark.parametrize("form", FORMS)
def test_form_with_errors_has_no_violations(audit, demo_urls, form):
    """Each public form, in both languages, sent empty and re-rendered with its errors."""
    for lang in LANGUAGES:
        url = form_url(demo_urls, form, lang)
        assert url, f"no {form} form in {lang} in the demo"
        audit.page.set_viewport_size(DESKTOP)
        audit.goto(url)
        audit.page.evaluate("document.querySelectorAll('form').forEach(f => f.noValidate = true)")
        audit.page.locator(SUBMIT).first.click()
        audit.page.locator("[role='alert']").first.wait_for()
        audit.both_widths(f"{form} form {lang} with errors")
    assert not audit.failures, "\n".join(audit.failures)


@pytest.mark.parametrize("url", ["/storie/", "/en/stories/"])
def test_open_mobile_menu_has_no_violations(audit, url):
    audit.page.set_viewport_size(PHONE)
    audit.goto(url)
    audit.page.locator("button.main-nav__toggle").click()
    audit.audit(f"open mobile menu {url}")
    assert not audit.failures, "\n".join(audit.failures)


@pytest.mark.parametrize("url", ["/mappa/", "/en/map/"])
def test_open_map_filters_on_a_phone_have_no_violations(audit, url):
    """The map's filters folded behind «Filtri (n)» on a phone, opened as a panel."""
    audit.page.set_viewport_size(PHONE)
    audit.goto(url)
    audit.page.locator("[data-innovator-map][data-state='ready']").wait_for(state="attached")
    audit.page.locator("[data-filters-toggle]").click()
    audit.page.locator("#innovator-filters").wait_for(state="visible")
    audit.audit(f"open map filters {url}")
    assert not audit.failures, "\n".join(audit.failures)
