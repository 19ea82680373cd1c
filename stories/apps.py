from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Storie e programma")

    def ready(self):
        from stories import seo, signals  # noqa: F401 — seo registers the stories' JSON-LD
        from stories import submissions  # noqa: F401 — registers the form page's view

        signals.connect()
