"""Dependencies run `portal` ← `innovators` ← `stories`, `courses` ← `home` (docs, DESIGN):
`portal` imports no app of ours and `courses` does not import `stories`, in code or in the
state its migrations build."""

import ast
from pathlib import Path

from django.apps import apps
from django.db.migrations.loader import MigrationLoader

import pytest

ROOT = Path(__file__).resolve().parents[1]
OUR_APPS = {"portal", "home", "stories", "innovators", "courses", "newsletter"}
FORBIDDEN = {"portal": OUR_APPS - {"portal"}, "courses": {"stories", "home", "newsletter"}}


def imported_apps(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return {name.split(".")[0] for name in names}


@pytest.mark.parametrize("app", sorted(FORBIDDEN))
def test_app_imports_only_downwards(app):
    offending = {
        str(path.relative_to(ROOT)): sorted(imported_apps(path) & FORBIDDEN[app])
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
    }
    assert not {path: names for path, names in offending.items() if names}


def test_the_programme_phase_lives_in_portal():
    phase = apps.get_model("portal", "ProgrammePhase")
    for label in ("courses.CoursePage", "stories.StoryPage", "stories.PhaseUpdatePage"):
        assert apps.get_model(label)._meta.get_field("phase").related_model is phase


def test_no_migration_of_courses_after_its_first_depends_on_stories():
    """Only courses/0001 (history: the phase was a stories model then) names `stories`."""
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    for app_label, name in graph.leaf_nodes("courses"):
        for key in graph.forwards_plan((app_label, name)):
            node = graph.nodes[key]
            if key[0] == "courses" and not node.initial:
                assert not [dep for dep in node.dependencies if dep[0] == "stories"], key
