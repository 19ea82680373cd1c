"""The programme in the demo: its four phases, the programme page and phase updates."""

from django.conf import settings

from wagtail.models import Locale

from tqdm import tqdm

from home.models import HomePage
from stories.factories import PhaseUpdatePageFactory, ProgrammePageFactory, ProgrammePhaseFactory
from stories.models import PhaseUpdatePage, ProgrammePage, ProgrammePhase

from . import texts
from .images import demo_image

GENERATED_SLUG_PREFIX = "aggiornamento-demo-"


def build_phases() -> dict[int, ProgrammePhase]:
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    phases = {}
    for number, (name, summary, status, start, end) in texts.PHASES.items():
        phase = ProgrammePhase.objects.filter(locale=locale, number=number).first()
        if phase is None:
            phase = ProgrammePhaseFactory(
                locale=locale,
                number=number,
                name=name,
                summary=summary,
                status=status,
                start_date=start,
                end_date=end,
            )
        phases[number] = phase
    return phases


def build_programme_page(home: HomePage) -> ProgrammePage:
    page = ProgrammePage.objects.child_of(home).first()
    if page is None:
        page = ProgrammePageFactory(
            parent=home,
            title="Il programma",
            slug="programma",
            show_in_menus=True,
            intro="Quattro fasi, dal 2025 al 2027, per costruire capacità sul territorio "
            "pistoiese: esplorare, progettare insieme, agire e valutare.",
        )
    return page


def build_phase_updates(programme: ProgrammePage, phases: dict[int, ProgrammePhase], extra: int):
    """The programme's real updates, plus `extra` generated ones for scale tests."""
    existing = set(PhaseUpdatePage.objects.child_of(programme).values_list("slug", flat=True))
    for seed, (slug, title, number, date, intro, paragraphs, tags) in enumerate(
        texts.PHASE_UPDATES, start=1
    ):
        if slug in existing:
            continue
        page = PhaseUpdatePageFactory(
            parent=programme,
            slug=slug,
            title=title,
            date=date,
            intro=intro,
            phase=phases[number],
            image=demo_image(f"Aggiornamento {seed}", seed, f"Illustrazione per «{title}»"),
            body=[("paragraph", f"<p>{text}</p>") for text in paragraphs],
        )
        page.tags.add(*tags)
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
