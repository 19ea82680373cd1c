"""The newsletter page of the demo (its English translation is built with the other sections)
and the editors' permissions on the newsletter's admin area."""

from django.apps import apps

from home.models import HomePage
from newsletter.factories import NewsletterPageFactory
from newsletter.models import NewsletterPage
from newsletter.permissions import grant_newsletter_permissions

INTRO = (
    "Le novità di Pistoia2030 per e-mail, una volta alla settimana e solo quando ce ne sono: "
    "storie di innovatori, percorsi di formazione e sessioni di co-creazione con posti liberi, "
    "notizie dal programma. Scegli tu gli argomenti e la lingua."
)
ISSUE_INTRODUCTION = (
    "<p>Buongiorno! Questa settimana Pistoia2030 racconta nuove storie di innovatori del "
    "territorio e apre le iscrizioni ai prossimi appuntamenti. Buona lettura.</p>"
)


def build_newsletter_page(home: HomePage) -> NewsletterPage:
    page = NewsletterPage.objects.child_of(home).first()
    if page is None:
        page = NewsletterPageFactory(
            parent=home,
            title="Newsletter",
            slug="newsletter",
            intro=INTRO,
            issue_introduction=ISSUE_INTRODUCTION,
        )
        page.save_revision().publish()
    grant_newsletter_permissions(apps)
    return page
