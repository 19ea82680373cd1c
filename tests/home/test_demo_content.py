"""The demo loader: it builds the whole site from `home/demo/data/`, drops nothing the data
files hold and can run again without writing a row. The demo is loaded once per worker
(`demo`, see tests/conftest.py); each test loads again on top of it where it needs to."""

from io import StringIO

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringTranslation, Translation

from courses.models import CoursePage, SessionPage
from home.demo import english, programme, site, stories
from home.demo.courses import Course, Session
from home.demo.data import Reader
from home.demo.innovators import InnovatorRecord, JoinRequestRecord, SectorRecord
from home.models import ContentPage, HomePage
from innovators.models import Innovator, Sector
from portal.models import PortalImage, ProgrammePhase, SiteSettings
from stories.models import PhaseUpdatePage, StoryPage
from tests.html import parse, texts


def load(*args) -> str:
    out = StringIO()
    call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


def test_demo_content_builds_the_site(demo):
    output = load()  # the shared demo has no admin account: this load adds them
    site_ = Site.objects.get(is_default_site=True)
    home = site_.root_page.specific
    assert isinstance(home, HomePage)
    assert [g.title for g in home.goals.all()] == [
        "Dare visibilità",
        "Stimolare la partecipazione",
        "Accrescere le competenze",
        "Creare sinergie",
    ]
    assert list(
        ProgrammePhase.objects.filter(locale__language_code="it").values_list("name", flat=True)
    ) == ["Esplorazione", "Progettazione", "Azione", "Valutazione"]
    assert home.get_children().filter(slug="il-nostro-approccio").exists()
    assert SiteSettings.for_site(site_).accessibility_page is not None
    assert get_user_model().objects.get(username="admin").is_superuser
    assert "admin / " in output
    desk = get_user_model().objects.get(username="accoglienza")
    assert list(desk.groups.values_list("name", flat=True)) == ["Accoglienza"]
    assert desk.check_password(settings.DEMO_ADMIN_PASSWORD) and not desk.is_superuser
    assert desk.has_perm("courses.checkin_registration")


def italian(model):
    return model.objects.filter(locale__language_code="it")


def test_every_record_of_the_data_files_is_on_the_site(demo):
    """Each record becomes its page or snippet, with its own words, in the file's order."""
    data = Reader()
    home = HomePage.objects.get(locale__language_code="it")
    assert home.intro == data.record(site.Home, "site", "home").intro
    pages = data.records(site.ContentSection, "site", "pages")
    assert {(p.slug, p.title) for p in pages} <= set(
        italian(ContentPage).values_list("slug", "title")
    )
    phases = data.records(programme.Phase, "programme", "phases")
    assert list(italian(ProgrammePhase).values_list("number", "summary")) == [
        (phase.number, phase.summary) for phase in phases
    ]
    updates = data.records(programme.Update, "programme", "updates")
    assert list(italian(PhaseUpdatePage).values_list("slug", "intro")) == [
        (update.slug, update.intro) for update in updates
    ]
    story_records = data.records(stories.Story, "stories", "stories")
    assert list(italian(StoryPage).values_list("slug", "quote")) == [
        (story.slug, story.quote) for story in story_records
    ]
    for story in story_records:  # each story links the innovators it names
        page = StoryPage.objects.get(slug=story.slug)
        linked = page.innovator_links.values_list("innovator__name", flat=True)
        assert sorted(linked) == sorted(story.innovators), story.title
    assert list(italian(Sector).values_list("slug", flat=True)) == [
        sector.slug for sector in data.records(SectorRecord, "innovators", "sectors")
    ]
    live = data.records(InnovatorRecord, "innovators", "innovators")
    drafts = data.records(JoinRequestRecord, "innovators", "join_requests")
    assert set(italian(Innovator).filter(live=True).values_list("name", flat=True)) == {
        record.name for record in live
    }
    assert set(italian(Innovator).filter(live=False).values_list("name", flat=True)) == {
        record.name for record in drafts
    }
    for model, records in (
        (CoursePage, data.records(Course, "courses", "courses")),
        (SessionPage, data.records(Session, "courses", "sessions")),
    ):
        events = {event.slug: event for event in italian(model)}
        assert list(events) == [record.slug for record in records]
        for record in records:
            assert events[record.slug].registrations.count() == record.registrations
    translated = {
        "sections": english.Translated,
        "updates": english.Translated,
        "stories": english.Translated,
        "events": english.Translated,
    }
    english_titles = set(
        Page.objects.filter(locale__language_code="en").values_list("title", flat=True)
    )
    for key, cls in translated.items():
        for record in data.keyed(cls, "english", key).values():
            assert record.title in english_titles, (key, record.title)
    assert set(
        Sector.objects.filter(locale__language_code="en").values_list("name", flat=True)
    ) == set(data.get("english", "sectors").values())


def row_counts() -> dict[str, int]:
    """Rows of every model: whatever the loader writes (pages, snippets, tags, images, users,
    groups, translations, settings, menus) is counted."""
    return {model._meta.label: model._base_manager.count() for model in apps.get_models()}


def test_demo_content_is_idempotent(demo, client):
    load()
    before = row_counts()
    output = load()
    after = row_counts()
    written = {label for label, count in before.items() if count}
    for model in (
        Page,
        HomePage,
        StoryPage,
        ProgrammePhase,
        Innovator,
        Sector,
        PortalImage,
        Translation,
        StringTranslation,
        get_user_model(),
    ):
        assert model._meta.label in written, model
    assert {"wagtailcore.Revision", "wagtailcore.ReferenceIndex", "taggit.Tag"} <= written
    assert {label: after[label] for label in before if after[label] != before[label]} == {}
    assert "password invariata" in output
    assert client.get("/").status_code == 200
    assert client.get("/en/").status_code == 200


def test_scale_option_adds_phase_updates_once(demo):
    real = len(Reader().records(programme.Update, "programme", "updates"))
    assert PhaseUpdatePage.objects.filter(locale__language_code="it").count() == real
    load("--phase-updates", "7", "--no-admin")
    assert PhaseUpdatePage.objects.filter(locale__language_code="it").count() == real + 7
    load("--phase-updates", "7", "--no-admin")
    assert PhaseUpdatePage.objects.filter(locale__language_code="it").count() == real + 7
    assert not get_user_model().objects.exists()  # --no-admin: no account


def test_every_demo_page_renders(demo, client):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_main_navigation_follows_the_design_order(demo, client):
    navigation = parse(client.get("/")).select_one('nav[aria-label="Navigazione principale"]')
    assert texts(navigation.find_all("a"))[:6] == [
        "Mappa degli innovatori",
        "Club degli innovatori",
        "Storie",
        "Percorsi di formazione",
        "Sessioni di co-creazione",
        "Il programma",
    ]
    navigation = parse(client.get("/en/")).select_one("nav.main-nav")
    assert texts(navigation.find_all("a"))[:3] == [
        "Map of innovators",
        "Innovators' Club",
        "Stories",
    ]


def test_the_english_events_ask_their_questionnaire_in_english(demo):
    """Same questions (ids and kinds: English answers add up with the Italian ones), in English."""
    english_events = CoursePage.objects.filter(locale__language_code="en")
    assert english_events
    for translation in english_events:
        italian = translation.get_translation(Locale.objects.get(language_code="it"))
        assert [(b.id, b.block_type) for b in translation.questionnaire] == [
            (b.id, b.block_type) for b in italian.questionnaire
        ]
        questions = [block.value["question"] for block in translation.questionnaire]
        assert questions[0] == "Would you recommend this event to a colleague or a friend?"
        assert not set(questions) & {b.value["question"] for b in italian.questionnaire}


def test_the_demo_has_introductions_in_every_state(demo, client):
    from innovators.introductions.models import Introduction

    states = sorted(Introduction.objects.values_list("state", flat=True))
    assert states == ["accepted"] * 3 + ["asked"] * 2 + ["declined", "expired"]
    accepted = Introduction.objects.filter(state="accepted")
    assert all(i.answered_by == i.receiver.contact_email for i in accepted)
    # The impact page's figures by month count them (the page shows them from the data).
    indicators = {i["key"]: i for i in client.get("/api/impatto.json").json()["indicators"]}
    assert sum(row["value"] for row in indicators["introductions_by_month"]["series"]) == 7
    accepted_by_month = indicators["introductions_accepted_by_month"]["series"]
    assert sum(row["value"] for row in accepted_by_month) == 3
