"""Local development: debug on, a fixed insecure key, e-mail on the console."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-dev-only-pistoia2030-not-for-production")
INTERNAL_IPS = ["127.0.0.1"]

# whitenoise serves straight from the apps' static folders, no collectstatic needed.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
