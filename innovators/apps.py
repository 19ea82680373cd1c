from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InnovatorsConfig(AppConfig):
    name = "innovators"
    verbose_name = _("Innovatori")

    def ready(self):
        from innovators import seo  # noqa: F401 — registers the profiles' JSON-LD
