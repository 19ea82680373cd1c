"""The programme in the demo (`programme.toml`): its phases, its page and the phase updates."""

import dataclasses
import datetime

from django.conf import settings

from wagtail.models import Locale

from tqdm import tqdm

from home.models import HomePage
from portal.factories import ProgrammePhaseFactory
from portal.models import ProgrammePhase
from stories.factories import PhaseUpdatePageFactory, ProgrammePageFactory
from stories.models import PhaseUpdatePage, ProgrammePage

from .data import Reader, paragraphs
from .images import demo_image, illustration
from .sections import Section, section

GENERATED_SLUG_PREFIX = "aggiornamento-demo-"


@dataclasses.dataclass
class Phase:
    number: int
    name: str
    status: str
    start: datetime.date
    end: datetime.date
    summary: str


@dataclasses.dataclass
class Update:
    slug: str
    title: str
    phase: int  # a phase number
    date: datetime.date
    tags: list[str]
    intro: str
    paragraphs: list[str]


def build_phases(data: Reader) -> dict[int, ProgrammePhase]:
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    phases = {}
    for record in data.records(Phase, "programme", "phases"):
        phase = ProgrammePhase.objects.filter(locale=locale, number=record.number).first()
        if phase is None:
            phase = ProgrammePhaseFactory(
                locale=locale,
                number=record.number,
                name=record.name,
                summary=record.summary,
                status=record.status,
                start_date=record.start,
                end_date=record.end,
            )
        phases[record.number] = phase
    return phases


def build_programme_page(home: HomePage, data: Reader) -> ProgrammePage:
    record = data.record(Section, "programme", "page")
    return section(home, ProgrammePage, ProgrammePageFactory, record)


def build_phase_updates(
    programme: ProgrammePage, phases: dict[int, ProgrammePhase], data: Reader, extra: int = 0
) -> None:
    """The programme's real updates, plus `extra` generated ones for scale tests."""
    existing = set(PhaseUpdatePage.objects.child_of(programme).values_list("slug", flat=True))
    for seed, record in enumerate(data.records(Update, "programme", "updates"), start=1):
        if record.slug in existing:
            continue
        page = PhaseUpdatePageFactory(
            parent=programme,
            slug=record.slug,
            title=record.title,
            date=record.date,
            intro=record.intro,
            phase=phases[record.phase],
            image=illustration(f"Aggiornamento {seed}", seed, record.title),
            body=paragraphs(record.paragraphs),
        )
        page.tags.add(*record.tags)
        page.save()

    generated = sum(1 for slug in existing if slug.startswith(GENERATED_SLUG_PREFIX))
    shared_image = demo_image("Aggiornamento generato", 7, "Illustrazione astratta di colline")
    for index in tqdm(
        range(generated, extra), desc="Aggiornamenti di fase", disable=True if extra < 50 else None
    ):
        PhaseUpdatePageFactory(
            parent=programme,
            slug=f"{GENERATED_SLUG_PREFIX}{index + 1}",
            phase=phases[index % 4 + 1],
            image=shared_image,
        )
