"""Courses and co-creation sessions in the demo: 6 of each over past and future months.

Dates are relative to the day the demo is first built; the builder only adds what is missing,
so running it again changes nothing. `extra` generated events (alternating course and session)
serve the scale tests.
"""

import datetime
import itertools

from tqdm import tqdm

from courses.factories import (
    CourseIndexPageFactory,
    CourseMeetingFactory,
    CoursePageFactory,
    RegistrationFactory,
    SessionIndexPageFactory,
    SessionMeetingFactory,
    SessionPageFactory,
    in_days,
)
from courses.models import (
    Audience,
    CourseIndexPage,
    CourseLevel,
    CoursePage,
    EventFormat,
    Registration,
    RegistrationStatus,
    SessionIndexPage,
    SessionPage,
)
from home.models import HomePage
from stories.models import ProgrammePhase

from .images import demo_image

GENERATED_SLUG_PREFIX = "evento-demo-"

# (slug, title, days from today, format, audience, capacity, registrations, intro, extra fields)
COURSES = [
    (
        "design-thinking-per-le-imprese",
        "Design thinking per le imprese",
        -120,
        EventFormat.IN_PRESENCE,
        Audience.BUSINESSES,
        25,
        22,
        "Metodi e strumenti del design per ripensare prodotti e servizi a partire da chi li usa.",
        {"level": CourseLevel.BEGINNER, "duration_hours": 12, "meetings": 3},
    ),
    (
        "raccontare-la-propria-innovazione",
        "Raccontare la propria innovazione",
        -55,
        EventFormat.HYBRID,
        Audience.INNOVATORS,
        30,
        18,
        "Storytelling, immagini e parole per far conoscere il proprio progetto al territorio.",
        {"level": CourseLevel.BEGINNER, "duration_hours": 6, "meetings": 2},
    ),
    (
        "economia-circolare-nel-vivaismo",
        "Economia circolare nel vivaismo",
        -12,
        EventFormat.IN_PRESENCE,
        Audience.BUSINESSES,
        20,
        20,
        "Dal recupero dei materiali alla filiera corta: esperienze e strumenti per i vivai pistoiesi.",
        {"level": CourseLevel.INTERMEDIATE, "duration_hours": 8, "meetings": 2},
    ),
    (
        "dal-progetto-al-business-plan",
        "Dal progetto al business plan",
        14,
        EventFormat.IN_PRESENCE,
        Audience.INNOVATORS,
        12,
        14,
        "Come trasformare un'idea in un piano sostenibile: mercato, costi, finanziamenti.",
        {"level": CourseLevel.INTERMEDIATE, "duration_hours": 16, "meetings": 4},
    ),
    (
        "strumenti-digitali-per-le-associazioni",
        "Strumenti digitali per le associazioni",
        45,
        EventFormat.ONLINE,
        Audience.ASSOCIATIONS,
        40,
        9,
        "Siti, newsletter, raccolte fondi e lavoro condiviso con strumenti gratuiti o quasi.",
        {"level": CourseLevel.BEGINNER, "duration_hours": 4, "meetings": 0},
    ),
    (
        "progettare-servizi-pubblici-con-i-cittadini",
        "Progettare servizi pubblici con i cittadini",
        95,
        EventFormat.HYBRID,
        Audience.PUBLIC_BODIES,
        30,
        3,
        "Il service design per gli enti locali: ascolto, prototipi e valutazione dei servizi.",
        {"level": CourseLevel.ADVANCED, "duration_hours": 10, "meetings": 0},
    ),
]

SESSIONS = [
    (
        "il-centro-storico-che-vorremmo",
        "Il centro storico che vorremmo",
        -100,
        EventFormat.IN_PRESENCE,
        Audience.EVERYONE,
        40,
        35,
        "Residenti, commercianti e amministrazione immaginano insieme il centro di Pistoia.",
        {
            "challenge": "Come rendere il centro storico vivo tutto l'anno, per chi ci abita e chi lo visita?"
        },
    ),
    (
        "filiera-verde-e-giovani-talenti",
        "Filiera verde e giovani talenti",
        -40,
        EventFormat.IN_PRESENCE,
        Audience.STUDENTS,
        30,
        24,
        "Scuole, vivai e università a confronto sulle competenze che serviranno domani.",
        {"challenge": "Quali percorsi possono avvicinare i giovani alle professioni del verde?"},
    ),
    (
        "montagna-pistoiese-turismo-tutto-l-anno",
        "Montagna pistoiese: turismo tutto l'anno",
        -5,
        EventFormat.HYBRID,
        Audience.EVERYONE,
        35,
        28,
        "Operatori turistici e comuni della montagna progettano un'offerta oltre la stagione sciistica.",
        {"challenge": "Come destagionalizzare il turismo della montagna pistoiese?"},
    ),
    (
        "spazi-condivisi-per-l-innovazione",
        "Spazi condivisi per l'innovazione",
        20,
        EventFormat.IN_PRESENCE,
        Audience.INNOVATORS,
        10,
        13,
        "Coworking, laboratori e spazi pubblici: che cosa manca a chi innova in provincia?",
        {"challenge": "Di quali spazi hanno bisogno gli innovatori del territorio?"},
    ),
    (
        "mobilita-sostenibile-in-valdinievole",
        "Mobilità sostenibile in Valdinievole",
        60,
        EventFormat.IN_PRESENCE,
        Audience.PUBLIC_BODIES,
        30,
        6,
        "Enti, imprese di trasporto e associazioni per una mobilità più semplice e più pulita.",
        {"challenge": "Come muoversi in Valdinievole senza auto privata?"},
    ),
    (
        "cultura-e-impresa",
        "Cultura e impresa: alleanze possibili",
        120,
        EventFormat.ONLINE,
        Audience.EVERYONE,
        50,
        0,
        "Musei, teatri e imprese alla ricerca di progetti comuni.",
        {"challenge": "Che cosa possono fare insieme le istituzioni culturali e le imprese?"},
    ),
]


def build_course_index(home: HomePage) -> CourseIndexPage:
    page = CourseIndexPage.objects.child_of(home).first()
    if page is None:
        page = CourseIndexPageFactory(parent=home, show_in_menus=True)
    return page


def build_session_index(home: HomePage) -> SessionIndexPage:
    page = SessionIndexPage.objects.child_of(home).first()
    if page is None:
        page = SessionIndexPageFactory(parent=home, show_in_menus=True)
    return page


def _registrations(event, count: int) -> None:
    """`count` registrations: confirmed up to the capacity, the rest on the waiting list."""
    for number in range(count):
        status = (
            RegistrationStatus.CONFIRMED if number < event.capacity else RegistrationStatus.WAITING
        )
        registration = RegistrationFactory(
            event=event, status=status, email=f"iscritto{number + 1}.{event.pk}@example.org"
        )
        if event.end < in_days(0, 0) and status == RegistrationStatus.CONFIRMED and number % 5:
            registration.attended_at = event.start
            registration.save(update_fields=["attended_at"])


def _build_events(index, factory, rows, image_offset: int, common: dict) -> None:
    existing = set(index.get_children().values_list("slug", flat=True))
    for seed, (
        slug,
        title,
        days,
        event_format,
        audience,
        capacity,
        booked,
        intro,
        extra,
    ) in enumerate(rows):
        if slug in existing:
            continue
        extra = dict(extra)
        meetings = extra.pop("meetings", 0)
        start = in_days(days, 9 if meetings else 17)
        event = factory(
            parent=index,
            slug=slug,
            title=title,
            intro=intro,
            start=start,
            end=start + datetime.timedelta(days=7 * max(meetings - 1, 0), hours=3),
            format=event_format,
            audience=audience,
            capacity=capacity,
            online_url="https://meet.example.org/pistoia2030"
            if event_format != EventFormat.IN_PRESENCE
            else "",
            image=demo_image(
                f"Evento: {title}", image_offset + seed, f"Illustrazione per «{title}»"
            ),
            **common,
            **extra,
        )
        meeting_factory = (
            CourseMeetingFactory if isinstance(event, CoursePage) else SessionMeetingFactory
        )
        for number in range(meetings):
            meeting_start = start + datetime.timedelta(days=7 * number)
            meeting_factory(
                page=event,
                start=meeting_start,
                end=meeting_start + datetime.timedelta(hours=3),
                title=f"Incontro {number + 1}",
                sort_order=number,
            )
        if meetings:
            event.save_revision().publish()
        _registrations(event, booked)


def build_generated_events(course_index, session_index, extra: int) -> None:
    existing = CoursePage.objects.filter(slug__startswith=GENERATED_SLUG_PREFIX).count()
    existing += SessionPage.objects.filter(slug__startswith=GENERATED_SLUG_PREFIX).count()
    image = demo_image("Evento generato", 11, "Illustrazione astratta di colline")
    formats = itertools.cycle(EventFormat.values)
    audiences = itertools.cycle(Audience.values)
    for number in tqdm(range(existing, extra), desc="Eventi", disable=extra < 50):
        is_course = number % 2 == 0
        start = in_days((number % 365) - 180, 10 + number % 8)
        event = (CoursePageFactory if is_course else SessionPageFactory)(
            parent=course_index if is_course else session_index,
            slug=f"{GENERATED_SLUG_PREFIX}{number + 1}",
            start=start,
            end=start + datetime.timedelta(hours=2),
            format=next(formats),
            audience=next(audiences),
            image=image,
        )
        Registration.objects.bulk_create(
            Registration(
                event=event,
                status=RegistrationStatus.CONFIRMED,
                name=f"Persona {n}",
                email=f"persona{n}.{event.pk}@example.org",
                consent=True,
            )
            for n in range(number % 6)
        )


def build(home: HomePage, phases: dict[int, ProgrammePhase], extra_events: int = 0) -> None:
    course_index = build_course_index(home)
    session_index = build_session_index(home)
    _build_events(course_index, CoursePageFactory, COURSES, 20, {"phase": phases.get(3)})
    _build_events(session_index, SessionPageFactory, SESSIONS, 30, {})
    if extra_events:
        build_generated_events(course_index, session_index, extra_events)
