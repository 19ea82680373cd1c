"""The site frame of the demo: home page, content pages, site settings and the demo admin."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model

from wagtail.models import Page, Site

from home.factories import ContentPageFactory, HomeGoalFactory, HomePageFactory
from home.models import ContentPage, HomePage
from portal.models import SiteSettings

from . import texts
from .images import demo_image


def build_home() -> HomePage:
    """The Italian home page as the default site's root (replacing Wagtail's welcome page)."""
    site = Site.objects.filter(is_default_site=True).first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        home = HomePageFactory(
            parent=Page.get_first_root_node(),
            title="Pistoia2030",
            slug="pistoia2030",
            seo_title="Pistoia2030 · Costruire Capacità",
            intro=texts.TAGLINE,
            hero_image=demo_image("Colline pistoiesi", 0, "Illustrazione di colline al tramonto"),
            body=[
                ("heading", {"text": "Costruire Capacità", "level": "h2"}),
                ("paragraph", texts.BUILDING_CAPACITY),
                (
                    "key_figures",
                    {
                        "heading": "Il programma in numeri",
                        "figures": [
                            {"value": "3", "label": "promotori", "description": ""},
                            {"value": "20", "label": "comuni coinvolti", "description": ""},
                            {"value": "4", "label": "obiettivi", "description": ""},
                            {"value": "4", "label": "fasi", "description": "dal 2025 al 2027"},
                        ],
                    },
                ),
            ],
        )
    old_root = site.root_page if site else None
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = "Pistoia2030"
    site.save()
    if old_root and old_root.pk != home.pk and not old_root.get_children().exists():
        old_root.delete()  # Wagtail's "Welcome" page from the initial migration
    return home


def build_goals(home: HomePage) -> None:
    """The four goals; each links to its section once that section exists."""
    if not home.goals.exists():
        for order, (title, text, label, _slug) in enumerate(texts.GOALS):
            HomeGoalFactory(home=home, title=title, text=text, link_label=label, sort_order=order)
    sections = {page.slug: page for page in home.get_children()}
    for goal, (_title, _text, _label, slug) in zip(home.goals.all(), texts.GOALS, strict=False):
        if goal.page_id is None and slug in sections:
            goal.page = sections[slug]
            goal.save(update_fields=["page"])


def build_content_pages(home: HomePage) -> dict[str, ContentPage]:
    pages = {
        "chi-siamo": ("Chi siamo", texts.TAGLINE, texts.ABOUT_BODY, True),
        "il-nostro-approccio": (
            "Il nostro approccio",
            texts.APPROACH_INTRO,
            [
                block
                for heading, text in texts.APPROACH_SECTIONS
                for block in (
                    ("heading", {"text": heading, "level": "h2"}),
                    ("paragraph", f"<p>{text}</p>"),
                )
            ],
            True,
        ),
        "privacy": (
            "Informativa privacy",
            "Come il portale tratta i dati personali.",
            texts.PRIVACY_BODY,
            False,
        ),
        "accessibilita": (
            "Dichiarazione di accessibilità",
            "L’impegno dei promotori per un portale accessibile a tutte e tutti.",
            texts.ACCESSIBILITY_BODY,
            False,
        ),
    }
    built = {}
    for slug, (title, intro, body, in_menu) in pages.items():
        page = ContentPage.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            page = ContentPageFactory(
                parent=home, slug=slug, title=title, intro=intro, body=body, show_in_menus=in_menu
            )
        built[slug] = page
    return built


def build_site_settings(home: HomePage, content_pages: dict[str, ContentPage]) -> None:
    site = Site.objects.get(root_page=home)
    site_settings = SiteSettings.for_site(site)
    site_settings.contact_email = site_settings.contact_email or "info@pistoia2030.it"
    site_settings.contact_address = site_settings.contact_address or (
        "Camera di Commercio Pistoia\nCorso Silvano Fedi 36, 51100 Pistoia"
    )
    site_settings.privacy_page = site_settings.privacy_page or content_pages["privacy"]
    site_settings.accessibility_page = (
        site_settings.accessibility_page or content_pages["accessibilita"]
    )
    site_settings.save()


def demo_password() -> str:
    """DEMO_ADMIN_PASSWORD, or a random password when it is empty (production settings)."""
    return settings.DEMO_ADMIN_PASSWORD or secrets.token_urlsafe(12)


def secure_demo_account(user, password: str, stdout) -> None:
    """Under a random password, an account still on the well-known demo password gets it."""
    if settings.DEMO_ADMIN_PASSWORD or not user.check_password(settings.DEMO_PASSWORD):
        return
    user.set_password(password)
    user.save(update_fields=["password"])
    stdout.write(f"Password demo sostituita: {user.username} / {password}")


def build_admin(stdout, password: str) -> None:
    """A superuser `admin` for the demo, with `password` (see `demo_password`)."""
    users = get_user_model().objects
    existing = users.filter(username="admin").first()
    if existing:
        stdout.write("Utente demo già presente: admin (password invariata)")
        secure_demo_account(existing, password, stdout)
        return
    users.create_superuser("admin", "admin@pistoia2030.it", password)
    stdout.write(
        f"Utente demo creato: admin / {password}  → {settings.WAGTAILADMIN_BASE_URL}/admin/"
    )


# The main navigation, in the order of DESIGN.md: the programme's sections, then about pages.
MENU_ORDER = [
    "mappa",
    "club",
    "storie",
    "formazione",
    "co-creazione",
    "programma",
    "impatto",
    "chi-siamo",
    "il-nostro-approccio",
]


def order_menu(home: HomePage) -> None:
    """Put the home page's sections in menu order, in Italian and in every translation.

    Translations follow their Italian source; pages not listed keep their place after.
    """
    sections = {page.slug: page for page in home.get_children()}
    order = [sections[slug].translation_key for slug in MENU_ORDER if slug in sections]
    for translated_home in home.get_translations(inclusive=True):
        _move_in_order(translated_home, order)


def _move_in_order(home, translation_keys) -> None:
    children = {page.translation_key: page for page in home.get_children()}
    wanted = [children[key] for key in translation_keys if key in children]
    current = [page for page in home.get_children() if page.translation_key in translation_keys]
    if [page.pk for page in current] == [page.pk for page in wanted]:
        return
    for page in reversed(wanted):
        page.refresh_from_db()
        page.move(home, pos="first-child")
