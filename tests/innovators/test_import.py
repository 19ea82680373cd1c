"""`import_innovators`: the CSV the export writes, row by row, with a report."""

import csv

from django.core.management import CommandError, call_command

import pytest

from innovators.exports import COLUMNS
from innovators.models import Innovator


def write(path, rows, columns=COLUMNS):
    with open(path, "w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({column: row.get(column, "") for column in columns})
    return str(path)


GOOD = {
    "slug": "laboratorio-ceramica",
    "nome": "Laboratorio Ceramica",
    "descrizione_breve": "Ceramiche contemporanee.",
    "settore": "vivaismo",
    "tipo": "company",
    "codice_istat": "47005",  # a spreadsheet dropped the leading zero
    "latitudine": "43.8172",
    "longitudine": "10.8946",
    "sito_web": "https://ceramica.example.org",
    "tag": "artigianato; design",
    "club": "si",
    "data_adesione": "2025-05-01",
    "anno_fondazione": "1999",
}


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("import_innovators", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_good_rows_are_created_and_published(tmp_path, sectors):
    report = run(write(tmp_path / "a.csv", [GOOD]))
    assert "Creati: 1 · aggiornati: 0 · scartati: 0" in report
    innovator = Innovator.objects.get(slug="laboratorio-ceramica")
    assert innovator.live
    assert innovator.municipality.name == "Lamporecchio"
    assert (innovator.latitude, innovator.longitude) == (43.8172, 10.8946)
    assert sorted(t.name for t in innovator.tags.all()) == ["artigianato", "design"]
    assert innovator.is_club_member and str(innovator.joined_on) == "2025-05-01"
    assert innovator.revisions.count() == 1


def test_bad_rows_are_reported_and_never_abort_the_good_ones(tmp_path, sectors):
    rows = [
        {**GOOD, "slug": "", "nome": ""},
        {**GOOD, "slug": "settore-x", "settore": "astronautica"},
        {**GOOD, "slug": "fuori", "latitudine": "45.46", "longitudine": "9.19"},
        {**GOOD, "slug": "istat-x", "codice_istat": "058091"},
        {**GOOD, "slug": "data-x", "data_adesione": "01/05/2025"},
        {**GOOD, "slug": "lunga", "descrizione_breve": "x" * 300},
        GOOD,
    ]
    report = run(write(tmp_path / "b.csv", rows))
    assert "Creati: 1 · aggiornati: 0 · scartati: 6" in report
    for line, reason in [
        (2, "manca il nome"),
        (3, "settore sconosciuto"),
        (4, "coordinate fuori dalla provincia"),
        (5, "codice ISTAT"),
        (6, "data non valida"),
        (7, "short_description"),
    ]:
        assert f"riga {line}: {reason}" in report
    assert list(Innovator.objects.values_list("slug", flat=True)) == ["laboratorio-ceramica"]


def test_existing_slugs_are_updated(tmp_path, innovators):
    row = {**GOOD, "slug": "vivai-verde", "nome": "Vivai Verde Nuovo", "tag": "nuovo"}
    report = run(write(tmp_path / "c.csv", [row]))
    assert "Creati: 0 · aggiornati: 1" in report
    innovator = Innovator.objects.get(slug="vivai-verde")
    assert innovator.name == "Vivai Verde Nuovo"
    assert [t.name for t in innovator.tags.all()] == ["nuovo"]


def test_draft_option_leaves_the_public_record_alone(tmp_path, innovators):
    row = {**GOOD, "slug": "vivai-verde", "nome": "Cambiato in bozza"}
    run(write(tmp_path / "d.csv", [row]), "--draft")
    innovator = Innovator.objects.get(slug="vivai-verde")
    assert innovator.name == "Vivai Verde"
    assert innovator.has_unpublished_changes
    assert innovator.latest_revision.as_object().name == "Cambiato in bozza"


def test_dry_run_saves_nothing(tmp_path, sectors):
    report = run(write(tmp_path / "e.csv", [GOOD]), "--dry-run")
    assert "[prova, nulla salvato] Creati: 1" in report
    assert not Innovator.objects.exists()


def test_export_then_import_round_trips(client, club_page, innovators, tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(client.get("/api/innovatori.csv").content)
    report = run(str(path))
    assert "Creati: 0 · aggiornati: 3 · scartati: 0" in report


def test_bad_header_is_an_error(tmp_path, sectors):
    with pytest.raises(CommandError, match="colonne mancanti"):
        run(write(tmp_path / "f.csv", [{"nome": "x"}], columns=["nome", "comune"]))
