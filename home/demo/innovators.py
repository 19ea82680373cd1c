"""The map and the club in the demo (`innovators.toml`): sectors, pages, ~40 invented innovators
spread over the province's real comuni, and join requests waiting for a moderator. `extra`
generates more innovators for scale tests."""

import dataclasses
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
from innovators.models import (
    ClubDirectoryPage,
    Innovator,
    InnovatorMapPage,
    Municipality,
    Sector,
    TaggedInnovator,
)
from portal.geo import Point

from .data import Reader
from .sections import Section, section

GENERATED_SLUG_PREFIX = "innovatore-demo-"


@dataclasses.dataclass
class SectorRecord:
    slug: str
    name: str
    color: str


@dataclasses.dataclass
class JoinRequestRecord:
    name: str
    sector: str  # a sector's slug
    municipality: str  # the comune's ISTAT code
    tags: list[str]
    description: str


@dataclasses.dataclass
class InnovatorRecord:
    name: str
    sector: str
    kind: str
    municipality: str
    year_founded: int
    club_member: bool
    tags: list[str]
    description: str


def demo_point(municipality: Municipality, seed: int) -> Point:
    """A point near the comune's centre, the same on every run."""
    rng = random.Random(seed)
    return Point(
        lat=municipality.latitude + rng.uniform(-0.012, 0.012),
        lng=municipality.longitude + rng.uniform(-0.015, 0.015),
    )


def build_sectors(data: Reader) -> dict[str, Sector]:
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    sectors = {}
    for order, record in enumerate(data.records(SectorRecord, "innovators", "sectors")):
        sector = Sector.objects.filter(locale=locale, slug=record.slug).first()
        if sector is None:
            sector = SectorFactory(locale=locale, sort_order=order, **dataclasses.asdict(record))
        sectors[record.slug] = sector
    return sectors


def build_pages(home: HomePage, data: Reader) -> tuple[InnovatorMapPage, ClubDirectoryPage]:
    map_record = data.record(Section, "innovators", "map_page")
    club_record = data.record(Section, "innovators", "club_page")
    return (
        section(home, InnovatorMapPage, InnovatorMapPageFactory, map_record),
        section(home, ClubDirectoryPage, ClubDirectoryPageFactory, club_record),
    )


def build_innovators(sectors: dict[str, Sector], data: Reader, extra: int = 0) -> None:
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    municipalities = {m.istat_code: m for m in Municipality.objects.all()}
    existing = set(Innovator.objects.filter(locale=locale).values_list("slug", flat=True))
    records = data.records(InnovatorRecord, "innovators", "innovators")
    footer = data.get("innovators", "description_footer")
    joined_from = data.get("innovators", "joined_from")
    for seed, record in enumerate(records, start=1):
        slug = slugify(record.name)
        if slug in existing:
            continue
        municipality = municipalities[record.municipality]
        InnovatorFactory(
            locale=locale,
            name=record.name,
            slug=slug,
            sector=sectors[record.sector],
            kind=record.kind,
            municipality=municipality,
            location=demo_point(municipality, seed).wkt,
            short_description=record.description,
            description=f"<p>{record.description}</p><p>{footer}</p>",
            year_founded=record.year_founded,
            is_club_member=record.club_member,
            joined_on=joined_from + datetime.timedelta(days=9 * seed)
            if record.club_member
            else None,
            website=f"https://{slug}.example.org/",
            contact_email=f"info@{slug}.example.org",
            tags=record.tags,
        )
    for record in data.records(JoinRequestRecord, "innovators", "join_requests"):
        slug = slugify(record.name)
        if slug in existing:
            continue
        draft = InnovatorFactory(
            locale=locale,
            name=record.name,
            slug=slug,
            sector=sectors[record.sector],
            municipality=municipalities[record.municipality],
            location="",
            short_description=record.description,
            live=False,
            has_unpublished_changes=True,
            is_club_member=True,
            contact_email=f"richieste@{slug}.example.org",
            tags=record.tags,
        )
        draft.save_revision()
    tag_names = sorted({tag for record in records for tag in record.tags})
    build_generated(locale, sectors, municipalities, existing, tag_names, extra)


def build_generated(locale, sectors, municipalities, existing, tag_names, extra: int) -> None:
    """`extra` generated innovators for scale tests, bulk-inserted (search index not updated)."""
    generated = sum(1 for slug in existing if slug.startswith(GENERATED_SLUG_PREFIX))
    if generated >= extra:
        return
    sector_list = list(sectors.values())
    municipality_list = list(municipalities.values())
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
