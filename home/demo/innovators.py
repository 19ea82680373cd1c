"""The map and the club in the demo: sectors of the province and ~40 plausible innovators.

The innovators are invented (names, addresses and sites are not real; e-mails end in
example.org), spread over the province's real comuni. `extra` generates more for scale tests.
"""

import datetime
import random

from django.conf import settings
from django.utils.text import slugify

from taggit.models import Tag
from wagtail.models import Locale

from tqdm import tqdm

from home.models import HomePage
from innovators.factories import (
    ClubDirectoryPageFactory,
    InnovatorFactory,
    InnovatorMapPageFactory,
    SectorFactory,
)
from innovators.geo import Point
from innovators.models import (
    ClubDirectoryPage,
    Innovator,
    InnovatorMapPage,
    Municipality,
    Sector,
    TaggedInnovator,
)

GENERATED_SLUG_PREFIX = "innovatore-demo-"

# (slug, name, colour on the map)
SECTORS = [
    ("vivaismo", "Vivaismo", "#2f6b1f"),
    ("tessile-abbigliamento", "Tessile e abbigliamento", "#6b4f8f"),
    ("mobile-arredo", "Mobile e arredo", "#8a5a1f"),
    ("meccanica", "Meccanica e ferrotranviario", "#2f4f8f"),
    ("calzaturiero", "Calzaturiero", "#7a3b2e"),
    ("agroalimentare", "Agroalimentare", "#b3472f"),
    ("turismo", "Turismo e terme", "#0b6e7a"),
    ("cultura", "Cultura e creatività", "#a61e4d"),
    ("digitale", "Digitale", "#3b4fc7"),
    ("sociale", "Sociale e terzo settore", "#5c5f12"),
]

# (name, sector, kind, ISTAT code, year founded, club member, tags, short description)
INNOVATORS = [
    (
        "Vivai Verdecittà",
        "vivaismo",
        "company",
        "047014",
        1978,
        True,
        ["verde urbano", "economia circolare", "export"],
        "Alberature per le città europee coltivate in vaso con irrigazione a ricircolo.",
    ),
    (
        "Serre Bioniche Pistoiesi",
        "vivaismo",
        "startup",
        "047014",
        2021,
        True,
        ["IoT", "agricoltura di precisione", "acqua"],
        "Sensori a basso costo per misurare umidità e nutrienti nei vasi dei vivai.",
    ),
    (
        "Consorzio Piante dal Territorio",
        "vivaismo",
        "association",
        "047017",
        1996,
        True,
        ["filiera", "export", "formazione"],
        "Rete di vivaisti che condivide logistica, certificazioni e formazione.",
    ),
    (
        "Radici Nuove",
        "vivaismo",
        "company",
        "047020",
        2008,
        False,
        ["biodiversità", "verde urbano"],
        "Piante autoctone per rinaturalizzare parchi, scuole e aree industriali.",
    ),
    (
        "Laboratorio del Suolo Vivo",
        "vivaismo",
        "research",
        "047014",
        2015,
        True,
        ["ricerca", "biodiversità", "acqua"],
        "Ricerca applicata su substrati senza torba e sulla salute del suolo.",
    ),
    (
        "Filati di Valle",
        "tessile-abbigliamento",
        "company",
        "047002",
        1962,
        True,
        ["economia circolare", "moda sostenibile"],
        "Filatura di lane rigenerate dagli scarti tessili del distretto.",
    ),
    (
        "Maglieria Montalese Lab",
        "tessile-abbigliamento",
        "company",
        "047010",
        1985,
        False,
        ["moda sostenibile", "artigianato"],
        "Maglieria su misura con macchinari riconvertiti e tinture naturali.",
    ),
    (
        "Trama Digitale",
        "tessile-abbigliamento",
        "startup",
        "047002",
        2022,
        True,
        ["digitale", "moda sostenibile", "tracciabilità"],
        "Passaporto digitale dei capi per raccontare filiera e materiali.",
    ),
    (
        "Atelier Riuso Quarrata",
        "tessile-abbigliamento",
        "association",
        "047017",
        2019,
        True,
        ["economia circolare", "inclusione", "artigianato"],
        "Laboratorio sociale che trasforma tessuti dismessi in nuove collezioni.",
    ),
    (
        "Divani del Montalbano",
        "mobile-arredo",
        "company",
        "047017",
        1971,
        True,
        ["design", "artigianato", "export"],
        "Imbottiti artigianali progettati con designer emergenti.",
    ),
    (
        "Legno Circolare",
        "mobile-arredo",
        "startup",
        "047005",
        2020,
        True,
        ["economia circolare", "design"],
        "Arredi modulari da legno di recupero, pensati per essere smontati e riparati.",
    ),
    (
        "Falegnameria Larcianese 4.0",
        "mobile-arredo",
        "company",
        "047006",
        1990,
        False,
        ["manifattura digitale", "artigianato"],
        "Bottega storica che ha introdotto il taglio a controllo numerico.",
    ),
    (
        "Officine Ferroviarie Future",
        "meccanica",
        "company",
        "047014",
        1954,
        True,
        ["mobilità sostenibile", "ricerca", "formazione"],
        "Componenti per treni e tram, con un laboratorio aperto alle scuole tecniche.",
    ),
    (
        "Meccanica di Precisione Agliana",
        "meccanica",
        "company",
        "047002",
        1988,
        False,
        ["manifattura digitale", "export"],
        "Lavorazioni meccaniche di precisione per l'automazione industriale.",
    ),
    (
        "Robotica Valdinievole",
        "meccanica",
        "startup",
        "047013",
        2023,
        True,
        ["robotica", "IoT", "manifattura digitale"],
        "Piccoli robot collaborativi per le imprese artigiane.",
    ),
    (
        "Calzaturificio Passo Leggero",
        "calzaturiero",
        "company",
        "047009",
        1968,
        True,
        ["moda sostenibile", "artigianato", "export"],
        "Calzature con suole riciclate e pelli a concia vegetale.",
    ),
    (
        "Scuola della Scarpa",
        "calzaturiero",
        "research",
        "047009",
        2001,
        True,
        ["formazione", "artigianato"],
        "Corsi di modelleria e manovia per giovani e lavoratori in transizione.",
    ),
    (
        "Forma e Tomaia",
        "calzaturiero",
        "startup",
        "047016",
        2021,
        False,
        ["digitale", "design"],
        "Scansione 3D del piede e modelli su misura per piccoli calzaturifici.",
    ),
    (
        "Caseificio della Montagna",
        "agroalimentare",
        "company",
        "047023",
        1958,
        True,
        ["filiera corta", "montagna", "turismo lento"],
        "Pecorino e ricotta dai pascoli dell'Abetone, con visite in caseificio.",
    ),
    (
        "Frantoio Colline di Pescia",
        "agroalimentare",
        "company",
        "047012",
        1932,
        True,
        ["filiera corta", "biodiversità"],
        "Olio extravergine da cultivar locali e percorsi di degustazione.",
    ),
    (
        "Orti Sociali Pieve",
        "agroalimentare",
        "association",
        "047013",
        2016,
        True,
        ["inclusione", "filiera corta", "educazione"],
        "Orti condivisi e mercato contadino con le scuole del comune.",
    ),
    (
        "Birrificio Appennino",
        "agroalimentare",
        "startup",
        "047018",
        2019,
        False,
        ["montagna", "filiera corta", "turismo lento"],
        "Birre artigianali con cereali e castagne della montagna pistoiese.",
    ),
    (
        "Confetture di Marliana",
        "agroalimentare",
        "company",
        "047007",
        2005,
        False,
        ["filiera corta", "artigianato"],
        "Confetture e conserve con la frutta dei piccoli produttori collinari.",
    ),
    (
        "Terme Aperte",
        "turismo",
        "association",
        "047011",
        2018,
        True,
        ["turismo lento", "benessere", "cultura"],
        "Rete di strutture termali che propone percorsi accessibili tutto l'anno.",
    ),
    (
        "Sentieri Appenninici",
        "turismo",
        "company",
        "047024",
        2012,
        True,
        ["montagna", "turismo lento", "mobilità sostenibile"],
        "Guide ambientali ed e-bike per scoprire la Montagna Pistoiese.",
    ),
    (
        "Borghi in Rete",
        "turismo",
        "association",
        "047008",
        2017,
        True,
        ["cultura", "turismo lento", "digitale"],
        "Ospitalità diffusa e racconto digitale dei borghi della Valdinievole.",
    ),
    (
        "Ostello della Collina",
        "turismo",
        "company",
        "047021",
        2014,
        False,
        ["turismo lento", "inclusione"],
        "Ostello a gestione sociale sulle colline di Uzzano.",
    ),
    (
        "Teatro delle Officine",
        "cultura",
        "association",
        "047014",
        2003,
        True,
        ["cultura", "educazione", "inclusione"],
        "Compagnia che fa teatro negli spazi industriali dismessi della città.",
    ),
    (
        "Museo Diffuso del Ferro",
        "cultura",
        "public_body",
        "047024",
        2010,
        True,
        ["cultura", "montagna", "turismo lento"],
        "Itinerari nella storia siderurgica della montagna, tra ferriere e ghiacciaie.",
    ),
    (
        "Studio Grafico Cinque Vie",
        "cultura",
        "company",
        "047014",
        2011,
        False,
        ["design", "comunicazione"],
        "Identità visive per imprese e istituzioni del territorio.",
    ),
    (
        "Biblioteca Makers",
        "cultura",
        "public_body",
        "047011",
        2019,
        True,
        ["manifattura digitale", "educazione", "formazione"],
        "Un FabLab in biblioteca: stampanti 3D e corsi gratuiti per ogni età.",
    ),
    (
        "Nuvola Pistoiese",
        "digitale",
        "startup",
        "047014",
        2020,
        True,
        ["digitale", "dati aperti", "pubblica amministrazione"],
        "Servizi cloud e dati aperti per i comuni e le imprese della provincia.",
    ),
    (
        "Codice Verde",
        "digitale",
        "company",
        "047020",
        2016,
        True,
        ["IoT", "agricoltura di precisione", "digitale"],
        "Software gestionali per vivai: ordini, tracciabilità e logistica.",
    ),
    (
        "Pixel di Valdinievole",
        "digitale",
        "company",
        "047003",
        2009,
        False,
        ["comunicazione", "digitale"],
        "Siti e commercio elettronico per botteghe e produttori locali.",
    ),
    (
        "Coderdojo Pistoia",
        "digitale",
        "association",
        "047014",
        2015,
        True,
        ["educazione", "digitale", "inclusione"],
        "Programmazione gratuita per ragazze e ragazzi, ogni sabato.",
    ),
    (
        "Istituto Tecnico Innovazione Aperta",
        "digitale",
        "research",
        "047012",
        1965,
        True,
        ["formazione", "robotica", "educazione"],
        "Scuola superiore con laboratori di robotica aperti alle imprese.",
    ),
    (
        "Cooperativa Mani in Pasta",
        "sociale",
        "association",
        "047022",
        2007,
        True,
        ["inclusione", "filiera corta", "formazione"],
        "Pastificio sociale che forma e assume persone in cerca di lavoro.",
    ),
    (
        "Rete Welfare Montale",
        "sociale",
        "public_body",
        "047010",
        2013,
        False,
        ["pubblica amministrazione", "inclusione"],
        "Sportello unico di servizi sociali co-progettato con i cittadini.",
    ),
    (
        "Energia di Comunità Serravalle",
        "sociale",
        "association",
        "047020",
        2022,
        True,
        ["energia", "economia circolare", "pubblica amministrazione"],
        "Comunità energetica rinnovabile tra famiglie, imprese e comune.",
    ),
    (
        "Ponte Solidale",
        "sociale",
        "association",
        "047016",
        2011,
        False,
        ["inclusione", "mobilità sostenibile"],
        "Trasporto solidale per anziani e persone con disabilità.",
    ),
]

# Join requests waiting for a moderator: drafts, never on the public map.
DRAFT_REQUESTS = [
    (
        "Apicoltura Alta Valle",
        "agroalimentare",
        "047018",
        ["biodiversità", "montagna"],
        "Miele di castagno e apiari didattici nella Sambuca Pistoiese.",
    ),
    (
        "Ceramiche Lamporecchio Lab",
        "cultura",
        "047005",
        ["artigianato", "design"],
        "Laboratorio di ceramica contemporanea con corsi serali.",
    ),
]


def demo_point(municipality: Municipality, seed: int) -> Point:
    """A point near the comune's centre, the same on every run."""
    rng = random.Random(seed)
    return Point(
        lat=municipality.latitude + rng.uniform(-0.012, 0.012),
        lng=municipality.longitude + rng.uniform(-0.015, 0.015),
    )


def build_sectors() -> dict[str, Sector]:
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    sectors = {}
    for order, (slug, name, color) in enumerate(SECTORS):
        sector = Sector.objects.filter(locale=locale, slug=slug).first()
        if sector is None:
            sector = SectorFactory(
                locale=locale, slug=slug, name=name, color=color, sort_order=order
            )
        sectors[slug] = sector
    return sectors


def build_pages(home: HomePage) -> tuple[InnovatorMapPage, ClubDirectoryPage]:
    map_page = InnovatorMapPage.objects.child_of(home).first()
    if map_page is None:
        map_page = InnovatorMapPageFactory(
            parent=home,
            title="Mappa degli innovatori",
            slug="mappa",
            show_in_menus=True,
            intro="Le realtà che innovano nella provincia di Pistoia: imprese, startup, "
            "associazioni, scuole ed enti. Filtra per settore, tema o comune.",
        )
    club_page = ClubDirectoryPage.objects.child_of(home).first()
    if club_page is None:
        club_page = ClubDirectoryPageFactory(
            parent=home,
            title="Club degli innovatori",
            slug="club",
            show_in_menus=True,
            intro="Una comunità di soggetti attivi e innovativi che condividono idee, azioni e "
            "competenze per supportarsi e contaminarsi reciprocamente.",
        )
    return map_page, club_page


def build_innovators(sectors: dict[str, Sector], extra: int = 0) -> None:
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    municipalities = {m.istat_code: m for m in Municipality.objects.all()}
    existing = set(Innovator.objects.filter(locale=locale).values_list("slug", flat=True))
    start = datetime.date(2025, 3, 1)
    for seed, (name, sector, kind, istat, year, club, tags, description) in enumerate(
        INNOVATORS, start=1
    ):
        slug = slugify(name)
        if slug in existing:
            continue
        municipality = municipalities[istat]
        InnovatorFactory(
            locale=locale,
            name=name,
            slug=slug,
            sector=sectors[sector],
            kind=kind,
            municipality=municipality,
            location=demo_point(municipality, seed).wkt,
            short_description=description,
            description=f"<p>{description}</p><p>Fa parte della mappa di Pistoia2030 dal 2025.</p>",
            year_founded=year,
            is_club_member=club,
            joined_on=start + datetime.timedelta(days=9 * seed) if club else None,
            website=f"https://{slug}.example.org/",
            contact_email=f"info@{slug}.example.org",
            tags=tags,
        )
    for name, sector, istat, tags, description in DRAFT_REQUESTS:
        slug = slugify(name)
        if slug in existing:
            continue
        municipality = municipalities[istat]
        draft = InnovatorFactory(
            locale=locale,
            name=name,
            slug=slug,
            sector=sectors[sector],
            municipality=municipality,
            location="",
            short_description=description,
            live=False,
            has_unpublished_changes=True,
            is_club_member=True,
            contact_email=f"richieste@{slug}.example.org",
            tags=tags,
        )
        draft.save_revision()
    build_generated(locale, sectors, municipalities, existing, extra)


def build_generated(locale, sectors, municipalities, existing, extra: int) -> None:
    """`extra` generated innovators for scale tests, bulk-inserted (search index not updated)."""
    generated = sum(1 for slug in existing if slug.startswith(GENERATED_SLUG_PREFIX))
    if generated >= extra:
        return
    sector_list = list(sectors.values())
    municipality_list = list(municipalities.values())
    tag_names = sorted({tag for *_, tags, _description in INNOVATORS for tag in tags})
    tags = [
        Tag.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]
        for name in tag_names
    ]
    batch = []
    rng = random.Random(extra)

    def flush():
        created = Innovator.objects.bulk_create(batch)
        TaggedInnovator.objects.bulk_create(
            [
                TaggedInnovator(content_object=innovator, tag=tag)
                for innovator in created
                for tag in rng.sample(tags, 2)
            ]
        )
        batch.clear()

    for index in tqdm(range(generated, extra), desc="Innovatori generati", disable=extra < 500):
        municipality = municipality_list[index % len(municipality_list)]
        point = demo_point(municipality, 10_000 + index)
        innovator = InnovatorFactory.build(
            locale=locale,
            name=f"Innovatore demo {index + 1}",
            slug=f"{GENERATED_SLUG_PREFIX}{index + 1}",
            sector=sector_list[index % len(sector_list)],
            municipality=municipality,
            location=point.wkt,
            is_club_member=index % 3 == 0,
            joined_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=index % 500),
        )
        innovator.latitude, innovator.longitude = point.lat, point.lng
        batch.append(innovator)
        if len(batch) >= 500:
            flush()
    if batch:
        flush()
