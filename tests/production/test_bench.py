"""What `make bench` measures: every page type with its query budget (ops.devtools.bench)."""

from io import StringIO

from django.core.management import call_command

from ops.devtools.bench import (
    HOME_QUERY_BUDGET,
    OPEN_DATA_QUERY_BUDGET,
    PAGE_QUERY_BUDGET,
    bench_jobs,
    bench_targets,
)


def test_every_app_names_its_pages_with_their_budgets(site):
    targets = bench_targets()
    by_label = {target.label: target for target in targets}
    assert len(by_label) == len(targets) == 47  # one row per label; no past course here
    assert by_label["Home"].url == "/" and by_label["Home"].budget == HOME_QUERY_BUDGET
    assert by_label["Home (en)"].budget == HOME_QUERY_BUDGET
    # The newest page of each kind the database has, found by its own app.
    assert by_label["Storia"].url == site["story"].url
    assert by_label["Aggiornamento di fase"].url == site["update"].url
    assert by_label["Percorso di formazione"].url == site["course"].url
    assert by_label["Sessione di co-creazione"].url == site["session"].url
    open_data = {t.label for t in targets if t.budget == OPEN_DATA_QUERY_BUDGET}
    assert open_data == {
        "GeoJSON innovatori",
        "GeoJSON, filtrato",
        "CSV innovatori",
        "Impatto, JSON",
        "Impatto, CSV per settore",
        "Impatto, CSV della valutazione",
    }
    # The map's first view: the GeoJSON by view costs one query more (innovators.viewport).
    view = by_label["GeoJSON, vista della mappa"]
    assert "bbox=" in view.url and view.budget == OPEN_DATA_QUERY_BUDGET + 1
    others = [
        t
        for t in targets
        if t.budget not in (HOME_QUERY_BUDGET, OPEN_DATA_QUERY_BUDGET) and t is not view
    ]
    assert {t.budget for t in others} == {PAGE_QUERY_BUDGET}
    assert [t.label for t in targets[-2:]] == ["Ricerca", "Pagina non trovata (404)"]


def test_a_kind_with_no_page_yet_is_left_out(home_page):
    labels = {target.label for target in bench_targets()}
    assert "Storia" not in labels and "Percorso di formazione" not in labels
    assert "Percorso concluso, valutato" not in labels
    assert "Storie" in labels


def test_the_newsletter_and_map_jobs_are_skipped_with_nothing_to_measure(db):
    assert [job({"subscribers": 0}) for job in bench_jobs()] == [None, None]


def test_the_map_job_prints_the_first_view_before_and_now(site):
    report = next(line for job in bench_jobs() if (line := job({"subscribers": 0})))
    assert "la prima vista su un telefono" in report
    lines = report.splitlines()
    assert any(line.startswith("prima ") and "GeoJSON intero" in line for line in lines)
    view = next(line for line in lines if line.startswith("ora ") and "provincia, zoom 9" in line)
    # The view's GeoJSON: one grouped query (clusters) or three (points), never more.
    assert int(view.split()[-2]) <= 3


def test_the_weight_table_covers_the_html_pages(site):
    out = StringIO()
    call_command("bench", "--weight-only", stdout=out)
    table = out.getvalue()
    assert "Storia " in table and "Home (en)" in table
    assert "GeoJSON" not in table  # not HTML: no weight
