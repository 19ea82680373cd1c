from home.factories import HomeGoalFactory
from stories.factories import PhaseUpdatePageFactory
from tests.html import parse, texts


def test_home_shows_motto_purpose_and_goals(client, home_page, programme_page):
    for title in ["Dare visibilità", "Stimolare la partecipazione"]:
        HomeGoalFactory(home=home_page, title=title, page=programme_page, link_label="")
    html = parse(client.get("/"))
    assert html.find("h1").get_text(strip=True) == "Costruire Capacità"
    assert home_page.intro in html.select_one(".hero__intro").get_text()
    goals = html.select(".goal")
    assert texts(g.find("h3") for g in goals) == ["Dare visibilità", "Stimolare la partecipazione"]
    # A goal leads to its section of the site.
    assert goals[0].find("a")["href"] == "/programma/"


def test_goal_without_section_says_it_is_coming(client, home_page):
    HomeGoalFactory(
        home=home_page, title="Creare sinergie", page=None, link_label="Club degli innovatori"
    )
    goal = parse(client.get("/")).select_one(".goal")
    assert goal.find("a") is None
    assert "Club degli innovatori · in arrivo" in goal.get_text(" ", strip=True)


def test_timeline_marks_the_current_phase(client, programme_page):
    html = parse(client.get("/"))
    phases = html.select(".timeline > li")
    assert len(phases) == 4
    current = html.select('.timeline > li[aria-current="step"]')
    assert texts(c.select_one(".timeline__name") for c in current) == ["Azione"]
    assert "fase attuale" in current[0].get_text()


def test_latest_updates_are_the_three_newest(client, programme_page, phases):
    for day in range(1, 6):
        PhaseUpdatePageFactory(
            parent=programme_page, title=f"Notizia {day}", date=f"2026-03-0{day}"
        )
    html = parse(client.get("/"))
    assert texts(html.select(".card__title")) == ["Notizia 5", "Notizia 4", "Notizia 3"]


def test_empty_sections_are_not_shown(client, home_page):
    html = parse(client.get("/"))
    assert html.select(".timeline") == []
    assert html.select(".card") == []
    assert html.find(id="updates-heading") is None


def test_site_frame(client, programme_page, home_page):
    html = parse(client.get("/"))
    assert html.find("html")["lang"] == "it"
    skip = html.select_one("a.skip-link")
    assert skip["href"] == "#main" and html.find(id="main").name == "main"
    nav = html.select_one('nav[aria-label="Navigazione principale"]')
    assert texts(nav.find_all("a")) == ["Il programma"]
    footer = html.find("footer").get_text(" ", strip=True)
    for promoter in [
        "Camera di Commercio Pistoia",
        "Provincia di Pistoia",
        "Fondazione Cassa di Risparmio di Pistoia e Pescia",
        "Politecnico di Milano",
    ]:
        assert promoter in footer


def test_footer_links_the_legal_pages(client, home_page):
    from home.factories import ContentPageFactory
    from portal.models import SiteSettings

    privacy = ContentPageFactory(parent=home_page, title="Informativa privacy", slug="privacy")
    statement = ContentPageFactory(parent=home_page, title="Accessibilità", slug="accessibilita")
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.privacy_page = privacy
    site_settings.accessibility_page = statement
    site_settings.contact_email = "info@example.org"
    site_settings.save()
    footer = parse(client.get("/")).find("footer")
    assert footer.select_one('[data-element="accessibility-link"]')["href"] == "/accessibilita/"
    assert footer.find("a", string="Informativa privacy")["href"] == "/privacy/"
    assert footer.find("a", href="mailto:info@example.org")


def test_content_page_renders_its_blocks(client, home_page):
    from home.factories import ContentPageFactory

    ContentPageFactory(
        parent=home_page,
        title="Il nostro approccio",
        slug="il-nostro-approccio",
        body=[
            ("heading", {"text": "Visione sistemica", "level": "h2"}),
            ("paragraph", "<p>Adottiamo una visione sistemica.</p>"),
            ("quote", {"text": "Costruire capacità", "attribution": "Il team", "role": ""}),
            (
                "key_figures",
                {
                    "heading": "In numeri",
                    "figures": [{"value": "20", "label": "comuni", "description": ""}],
                },
            ),
        ],
    )
    html = parse(client.get("/il-nostro-approccio/"))
    assert html.find("h1").get_text() == "Il nostro approccio"
    assert "Visione sistemica" in texts(html.find_all("h2"))
    assert html.select_one(".block-quote blockquote").get_text(strip=True) == "Costruire capacità"
    assert html.select_one(".key-figures__value").get_text() == "20"
    breadcrumb = html.select_one('nav[aria-label="Percorso"]')
    assert breadcrumb.find("a")["href"] == "/"
