"""The back office in a real browser, as the demo's `redazione` and `moderazione` (never the
superuser): a story, a course, a phase update and an innovator go from redazione's draft
through moderazione's approval to what the reader sees; the preview panel renders the page;
a translation goes from request to the published English page with nothing Italian on /en/
before the approval."""

import re

from wagtail.models import Locale, Page

import pytest
from playwright.sync_api import expect

from portal.translation_review import submit_url
from tests.browser.conftest import login


def submit_for_review(page):
    """The footer's "Invia a Revisione redazionale" (in the actions drop-down)."""
    page.locator("button[name=action-submit]").evaluate("button => button.click()")
    page.locator(".messages .success, .messages [class*=success]").first.wait_for()


def approve_from_dashboard(page, live_server, title):
    page.goto(f"{live_server.url}/admin/")
    row = page.locator("#awaiting-review-content tr", has_text=title)
    row.get_by_role("button", name="Azioni").click()
    row.get_by_role("button", name="Approva", exact=True).click()
    page.wait_for_load_state("networkidle")


def reader_sees(page, url, text, attempts=20) -> bool:
    """Whether an anonymous reader finds `text` at `url` (approval is posted by a script)."""
    page.context.clear_cookies()
    for _attempt in range(attempts):
        response = page.goto(url)
        if response.status == 200 and page.get_by_text(text).count():
            return True
        page.wait_for_timeout(250)
    return False


def reader_gets_404(page, url) -> bool:
    page.context.clear_cookies()
    return page.goto(url).status == 404


def add_page(page, live_server, parent, model, title, intro_selector="#id_intro"):
    page.goto(f"{live_server.url}/admin/pages/add/{model}/{parent.pk}/")
    page.locator("#id_title").fill(title)
    page.locator("#id_title").press("Tab")
    # Wagtail fills the slug from the title a moment later (debounced): wait for it.
    expect(page.locator("#id_slug")).not_to_have_value("")
    if intro_selector and page.locator(intro_selector).count():
        page.locator(intro_selector).fill(f"{title}: in breve.")


@pytest.mark.parametrize(
    ("parent_key", "model", "title", "listing"),
    [
        ("story_index", "stories/storypage", "Una storia scritta in redazione", "/storie/"),
        ("programme", "stories/phaseupdatepage", "Un aggiornamento sulla fase", "/programma/"),
        ("course_index", "courses/coursepage", "Un corso scritto in redazione", "/formazione/"),
    ],
    ids=["story", "phase-update", "course"],
)
def test_a_page_from_redazione_to_the_reader(
    page, live_server, backoffice, parent_key, model, title, listing
):
    parent = backoffice[parent_key]
    login(page, live_server, "redazione")
    add_page(page, live_server, parent, model, title)
    if model == "courses/coursepage":
        page.locator("#id_start").fill("10/03/2030 09:00")
        page.locator("#id_end").fill("10/03/2030 13:00")
        page.keyboard.press("Escape")
    submit_for_review(page)
    assert reader_gets_404(page, f"{live_server.url}{parent.url}{_slug(title)}/")

    login(page, live_server, "moderazione")
    approve_from_dashboard(page, live_server, title)
    assert reader_sees(page, f"{live_server.url}{listing}", title)
    page.get_by_role("link", name=title).first.click()
    assert page.locator("h1").inner_text() == title


def _slug(title):
    from django.utils.text import slugify

    return slugify(title)


def test_an_innovator_from_redazione_to_the_map(page, live_server, backoffice):
    from innovators.models import Municipality

    sector, pistoia = backoffice["sector"], Municipality.objects.get(slug="pistoia")
    login(page, live_server, "redazione")
    page.goto(f"{live_server.url}/admin/snippets/innovators/innovator/add/")
    page.locator("#id_name").fill("Laboratorio Nuovo")
    page.locator("#id_short_description").fill("Prototipi per le imprese del mobile.")
    # The sector's chooser and the comune's field, set as their widgets do.
    page.locator("#id_sector").evaluate("(input, pk) => input.value = pk", str(sector.pk))
    page.get_by_role("tab", name="Luogo").click()
    page.locator("#id_municipality").evaluate("(input, pk) => input.value = pk", str(pistoia.pk))
    submit_for_review(page)
    assert reader_gets_404(page, f"{live_server.url}/club/laboratorio-nuovo/")

    login(page, live_server, "moderazione")
    approve_from_dashboard(page, live_server, "Laboratorio Nuovo")
    assert reader_sees(page, f"{live_server.url}/club/laboratorio-nuovo/", "Laboratorio Nuovo")
    assert page.locator("h1").inner_text() == "Laboratorio Nuovo"
    assert reader_sees(page, f"{live_server.url}/mappa/", "Laboratorio Nuovo")


def test_the_preview_panel_renders_the_page(page, live_server, backoffice):
    story = backoffice["story"]
    login(page, live_server, "redazione")
    page.goto(f"{live_server.url}/admin/pages/{story.pk}/edit/")
    page.locator("#id_title").fill("Un titolo visto in anteprima")
    page.locator("[data-side-panel-toggle='preview']").click()
    frame = page.frame_locator("[data-side-panel='preview'] iframe").last
    frame.locator("h1", has_text="Un titolo visto in anteprima").wait_for(timeout=20_000)
    assert frame.locator("footer").count() >= 1  # the whole public page, not an error


def test_a_translation_from_request_to_the_english_page(page, live_server, backoffice):
    from wagtail_localize.models import StringSegment, StringTranslation, Translation

    english = Locale.objects.get(language_code="en")
    home, index, story = backoffice["home"], backoffice["story_index"], backoffice["story"]
    for parent in (home, index):  # the English frame the story goes into
        translated = parent.copy_for_translation(english)
        translated.save_revision().publish()

    login(page, live_server, "redazione")
    page.goto(f"{live_server.url}/admin/localize/submit/page/{story.pk}/")
    page.locator(f"input[name=locales][value='{english.pk}']").check()
    page.locator("form [type=submit]").last.click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    english_story = Page.objects.get(translation_key=story.translation_key, locale=english)
    assert not english_story.live  # a draft: nothing on /en/ yet
    english_url = f"{live_server.url}/en/{index.slug}/{english_story.slug}/"
    assert reader_gets_404(page, english_url)

    # The translator's work in wagtail-localize's editor: one English text per segment.
    translation = Translation.objects.get(source__object_id=story.translation_key)
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=english,
            context=segment.context,
            data=f"EN {segment.string.data}" if segment.context.path != "title" else "A story",
            translation_type="manual",
        )

    # "Invia la traduzione in revisione", the action of the English page's "⋯" menu in the
    # explorer (tests/backoffice/test_translation.py checks the explorer offers it). The reader's
    # visit above dropped the editor's session: redazione logs in again.
    login(page, live_server, "redazione")
    page.goto(f"{live_server.url}{submit_url(english_story.specific)}")
    page.get_by_role("button", name="Invia in revisione").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    assert reader_gets_404(page, english_url)

    login(page, live_server, "moderazione")
    approve_from_dashboard(page, live_server, "A story")
    english_story.refresh_from_db()
    english_url = (
        f"{live_server.url}/en/{index.get_translation(english).slug}/{english_story.slug}/"
    )
    assert reader_sees(page, english_url, "A story")
    assert page.locator("h1").inner_text() == "A story"
    assert story.title not in page.content()
