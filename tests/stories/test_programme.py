import datetime

import pytest

from portal.factories import ProgrammePhaseFactory
from portal.models import ProgrammePhase
from stories.factories import PhaseUpdatePageFactory
from tests.html import parse, texts


@pytest.fixture
def updates(programme_page, phases):
    return [
        PhaseUpdatePageFactory(
            parent=programme_page,
            title=f"Aggiornamento {day}",
            date=datetime.date(2026, 1, day),
            phase=phases[day % 2],
        )
        for day in range(1, 6)
    ]


def test_programme_shows_the_four_phases_as_a_timeline(client, programme_page):
    html = parse(client.get("/programma/"))
    timeline = html.select_one("ol.timeline")
    assert texts(timeline.select(".timeline__name")) == [
        "Esplorazione",
        "Progettazione",
        "Azione",
        "Valutazione",
    ]
    assert texts(timeline.select(".status")) == ["Conclusa", "Conclusa", "In corso", "In programma"]
    assert len(timeline.select('[aria-current="step"]')) == 1


def test_updates_newest_first(client, updates):
    html = parse(client.get("/programma/"))
    assert texts(html.select("#aggiornamenti .card__title")) == [
        "Aggiornamento 5",
        "Aggiornamento 4",
        "Aggiornamento 3",
        "Aggiornamento 2",
        "Aggiornamento 1",
    ]


def test_updates_filtered_by_phase(client, updates):
    html = parse(client.get("/programma/?fase=2"))
    assert texts(html.select("#aggiornamenti .card__title")) == [
        "Aggiornamento 5",
        "Aggiornamento 3",
        "Aggiornamento 1",
    ]
    assert "Aggiornamenti della fase 2: Progettazione" in html.find(id="updates-heading").get_text()


def test_unknown_phase_filter_shows_everything(client, updates):
    html = parse(client.get("/programma/?fase=<script>"))
    assert len(html.select("#aggiornamenti .card")) == 5


def test_updates_are_paginated(client, programme_page, settings):
    settings.PORTAL_PAGE_SIZE = 2
    for day in range(1, 6):
        PhaseUpdatePageFactory(parent=programme_page, date=datetime.date(2026, 2, day))
    first = parse(client.get("/programma/"))
    assert len(first.select("#aggiornamenti .card")) == 2
    assert first.select_one(".pagination a[rel=next]")["href"] == "?page=2"
    last = parse(client.get("/programma/?page=3"))
    assert len(last.select("#aggiornamenti .card")) == 1
    assert client.get("/programma/?page=4").status_code == 404
    assert client.get("/programma/?page=abc").status_code == 404


def test_draft_updates_are_not_listed(client, programme_page):
    PhaseUpdatePageFactory(parent=programme_page, title="Bozza", live=False)
    html = parse(client.get("/programma/"))
    assert "Bozza" not in html.get_text()
    assert html.select_one(".empty-state")


def test_phase_update_page(client, programme_page, phases):
    update = PhaseUpdatePageFactory(
        parent=programme_page,
        title="Parte la fase di azione",
        slug="parte-la-fase-di-azione",
        phase=phases[2],
        body=[("paragraph", "<p>I primi percorsi.</p>")],
    )
    update.tags.add("azione")
    update.save()
    html = parse(client.get("/programma/parte-la-fase-di-azione/"))
    assert html.find("h1").get_text() == "Parte la fase di azione"
    assert "Fase 3: Azione" in html.select_one(".article__meta").get_text()
    assert "I primi percorsi." in html.select_one(".prose").get_text()
    assert texts(html.select(".tags li")) == ["azione"]


def test_phase_end_cannot_precede_start(db):
    from django.core.exceptions import ValidationError

    phase = ProgrammePhaseFactory.build(
        number=1, start_date=datetime.date(2026, 5, 1), end_date=datetime.date(2026, 4, 1)
    )
    with pytest.raises(ValidationError) as error:
        phase.full_clean()
    assert "end_date" in error.value.message_dict


def test_phase_numbers_are_unique_per_locale(phases):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        ProgrammePhaseFactory(number=1)
    assert ProgrammePhase.objects.count() == 4
