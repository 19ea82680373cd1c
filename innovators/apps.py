from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InnovatorsConfig(AppConfig):
    name = "innovators"
    verbose_name = _("Innovatori")

    def ready(self):
        from innovators import join  # noqa: F401 — registers the join form's view
        from innovators import seo  # noqa: F401 — registers the profiles' JSON-LD
        from innovators.geo import municipality_centres
        from portal.geo import register_map_centres

        register_map_centres(municipality_centres)
