"""Fast, isolated settings for pytest: in-memory SQLite, locmem cache and e-mail."""

import os
import tempfile

from .base import *  # noqa: F403
from .caching import CACHES, REDIS_URL
from .services import DATABASES

DEBUG = False
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Redis when the suite runs against real services (`make test-services`), else locmem.
if REDIS_URL:
    CACHES["default"]["KEY_PREFIX"] = f"test-{os.getpid()}"
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "template_fragments": CACHES["template_fragments"],
    }
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="pistoia2030-media-")
WAGTAILADMIN_BASE_URL = "http://testserver"
PORTAL_SITE_FOLLOWS_BASE_URL = False  # the tests build their own sites
# A real PostgreSQL run passes DATABASE_URL; otherwise the test database is SQLite in memory.
if "DATABASE_URL" not in os.environ:
    DATABASES["default"] = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
WHITENOISE_AUTOREFRESH = True
# Tasks run at once, in the request, as the worker would run them; the tests of the queue itself
# switch to the database backend and run the real worker (tests/portal/test_tasks.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Test-client responses served from the page cache carry no template context: the page cache
# is switched on only by the tests that are about it (tests/production/).
PAGE_CACHE_ENABLED = False
WHITENOISE_USE_FINDERS = True

# The development tools: `manage.py bench` and `profile_request` (ops/devtools/).
INSTALLED_APPS = [*INSTALLED_APPS, "ops.devtools"]  # noqa: F405
