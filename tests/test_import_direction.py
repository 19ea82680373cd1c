"""The direction of dependencies between the apps (docs/architecture.md):

    portal  ←  innovators  ←  stories, courses  ←  newsletter  ←  home

An app imports, and points foreign keys at, only the apps to its left; `portal` imports no
app and nothing imports `home`. Its migrations depend on the same apps only, and one migration
runs our live code: `home/0002_portal_setup`, the setup that the demo and the tests share
(`home/setup.py`); any later data migration carries a frozen copy of what it needs."""

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


# Our apps by migration label: the introductions are an app of their own inside `innovators`.
APP_OF_LABEL = {label: label for label in BELOW} | {"introductions": "innovators"}


@pytest.mark.django_db  # wagtail_localize's first migration reads the database on import
def test_migrations_depend_only_on_the_apps_below():
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    offending = [
        f"{label}/{name} → {dependency[0]}"
        for label, name in graph.nodes
        if label in APP_OF_LABEL
        for dependency in graph.nodes[label, name].dependencies
        if APP_OF_LABEL.get(dependency[0]) in above(APP_OF_LABEL[label])
    ]
    assert not offending


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


def test_only_the_portal_setup_migration_runs_live_code():
    running = {
        str(path.relative_to(ROOT)): names
        for app in BELOW
        for path in (ROOT / app).rglob("migrations/0*.py")
        if (names := our_code_run_by(path))
    }
    assert running == {"home/migrations/0002_portal_setup.py": ["from home.setup import …"]}
