"""The impact page of the demo: the editors' text around the live figures."""

from home.models import HomePage, ImpactPage

INTRO = (
    "La fase 4, Valutazione: quanti innovatori il programma ha reso visibili, quante persone "
    "ha formato e coinvolto. Numeri calcolati dal portale, aggiornati a ogni pubblicazione."
)


def figure(indicator: str, commentary: str = "") -> tuple:
    return ("figure", {"indicator": indicator, "heading": "", "commentary": commentary})


BODY = [
    ("heading", {"text": "Dare visibilità", "level": "h2"}),
    (
        "paragraph",
        "<p>La mappa degli innovatori è il primo risultato del programma: imprese, startup, "
        "associazioni, scuole ed enti che innovano in tutti i comuni della provincia.</p>",
    ),
    figure("innovators_total"),
    figure("club_members"),
    figure(
        "innovators_by_sector",
        "Il vivaismo resta il settore più rappresentato, ma la mappa racconta un territorio "
        "molto più vario.",
    ),
    figure("innovators_by_municipality"),
    figure("club_growth", "Il Club cresce a ogni sessione di co-creazione."),
    ("heading", {"text": "Accrescere le competenze e stimolare la partecipazione", "level": "h2"}),
    figure("courses_held"),
    figure("sessions_held"),
    figure("registrations_confirmed"),
    figure("seats_filled"),
    figure("waiting_list", "Chi è in lista d'attesa riceve un posto appena se ne libera uno."),
    figure("registrations_by_month"),
    figure("newsletter_subscribers"),
    ("heading", {"text": "Raccontare il cambiamento", "level": "h2"}),
    figure("stories_total"),
    figure("stories_by_phase"),
    figure("phases"),
]


def build_impact_page(home: HomePage) -> ImpactPage:
    page = ImpactPage.objects.child_of(home).first()
    if page is None:
        page = ImpactPage(
            title="Impatto", slug="impatto", intro=INTRO, body=BODY, show_in_menus=True
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    return page
