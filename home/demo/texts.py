"""The programme's own words (from its Italian presentation), shaped for the demo pages."""

import datetime

from stories.models import PhaseStatus

TAGLINE = (
    "Un percorso condiviso di scoperta, valorizzazione e innovazione, verso la Pistoia del futuro."
)

PURPOSE = (
    "Pistoia2030 è un progetto promosso da Camera di Commercio Pistoia, Provincia di Pistoia e "
    "Fondazione Cassa di Risparmio di Pistoia e Pescia, realizzato da un team di ricercatori e "
    "professionisti del Politecnico di Milano. Il progetto rappresenta una delle prime iniziative "
    "concrete a supporto della definizione di una strategia condivisa per il territorio pistoiese, "
    "il cui scopo è coinvolgere istituzioni, imprese, organizzazioni e cittadini per il rilancio e "
    "la crescita della provincia."
)

BUILDING_CAPACITY = (
    "<p><b>Costruire Capacità</b> è il filo conduttore che caratterizza le prime azioni di "
    "Pistoia2030, a sottolineare l’intenzione del progetto di portare una nuova visione e nuove "
    "competenze sul territorio, necessarie a diffondere una cultura dell’innovazione a supporto "
    "delle sfide poste dal contesto contemporaneo, sia a livello locale che globale.</p>"
    "<p>A partire da una ricerca delle eccellenze note e di quelle inedite, Pistoia2030 ambisce a "
    "scovare e valorizzare gli innovatori del territorio, e ad introdurre nuovi percorsi di "
    "innovazione che possano abilitare la creazione di nuove competenze, stimolare sinergie "
    "inedite e attivare pratiche virtuose a beneficio di tutto il territorio.</p>"
)

# (title, text, label of the section that serves it, slug of that section under the home page)
GOALS = [
    (
        "Dare visibilità",
        "Individuando le realtà e gli ecosistemi virtuosi, orientati all’innovazione e alla "
        "valorizzazione del territorio, per creare consapevolezza sulle eccellenze che possono "
        "contribuire alla crescita della provincia.",
        "Mappa degli innovatori",
        "mappa",
    ),
    (
        "Stimolare la partecipazione",
        "Attivando percorsi partecipati di progettazione, decisione e azione che coinvolgano sia "
        "gli attori pubblici che quelli privati, per definire una visione e strategie comuni per "
        "il futuro del territorio.",
        "Sessioni di co-creazione",
        "co-creazione",
    ),
    (
        "Accrescere le competenze",
        "Costruendo azioni di supporto alle iniziative emergenti, e potenziando le realtà già "
        "consolidate, a partire dalla comprensione dei bisogni degli innovatori e di coloro che "
        "vogliono diventarlo.",
        "Percorsi di formazione",
        "formazione",
    ),
    (
        "Creare sinergie",
        "Costruendo una comunità di soggetti attivi e innovativi, che stimoli la generazione di "
        "nuove relazioni, e che attraverso la condivisione di idee, azioni e competenze possano "
        "supportarsi e contaminarsi reciprocamente.",
        "Club degli innovatori",
        "club",
    ),
]

# number: (name, summary, status, start, end)
PHASES = {
    1: (
        "Esplorazione",
        "Ricerca e osservazione delle eccellenze del territorio e delle realtà emergenti, per "
        "raccontare gli elementi di innovazione e conoscerne bisogni ed interessi.",
        PhaseStatus.COMPLETED,
        datetime.date(2025, 1, 15),
        datetime.date(2025, 7, 31),
    ),
    2: (
        "Progettazione",
        "Ideazione di percorsi e azioni di formazione, accelerazione, rafforzamento e "
        "valorizzazione, grazie a meccanismi di progettazione partecipata, volti a supportare e "
        "incoraggiare lo sviluppo delle realtà individuate.",
        PhaseStatus.COMPLETED,
        datetime.date(2025, 9, 1),
        datetime.date(2026, 2, 28),
    ),
    3: (
        "Azione",
        "Realizzazione concreta dei percorsi e delle azioni progettati in maniera partecipata, e "
        "orientati alla soddisfazione delle esigenze emerse nelle fasi precedenti del progetto.",
        PhaseStatus.IN_PROGRESS,
        datetime.date(2026, 3, 1),
        datetime.date(2027, 2, 28),
    ),
    4: (
        "Valutazione",
        "Monitoraggio e verifica dei percorsi intrapresi per poter assicurare il raggiungimento "
        "degli obiettivi preposti e l’efficacia delle attività realizzate, in ottica di "
        "scalabilità del progetto.",
        PhaseStatus.PLANNED,
        datetime.date(2027, 3, 1),
        datetime.date(2027, 12, 31),
    ),
}

APPROACH_INTRO = (
    "Utilizziamo le competenze del design per creare nuove visioni, strategie e servizi, a "
    "supporto dell’innovazione di realtà esistenti o di creazione di nuove realtà e scenari "
    "progettuali."
)

APPROACH_SECTIONS = [
    (
        "Approccio user-centered",
        "Utilizziamo un approccio qualitativo e user-centered, che attraverso l’osservazione e il "
        "dialogo con le realtà per le quali operiamo e i loro utenti, permette di comprenderne "
        "bisogni, desideri e aspettative emergenti.",
    ),
    (
        "Progettazione partecipata",
        "Coinvolgiamo i nostri interlocutori in processi di co-design strutturati e facilitati "
        "secondo i princìpi del service design e del design thinking, per poter generare soluzioni "
        "efficaci ed efficienti, ottimizzando l’uso di risorse umane, materiali, temporali ed "
        "economiche.",
    ),
    (
        "Visione sistemica",
        "Adottiamo una visione sistemica, che mette in relazione bisogni, tecnologia e processi "
        "organizzativi capace di aiutare i soggetti con cui collaboriamo a definire linee "
        "strategiche e percorsi di sviluppo delle proprie potenzialità, dalla ricerca, alla "
        "generazione di soluzioni, fino alla loro implementazione.",
    ),
]

ABOUT_BODY = [
    ("paragraph", f"<p>{PURPOSE}</p>"),
    ("heading", {"text": "I promotori", "level": "h2"}),
    (
        "paragraph",
        "<ul><li>Camera di Commercio Pistoia</li><li>Provincia di Pistoia</li>"
        "<li>Fondazione Cassa di Risparmio di Pistoia e Pescia</li></ul>",
    ),
    ("heading", {"text": "Chi realizza il progetto", "level": "h2"}),
    (
        "paragraph",
        "<p>Il progetto è realizzato da un team di ricercatori e professionisti del Politecnico di "
        "Milano, che utilizza le competenze del design per creare nuove visioni, strategie e "
        "servizi per il territorio.</p>",
    ),
]

PRIVACY_BODY = [
    (
        "paragraph",
        "<p>Questa informativa descrive come il portale Pistoia2030 tratta i dati personali di chi "
        "lo visita e di chi usa i suoi moduli, ai sensi del Regolamento (UE) 2016/679 (GDPR).</p>",
    ),
    ("heading", {"text": "Quali dati raccogliamo", "level": "h2"}),
    (
        "paragraph",
        "<p>Il portale usa solo cookie tecnici, necessari al suo funzionamento, e nessuno "
        "strumento di profilazione o di terze parti. Quando compili un modulo (racconta la tua "
        "storia, adesione al club, iscrizione a un percorso) raccogliamo i dati che inserisci, "
        "solo per la finalità indicata nel modulo.</p>",
    ),
    ("heading", {"text": "Per quanto tempo", "level": "h2"}),
    (
        "paragraph",
        "<p>I dati delle iscrizioni sono conservati fino alla conclusione dell’attività e poi "
        "cancellati; le proposte non pubblicate sono cancellate dopo la revisione. Puoi chiedere "
        "in ogni momento l’accesso, la rettifica o la cancellazione dei tuoi dati scrivendo "
        "all’indirizzo di contatto indicato in fondo alla pagina.</p>",
    ),
]

ACCESSIBILITY_BODY = [
    (
        "paragraph",
        "<p>I promotori di Pistoia2030 si impegnano a rendere il portale accessibile, in "
        "conformità alla Legge 4/2004 e alle Linee guida AgID sull’accessibilità degli strumenti "
        "informatici, che recepiscono le WCAG 2.1 livello AA.</p>",
    ),
    ("heading", {"text": "Stato di conformità", "level": "h2"}),
    (
        "paragraph",
        "<p>Il portale è progettato per essere conforme ai requisiti WCAG 2.2 di livello AA: "
        "struttura semantica, navigazione da tastiera, contrasti adeguati e alternative testuali "
        "per mappe e grafici. Le pagine sono verificate con strumenti automatici a ogni modifica "
        "del codice.</p>",
    ),
    ("heading", {"text": "Segnalazioni", "level": "h2"}),
    (
        "paragraph",
        "<p>Se incontri un contenuto non accessibile, scrivici all’indirizzo di contatto indicato "
        "in fondo alla pagina: ti risponderemo entro 30 giorni.</p>",
    ),
]

# (slug, title, phase number, date, intro, paragraphs, tags)
PHASE_UPDATES = [
    (
        "al-via-la-fase-di-esplorazione",
        "Al via Pistoia2030: parte la fase di esplorazione",
        1,
        datetime.date(2025, 2, 10),
        "Il team del Politecnico di Milano comincia a percorrere la provincia per incontrare le "
        "realtà che innovano, note e meno note.",
        [
            "Con l’avvio della fase di esplorazione, Pistoia2030 entra nel vivo. Ricercatori e "
            "designer incontreranno imprese, associazioni, scuole ed enti dei venti comuni della "
            "provincia per raccontarne gli elementi di innovazione.",
            "Chi vuole segnalare una realtà innovativa può scrivere al team: ogni segnalazione "
            "sarà valutata e, se pertinente, inclusa nella ricerca.",
        ],
        ["esplorazione", "territorio"],
    ),
    (
        "incontrate-le-prime-realta-innovative",
        "Esplorazione: incontrate le prime realtà innovative del territorio",
        1,
        datetime.date(2025, 5, 20),
        "Interviste, visite e osservazione sul campo: un primo bilancio dei mesi di ricerca.",
        [
            "In tre mesi il team ha visitato aziende del vivaismo e della meccanica, startup "
            "digitali, cooperative sociali e realtà culturali, dalla Montagna Pistoiese alla "
            "Valdinievole.",
            "Dalle conversazioni emergono bisogni comuni: competenze digitali, accesso a reti di "
            "collaborazione e visibilità oltre i confini provinciali.",
        ],
        ["esplorazione", "interviste"],
    ),
    (
        "i-risultati-della-fase-di-esplorazione",
        "Dalla ricerca ai bisogni: i risultati della fase di esplorazione",
        1,
        datetime.date(2025, 7, 8),
        "La fase di esplorazione si chiude con una mappa dei bisogni e delle eccellenze del "
        "territorio pistoiese.",
        [
            "I risultati della ricerca sono stati presentati ai promotori e agli innovatori "
            "coinvolti. Costituiranno la base per la progettazione dei percorsi della fase "
            "successiva.",
        ],
        ["esplorazione", "risultati"],
    ),
    (
        "i-primi-laboratori-di-progettazione-partecipata",
        "Progettazione partecipata: i primi laboratori con istituzioni e imprese",
        2,
        datetime.date(2025, 10, 14),
        "Attori pubblici e privati attorno allo stesso tavolo per immaginare i percorsi di "
        "Pistoia2030.",
        [
            "Nei laboratori di co-design, facilitati secondo i princìpi del service design, i "
            "partecipanti hanno lavorato su tre sfide: competenze, reti e visibilità.",
            "Le idee raccolte sono diventate le prime bozze dei percorsi di formazione e delle "
            "sessioni di co-creazione.",
        ],
        ["progettazione", "co-design"],
    ),
    (
        "definiti-percorsi-e-sessioni",
        "Definiti i percorsi di formazione e le sessioni di co-creazione",
        2,
        datetime.date(2026, 1, 22),
        "Si chiude la fase di progettazione: ecco il calendario delle attività del 2026.",
        [
            "I percorsi di formazione accompagneranno chi vuole innovare, mentre le sessioni di "
            "co-creazione coinvolgeranno pubblico e privato sulle sfide del territorio.",
        ],
        ["progettazione", "formazione"],
    ),
    (
        "parte-la-fase-di-azione",
        "Fase di azione: partono i primi percorsi",
        3,
        datetime.date(2026, 3, 5),
        "Con la fase di azione i percorsi progettati insieme diventano attività concrete sul "
        "territorio.",
        [
            "Da marzo prendono il via i primi percorsi di formazione e le sessioni di "
            "co-creazione. Il club degli innovatori si apre a nuove adesioni.",
        ],
        ["azione", "club"],
    ),
]
