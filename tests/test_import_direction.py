"""The direction of dependencies between the apps (docs/architecture.md):

    portal  ←  innovators  ←  stories, courses  ←  newsletter  ←  home

An app imports, and points foreign keys at, only the apps to its left; `portal` imports no
app and nothing imports `home`. Migrations written before a move keep their old dependencies
(only `courses/0001` names `stories`), and no migration runs our live code: a data migration
carries a frozen copy of what it needs."""

import ast
from pathlib import Path

from django.apps import apps
from django.db.migrations.loader import MigrationLoader

import pytest

ROOT = Path(__file__).resolve().parents[1]
BELOW = {
    "portal": set(),
    "innovators": {"portal"},
    "stories": {"portal", "innovators"},
    "courses": {"portal", "innovators"},
    "newsletter": {"portal", "innovators", "stories", "courses"},
    "home": {"portal", "innovators", "stories", "courses", "newsletter"},
}


def imported_apps(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return {name.split(".")[0] for name in names} & BELOW.keys()


def above(app: str) -> set[str]:
    return BELOW.keys() - BELOW[app] - {app}


@pytest.mark.parametrize("app", BELOW)
def test_an_app_imports_only_the_apps_below(app):
    offending = {
        str(path.relative_to(ROOT)): sorted(imported_apps(path) & above(app))
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
    }
    assert not {path: names for path, names in offending.items() if names}


@pytest.mark.parametrize("app", BELOW)
def test_models_point_only_at_the_apps_below(app):
    offending = [
        f"{model.__name__}.{field.name} → {field.related_model._meta.label}"
        for model in apps.get_app_config(app).get_models()
        for field in model._meta.get_fields()
        if field.is_relation
        and field.concrete
        and field.related_model._meta.app_label in above(app)
    ]
    assert not offending


def test_the_programme_phase_lives_in_portal():
    phase = apps.get_model("portal", "ProgrammePhase")
    for label in ("courses.CoursePage", "stories.StoryPage", "stories.PhaseUpdatePage"):
        assert apps.get_model(label)._meta.get_field("phase").related_model is phase


@pytest.mark.django_db  # wagtail_localize's first migration reads the database on import
def test_no_migration_of_courses_after_its_first_depends_on_stories():
    """Only courses/0001 (history: the phase was a stories model then) names `stories`."""
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    for app_label, name in graph.leaf_nodes("courses"):
        for key in graph.forwards_plan((app_label, name)):
            node = graph.nodes[key]
            if key[0] == "courses" and not node.initial:
                assert not [dep for dep in node.dependencies if dep[0] == "stories"], key


def our_code_run_by(path: Path) -> list[str]:
    """What a migration imports from our apps beyond the callables that `makemigrations` names
    in field definitions (`import courses.models.registrations` for a default or upload_to)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.split(".")[0] in BELOW:
                found.append(f"from {node.module} import …")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in BELOW and ".models" not in alias.name:
                    found.append(f"import {alias.name}")
    return found


def test_no_migration_runs_live_code():
    offending = {
        str(path.relative_to(ROOT)): names
        for app in BELOW
        for path in (ROOT / app / "migrations").glob("0*.py")
        if (names := our_code_run_by(path))
    }
    assert not offending
