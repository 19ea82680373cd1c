"""Local development: debug on, a fixed insecure key, e-mail kept in var/outbox/."""

import os

from .base import *  # noqa: F403
from .env import VAR_DIR

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-dev-only-pistoia2030-not-for-production")
INTERNAL_IPS = ["127.0.0.1"]

# E-mail without an SMTP server: each message kept as one .eml file in var/outbox/, whichever
# process sent it (the server, the task worker, a command), and listed for staff in the admin
# («Posta in uscita», portal/outbox.py); each process's console says where each one went.
if not os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "portal.outbox.OutboxBackend"
    EMAIL_FILE_PATH = VAR_DIR / "outbox"

# whitenoise serves straight from the apps' static folders, no collectstatic needed.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# The development tools: `manage.py bench` and `profile_request` (ops/devtools/).
INSTALLED_APPS = [*INSTALLED_APPS, "ops.devtools"]  # noqa: F405
