"""The docs that drift: docs/pages.md and .env.example are checked against the code."""

import re
from pathlib import Path

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, get_page_models

import pytest

BASE_DIR = Path(__file__).resolve().parents[1]
PROJECT_APPS = {"portal", "home", "stories", "innovators", "courses", "newsletter"}


def page_table() -> dict[str, list[set[str]]]:
    """The rows of docs/pages.md's table: label → [parents, children, routes, templates]."""
    rows = {}
    for line in (BASE_DIR / "docs/pages.md").read_text().splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 5 or not re.fullmatch(r"`\w+\.\w+`", cells[0]):
            continue
        rows[cells[0].strip("`")] = [set(re.findall(r"`([^`]+)`", cell)) for cell in cells[1:]]
    return rows


def project_pages():
    return [
        model
        for model in get_page_models()
        if model is not Page and model._meta.app_label in PROJECT_APPS
    ]


def test_pages_doc_lists_every_page_type():
    documented = set(page_table())
    assert documented == {model._meta.label for model in project_pages()}


@pytest.mark.parametrize("model", project_pages(), ids=lambda model: model._meta.label)
def test_pages_doc_matches_the_page_rules(model):
    parents, children, routes, templates = page_table()[model._meta.label]
    assert parents == {parent._meta.label for parent in model.allowed_parent_page_models()}
    assert children == {child._meta.label for child in model.allowed_subpage_models()}
    assert templates == {model.template}
    declared = set()
    if issubclass(model, RoutablePageMixin):
        declared = {str(route.pattern) for route in model.get_resolver().url_patterns} - {""}
    assert routes == declared


def settings_variables() -> set[str]:
    """Every environment variable that a settings module reads."""
    pattern = re.compile(
        r"""(?:os\.environ\.get|os\.environ|env_bool|env_list)\s*[\(\[]\s*["']([A-Z0-9_]+)["']"""
    )
    membership = re.compile(r"""["']([A-Z0-9_]+)["']\s+(?:not\s+)?in\s+os\.environ""")
    names = set()
    for path in (BASE_DIR / "portal/settings").glob("*.py"):
        source = path.read_text()
        names |= set(pattern.findall(source)) | set(membership.findall(source))
        if "dj_database_url.config(" in source:
            names.add("DATABASE_URL")  # read by dj-database-url itself
    return names


def test_env_example_lists_every_variable_the_settings_read():
    example = (BASE_DIR / ".env.example").read_text()
    listed = set(re.findall(r"^#?\s*([A-Z0-9_]+)=", example, flags=re.MULTILINE))
    variables = settings_variables()
    assert len(variables) > 30  # the pattern still finds the reads
    assert variables - listed == set(), "add them to .env.example"
    assert listed - variables == set(), "no setting reads them"


TOP_LEVEL = {
    *PROJECT_APPS,
    "tests",
    "docs",
    "ops",
    "locale",
    ".ci",
    "Makefile",
    "README.md",
    "pyproject.toml",
    "manage.py",
    ".env.example",
}


def repository_paths(text: str) -> set[str]:
    """The repository paths a doc names in backticks: `portal/routing.py`, `home/demo/`,
    `tests/browser/`… (Python dotted names, URLs and globs are left out, and so is a file a
    worked example asks to create, written «a new `stories/models/calls.py`»)."""
    paths = set()
    for before, quoted in re.findall(r"(\w*)\s?`([^`\s]+)`", text):
        path = quoted.split("::")[0].rstrip(".,:;)")
        top = path.split("/")[0]
        if before == "new" or ("/" not in path and path not in TOP_LEVEL):
            continue
        if top not in TOP_LEVEL or any(mark in path for mark in ("*", "<", "{", "…")):
            continue
        paths.add(path)
    return paths


def exists(path: str) -> bool:
    """A file or folder of the repository, or what the docs name the Django way: a template
    (`courses/course_page.html`), a static file (`courses/seats.js`) or a migration
    (`home/0002_portal_setup`)."""
    from django.contrib.staticfiles import finders
    from django.template import TemplateDoesNotExist
    from django.template.loader import get_template

    if (BASE_DIR / path).exists() or (BASE_DIR / f"{path}.py").exists():
        return True
    app, _sep, rest = path.partition("/")
    if (BASE_DIR / app / "migrations" / f"{rest}.py").exists():
        return True
    if path.endswith((".js", ".css", ".svg", ".png", ".woff2")):
        return bool(finders.find(path))
    if path.endswith((".html", ".txt")):
        try:
            get_template(path)
        except TemplateDoesNotExist:
            return False
        return True
    return False


def documents() -> list[Path]:
    return [BASE_DIR / "README.md", *sorted((BASE_DIR / "docs").glob("*.md"))]


@pytest.mark.parametrize("document", documents(), ids=lambda path: path.name)
def test_every_path_a_doc_names_exists(document):
    missing = sorted(path for path in repository_paths(document.read_text()) if not exists(path))
    assert not missing, f"{document.name} names paths that do not exist: {missing}"
