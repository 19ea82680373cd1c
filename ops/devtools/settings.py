"""The production settings with the development tools (`make bench-http`, `make profile`)."""

from portal.settings.production import *  # noqa: F403
from portal.settings.production import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "ops.devtools"]
