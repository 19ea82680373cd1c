"""A separate, migrated database for tests that run their own processes and threads.

Concurrency needs real connections: the in-memory SQLite test database shares one connection
cache, and pytest-django's test database lives inside a transaction. On the embedded default
this is a SQLite file (WAL, `BEGIN IMMEDIATE`, as in production); when the suite runs on
PostgreSQL (`make test-services`, DATABASE_URL) a fresh database on the same server.
"""

import hashlib
import os
import sqlite3
import subprocess
import sys
import uuid
from contextlib import closing, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "var" / "test-db"  # git-ignored; `make clean` removes it


def on_postgresql() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def migrations_digest() -> str:
    """A digest of what `migrate` builds the test database from: the migration files of every
    installed app (ours and the libraries') and the settings."""
    from django.apps import apps

    digest = hashlib.sha256()
    folders = [Path(app.path) / "migrations" for app in apps.get_app_configs()]
    for path in [p for folder in folders for p in sorted(folder.glob("*.py"))] + sorted(
        (ROOT / "portal" / "settings").glob("*.py")
    ):
        digest.update(str(path.relative_to(path.parents[1])).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def migrated_template() -> Path:
    """Where the migrated test database of these migrations is kept between runs."""
    return TEMPLATES / f"migrated-{migrations_digest()}.sqlite3"


def save_template(connection, path: Path):
    """Keep the freshly migrated in-memory database as `path` (written whole, then renamed: two
    workers may race) and drop the templates of older migrations."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    with closing(sqlite3.connect(partial)) as target:
        connection.connection.backup(target)
    partial.replace(path)
    for old in path.parent.glob("migrated-*.sqlite3"):
        if old != path:
            old.unlink(missing_ok=True)


def load_template(connection, path: Path):
    """Replace the in-memory database's content (schema included) with the template's."""
    with closing(sqlite3.connect(path)) as source:
        source.backup(connection.connection)


def end_other_sessions(connection):
    """End the other sessions on this PostgreSQL test database, so that pytest-django can drop
    it. The browser tests leave some: while Playwright's event loop runs in the test's thread,
    Django (through asgiref) keeps the connections that the test's ORM calls open per async
    context, and pytest-django closes only its own."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


def copy_database(source: Path, target: Path):
    """A consistent copy of a SQLite database (its WAL included)."""
    origin, copy = sqlite3.connect(source), sqlite3.connect(target)
    try:
        origin.backup(copy)
    finally:
        origin.close()
        copy.close()


@contextmanager
def separate_database(folder: Path, migrated: Path | None = None):
    """Yield the URL of an empty, migrated database; drop it afterwards. On SQLite, a copy of
    `migrated` (a database that a fresh `migrate` built) when given."""
    if not on_postgresql() and migrated:
        target = folder / "concurrency.sqlite3"
        copy_database(migrated, target)
        yield f"sqlite:///{target}"
        return
    if on_postgresql():
        import psycopg

        server = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
        name = f"concurrency_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        url = f"{server}/{name}"
    else:
        url = f"sqlite:///{folder / 'concurrency.sqlite3'}"
    try:
        run_python(url, "manage.py", "migrate", "--no-input", "-v0")
        yield url
    finally:
        if on_postgresql():
            with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_python(database_url: str, *args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return subprocess.run(
        [sys.executable, *args],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    )
