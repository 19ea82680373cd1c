"""axe-core on every page type, in both languages, at desktop and phone widths, and in the
states a reader reaches: forms re-rendered with errors, filtered map and list, search with and
without results, the open mobile menu, the embed, the 404 page. Zero violations, and none of
the Content-Security-Policy either (no inline style or script blocked on any of them).

The demo content is loaded once per worker and shared read-only (`demo_server`, see
conftest.py); one test per page type, form and menu, so the workers split the audit. Each URL
is loaded once and audited at both widths.
"""

from django.test import override_settings

from wagtail.models import Page, get_page_models

import pytest
from axe_playwright_python.sync_playwright import Axe

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


@pytest.fixture(scope="module", autouse=True)
def map_tiles():
    with override_settings(MAP_TILE_URL="https://tile.openstreetmap.org/{z}/{x}/{y}.png"):
        yield


def page_types() -> list[tuple[str, str, str]]:
    """(page type, language, URL) for one live page of each type in each language."""
    found = {}
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        found.setdefault((type(page).__name__, page.locale.language_code), page.url)
    return [(kind, lang, url) for (kind, lang), url in sorted(found.items())]


def page_url(kind: str, lang: str) -> str | None:
    return next((url for k, lg, url in page_types() if (k, lg) == (kind, lang)), None)


def form_url(form: str, lang: str) -> str | None:
    """The URL of a public form in a language: story, join request or registration."""
    if form == "story":
        return page_url("StorySubmissionPage", lang)
    if form == "join":
        club = page_url("ClubDirectoryPage", lang)
        return club and f"{club}aderisci/"
    events = [*CoursePage.objects.live().specific(), *SessionPage.objects.live().specific()]
    return next(
        (e.url for e in events if e.locale.language_code == lang and e.registration_open), None
    )


def reader_states(kind: str, lang: str, url: str) -> list[tuple[str, str]]:
    """(label, URL) of the routable sub-pages and filtered states of a page type."""
    if kind == "ClubDirectoryPage":
        member = Innovator.objects.filter(live=True, is_club_member=True).order_by("pk").first()
        return [
            (f"profile {lang}", f"{url}{member.slug}/"),
            (f"club filtered {lang}", f"{url}?comune=pistoia"),
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

    def __init__(self, browser, server):
        self.server = server
        self.context = browser.new_context(locale="it-IT", viewport=DESKTOP)
        self.page = self.context.new_page()
        self.page.set_default_timeout(60_000)  # first views make their AVIF renditions
        self.page.add_init_script(RECORD_VIOLATIONS)
        self.page.route(
            TILE_PATTERN,
            lambda route: route.fulfill(status=200, content_type="image/png", body=TILE),
        )
        self.axe = Axe()
        self.failures, self.audited = [], 0

    def audit(self, label: str):
        results = self.axe.run(self.page)
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


@pytest.fixture
def audit(browser, demo_server):
    audit = Audit(browser, demo_server)
    yield audit
    audit.context.close()


def test_every_page_type_of_the_demo_is_audited(demo_server):
    """The audit below covers each page type: the demo has a live page of each, and no other."""
    kinds = {kind for kind, _lang, _url in page_types()}
    assert kinds == set(PAGE_TYPES)
    assert {kind for kind, lang, _url in page_types() if lang == "en"} >= {"HomePage", "StoryPage"}


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_type_has_no_violations(audit, kind):
    """The page type in each language it exists in, with its reader states."""
    for lang in LANGUAGES:
        url = page_url(kind, lang)
        if url is None:
            continue
        audit.visit(f"{kind} {lang}", url)
        for label, state_url in reader_states(kind, lang, url):
            audit.visit(label, state_url)
    assert audit.audited >= 2, f"no live {kind} in the demo"
    assert not audit.failures, "\n".join(audit.failures)


@pytest.mark.parametrize("form", FORMS)
def test_form_with_errors_has_no_violations(audit, form):
    """Each public form, in both languages, sent empty and re-rendered with its errors."""
    for lang in LANGUAGES:
        url = form_url(form, lang)
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
