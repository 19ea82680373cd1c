"""The stories in the demo: the index, the public form, twelve stories about demo innovators,
the editorial workflow on the stories and the programme, and demo editors and moderators.

The stories are invented, about the invented demo innovators. `extra` generates more for
scale tests. Everything is looked up before it is created, so the builder can run again.
"""

import datetime

from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify

from wagtail.models import Page

from tqdm import tqdm

from courses.desk import DESK, events_desk_group
from home.models import HomePage
from innovators.models import Innovator
from stories.editorial import EDITORS, MODERATORS, attach_editorial_workflow, route_reviews
from stories.factories import StoryIndexPageFactory, StoryPageFactory, StorySubmissionPageFactory
from stories.models import ProgrammePhase, StoryIndexPage, StoryPage, StorySubmissionPage

from .images import demo_image
from .site import demo_password, secure_demo_account

GENERATED_SLUG_PREFIX = "storia-demo-"

# (title, innovator names, phase, date, tags, intro, paragraphs, quote, quote attribution)
STORIES = [
    (
        "Alberi per le città europee, con metà dell'acqua",
        ["Vivai Verdecittà", "Serre Bioniche Pistoiesi"],
        1,
        datetime.date(2025, 4, 10),
        ["verde urbano", "acqua", "IoT"],
        "Un vivaio storico della piana e una startup di sensori hanno ripensato l'irrigazione dei vasi.",
        [
            "Da quasi cinquant'anni Vivai Verdecittà coltiva alberature per i viali di mezza Europa. "
            "Durante la fase di esplorazione abbiamo visitato le serre e raccolto un bisogno preciso: "
            "misurare davvero quanta acqua serve a ogni pianta.",
            "Con Serre Bioniche Pistoiesi è nato un piccolo laboratorio sul campo: sensori a basso "
            "costo nei vasi, un cruscotto condiviso e una stagione di prove. Il risultato è un "
            "risparmio d'acqua vicino al quaranta per cento.",
        ],
        "Prima irrigavamo a sentimento. Ora guardiamo i dati, e le piante stanno meglio.",
        "Responsabile produzione, Vivai Verdecittà",
    ),
    (
        "Il filo che torna: la lana rigenerata di Montale",
        ["Filati di Valle", "Maglieria Montalese Lab"],
        1,
        datetime.date(2025, 5, 6),
        ["economia circolare", "tessile"],
        "Due aziende tessili raccontano come gli scarti di maglieria diventano nuovo filato.",
        [
            "Il distretto tessile ha una lunga storia di riuso. Filati di Valle e Maglieria "
            "Montalese Lab ne hanno fatto un metodo: ritagli selezionati per colore, sfilacciati e "
            "rifilati senza nuove tinture.",
            "Nelle interviste dell'esplorazione è emersa la difficoltà di certificare il contenuto "
            "riciclato: un tema che il programma porterà nei percorsi di formazione.",
        ],
        "",
        "",
    ),
    (
        "Divani su misura progettati con i clienti",
        ["Divani del Montalbano"],
        2,
        datetime.date(2025, 6, 18),
        ["design", "co-progettazione"],
        "Un'azienda del mobile imbottito ha aperto il laboratorio ai suoi clienti per progettare insieme.",
        [
            "Nella fase di progettazione Divani del Montalbano ha partecipato a una sessione di "
            "co-creazione con designer e clienti: tre pomeriggi per ripensare i moduli di seduta.",
            "Il prototipo nato dagli incontri è oggi in produzione, con tessuti scelti tra quelli "
            "rigenerati del distretto.",
        ],
        "Ascoltare chi si siede sui nostri divani ci ha fatto cambiare idea su molte cose.",
        "Titolare, Divani del Montalbano",
    ),
    (
        "Legno che non si butta",
        ["Legno Circolare", "Falegnameria Larcianese 4.0"],
        2,
        datetime.date(2025, 7, 2),
        ["economia circolare", "artigianato"],
        "Gli scarti di falegnameria diventano pannelli e arredi per scuole e biblioteche.",
        [
            "Legno Circolare recupera i ritagli delle falegnamerie della Valdinievole; la "
            "Falegnameria Larcianese 4.0 li trasforma con macchine a controllo numerico.",
            "Insieme hanno progettato una linea di arredi per spazi pubblici, presentata durante "
            "la fase di progettazione ai comuni della provincia.",
        ],
        "",
        "",
    ),
    (
        "Treni, robot e giovani tecnici",
        ["Officine Ferroviarie Future", "Robotica Valdinievole"],
        3,
        datetime.date(2025, 9, 15),
        ["meccanica", "formazione", "robotica"],
        "Dalla tradizione ferrotranviaria pistoiese a un percorso di formazione sulla robotica collaborativa.",
        [
            "Pistoia costruisce treni da più di un secolo. Officine Ferroviarie Future e Robotica "
            "Valdinievole hanno portato in officina i cobot, i robot che lavorano accanto alle persone.",
            "Il percorso, avviato nella fase di azione, ha coinvolto venti giovani tecnici e due "
            "istituti del territorio.",
        ],
        "Il robot non sostituisce l'esperienza: la mette a disposizione di chi arriva dopo.",
        "Capo reparto, Officine Ferroviarie Future",
    ),
    (
        "Una scarpa più leggera per chi cammina tanto",
        ["Calzaturificio Passo Leggero", "Scuola della Scarpa"],
        3,
        datetime.date(2025, 10, 8),
        ["calzature", "formazione"],
        "Un calzaturificio e una scuola di mestiere insieme per un modello pensato per gli infermieri.",
        [
            "L'idea è nata da un gruppo di infermiere dell'ospedale San Jacopo: scarpe leggere, "
            "lavabili, adatte ai turni lunghi.",
            "Calzaturificio Passo Leggero ha sviluppato il modello con gli allievi della Scuola "
            "della Scarpa, che hanno seguito ogni fase dalla forma alla tomaia.",
        ],
        "",
        "",
    ),
    (
        "Il formaggio della montagna pistoiese va in rete",
        ["Caseificio della Montagna", "Borghi in Rete"],
        3,
        datetime.date(2025, 11, 12),
        ["agroalimentare", "montagna", "turismo"],
        "Un caseificio d'alta quota e una rete di borghi costruiscono un itinerario del gusto.",
        [
            "Il Caseificio della Montagna lavora il latte di dodici piccoli allevatori. Con Borghi "
            "in Rete ha disegnato un itinerario tra caseifici, rifugi e botteghe.",
            "Le visite guidate, prenotabili online, hanno portato in montagna più di mille "
            "visitatori nella prima stagione.",
        ],
        "Chi assaggia il formaggio qui, poi lo cerca anche in città.",
        "Casara, Caseificio della Montagna",
    ),
    (
        "Olio, dati e frantoi aperti",
        ["Frantoio Colline di Pescia", "Codice Verde"],
        3,
        datetime.date(2025, 12, 3),
        ["agroalimentare", "dati aperti"],
        "Un frantoio e una software house hanno reso tracciabile ogni bottiglia, dall'oliva allo scaffale.",
        [
            "Frantoio Colline di Pescia molisce le olive di duecento piccoli produttori. Codice "
            "Verde ha sviluppato un'etichetta che racconta la provenienza di ogni lotto.",
            "I dati, pubblicati in formato aperto, sono diventati materiale per le scuole agrarie.",
        ],
        "",
        "",
    ),
    (
        "Coderdojo: programmare il sabato mattina",
        ["Coderdojo Pistoia", "Biblioteca Makers"],
        3,
        datetime.date(2026, 1, 20),
        ["formazione", "digitale", "giovani"],
        "Volontari e bibliotecari insegnano a bambine e bambini a programmare e costruire.",
        [
            "Ogni sabato la Biblioteca Makers ospita gli incontri di Coderdojo Pistoia: robot di "
            "cartone, videogiochi e sensori.",
            "Con il programma gli incontri sono arrivati in sei comuni della montagna e della "
            "Valdinievole.",
        ],
        "Imparano a sbagliare senza paura: è la cosa più importante.",
        "Volontaria, Coderdojo Pistoia",
    ),
    (
        "L'energia del quartiere",
        ["Energia di Comunità Serravalle"],
        3,
        datetime.date(2026, 2, 11),
        ["energia", "comunità"],
        "Una comunità energetica rinnovabile condivide il sole dei tetti tra famiglie e imprese.",
        [
            "Energia di Comunità Serravalle riunisce quaranta famiglie, due scuole e tre imprese. "
            "I pannelli sui tetti producono energia condivisa.",
            "La fase di azione ha sostenuto lo studio di fattibilità per allargare la comunità ai "
            "comuni vicini.",
        ],
        "",
        "",
    ),
    (
        "Pane e lavoro: la cooperativa che impasta inclusione",
        ["Cooperativa Mani in Pasta", "Orti Sociali Pieve"],
        3,
        datetime.date(2026, 3, 4),
        ["inclusione", "agroalimentare"],
        "Un forno sociale e gli orti di comunità creano lavoro per persone in cerca di una seconda possibilità.",
        [
            "La Cooperativa Mani in Pasta sforna pane con le farine dei grani antichi coltivati "
            "negli Orti Sociali Pieve.",
            "Il programma ha accompagnato il progetto con un percorso sulla gestione d'impresa e "
            "sulla comunicazione.",
        ],
        "Il pane buono si fa con tempo e pazienza. Anche le persone.",
        "Presidente, Cooperativa Mani in Pasta",
    ),
    (
        "Teatro in officina",
        ["Teatro delle Officine", "Museo Diffuso del Ferro"],
        4,
        datetime.date(2026, 4, 1),
        ["cultura", "patrimonio industriale"],
        "Una compagnia teatrale porta in scena la storia del lavoro nelle officine di Pistoia.",
        [
            "Il Teatro delle Officine e il Museo Diffuso del Ferro hanno raccolto le voci di chi ha "
            "lavorato nelle fabbriche della città.",
            "Lo spettacolo, replicato nei luoghi del lavoro, è tra le esperienze che la fase di "
            "valutazione sta misurando per capire cosa resta sul territorio.",
        ],
        "",
        "",
    ),
]


def build_index(home: HomePage) -> StoryIndexPage:
    index = StoryIndexPage.objects.child_of(home).first()
    if index is None:
        index = StoryIndexPageFactory(
            parent=home,
            title="Storie",
            slug="storie",
            show_in_menus=True,
            intro="Le storie degli innovatori del territorio pistoiese: imprese, associazioni, "
            "scuole ed enti che costruiscono capacità.",
        )
    if not StorySubmissionPage.objects.child_of(index).exists():
        StorySubmissionPageFactory(
            parent=index,
            title="Racconta la tua storia",
            slug="racconta",
            intro="Hai un progetto, un'idea o un'esperienza di innovazione nella provincia di "
            "Pistoia? Raccontacela: la redazione la leggerà e la pubblicherà nelle Storie.",
            confirmation_text="La redazione leggerà la tua storia entro pochi giorni e ti "
            "scriverà se servono foto o chiarimenti.",
        )
    return index


def build_stories(index: StoryIndexPage, phases: dict[int, ProgrammePhase], extra: int = 0):
    innovators = {
        innovator.name: innovator
        for innovator in Innovator.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE, live=True
        )
    }
    existing = set(StoryPage.objects.child_of(index).values_list("slug", flat=True))
    for seed, (title, names, phase, date, tags, intro, paragraphs, quote, who) in enumerate(
        STORIES, start=40
    ):
        slug = slugify(title)[:70]
        if slug in existing:
            continue
        StoryPageFactory(
            parent=index,
            title=title,
            slug=slug,
            date=date,
            intro=intro,
            author_name="Redazione Pistoia2030",
            phase=phases[phase],
            image=demo_image(f"Storia {seed}", seed, f"Illustrazione per «{title}»"),
            body=[("paragraph", f"<p>{text}</p>") for text in paragraphs],
            quote=quote,
            quote_attribution=who,
            tags=tags,
            innovators=[innovators[name] for name in names if name in innovators],
        )
    if index.featured_story_id is None:
        first = StoryPage.objects.child_of(index).filter(slug=slugify(STORIES[4][0])[:70]).first()
        if first:
            index.featured_story = first
            index.save_revision().publish()

    generated = sum(1 for slug in existing if slug.startswith(GENERATED_SLUG_PREFIX))
    shared_image = demo_image("Storia generata", 8, "Illustrazione astratta di colline")
    names = list(innovators.values())
    for number in tqdm(range(generated, extra), desc="Storie generate", disable=extra < 50):
        StoryPageFactory(
            parent=index,
            slug=f"{GENERATED_SLUG_PREFIX}{number + 1}",
            phase=phases[number % 4 + 1],
            image=shared_image,
            tags=["demo", STORIES[number % len(STORIES)][4][0]],
            innovators=[names[number % len(names)]] if names else None,
        )


def build_workflow(home: HomePage) -> None:
    """The editorial workflow on the whole tree and the draftable snippets (idempotent)."""
    route_reviews(django_apps)
    pages = Page.objects.child_of(home).filter(slug__in=["storie", "programma"])
    attach_editorial_workflow(*pages)


def build(home: HomePage, phases: dict[int, ProgrammePhase], extra: int = 0) -> StoryIndexPage:
    index = build_index(home)
    build_stories(index, phases, extra)
    build_workflow(home)
    return index


def build_editorial_users(stdout, password: str | None = None) -> None:
    """Demo accounts `redazione` (editor), `moderazione` (moderator) and `accoglienza` (events
    desk), with the demo password (`DEMO_ADMIN_PASSWORD` unless one is given)."""
    password = password or demo_password()
    users = get_user_model().objects
    events_desk_group()
    accounts = [("redazione", EDITORS), ("moderazione", MODERATORS), ("accoglienza", DESK)]
    for username, group_name in accounts:
        existing = users.filter(username=username).first()
        if existing:
            secure_demo_account(existing, password, stdout)
            continue
        user = users.create_user(username, f"{username}@pistoia2030.it", password)
        group = Group.objects.filter(name=group_name).first()
        if group:
            user.groups.add(group)
        stdout.write(f"Utente demo creato: {username} ({group_name})")
