from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Storie e programma")

    def ready(self):
        # Importing them registers the stories' JSON-LD and the views of the pages' routes.
        from stories import seo, signals, submissions, views  # noqa: F401

        signals.connect()
