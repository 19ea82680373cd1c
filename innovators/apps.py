from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InnovatorsConfig(AppConfig):
    name = "innovators"
    verbose_name = _("Innovatori")

    def ready(self):
        # Importing them registers the join form's view and the profiles' JSON-LD.
        from innovators import join, seo  # noqa: F401
        from innovators.geo import municipality_centres
        from portal.geo import register_map_centres

        register_map_centres(municipality_centres)

        # The innovators' area: the moderators' decisions on profile changes reach the person.
        from innovators.area import reviews

        reviews.register()
