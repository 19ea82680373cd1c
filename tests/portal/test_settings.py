import json
import os
import re
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from django.conf import settings

from wagtail.models import Locale

import pytest

from tests.databases import copy_database

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "x" * 20 + "production-secret-key-for-the-check-only-0123456789",
    "ALLOWED_HOSTS": "pistoia2030.example.org",
}


def run_manage(*args, env=None):
    unwanted = ("SECRET_KEY", "DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    environment = {k: v for k, v in os.environ.items() if k not in unwanted}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,  # a loaded 2-core machine needs minutes for a full migrate
    )


def test_language_and_time_zone():
    assert settings.LANGUAGE_CODE == "it"
    assert settings.TIME_ZONE == "Europe/Rome"
    assert settings.WAGTAIL_I18N_ENABLED
    assert [code for code, _name in settings.LANGUAGES] == ["it", "en"]


def test_both_locales_exist(db):
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"it", "en"}


def test_map_tiles_get_the_origin():
    # OpenStreetMap refuses tiles (403) to pages sending no Referer.
    assert settings.SECURE_REFERRER_POLICY == "strict-origin-when-cross-origin"


def test_tests_use_locmem_email_and_cache():
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.locmem.EmailBackend"
    expected = "django_redis.cache.RedisCache" if os.environ.get("REDIS_URL") else "LocMemCache"
    assert settings.CACHES["default"]["BACKEND"].endswith(expected)


def settings_of(module: str, env: dict) -> dict:
    """DEBUG and SECRET_KEY of a settings module imported in a clean environment."""
    unwanted = ("SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE")
    environment = {k: v for k, v in os.environ.items() if k not in unwanted}
    code = (
        f"import json, {module} as s; "
        "print(json.dumps({'DEBUG': s.DEBUG, 'SECRET_KEY': s.SECRET_KEY}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env={**environment, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def test_base_settings_have_no_secret_and_no_debug():
    # base.py ignores DEBUG from the environment: only production.py reads it
    assert settings_of("portal.settings.base", {"DEBUG": "true"}) == {
        "DEBUG": False,
        "SECRET_KEY": "",
    }


def test_only_dev_has_debug_and_a_default_key():
    dev = settings_of("portal.settings.dev", {})
    assert dev["DEBUG"] is True and dev["SECRET_KEY"].startswith("django-insecure")
    production = settings_of("portal.settings.production", PRODUCTION_ENV)
    assert production == {"DEBUG": False, "SECRET_KEY": PRODUCTION_ENV["SECRET_KEY"]}
    troubleshooting = settings_of("portal.settings.production", {**PRODUCTION_ENV, "DEBUG": "1"})
    assert troubleshooting["DEBUG"] is True


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", "--settings=portal.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_deploy_check_is_clean(tmp_path):
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        "--settings=portal.settings.production",
        env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_database_url_switches_database(tmp_path):
    env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'other.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
    }
    code = "from django.conf import settings; print(settings.DATABASES['default']['NAME'])"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=BASE_DIR,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == str(tmp_path / "other.sqlite3")


def test_migrate_on_the_embedded_default_adds_the_cache_table(migrated_sqlite, tmp_path):
    """`make run`'s `migrate` (development settings, a SQLite file) on a database the migrations
    built (`migrated_sqlite`): nothing is left to apply, and the database cache table is made
    at the end, with no set-up step of its own."""
    if migrated_sqlite is None:
        pytest.skip("the embedded default is SQLite; this run is on PostgreSQL")
    database = tmp_path / "db.sqlite3"
    copy_database(migrated_sqlite, database)
    env = {"DATABASE_URL": f"sqlite:///{database}", "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
    result = run_manage("migrate", "--no-input", env=env)
    assert result.returncode == 0, result.stderr
    assert "No migrations to apply." in result.stdout
    with closing(sqlite3.connect(database)) as connection:
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
    assert {"portal_cache", "wagtailcore_page", "django_migrations"} <= tables


def test_the_readme_names_every_settings_module_that_reads_the_environment():
    # A read names its variable: os.environ.get("X"), env_bool("X"), "X" in os.environ, …
    reads = re.compile(
        r"""(?:os\.environ(?:\.get)?|env_bool|env_list)\s*[\(\[]\s*["'][A-Z]"""
        r"""|["'][A-Z0-9_]+["']\s+(?:not\s+)?in\s+os\.environ|dj_database_url\.config\("""
    )
    readers = {
        path.name
        for path in (BASE_DIR / "portal/settings").glob("*.py")
        if reads.search(path.read_text())
    }
    assert readers == {
        *("base.py", "services.py", "caching.py", "security.py"),
        *("dev.py", "test.py", "production.py"),
    }
    readme = (BASE_DIR / "README.md").read_text()
    section = readme.split("## Settings and environment", 1)[1].split("\n| variable", 1)[0]
    assert all(f"`{name}`" in section for name in readers)
