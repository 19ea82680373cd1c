from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Storie e programma")

    def ready(self):
        # Importing seo and submissions registers the stories' JSON-LD and the form's view.
        from stories import seo, signals, submissions  # noqa: F401

        signals.connect()
