"""The site frame of the demo (`site.toml`): home page, goals, content pages, site settings,
the menu order and the demo admin."""

import dataclasses
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model

from wagtail.models import Page, Site

from home.factories import ContentPageFactory, HomeGoalFactory, HomePageFactory
from home.models import ContentPage, HomePage
from portal.models import SiteSettings

from .data import Reader, stream
from .images import demo_image


@dataclasses.dataclass
class Picture:
    title: str
    seed: int
    alt: str


@dataclasses.dataclass
class Home:
    title: str
    slug: str
    seo_title: str
    motto: str
    intro: str
    image: dict
    body: list

    def __post_init__(self):
        self.image = Picture(**self.image)
        self.body = stream(self.body)


@dataclasses.dataclass
class Goal:
    title: str
    text: str
    link_label: str
    section: str  # slug of the section under the home page that serves it


@dataclasses.dataclass
class ContentSection:
    slug: str
    title: str
    intro: str
    body: list
    show_in_menus: bool = False

    def __post_init__(self):
        self.body = stream(self.body)


@dataclasses.dataclass
class Settings:
    site_name: str
    contact_email: str
    contact_address: str
    privacy_page: str  # slugs of content pages
    accessibility_page: str


def build_home(data: Reader) -> HomePage:
    """The Italian home page as the default site's root (replacing Wagtail's welcome page)."""
    record = data.record(Home, "site", "home")
    site_name = data.record(Settings, "site", "settings").site_name
    site = Site.objects.filter(is_default_site=True).first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        picture = record.image
        fields = dataclasses.asdict(record)
        fields["image"] = demo_image(picture.title, picture.seed, picture.alt)
        home = HomePageFactory(parent=Page.get_first_root_node(), **fields)
    old_root = site.root_page if site else None
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = site_name
    site.save()
    if old_root and old_root.pk != home.pk and not old_root.get_children().exists():
        old_root.delete()  # Wagtail's "Welcome" page from the initial migration
    return home


def build_goals(home: HomePage, data: Reader) -> None:
    """The goals; each links to its section once that section exists."""
    goals = data.records(Goal, "site", "goals")
    if not home.goals.exists():
        for order, goal in enumerate(goals):
            HomeGoalFactory(
                home=home,
                title=goal.title,
                text=goal.text,
                link_label=goal.link_label,
                sort_order=order,
            )
    sections = {page.slug: page for page in home.get_children()}
    for saved, goal in zip(home.goals.all(), goals, strict=False):
        if saved.page_id is None and goal.section in sections:
            saved.page = sections[goal.section]
            saved.save(update_fields=["page"])


def build_content_pages(home: HomePage, data: Reader) -> dict[str, ContentPage]:
    built = {}
    for record in data.records(ContentSection, "site", "pages"):
        page = ContentPage.objects.child_of(home).filter(slug=record.slug).first()
        if page is None:
            page = ContentPageFactory(parent=home, **dataclasses.asdict(record))
        built[record.slug] = page
    return built


def build_site_settings(home: HomePage, content_pages: dict[str, ContentPage], data: Reader):
    record = data.record(Settings, "site", "settings")
    site = Site.objects.get(root_page=home)
    site_settings = SiteSettings.for_site(site)
    site_settings.contact_email = site_settings.contact_email or record.contact_email
    site_settings.contact_address = site_settings.contact_address or record.contact_address
    site_settings.privacy_page = site_settings.privacy_page or content_pages[record.privacy_page]
    site_settings.accessibility_page = (
        site_settings.accessibility_page or content_pages[record.accessibility_page]
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


def order_menu(home: HomePage, data: Reader) -> None:
    """Put the home page's sections in the order of `menu_order`, in Italian and in every
    translation. Translations follow their Italian source; pages not listed keep their place
    after."""
    sections = {page.slug: page for page in home.get_children()}
    menu_order = data.get("site", "menu_order")
    order = [sections[slug].translation_key for slug in menu_order if slug in sections]
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
