from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home e pagine")

    def ready(self):
        from home import seo  # noqa: F401 — registers the home page's JSON-LD
