"""The English site: demo translations, a crawl from /en/, the language switcher, fallbacks."""

from io import StringIO
from urllib.parse import urlsplit

from django.core.management import call_command
from django.utils import translation

from wagtail.models import Locale, Page

from bs4 import BeautifulSoup

from home.models import HomePage
from innovators.models import Innovator, Sector
from portal.models import ProgrammePhase
from stories.models import StoryPage

SKIPPED_PREFIXES = ("/admin/", "/static/", "/media/", "/api/", "/documents/")

# `demo` (tests/conftest.py): the demo site, loaded once per worker; each test runs in a
# transaction on top of it, so what one test writes is undone before the next.


def links(html: BeautifulSoup) -> list[str]:
    for switcher in html.select(".language-switcher"):
        switcher.decompose()  # the switcher leads to the other language on purpose
    return [a["href"] for a in html.select("a[href]")]


def test_crawl_from_en_reaches_no_italian_page_and_no_404(client, demo):
    seen, queue, italian = set(), ["/en/"], []
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code == 302:  # a named shortcut (the footer's newsletter link)
            assert response["Location"].startswith("/en/"), path
            queue.append(response["Location"])
            continue
        assert response.status_code == 200, path
        if not response["Content-Type"].startswith("text/html"):
            continue
        html = BeautifulSoup(response.content, "html.parser")
        assert html.html["lang"] == "en", path
        for href in links(html):
            url = urlsplit(href)
            if url.netloc and url.netloc not in {"localhost", "testserver"}:
                continue
            if not url.path.startswith("/") or url.path.startswith(SKIPPED_PREFIXES):
                continue
            if url.path.endswith(".ics") or "/feed/" in url.path or "/calendario/" in url.path:
                continue
            if not url.path.startswith("/en/"):
                italian.append((path, href))
            else:
                queue.append(url.path)
    assert not italian
    english_pages = Page.objects.live().filter(locale__language_code="en").count()
    assert len(seen) >= english_pages  # every English page is reachable, plus the profiles


def test_every_reader_facing_page_and_snippet_is_translated(demo):
    en = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale__language_code="it")
    for child in home.get_children().live():
        assert child.has_translation(en), child.url_path
    assert (
        Sector.objects.filter(locale=en).count()
        == Sector.objects.filter(locale__language_code="it").count()
    )
    assert list(ProgrammePhase.objects.filter(locale=en).values_list("name", flat=True)) == [
        "Exploration",
        "Design",
        "Action",
        "Evaluation",
    ]
    assert StoryPage.objects.live().filter(locale=en).count() >= 3
    english_home = home.get_translation(en).specific
    assert english_home.motto == "Building Capacity"
    assert all(goal.page.locale_id == en.pk for goal in english_home.goals.select_related("page"))


def test_demo_content_is_idempotent_with_english(demo):
    before = Page.objects.count(), Sector.objects.count(), ProgrammePhase.objects.count()
    call_command("load_demo_content", "--no-admin", stdout=StringIO())
    assert (Page.objects.count(), Sector.objects.count(), ProgrammePhase.objects.count()) == before


def test_language_switcher_leads_to_the_translation(client, demo):
    html = BeautifulSoup(client.get("/programma/").content, "html.parser")
    switch = {a["hreflang"]: a["href"] for a in html.select(".language-switcher a")}
    assert switch == {"it": "/programma/", "en": "/en/programme/"}
    html = BeautifulSoup(client.get("/en/impact/").content, "html.parser")
    switch = {a["hreflang"]: a["href"] for a in html.select(".language-switcher a")}
    assert switch["it"] == "/impatto/"


def test_english_strings_dates_and_numbers(client, demo):
    html = BeautifulSoup(client.get("/en/impact/").content, "html.parser")
    assert html.select_one(".skip-link").text == "Skip to main content"
    assert "Figures computed by the portal on" in html.text
    with translation.override("en"):
        assert translation.gettext("Iscriviti") == "Register"
    months = html.select("#registrations_by_month tbody th")
    assert months and all(
        not month.text.startswith(("gen", "mag", "giu", "lug", "ago", "set", "ott", "dic"))
        for month in months
    )


def test_untranslated_innovator_falls_back_to_italian(client, demo):
    innovator = Innovator.objects.filter(locale__language_code="it", live=True).first()
    assert innovator.get_translation_or_none(Locale.objects.get(language_code="en")) is None
    response = client.get(f"/en/club/{innovator.slug}/")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.h1.text.strip() == innovator.name
    assert html.html["lang"] == "en"


def test_english_demo_is_built_through_wagtail_localize(client, demo):
    """Every English page is a wagtail-localize translation, so "Sync" renders it again in
    English; old demo databases (plain copies) are converted by the loader, losing nothing."""
    from wagtail_localize.models import Translation, TranslationSource

    english = Locale.objects.get(language_code="en")
    pages = Page.objects.filter(locale=english).specific()
    titles = {page.pk: page.title for page in pages}
    managed = set(
        Translation.objects.filter(target_locale=english, enabled=True).values_list(
            "source__object_id", flat=True
        )
    )
    assert {page.translation_key for page in pages} <= managed
    for sector in Sector.objects.filter(locale=english):
        assert sector.translation_key in managed

    # "Sync translated pages" on every source, publishing: the English text stays English.
    for translation_row in Translation.objects.filter(target_locale=english):
        translation_row.source.update_from_db()
        translation_row.save_target(publish=True)
    for page in Page.objects.filter(locale=english).specific():
        assert page.title == titles[page.pk]

    # An older demo database: the same pages as plain copies, nothing recorded.
    Translation.objects.all().delete()
    TranslationSource.objects.all().delete()
    call_command("load_demo_content", "--no-admin", stdout=StringIO())
    assert Translation.objects.filter(target_locale=english).count() >= len(titles)
    assert {page.pk: page.title for page in Page.objects.filter(locale=english)} == titles


def test_english_map_club_and_geojson_read_english_sectors(client, demo):
    english_names = set(
        Sector.objects.filter(locale__language_code="en").values_list("name", flat=True)
    )
    italian_names = set(
        Sector.objects.filter(locale__language_code="it").values_list("name", flat=True)
    )
    features = client.get("/api/innovatori.geojson?lang=en").json()["features"]
    assert {feature["properties"]["sector"] for feature in features} <= english_names
    html = BeautifulSoup(client.get("/en/map/").content, "html.parser")
    shown = " ".join(item.get_text(" ") for item in html.select(".innovator-list__meta"))
    assert any(name in shown for name in english_names)
    assert not any(name in shown for name in italian_names - english_names)
    innovator = Innovator.objects.filter(locale__language_code="it", live=True).first()
    profile = client.get(f"/en/club/{innovator.slug}/").content.decode()
    sector = Sector.objects.get(
        translation_key=innovator.sector.translation_key, locale__language_code="en"
    )
    assert sector.name in profile
